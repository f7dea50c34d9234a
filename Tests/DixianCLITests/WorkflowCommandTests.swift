import DixianCore
import DixianWorkflow
import Foundation
import Testing

/// The workflow commands from the command line, on a generated Minqin county: monitoring
/// transitions, department warnings, `due` and `household show`.
@Suite(.serialized)
struct WorkflowCommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-workflow-\(UUID().uuidString)")
    static let plugins = RegistryCommandTests.plugins

    /// A generated and imported Minqin county: the database path and the interchange folder.
    func county() async throws -> (db: String, files: URL) {
        let files = folder.appendingPathComponent("county"), db = folder.appendingPathComponent("r.sqlite").path
        let generated = try await DixianProcess.run([
            "generate", "--county", "minqin", "--households", "200", "--seed", "5", "--out", files.path, "--plugins", Self.plugins,
        ])
        #expect(generated.status == 0, "\(generated.errorOutput)")
        let imported = try await DixianProcess.run(["import", files.path, "--db", db])
        #expect(imported.status == 0, "\(imported.errorOutput)")
        return (db, files)
    }

    /// The first row of `file` whose `column` is `value`, as a dictionary by column.
    func row(_ files: URL, _ file: String, where column: String, is value: String) throws -> [String: String] {
        let lines = try String(contentsOf: files.appendingPathComponent(file), encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let row = Dictionary(uniqueKeysWithValues: zip(header, fields))
            if row[column] == value { return row }
        }
        throw CocoaError(.fileReadCorruptFile)
    }

    func dixian(_ arguments: [String], db: String) async throws -> DixianProcess.Outcome {
        try await DixianProcess.run(arguments + ["--db", db, "--plugin", "minqin", "--plugins", Self.plugins, "--actor", "乡镇:王核查"])
    }

    /// Issue 23: a workflow command re-screens the household it changed as soon as it is
    /// committed, so `screen --changed` finds nothing left to do, and the current state is what
    /// a full run gives (`screen --verify`), deadline items included.
    @Test func aVisitReScreensItsHouseholdAndTheCurrentStateIsWhatAFullRunGives() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (db, files) = try await county()
        let today = LocalDate.today.description
        let household = try row(files, "households.csv", where: "category", is: "general")["number"]!
        let screened = try await dixian(["screen", "--as-of", today, "--limit", "0"], db: db)
        #expect([0, 3].contains(screened.status), "\(screened.errorOutput)")
        #expect(screened.output.contains("共筛查 200 户"), "\(screened.output)")

        let visited = try await dixian(["visit", "record", "--household", household, "--on", today, "--visitor", "李帮扶",
                                        "--role", "helper", "--notes", "入户核实收入"], db: db)
        #expect(visited.status == 0, "\(visited.errorOutput)")
        #expect(!visited.errorOutput.contains("重新筛查"), "\(visited.errorOutput)")
        let changed = try await dixian(["screen", "--changed", "--as-of", today, "--limit", "0"], db: db)
        #expect(changed.output.contains("共筛查 0 户"), "\(changed.output)")

        let verified = try await dixian(["screen", "--verify", "--as-of", today], db: db)
        #expect(verified.status == 0, "\(verified.output)\(verified.errorOutput)")
        #expect(verified.output.contains("核对无误：重新筛查 200 户") && verified.output.contains("期限事项核对无误"), "\(verified.output)")

        // The next day, --changed re-screens the households woken by the date (their rules read
        // it, a member's birthday) and says how many; the state is then what a full run gives.
        let tomorrow = LocalDate.today.adding(days: 1).description
        let later = try await dixian(["screen", "--changed", "--as-of", tomorrow, "--limit", "0"], db: db)
        #expect(later.status == 0 || later.status == 3, "\(later.errorOutput)")
        let woken = try #require(later.errorOutput.firstMatch(of: /只重新筛查了有变更或到期需复查的 (\d+) 户/).map { Int($0.1)! },
                                 "\(later.errorOutput)")
        #expect(woken <= 200)
        let movedOn = try await dixian(["screen", "--verify", "--as-of", tomorrow], db: db)
        #expect(movedOn.status == 0, "\(movedOn.output)\(movedOn.errorOutput)")
        #expect(movedOn.output.contains("核对无误") && movedOn.output.contains("期限事项核对无误"), "\(movedOn.output)")
    }

    /// Issue 23: an import with a plugin re-screens the households it brought in as soon as it
    /// is committed, as a workflow command does.
    @Test func anImportReScreensItsHouseholds() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (db, files) = try await county()
        let today = LocalDate.today.description
        _ = try await dixian(["screen", "--as-of", today, "--limit", "0"], db: db)
        // One more household, in a folder of its own.
        let more = folder.appendingPathComponent("more")
        try FileManager.default.createDirectory(at: more, withIntermediateDirectories: true)
        let lines = try String(contentsOf: files.appendingPathComponent("households.csv"), encoding: .utf8).split(separator: "\n")
        let added = lines[1].replacingOccurrences(of: #"^\d{16}"#, with: "6206211000019999", options: .regularExpression)
        try (lines[0] + "\n" + added + "\n").write(to: more.appendingPathComponent("households.csv"), atomically: true, encoding: .utf8)
        let imported = try await DixianProcess.run(["import", more.path, "--db", db, "--plugin", "minqin", "--plugins", Self.plugins])
        #expect(imported.status == 0, "\(imported.errorOutput)")
        let changed = try await dixian(["screen", "--changed", "--as-of", today, "--limit", "0"], db: db)
        #expect(changed.errorOutput.contains("只重新筛查了有变更的 0 户"), "the import's own re-screening left nothing: \(changed.errorOutput)")
    }

    @Test func aSelfReportIsTakenThroughTheLifecycleAndARefusalIsExplainedInChinese() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (db, files) = try await county()
        let household = try row(files, "households.csv", where: "category", is: "general")["number"]!
        let reported = try await dixian(["monitor", "report", "--household", household, "--channel", "农户自主申报", "--on", "2024-09-27"], db: db)
        #expect(reported.status == 0, "\(reported.errorOutput)")
        let episode = try #require(reported.output.firstMatch(of: /监测记录(\d+)/).map { String($0.1) })
        let again = try await dixian(["monitor", "report", "--household", household, "--channel", "cadre-visit", "--on", "2024-09-28"], db: db)
        #expect(again.status == 2)
        #expect(again.errorOutput.contains("该户已有未结束的监测记录（编号\(episode)，已上报）"))

        let verified = try await dixian(["monitor", "verify", "--episode", episode, "--on", "2024-09-30", "--by", "王核查"], db: db)
        #expect(verified.output.contains("核实，现为“已核实”"))
        let unexplained = try await dixian(["monitor", "answer", "--episode", episode, "--rejected", "--on", "2024-10-08"], db: db)
        #expect(unexplained.status == 2)
        #expect(unexplained.errorOutput.contains("“反馈”须书面说明原因"))

        let due = try await DixianProcess.run(["due", "--db", db, "--plugin", "minqin", "--plugins", Self.plugins, "--as-of", "2024-10-14", "--format", "json"])
        #expect(due.status == 0, "\(due.errorOutput)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(due.output.utf8)) as? [String: Any])
        let items = try #require(document["items"] as? [[String: Any]])
            .filter { $0["household"] as? String == household && $0["source"] as? String == "deadline:minqin.self-report" }
        #expect(items.count == 2)
        #expect(items.allSatisfy { $0["due_on"] as? String == "2024-10-12" && $0["overdue"] as? Bool == true })

        let shown = try await dixian(["household", "show", household], db: db)
        #expect(shown.status == 0)
        #expect(shown.output.contains("监测记录 \(episode)  农户自主申报  2024-09-27  已核实"))
        #expect(shown.output.contains("2024-09-30  核实  王核查"))
        #expect(shown.output.contains("********"))
        // The township and village by name, with their codes, as `dixian due` names them.
        let township = String(household.prefix(9)), village = String(household.prefix(12))
        #expect(shown.output.contains(try Regex("乡镇 [^（\\s]+（\(township)）  村 [^（\\s]+（\(village)）")), "\(shown.output)")
    }

    @Test func aPluginInZhCNGetsEveryRefusalOfMonitorVerifyInChinese() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (db, files) = try await county()
        let plugin = folder.appendingPathComponent("plugins/minqin-cn")
        try FileManager.default.createDirectory(at: plugin, withIntermediateDirectories: true)
        try """
            return { id = 'minqin-cn', name = '民勤县', api = 1, version = '1', areas = { '620621' },
                     extends = 'minqin', language = 'zh-CN' }
            """.write(to: plugin.appendingPathComponent("plugin.lua"), atomically: true, encoding: .utf8)
        func dixian(_ arguments: [String]) async throws -> DixianProcess.Outcome {
            try await DixianProcess.run(arguments + [
                "--db", db, "--plugin", "minqin-cn", "--plugins", plugin.deletingLastPathComponent().path,
                "--plugins", Self.plugins, "--actor", "乡镇:王核查",
            ])
        }
        let household = try row(files, "households.csv", where: "category", is: "general")["number"]!
        let reported = try await dixian(["monitor", "report", "--household", household, "--channel", "农户自主申报", "--on", "2024-09-27"])
        #expect(reported.status == 0, "\(reported.errorOutput)")
        let episode = try #require(reported.output.firstMatch(of: /监测记录(\d+)/).map { String($0.1) })
        let future = try await dixian(["monitor", "verify", "--episode", episode, "--on", "2999-01-01", "--by", "王核查"])
        #expect(future.status == 2)
        #expect(future.errorOutput.contains("日期2999-01-01晚于今天"), "\(future.errorOutput)")
        let verified = try await dixian(["monitor", "verify", "--episode", episode, "--on", "2024-09-30", "--by", "王核查"])
        #expect(verified.status == 0, "\(verified.errorOutput)")
        let again = try await dixian(["monitor", "verify", "--episode", episode, "--on", "2024-10-01", "--by", "王核查"])
        #expect(again.status == 2)
        #expect(again.errorOutput.contains("监测状态为“已核实”，不能“核实”"), "\(again.errorOutput)")
    }

    @Test func departmentWarningsAreMatchedByIDNumberAndUnmatchedOnesAreKept() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (db, files) = try await county()
        let member = try row(files, "members.csv", where: "relation", is: "户主")
        let stranger = try ResidentID(areaCode: "620621", birthDate: LocalDate(iso: "1980-02-02")!, sequence: 777).rawValue
        var bad = Array(stranger)
        bad[17] = bad[17] == "0" ? "1" : "0"
        let file = folder.appendingPathComponent("push.csv")
        try "预警部门,身份证号,预警日期,预警原因\n医保,\(member["resident_id"]!),2024-06-28,个人自付医疗费用较高\n民政,\(String(bad)),2024-06-28,新纳入低保\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let refused = try await dixian(["import", "warnings", file.path], db: db)
        #expect(refused.status == 1)
        #expect(refused.errorOutput.contains("push.csv:3: 身份证号:"))

        try "预警部门,身份证号,预警日期,预警原因\n医保,\(member["resident_id"]!),2024-06-28,个人自付医疗费用较高\n民政,\(stranger),2024-06-28,新纳入低保\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let imported = try await dixian(["import", "warnings", file.path], db: db)
        #expect(imported.status == 0, "\(imported.errorOutput)")
        #expect(imported.output.contains("已导入预警2条：匹配到农户1条，未匹配1条"))
        #expect(imported.output.contains("push.csv:3"))
        let warning = try #require(imported.output.firstMatch(of: /预警 (\d+)/).map { String($0.1) })

        let unverified = try await dixian(["warning", "close", warning, "--result", " ", "--on", "2024-07-02"], db: db)
        #expect(unverified.status == 2)
        #expect(unverified.errorOutput.contains("须填写核实结果"))
        let closed = try await dixian(["warning", "close", warning, "--result", "非本县户籍人员，已反馈民政部门", "--on", "2024-07-02"], db: db)
        #expect(closed.status == 0, "\(closed.errorOutput)")
        let due = try await DixianProcess.run(["due", "--db", db, "--plugin", "minqin", "--plugins", Self.plugins, "--as-of", "2024-07-03", "--format", "csv"])
        #expect(due.status == 0, "\(due.errorOutput)")
        #expect(!due.output.contains("warning:\(warning),"))
    }
}
