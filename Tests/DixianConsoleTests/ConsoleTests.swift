import DixianConsole
import DixianCore
import DixianPlugins
import DixianSQLite
import DixianTestSupport
import Foundation
import LuaHost
import Testing

/// The console's evaluation, bound API, write sessions, completion and printing, on the
/// fixture household with Minqin's plugin.
struct ConsoleTests {
    static let plugins = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Plugins")

    /// The test's files, removed after it.
    let scratch = TemporaryFolder("dixian-console")

    /// A registry file holding the fixtures, and its path.
    func registry() async throws -> String {
        let path = scratch.path("registry-\(UUID().uuidString).sqlite")
        try await SQLiteRegistry(path: path).apply(Fixtures.everyKind.map(RegistryChange.insert), as: "test")
        return path
    }

    static func console(_ path: String, write: Bool = false) throws -> Console {
        let catalog = PluginCatalog(searchPath: [plugins])
        return try Console(db: path, chain: try catalog.chain(for: try catalog.plugin("minqin")),
                           options: Console.Options(write: write, actor: "县农业农村局:管理员王", asOf: LocalDate(iso: "2024-10-31")!))
    }

    /// Evaluates `source` on a thread of its own, as the console runs on the terminal's thread:
    /// its workflow functions wait for the registry, which must not block the test's pool.
    func run(_ console: Console, _ source: String) async -> Console.Outcome {
        let handle = ConsoleHandle(console: console)
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: handle.console.evaluate(source)) }
        }
    }

    func values(_ outcome: Console.Outcome) throws -> [LuaValue] {
        switch outcome {
        case .values(let values): return values
        case .incomplete: throw ConsoleError("incomplete")
        case .failed(let error): throw error
        }
    }

    @Test func expressionsPrintTheirValuesAndStatementsRunQuietly() async throws {
        let console = try Self.console(try await registry())
        #expect(try values(await run(console, "=6*7")) == [42])
        #expect(try values(await run(console, "x = 5")) == [])
        #expect(try values(await run(console, "x, today")) == [5, "2024-10-31"])
    }

    @Test func anUnfinishedChunkAsksForMoreLines() async throws {
        let console = try Self.console(try await registry())
        guard case .incomplete = await run(console, "function sq(x)") else { Issue.record("expected more input"); return }
        guard case .incomplete = await run(console, "function sq(x)\n  return x * x") else { Issue.record("expected more input"); return }
        #expect(try values(await run(console, "function sq(x)\n  return x * x\nend")) == [])
        #expect(try values(await run(console, "sq(9)")) == [81])
        guard case .failed(let error) = await run(console, "return )") else { Issue.record("expected a syntax error"); return }
        #expect(error.message.hasPrefix("console:1:"))
    }

    @Test func aHouseholdIsShownAsOfficialsReadIt() async throws {
        let console = try Self.console(try await registry())
        let value = try values(await run(console, "household('\(Fixtures.household.number)')"))
        let text = ConsolePrinter(language: .chinese).format(value)
        #expect(text.hasPrefix("户 6206211002010001  张三  监测户/突发严重困难户  3人  村 620621100201  帮扶责任人 李帮扶"))
        #expect(text.contains("张小明  之子"))
        let (found, total) = try (values(await run(console, "find{ category = 'monitored' }")), 1)
        #expect(found.count == 2 && found[1] == .integer(Int64(total)))
        #expect(try values(await run(console, "#find{ category = 'general' }")) == [0])
    }

    /// Issue 25, item 13: text typed into a public form or an imported file may hold escape
    /// sequences; the console shows them as text and never sends them to the terminal.
    @Test func controlCharactersArePrintedEscaped() {
        let printer = ConsolePrinter(language: .chinese)
        #expect(printer.format([.string("张\u{1B}]0;pwned\u{07}三"), .string("a\tb")]) == "张\\x1B]0;pwned\\x07三\ta\\tb")
        let table = LuaValue.table(LuaTable(fields: ["name": .string("\u{1B}[2J王五"), "note": .string("\u{9B}31m")]))
        #expect(!printer.format(table).unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" })
    }

    @Test func checksAndDeadlinesRunOnAHousehold() async throws {
        let console = try Self.console(try await registry())
        let findings = try values(await run(console, "check('\(Fixtures.household.number)')")).first?.tableValue?.array ?? []
        #expect(findings.contains { $0["check"] == "minqin.six-must-visit" })
        guard case .failed(let error) = await run(console, "find{ colour = 'red' }") else { Issue.record("expected an error"); return }
        #expect(error.message.contains("find：没有筛选项“colour”"))
    }

    @Test func dueShowsAStepDoneLateWithItsDateAndNotAsOverdue() async throws {
        let path = try await registry()
        // Identified on 14 October: 15 days from the report of 27 September ended on 12 October.
        var episode = try #require(Fixtures.everyKind.lazy.compactMap { record -> MonitoringEpisode? in
            if case .monitoringEpisode(let episode) = record { episode } else { nil }
        }.first)
        episode.identifiedOn = LocalDate(iso: "2024-10-14")!
        try await SQLiteRegistry(path: path).apply([.update(.monitoringEpisode(episode))], as: "test")
        let items = try values(await run(try Self.console(path), "due('\(Fixtures.household.number)')")).first?.tableValue?.array ?? []
        let late = items.filter { $0["deadline"] == "minqin.self-report" }
        #expect(late.map { "\($0["due_on"].stringValue ?? "") \($0["done_on"].stringValue ?? "") \($0["overdue"])" }
            == ["2024-10-12 2024-10-14 \(LuaValue.boolean(false))"])
    }

    @Test func theConsoleIsReadOnlyUnlessOpenedForWriting() async throws {
        let console = try Self.console(try await registry())
        guard case .failed(let error) = await run(console, 
            "monitor('report', { household = '\(Fixtures.household.number)', channel = 'self-report', on = '2024-10-01' })")
        else { Issue.record("a read-only console changed the registry"); return }
        #expect(error.message.contains("monitor：控制台为只读；要修改登记库，请用 --write 启动"))
    }

    @Test func changesJoinOneTransactionThatCommitEndsAndTheAuditNamesTheAdministrator() async throws {
        let path = try await registry()
        let outside = try SQLiteRegistry(path: path)
        let episodes = { try await outside.records(in: .monitoringEpisode, where: "household_number", equals: Fixtures.household.number).count }
        let before = try await episodes()
        let console = try Self.console(path, write: true)
        guard case .failed(let refusal) = await run(console, "monitor('verify', { episode = 1, on = '2024-10-30' })") else {
            Issue.record("an identified episode was verified again"); return
        }
        #expect(refusal.message.hasSuffix("监测状态为“已认定”，不能“核实”"))
        _ = try values(await run(console, "visit{ household = '\(Fixtures.household.number)', visitor = '李帮扶', role = 'helper', on = '2024-10-30' }"))
        #expect(console.uncommittedChanges >= 1)
        #expect(try await outside.records(in: .visit, where: "household_number", equals: Fixtures.household.number).count == 1)
        _ = try values(await run(console, "rollback()"))
        #expect(console.uncommittedChanges == 0)
        _ = try values(await run(console, "visit{ household = '\(Fixtures.household.number)', visitor = '李帮扶', role = 'helper', on = '2024-10-30' }"))
        #expect(try outside.changedHouseholds(area: nil)[Fixtures.household.number] != nil)
        // commit() also re-screens the households its changes marked (issue 23), and says nothing when that works.
        #expect(try values(await run(console, "commit()")).isEmpty)
        #expect(try outside.changedHouseholds(area: nil)[Fixtures.household.number] == nil)
        #expect(try outside.currentState(plugin: "minqin") == nil, "a re-screening of some households makes no state")
        #expect(try await outside.records(in: .visit, where: "household_number", equals: Fixtures.household.number).count == 2)
        #expect(try await outside.auditTrail(ofHousehold: Fixtures.household.number).last?.actor == "县农业农村局:管理员王")
        #expect(try await episodes() == before)
    }

    @Test func reloadPicksUpAnEditedPlugin() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-reload-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let checks = folder.appendingPathComponent("trial/checks")
        try FileManager.default.createDirectory(at: checks, withIntermediateDirectories: true)
        try "return { id = 'trial', name = '试行', api = 1, version = '1', areas = { '620621' }, extends = 'minqin' }"
            .write(to: folder.appendingPathComponent("trial/plugin.lua"), atomically: true, encoding: .utf8)
        func rule(_ message: String) throws {
            try "dixian.check { id = 'trial.rule', title = '试行规则', run = function(h) return '\(message)' end }"
                .write(to: checks.appendingPathComponent("rule.lua"), atomically: true, encoding: .utf8)
        }
        try rule("第一版")
        let catalog = PluginCatalog(searchPath: [folder, Self.plugins])
        let console = try Console(db: try await registry(), chain: try catalog.chain(for: try catalog.plugin("trial")),
                                  options: Console.Options(write: false, actor: "王", asOf: LocalDate(iso: "2024-10-31")!))
        let trial = "local m for _, f in ipairs(check('\(Fixtures.household.number)')) do if f.check == 'trial.rule' then m = f.message end end return m"
        #expect(try values(await run(console, trial)) == ["第一版"])
        try rule("第二版")
        #expect(try values(await run(console, trial)) == ["第一版"])
        _ = try values(await run(console, "reload()"))
        #expect(try values(await run(console, trial)) == ["第二版"])
    }

    @Test func aReportRendersAsMarkdownOrToAFile() async throws {
        let console = try Self.console(try await registry())
        let text = try values(await run(console, "report('asset-ledger')")).first?.stringValue ?? ""
        #expect(text.hasPrefix("# 扶贫项目资产台账（截至2024-10-31）"))
        let out = scratch.url.appendingPathComponent("ledger.html")
        #expect(try values(await run(console, "report('asset-ledger', { out = '\(out.path)' })")) == [.string(out.path)])
        #expect(try String(contentsOf: out, encoding: .utf8).contains("<h1>扶贫项目资产台账（截至2024-10-31）</h1>"))
    }

    @Test func completionOffersGlobalsAndTheFieldsOfTables() async throws {
        let console = try Self.console(try await registry())
        #expect(console.completions(for: "hou") == ["household"])
        #expect(console.completions(for: "ro").contains("rollback"))
        _ = try values(await run(console, "h = household('\(Fixtures.household.number)')"))
        #expect(console.completions(for: "h.mem") == ["h.members"])
        #expect(console.completions(for: "h.head_") == ["h.head_name"])
        #expect(console.completions(for: "string.up") == ["string.upper"])
    }

    @Test func helpAndThePluginAPIReferenceListTheSameFunctions() throws {
        let reference = try String(contentsOf: Self.plugins.deletingLastPathComponent().appendingPathComponent("docs/plugin-api.md"),
                                   encoding: .utf8)
        #expect(reference.contains(ConsoleAPI.markdownTable), "docs/plugin-api.md must hold ConsoleAPI.markdownTable as it is")
        #expect(ConsoleAPI.help(in: .english).contains("household(number [, date])") && ConsoleAPI.help(in: .chinese).contains("一户在控制台日期"))
    }
}

/// The console handed to the thread that evaluates; the test waits meanwhile.
private struct ConsoleHandle: @unchecked Sendable { let console: Console }
