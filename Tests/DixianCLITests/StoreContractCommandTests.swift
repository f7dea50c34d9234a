import DixianTestSupport
import Foundation
import Testing

/// Every command that reads or writes the registry gives the same output on SQLite and on
/// PostgreSQL: the same county imported into each, the same commands run on each, byte for
/// byte (issue 22).
struct StoreContractCommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-contract-\(UUID().uuidString)")

    /// The same command on both stores, its output and status the same; returns the output.
    @discardableResult
    func both(_ arguments: [String], _ stores: [[String]], plugin: Bool = true, compare: Bool = true,
              sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let extra = plugin ? ["--plugin", "minqin", "--plugins", RegistryCommandTests.plugins] : []
        let outcomes = try stores.map { try DixianProcess.runBlocking(arguments + $0 + extra) }
        #expect(outcomes[0].status == 0, "\(arguments): \(outcomes[0].errorOutput)", sourceLocation: sourceLocation)
        #expect(outcomes[1].status == outcomes[0].status, "\(arguments): \(outcomes[1].errorOutput)", sourceLocation: sourceLocation)
        if compare {
            #expect(outcomes[1].output == outcomes[0].output, "\(arguments) differs between the stores", sourceLocation: sourceLocation)
        }
        return outcomes[0].output
    }

    /// The same file written by a command on each store; returns the SQLite one.
    func bothFiles(_ arguments: [String], name: String, _ stores: [[String]], sourceLocation: SourceLocation = #_sourceLocation) throws -> Data {
        let paths = ["sqlite", "postgres"].map { folder.appendingPathComponent("\($0)-\(name)").path }
        for (store, path) in zip(stores, paths) {
            let outcome = try DixianProcess.runBlocking(arguments + ["--out", path] + store + ["--plugin", "minqin", "--plugins", RegistryCommandTests.plugins])
            #expect(outcome.status == 0, "\(arguments): \(outcome.errorOutput)", sourceLocation: sourceLocation)
        }
        let files = try paths.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(files[0] == files[1], "\(name) differs between the stores", sourceLocation: sourceLocation)
        return files[0]
    }

    /// Run on a thread of its own: it waits for some fifty processes.
    @Test func everyRegistryCommandGivesTheSameOutputOnSQLiteAndPostgreSQL() async throws {
        let test = self
        try await offThePool { try test.compareTheStores() }
    }

    func compareTheStores() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let county = folder.appendingPathComponent("county").path, db = folder.appendingPathComponent("r.sqlite").path
        let generated = try DixianProcess.runBlocking([
            "generate", "--county", "minqin", "--households", "300", "--seed", "3", "--out", county, "--plugins", RegistryCommandTests.plugins,
        ])
        #expect(generated.status == 0, "\(generated.errorOutput)")
        let url = try TestPostgres.newDatabase()
        let stores = [["--db", db], ["--postgres", url]]
        for store in stores {
            let imported = try DixianProcess.runBlocking(["import", county] + store)
            #expect(imported.status == 0, "\(imported.errorOutput)")
        }

        // Reading: findings, due list, checklist, report, a household's file.
        let lines = { (data: Data) in String(decoding: data, as: UTF8.self).split(separator: "\n").count }
        let findings = try bothFiles(["screen", "--as-of", "2024-06-30", "--format", "csv"], name: "findings.csv", stores)
        #expect(lines(findings) > 10, "the county has findings to compare")
        let due = try bothFiles(["due", "--as-of", "2024-06-30", "--format", "csv"], name: "due.csv", stores)
        #expect(lines(due) > 10, "the county has work due to compare")
        let list = try bothFiles(["checklist", "six-musts-visit-list", "--as-of", "2024-06-30", "--format", "csv"], name: "list.csv", stores)
        #expect(lines(list) > 10)
        let report = try bothFiles(["report", "monthly", "--as-of", "2024-06-30", "--format", "md"], name: "monthly.md", stores)
        #expect(String(decoding: report, as: UTF8.self).contains("民勤县"))
        let households = try String(contentsOf: URL(fileURLWithPath: county).appendingPathComponent("households.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { String($0.prefix(16)) }
        let shown = try both(["household", "show", households[0], "--actor", "乡镇:王核查"], stores)
        #expect(shown.contains(households[0]))

        // Writing: each workflow command, the same ids and words on both.
        let actor = ["--actor", "乡镇:王核查"]
        let reported = try both(["monitor", "report", "--household", households[1], "--channel", "农户自主申报", "--on", "2024-06-20"] + actor, stores)
        let episode = try #require(reported.firstMatch(of: /监测记录(\d+)/).map { String($0.1) })
        try both(["monitor", "verify", "--episode", episode, "--on", "2024-06-22", "--by", "王核查"] + actor, stores)
        try both(["monitor", "answer", "--episode", episode, "--accepted", "--on", "2024-06-24"] + actor, stores)
        try both(["monitor", "approve", "--episode", episode, "--risk", "illness", "--kind", "marginal", "--on", "2024-06-26"] + actor, stores)
        let planned = try both(["plan", "make", "--episode", episode, "--on", "2024-06-27"] + actor, stores)
        let plan = try #require(planned.firstMatch(of: /(\d+)/).map { String($0.1) })
        try both(["plan", "measure", "--plan", plan, "--type", "medical", "--description", "落实医疗救助", "--unit", "县医疗保障局",
                  "--person", "王核查", "--starts", "2024-06-27", "--due", "2024-09-30"] + actor, stores)
        try both(["visit", "record", "--household", households[2], "--on", "2024-06-25", "--visitor", "李帮扶", "--role", "helper",
                  "--notes", "了解家庭收支情况"] + actor, stores)
        let opened = try both(["problem", "open", "--household", households[3], "--found-by", "县级抽查", "--on", "2024-06-26",
                               "--description", "帮扶措施落实不到位", "--unit", "乡镇人民政府", "--person", "王核查",
                               "--measure", "限期整改", "--deadline", "2024-07-26"] + actor, stores)
        let problem = try #require(opened.firstMatch(of: /(\d+)/).map { String($0.1) })
        try both(["problem", "close", problem, "--fix", "已整改到位", "--on", "2024-06-29"] + actor, stores)
        try both(["household", "show", households[1]] + actor, stores)
        let evaluated = try both(["eval", "local h = household('\(households[0])') return h.number, #h.members, h.category"], stores)
        #expect(evaluated.hasPrefix(households[0]))

        // The registries, exported, are the same files.
        let exports = ["sqlite", "postgres"].map { folder.appendingPathComponent("export-\($0)").path }
        for (store, out) in zip(stores, exports) {
            let exported = try DixianProcess.runBlocking(["export", "--out", out] + store)
            #expect(exported.status == 0, "\(exported.errorOutput)")
        }
        #expect(try PostgresCommandTests.files(in: exports[1]) == PostgresCommandTests.files(in: exports[0]))
    }
}
