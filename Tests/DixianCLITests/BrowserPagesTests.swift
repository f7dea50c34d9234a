import DixianTestSupport
import Foundation
import Testing

/// Issue 20's walk through the server's pages in headless Chromium at a 390-pixel phone width,
/// on each store (`Tests/Fixtures/browser_walk.py`, driven through the DevTools protocol): a
/// household reports online; the county reads the dashboard and a household; a village cadre
/// finds a household by its head's name, records a visit, reports a risk and opens a problem;
/// township staff find the report in 我的待办, verify and answer; a cadre's forged approval is
/// refused; the county approves, makes the plan, adds a measure and takes the four elimination
/// stages until the risk is eliminated. Every page is checked for ID numbers in full and for the escaping of the
/// hostile text typed into the forms, and left as `.build/screenshots/<store>-NN-<page>.png`.
@Suite(.serialized)
struct BrowserPagesTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-browser-\(UUID().uuidString)")
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let screenshots = package.appendingPathComponent(".build/screenshots")
    static let walk = package.appendingPathComponent("Tests/Fixtures/browser_walk.py")

    /// The store the server runs on.
    enum Store: String, CaseIterable, Sendable { case sqlite, postgresql }

    /// The pages the walk saves, in order.
    static let pages = [
        "self-report-refused", "self-report-form", "self-report-accepted", "login", "dashboard", "password", "find", "household", "cadre-find", "cadre-household",
        "visit-recorded", "risk-reported", "problem-opened", "township-work", "township-household", "verified", "answered",
        "cadre-approve-refused", "county-work", "county-household", "approved", "planned", "measure-added", "eliminate-household-check",
        "eliminate-public-review", "eliminate-village-review", "eliminate-county-approval", "county-dashboard",
    ]

    /// The rows of an interchange file, each a dictionary by column (the columns read hold no commas).
    static func rows(_ file: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: file, encoding: .utf8).split(whereSeparator: \.isNewline)
        let header = Self.header(lines[0])
        return lines.dropFirst().map { Dictionary(zip(header, $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init))) { a, _ in a } }
    }

    /// The columns of a header line, without the byte-order mark the files begin with.
    static func header(_ line: some StringProtocol) -> [String] {
        line.split(separator: ",", omittingEmptySubsequences: false).map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") }
    }

    /// Replaces household `number`'s rows of interchange file `file` with one row of `values`
    /// (by column; the others left empty, their defaults).
    static func replaceRows(of number: String, in file: URL, with values: [String: String]) throws {
        let lines = try String(contentsOf: file, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        let header = Self.header(lines[0])
        #expect(header.first == "household_number", "\(file.lastPathComponent): \(header)")
        #expect(Set(values.keys).isSubset(of: header), "\(file.lastPathComponent): \(header)")
        let kept = lines.filter { !$0.hasPrefix(number + ",") }
        try (kept + [header.map { values[$0] ?? "" }.joined(separator: ",")]).map { $0 + "\n" }.joined()
            .write(to: file, atomically: true, encoding: .utf8)
    }

    /// A head's name with markup and quotes in it (the walk's hostile text, after a surname).
    static let hostileHead = #"韩<script>alert(1)</script>"'&<>"#

    /// Gives household `number` the head's name `name` in `households.csv` (quoted as CSV quotes).
    static func renameHead(of number: String, to name: String, in files: URL) throws {
        let file = files.appendingPathComponent("households.csv")
        let lines = try String(contentsOf: file, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        let column = try #require(Self.header(lines[0]).firstIndex(of: "head_name"))
        let renamed = lines.map { line in
            guard line.hasPrefix(number + ",") else { return line }
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[column] = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            return fields.joined(separator: ",")
        }
        #expect(renamed != lines)
        try renamed.map { $0 + "\n" }.joined().write(to: file, atomically: true, encoding: .utf8)
    }

    /// Prepares household `number` so that Minqin's 七不消 guard lets its risk be eliminated:
    /// last year's income far above the line with no rigid spending, and a 两不愁三保障 survey of
    /// yesterday with every guarantee met (its plan the walk makes through the page).
    static func letEliminate(_ number: String, in files: URL) throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let now = Date(), yesterday = calendar.dateComponents([.year, .month, .day], from: calendar.date(byAdding: .day, value: -1, to: now)!)
        try replaceRows(of: number, in: files.appendingPathComponent("incomes.csv"), with: [
            "household_number": number, "year": String(calendar.component(.year, from: now) - 1), "wage": "200000",
        ])
        let yes = ["food_and_clothing", "compulsory_education", "basic_medical", "safe_housing", "housing_assessed", "water_quantity", "water_quality"]
        try replaceRows(of: number, in: files.appendingPathComponent("guarantee_surveys.csv"), with: Dictionary(uniqueKeysWithValues: yes.map { ($0, "true") })
            .merging(["household_number": number,
                      "surveyed_on": String(format: "%04d-%02d-%02d", yesterday.year!, yesterday.month!, yesterday.day!)]) { $1 })
    }

    @Test(arguments: Store.allCases)
    func theWorkOfARiskThroughThePagesAtAPhoneWidth(_ store: Store) async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = folder.appendingPathComponent("county"), db = folder.appendingPathComponent("r.sqlite").path
        #expect(try await DixianProcess.run(["generate", "--county", "minqin", "--households", "300", "--seed", "9", "--out", files.path,
                                             "--plugins", RegistryCommandTests.plugins]).status == 0)
        let monitored = Set(try Self.rows(files.appendingPathComponent("monitoring_episodes.csv")).compactMap { $0["household_number"] })
        #expect(!monitored.isEmpty)
        let members = try Self.rows(files.appendingPathComponent("members.csv"))
        // A member of a household with no monitoring episode: its self-report is taken. The export
        // masks ID numbers, so the full one comes from the generated file.
        let member = try #require(members.first { !monitored.contains($0["household_number"] ?? "") })
        // A household with no episode, some member able to work and no child out of school, for
        // the village cadre to report and the county to see through to elimination.
        let dropouts = Set(members.filter { $0["school_status"] == "dropped-out" }.compactMap { $0["household_number"] })
        let quiet = try #require(try Self.rows(files.appendingPathComponent("households.csv")).first {
            let number = $0["number"] ?? ""
            return !monitored.contains(number) && number != member["household_number"] && !dropouts.contains(number)
                && ["0", "false", "否", ""].contains($0["no_member_able_to_work"] ?? "?")
        })
        let number = try #require(quiet["number"]), head = try #require(quiet["head_name"])
        try Self.letEliminate(number, in: files)
        // The self-reporting household's head's name holds markup and quotes, as an imported
        // file may: 查户, the household page and the county's 我的待办 show it escaped.
        try Self.renameHead(of: try #require(member["household_number"]), to: Self.hostileHead, in: files)
        #expect(try await DixianProcess.run(["import", files.path, "--db", db]).status == 0)
        var registry = ["--db", db]
        if store == .postgresql {
            let url = try TestPostgres.newDatabase()
            let copied = try await DixianProcess.run(["copy", "--db", db, "--postgres", url])
            #expect(copied.status == 0, "\(copied.errorOutput)")
            registry = ["--postgres", url]
        }
        let password = "县级管理员的密码", passwordFile = folder.appendingPathComponent("password.txt")
        try password.write(to: passwordFile, atomically: true, encoding: .utf8)
        // The county; the cadre of the household's village and the staff of its township.
        for (name, role, area) in [("county", "county-administrator", "620621"), ("cadre", "village-cadre", String(number.prefix(12))),
                                   ("township", "township-staff", String(number.prefix(9)))] {
            let added = try await DixianProcess.run(["user", "add", "--name", name, "--role", role, "--area", area,
                                                     "--password-file", passwordFile.path] + registry)
            #expect(added.status == 0, "\(added.errorOutput)")
        }
        // The ID numbers in full of both households' members, which no page may show.
        let secrets = members.filter { [member["household_number"], number].contains($0["household_number"]) }.compactMap { $0["resident_id"] }
        #expect(secrets.count >= 2)

        let (server, port) = try await ServerProcess.start(registry)
        defer { server.terminate(); server.waitUntilExit() }
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
        for old in try FileManager.default.contentsOfDirectory(atPath: Self.screenshots.path) where old.hasPrefix("\(store.rawValue)-") {
            try FileManager.default.removeItem(at: Self.screenshots.appendingPathComponent(old))
        }
        let outcome = try await Tool.run(OpenPyXL.python.path, [
            Self.walk.path, "http://127.0.0.1:\(port)", store.rawValue, member["name"] ?? "", member["resident_id"] ?? "",
            password, Self.screenshots.path, Chromium.executable, number, head, secrets.joined(separator: ","),
        ])
        #expect(outcome.status == 0, Comment(rawValue: outcome.output))
        #expect(outcome.output.contains("browser session done"))
        for (index, page) in Self.pages.enumerated() {
            let file = Self.screenshots.appendingPathComponent("\(store.rawValue)-\(index < 9 ? "0" : "")\(index + 1)-\(page).png")
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            #expect(size > 1000, "\(file.lastPathComponent)")
        }
    }
}
