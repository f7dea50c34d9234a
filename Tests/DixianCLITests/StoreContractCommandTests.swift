import DixianCore
import DixianTestSupport
import Foundation
import Testing

/// Every command that reads or writes the registry gives the same output on SQLite and on
/// PostgreSQL: the same county imported into each, the same commands run on each, byte for
/// byte (issue 22).
struct StoreContractCommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-contract-\(UUID().uuidString)")

    /// The same command on both stores, its output, errors and status the same; returns the
    /// output (the errors, for a command expected to fail). `trailing` goes after the store and
    /// plugin options (a script's arguments).
    @discardableResult
    func both(_ arguments: [String], _ stores: [[String]], plugin: Bool = true, status: Int32 = 0, trailing: [String] = [],
              sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let extra = plugin ? ["--plugin", "minqin", "--plugins", RegistryCommandTests.plugins] : []
        var outcomes: [DixianProcess.Outcome] = []
        for store in stores { outcomes.append(try await DixianProcess.run(arguments + store + extra + trailing)) }
        #expect(outcomes[0].status == status, "\(arguments): \(outcomes[0].errorOutput)", sourceLocation: sourceLocation)
        #expect(outcomes[1].status == outcomes[0].status, "\(arguments): \(outcomes[1].errorOutput)", sourceLocation: sourceLocation)
        #expect(outcomes[1].output == outcomes[0].output, "\(arguments) differs between the stores", sourceLocation: sourceLocation)
        #expect(outcomes[1].errorOutput == outcomes[0].errorOutput, "\(arguments) complains differently on the stores",
                sourceLocation: sourceLocation)
        return status == 0 ? outcomes[0].output : outcomes[0].errorOutput
    }

    /// The same file written by a command on each store; returns the SQLite one.
    func bothFiles(_ arguments: [String], name: String, _ stores: [[String]], sourceLocation: SourceLocation = #_sourceLocation) async throws -> Data {
        let paths = ["sqlite", "postgres"].map { folder.appendingPathComponent("\($0)-\(name)").path }
        for (store, path) in zip(stores, paths) {
            let outcome = try await DixianProcess.run(arguments + ["--out", path] + store + ["--plugin", "minqin", "--plugins", RegistryCommandTests.plugins])
            #expect(outcome.status == 0, "\(arguments): \(outcome.errorOutput)", sourceLocation: sourceLocation)
        }
        let files = try paths.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(files[0] == files[1], "\(name) differs between the stores", sourceLocation: sourceLocation)
        return files[0]
    }

    /// The console with --write on each store, `typed` line by line at a terminal
    /// (`Tests/Fixtures/console_session.py`): the same answers; returns the SQLite transcript.
    func console(_ typed: [String], _ stores: [[String]], sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        var transcripts: [(status: Int32, output: String)] = []
        for (index, store) in stores.enumerated() {
            transcripts.append(try await Tool.run(OpenPyXL.python.path, ConsoleSession.arguments(
                store, history: folder.appendingPathComponent("history-\(index)").path, "transcript", typed)))
        }
        #expect(transcripts[0].status == 0, "\(transcripts[0].output)", sourceLocation: sourceLocation)
        #expect(transcripts[1].status == 0, "\(transcripts[1].output)", sourceLocation: sourceLocation)
        #expect(transcripts[1].output == transcripts[0].output, "the console's session differs between the stores",
                sourceLocation: sourceLocation)
        return transcripts[0].output
    }

    /// Both registries exported (as `name`): the same files.
    func exports(_ name: String, _ stores: [[String]], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let folders = ["sqlite", "postgres"].map { folder.appendingPathComponent("\(name)-\($0)").path }
        for (store, out) in zip(stores, folders) {
            let exported = try await DixianProcess.run(["export", "--out", out] + store)
            #expect(exported.status == 0, "\(exported.errorOutput)", sourceLocation: sourceLocation)
        }
        #expect(try PostgresCommandTests.files(in: folders[1]) == PostgresCommandTests.files(in: folders[0]),
                "the registries export differently", sourceLocation: sourceLocation)
    }

    /// Each of its processes is waited for off Swift concurrency's pool (DixianProcess.run), so
    /// that what it finds is recorded against this test.
    @Test func everyRegistryCommandGivesTheSameOutputOnSQLiteAndPostgreSQL() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let county = folder.appendingPathComponent("county").path, db = folder.appendingPathComponent("r.sqlite").path
        let generated = try await DixianProcess.run([
            "generate", "--county", "minqin", "--households", "300", "--seed", "3", "--out", county, "--plugins", RegistryCommandTests.plugins,
        ])
        #expect(generated.status == 0, "\(generated.errorOutput)")
        let url = try TestPostgres.newDatabase()
        let stores = [["--db", db], ["--postgres", url]]
        for store in stores {
            let imported = try await DixianProcess.run(["import", county] + store)
            #expect(imported.status == 0, "\(imported.errorOutput)")
        }

        // Reading: findings, due list, checklist, report, a household's file.
        let lines = { (data: Data) in String(decoding: data, as: UTF8.self).split(separator: "\n").count }
        let findings = try await bothFiles(["screen", "--as-of", "2024-06-30", "--format", "csv"], name: "findings.csv", stores)
        #expect(lines(findings) > 10, "the county has findings to compare")
        let due = try await bothFiles(["due", "--as-of", "2024-06-30", "--format", "csv"], name: "due.csv", stores)
        #expect(lines(due) > 10, "the county has work due to compare")
        let list = try await bothFiles(["checklist", "six-musts-visit-list", "--as-of", "2024-06-30", "--format", "csv"], name: "list.csv", stores)
        #expect(lines(list) > 10)
        let report = try await bothFiles(["report", "monthly", "--as-of", "2024-06-30", "--format", "md"], name: "monthly.md", stores)
        #expect(String(decoding: report, as: UTF8.self).contains("民勤县"))
        let households = try String(contentsOf: URL(fileURLWithPath: county).appendingPathComponent("households.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { String($0.prefix(16)) }
        let shown = try await both(["household", "show", households[0], "--actor", "乡镇:王核查"], stores)
        #expect(shown.contains(households[0]))

        // Writing: each workflow command, the same ids and words on both.
        let actor = ["--actor", "乡镇:王核查"]
        let reported = try await both(["monitor", "report", "--household", households[1], "--channel", "农户自主申报", "--on", "2024-06-20"] + actor, stores)
        let episode = try #require(reported.firstMatch(of: /监测记录(\d+)/).map { String($0.1) })
        try await both(["monitor", "verify", "--episode", episode, "--on", "2024-06-22", "--by", "王核查"] + actor, stores)
        try await both(["monitor", "answer", "--episode", episode, "--accepted", "--on", "2024-06-24"] + actor, stores)
        try await both(["monitor", "approve", "--episode", episode, "--risk", "illness", "--kind", "marginal", "--on", "2024-06-26"] + actor, stores)
        let planned = try await both(["plan", "make", "--episode", episode, "--on", "2024-06-27"] + actor, stores)
        let plan = try #require(planned.firstMatch(of: /(\d+)/).map { String($0.1) })
        try await both(["plan", "measure", "--plan", plan, "--type", "medical", "--description", "落实医疗救助", "--unit", "县医疗保障局",
                  "--person", "王核查", "--starts", "2024-06-27", "--due", "2024-09-30"] + actor, stores)
        try await both(["visit", "record", "--household", households[2], "--on", "2024-06-25", "--visitor", "李帮扶", "--role", "helper",
                  "--notes", "了解家庭收支情况"] + actor, stores)
        let opened = try await both(["problem", "open", "--household", households[3], "--found-by", "县级抽查", "--on", "2024-06-26",
                               "--description", "帮扶措施落实不到位", "--unit", "乡镇人民政府", "--person", "王核查",
                               "--measure", "限期整改", "--deadline", "2024-07-26"] + actor, stores)
        let problem = try #require(opened.firstMatch(of: /(\d+)/).map { String($0.1) })
        try await both(["problem", "close", problem, "--fix", "已整改到位", "--on", "2024-06-29"] + actor, stores)
        try await both(["household", "show", households[1]] + actor, stores)
        let evaluated = try await both(["eval", "local h = household('\(households[0])') return h.number, #h.members, h.category"], stores)
        #expect(evaluated.hasPrefix(households[0]))

        // Households with no monitoring episode, for the reports below (beyond those used above).
        let monitored = Set(try GeneratedCounty.rows(county, "monitoring_episodes.csv").map { $0[1] })
        let fresh = households.dropFirst(4).filter { !monitored.contains($0) }
        try #require(fresh.count >= 4)

        // A department's warnings: imported (the unmatched one listed), due, closed (one opening a
        // monitoring episode), a second close refused.
        let member = try #require(try GeneratedCounty.rows(county, "members.csv").first { $0[1] == fresh[0] }?[0])
        let stranger = try ResidentID(areaCode: "620621", birthDate: LocalDate(iso: "1980-02-02")!, sequence: 777).rawValue
        let warnings = folder.appendingPathComponent("warnings.csv")
        try "预警部门,身份证号,预警日期,预警原因\n医保,\(member),2024-06-28,个人自付医疗费用较高\n民政,\(stranger),2024-06-28,新纳入低保\n"
            .write(to: warnings, atomically: true, encoding: .utf8)
        let imported = try await both(["import", "warnings", warnings.path, "--all-unmatched"] + actor, stores)
        #expect(imported.contains("已导入预警2条：匹配到农户1条，未匹配1条"), "\(imported)")
        let unmatched = try #require(imported.firstMatch(of: /预警 (\d+)/).map { String($0.1) })
        let pending = try await both(["due", "--as-of", "2024-06-30", "--format", "csv"], stores)
        let matched = try #require(pending.firstMatch(of: /warning:(\d+),[^,]*,(\d+),/).map { (String($0.1), String($0.2)) })
        #expect(matched.1 == fresh[0], "\(pending)")
        #expect(try await both(["household", "show", fresh[0]] + actor, stores).contains("待核实"))
        let closed = try await both(["warning", "close", matched.0, "--result", "因病支出较大，纳入监测", "--report", "--on", "2024-07-02"] + actor, stores)
        #expect(closed.contains("已建立监测记录"), "\(closed)")
        try await both(["warning", "close", unmatched, "--result", "非本县户籍人员，已反馈民政部门", "--on", "2024-07-02"] + actor, stores)
        let again = try await both(["warning", "close", unmatched, "--result", "再次核实", "--on", "2024-07-03"] + actor, stores, status: 2)
        #expect(again.contains("已办结"), "\(again)")
        try await both(["household", "show", fresh[0]] + actor, stores)
        #expect(try await !both(["due", "--as-of", "2024-07-03", "--format", "csv"], stores).contains("warning:\(unmatched),"))

        // Scripts (dixian run): reading; a change refused read-only; with --write and commit(), kept.
        let reader = folder.appendingPathComponent("read.lua"), writer = folder.appendingPathComponent("write.lua")
        try """
            local number, village = ...
            local found, total = find{ village = village, limit = 3 }
            print(total, #found)
            return household(number), check(number), due(number), found, screen{ village = village }
            """.write(to: reader, atomically: true, encoding: .utf8)
        try """
            local visited, reported = ...
            local visit_id = visit{ household = visited, on = '2024-06-28', visitor = '李帮扶', role = 'helper', notes = '核实务工收入' }
            local episode = monitor('report', { household = reported, channel = 'self-report', on = '2024-06-29' })
            if arg[3] == 'commit' then commit() end
            return visit_id, episode, #household(visited).visits
            """.write(to: writer, atomically: true, encoding: .utf8)
        let administrator = ["--as-of", "2024-06-30", "--actor", "县管理员:测试"]
        let village = String(households[0].prefix(12))
        let read = try await both(["run"] + administrator, stores, trailing: [reader.path, households[0], village])
        #expect(read.contains(households[0]), "\(read)")
        let refused = try await both(["run"] + administrator, stores, status: 1, trailing: [writer.path, fresh[1], fresh[1]])
        #expect(refused.contains("write.lua:2: visit：控制台为只读"), "\(refused)")
        let written = try await both(["run", "--write"] + administrator, stores, trailing: [writer.path, fresh[1], fresh[1], "commit"])
        #expect(written.split(separator: "\t").count == 3, "\(written)")
        try await both(["household", "show", fresh[1]] + actor, stores)

        // The console with --write, typed at a terminal: each line answered alike, and committed.
        let toClose = try await both(["problem", "open", "--household", fresh[2], "--found-by", "县级抽查", "--on", "2024-06-26",
                                "--description", "有家庭成员未参加基本医疗保险", "--unit", "乡镇人民政府", "--person", "王核查",
                                "--measure", "协助参保", "--deadline", "2024-07-26"] + actor, stores)
        let problemToClose = try #require(toClose.firstMatch(of: /(\d+)/).map { String($0.1) })
        let session = try await console([
            "=today",
            "e = monitor('report', { household = '\(fresh[2])', channel = 'self-report', on = '2024-06-21' })",
            "=e",
            "monitor('verify', { episode = e, on = '2024-06-23' })",
            "=visit{ household = '\(fresh[2])', on = '2024-06-28', visitor = '李帮扶', role = 'helper', notes = '核实参保情况' }",
            "close_problem{ id = \(problemToClose), fix = '已协助参保', on = '2024-06-29' }",
            "household('\(fresh[2])')",
            "check('\(fresh[2])')",
            "due('\(fresh[2])')",
            "commit()",
            "=#household('\(fresh[2])').episodes",
        ], stores)
        let episodeTyped = try #require(session.firstMatch(of: /\n=e\n(\d+)\n/).map { String($0.1) }, "\(session)")
        #expect(session.contains("verified"), "\(session)")
        try await both(["household", "show", fresh[2]] + actor, stores)

        // The registries, exported, are the same files.
        try await exports("export", stores)

        // Last, changes that are refused or dropped, each refused alike: a monitoring step out of
        // turn (at the console and by the command), a script that ends without commit() (exit 3),
        // a warning close whose report the household's open episode refuses.
        let outOfTurn = try await console(["monitor('approve', { episode = \(episodeTyped), kind = 'marginal', on = '2024-06-24' })"], stores)
        #expect(outOfTurn.contains("不能"), "\(outOfTurn)")
        let early = try await both(["monitor", "approve", "--episode", episodeTyped, "--risk", "illness", "--kind", "marginal",
                              "--on", "2024-06-24"] + actor, stores, status: 2)
        #expect(early.contains("不能"), "\(early)")
        try await both(["run", "--write"] + administrator, stores, status: 3, trailing: [writer.path, fresh[3], fresh[3]])
        let warning = folder.appendingPathComponent("warning-again.csv")
        try "预警部门,身份证号,预警日期,预警原因\n医保,\(member),2024-07-05,医疗费用仍较高\n".write(to: warning, atomically: true, encoding: .utf8)
        let reimported = try await both(["import", "warnings", warning.path] + actor, stores)
        #expect(reimported.contains("匹配到农户1条"), "\(reimported)")
        let rewarned = try #require(try await both(["due", "--as-of", "2024-07-06", "--format", "csv"], stores)
            .firstMatch(of: /warning:(\d+),[^,]*,(\d+),[^\n]*医疗费用仍较高/).map { String($0.1) })
        let busy = try await both(["warning", "close", rewarned, "--result", "仍在监测", "--report", "--on", "2024-07-06"] + actor, stores, status: 2)
        #expect(busy.contains("已有未结束的监测记录"), "\(busy)")
        // None of them took an id the stores number the next records with: a refused action is
        // refused before it takes one, and a session dropped without commit() gives its ids
        // back on PostgreSQL as on SQLite.
        try await both(["run", "--write"] + administrator, stores, trailing: [writer.path, fresh[3], fresh[3], "commit"])
        try await exports("after", stores)
    }
}
