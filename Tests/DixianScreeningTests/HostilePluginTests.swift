import DixianCore
import DixianPlugins
import DixianScreening
import DixianSQLite
import Foundation
import LuaHost
import Synchronization
import Testing

/// Plugins written to hurt: each attack is a check (or deadline, checklist row, report) of a
/// plugin of its own, run the way `screen`, `due`, `checklist` and `report` run it, under a small
/// budget. Each must end well within 30 seconds with an error naming the plugin file and the
/// attacking line, leave the process alive, and leave the other checks' findings standing.
///
/// The attacks on the budget itself (a loop in an xpcall handler, nested handlers, a coroutine
/// in a handler, `%b()` on a long subject, collectgarbage in a loop) are stopped by LuaHost; the
/// others by the plugin runtime.
@Suite(.serialized)
struct HostilePluginTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-hostile-\(UUID().uuidString)")
    static let limits = LuaLimits(instructionBudget: 200_000, memoryCap: 48 << 20)
    /// For attacks that must reach another limit (the stack, a message's length) before the
    /// budget: LuaHost charges what a script allocates against the budget.
    static let roomy = LuaLimits(instructionBudget: 20_000_000, memoryCap: 128 << 20)
    static let households = 6
    /// The line of a check file where an attack's first line lands (see `attack`).
    static let attackLine = 3

    /// Writes plugin `hostile` with `files` (path → text; `plugin.lua` is made unless given)
    /// and returns the plugin folder.
    @discardableResult
    func write(_ files: [String: String]) throws -> URL {
        let directory = root.appendingPathComponent("hostile")
        var all = files
        all["plugin.lua"] = all["plugin.lua"]
            ?? "return { id = 'hostile', name = '敌意', api = 1, version = '1.0', areas = { '620621' } }"
        for (path, text) in all {
            let file = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return directory
    }

    /// The chain of plugin `hostile` as written.
    func chain() throws -> [PluginManifest] {
        let catalog = PluginCatalog(searchPath: [root])
        return try catalog.chain(for: catalog.plugin("hostile"))
    }

    /// A plugin whose checks/a.lua declares check `fine` (a finding on every household), then
    /// check `attack`, whose run (h, ctx) is `body`, starting at line `attackLine`.
    func attack(_ body: String, files: [String: String] = [:]) throws -> [PluginManifest] {
        var all = files
        all["checks/a.lua"] = """
            dixian.check { id = 'fine', title = 'fine', run = function(h) return 'ok' end }
            dixian.check { id = 'attack', title = 'attack', run = function(h, ctx)
            \(body)
            end }
            """
        try write(all)
        return try chain()
    }

    /// Screens a registry of `households` with `chain` on a thread of its own.
    func screen(_ chain: [PluginManifest], limits: LuaLimits = limits) async throws -> ScreeningRun? {
        let store = try await ScreeningEngineTests().registry(households: Self.households)
        let engine = ScreeningEngine(chain: chain, options: .init(
            asOf: ScreeningEngineTests.asOf, actor: "测试", workers: 2, batchSize: 2, partitionSize: 4, limits: limits))
        return try finished { try engine.run(on: store).run }
    }

    /// Screens with an attack and checks what every attack must give: the run ends, is
    /// incomplete, names the attacking line (one of `lines`), and check `fine` found every household.
    @discardableResult
    func expectStopped(
        _ body: String, lines: [Int] = [attackLine], saying words: [String] = [], files: [String: String] = [:],
        limits: LuaLimits = limits
    ) async throws -> ScreeningRun? {
        defer { try? FileManager.default.removeItem(at: root) }
        guard let run = try await screen(try attack(body, files: files), limits: limits) else { return nil }
        #expect(!run.isComplete)
        #expect(run.findingsByCheck["fine"] == Self.households, "\(run.findingsByCheck)")
        let failure = run.failures.first { $0.contains("check attack") }
        #expect(lines.contains { failure?.contains("hostile/checks/a.lua:\($0):") == true }, "\(run.failures)")
        for word in words {
            #expect(failure?.contains(word) == true, "\(run.failures)")
        }
        return run
    }

    // MARK: - The budget (stopped by LuaHost)

    @Test func anEndlessLoopIsStopped() async throws {
        try await expectStopped("while true do end", saying: ["was stopped", "instruction budget"])
    }

    @Test func anEndlessLoopUnderPcallIsStopped() async throws {
        // The budget stops the loop inside the check's own pcall, and again at the check's next
        // instruction once pcall returns: on the same line here.
        try await expectStopped("pcall(function() while true do end end) return 'not reached'", saying: ["was stopped", "instruction budget"])
    }

    /// Runs check `attack` (see `attack`) alone on one household, as `screen` runs a check
    /// again alone when its batch was stopped, on a thread of its own: the error that stopped
    /// it, "ran through" when none did, or nil when it did not end within the time bound. (Not through the engine: an engine run that never
    /// ends would hold a dispatch worker for good and starve the tests that follow.)
    func stoppedAlone(_ body: String, limits: LuaLimits = limits) async throws -> String? {
        defer { try? FileManager.default.removeItem(at: root) }
        let chain = try attack(body)
        let view = try await view()
        return try finished {
            let runtime = try PluginRuntime(chain: chain, state: LuaState(limits: limits))
            try runtime.prepare(asOf: ScreeningEngineTests.asOf)
            do {
                _ = try runtime.screen([view], only: 1)
                return "ran through"
            } catch {
                return "\(error)"
            }
        }
    }

    /// Needs the sandbox fix of issue 25 item 1.
    @Test func aLoopInAnXpcallHandlerIsStopped() async throws {
        let stop = try await stoppedAlone("xpcall(error, function() while true do end end)")
        #expect(stop?.contains("hostile/checks/a.lua:3:") == true, "\(stop ?? "")")
    }

    /// Needs the sandbox fix of issue 25 item 1.
    @Test func nestedHandlersThatLoopAreStopped() async throws {
        let stop = try await stoppedAlone(
            "xpcall(function() xpcall(error, function() while true do end end) end, function() while true do end end)")
        #expect(stop?.contains("hostile/checks/a.lua:3:") == true, "\(stop ?? "")")
    }

    /// Ends today (the coroutine in the handler does not loop for ever); kept for the sandbox's fix of item 1.
    @Test func aCoroutineLoopingInsideAHandlerEnds() async throws {
        let stop = try await stoppedAlone("xpcall(error, function() coroutine.wrap(function() while true do end end)() end)")
        #expect(stop != nil)
    }

    /// Needs the sandbox fix of issue 25 item 2.
    @Test func aBalancedPatternOnALongSubjectIsStopped() async throws {
        let stop = try await stoppedAlone("return (('('):rep(200000)):find('%b()')")
        #expect(stop?.contains("hostile/checks/a.lua:3:") == true, "\(stop ?? "")")
    }

    /// Needs the sandbox fix of issue 25 item 3. A budget of a few million instructions: a
    /// collection over a heap of 20,000 tables costs about 100 µs uncounted, so today the budget
    /// lets the loop run for minutes.
    @Test func collectgarbageInALoopIsStopped() async throws {
        let stop = try await stoppedAlone(
            "local keep = {} for i = 1, 20000 do keep[i] = {} end while true do collectgarbage() end",
            limits: LuaLimits(instructionBudget: 5_000_000, memoryCap: 48 << 20))
        #expect(stop?.contains("hostile/checks/a.lua:3:") == true, "\(stop ?? "")")
    }

    // MARK: - Limits the runtime enforces

    @Test func deepRecursionSwitchesTheCheckOffAtItsFirstStop() async throws {
        let run = try await expectStopped(
            "local function deep(n) return 1 + deep(n + 1) end return deep(1)", saying: ["was stopped", "stack overflow"],
            limits: Self.roomy)
        #expect(run?.failures.contains { $0.contains("check attack failed") } == false, "\(run?.failures ?? [])")
    }

    @Test func aCStackOverflowSwitchesTheCheckOff() async throws {
        try await expectStopped(
            "local t = setmetatable({}, { __index = function(t, k) return t[k] end }) return t.x",
            saying: ["was stopped", "stack overflow"])
    }

    @Test func aMemoryHogIsSwitchedOffNamingItsLine() async throws {
        try await expectStopped("local s = string.rep('x', 64 << 20) return s", saying: ["was stopped", "memory cap"])
    }

    @Test func aTenMegabyteMessageIsRefusedNamingTheCheck() async throws {
        let run = try await expectStopped(
            "return string.rep('x', 10 << 20)", lines: [2], saying: ["returned a message of 10485760 bytes", "4096"],
            limits: Self.roomy)
        #expect(run?.findingsByCheck["attack"] == 0)
    }

    @Test func aLongMessageInAFindingTableIsRefused() async throws {
        try await expectStopped(
            "return { message = string.rep('长', 2000) }", lines: [2], saying: ["returned a message of 6000 bytes"])
    }

    @Test func aLongTitleOrIDIsRefusedWhenThePluginLoads() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write(["checks/a.lua": "dixian.check { id = 'long', title = string.rep('题', 2000), run = function() end }"])
        #expect(throws: PluginError.self) { try PluginRuntime(chain: try chain(), state: LuaState()) }
        do {
            _ = try PluginRuntime(chain: try chain(), state: LuaState())
        } catch {
            #expect("\(error)".contains("hostile/checks/a.lua:1: check 'long': 'title' is 6000 bytes long; the limit is 4096 bytes"), "\(error)")
        }
        try write(["checks/a.lua": "dixian.check { id = string.rep('a', 200), title = 't', run = function() end }"])
        #expect(throws: PluginError.self) { try PluginRuntime(chain: try chain(), state: LuaState()) }
    }

    // MARK: - Errors that named no line

    @Test func aStrayYieldNamesTheLine() async throws {
        try await expectStopped("coroutine.yield()", saying: ["yield"])
    }

    // With LuaHost's xpcall calling the handler after the stack has unwound (the sandbox's
    // fix of issue 25 item 1), the raising line is out of reach and the check's declaration
    // (line 2) is named: either is a plugin file and line.
    @Test func anErrorWithATableValueNamesTheLine() async throws {
        try await expectStopped("error({ code = 1 })", lines: [3, 2], saying: ["raised a table value"])
    }

    @Test func anErrorWithoutALocationGetsTheLine() async throws {
        try await expectStopped("error('no location', 0)", lines: [3, 2], saying: ["no location"])
    }

    @Test func anErrorFromATailCallNamesTheLine() async throws {
        try await expectStopped("return error('from a tail call')", saying: ["from a tail call"])
    }

    @Test func aCheckWhoseRunIsALibraryFunctionNamesItsDeclaration() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write(["checks/a.lua": "dixian.check { id = 'c', title = 'c', run = string.rep }"])
        let runtime = try PluginRuntime(chain: try chain(), state: LuaState(limits: Self.limits))
        try runtime.prepare(asOf: ScreeningEngineTests.asOf)
        let outcome = try runtime.screen([try await view()], only: 0)
        #expect(outcome.failures.count == 1)
        #expect(outcome.failures.allSatisfy { $0.message.hasPrefix("hostile/checks/a.lua:1: bad argument #1") }, "\(outcome.failures)")
    }

    // MARK: - The context

    @Test func theContextIsReadOnlyAndLaterChecksSeeItWhole() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write([
            "parameters.lua": """
                dixian.parameter('line', { title = 'line', value = 100 })
                dixian.parameter('ages', { title = 'ages', value = { from = 6, to = 15, grades = { 1, 2 } } })
                """,
            "checks/a.lua": """
                dixian.check { id = 'line', title = 'line', run = function(h, ctx)
                  ctx.params.line = 0
                end }
                dixian.check { id = 'date', title = 'date', run = function(h, ctx)
                  ctx.as_of = '1900-01-01'
                end }
                dixian.check { id = 'nested', title = 'nested', run = function(h, ctx)
                  ctx.params.ages.grades[1] = 99
                end }
                dixian.check { id = 'api', title = 'api', run = function(h, ctx)
                  dixian.date.add_days = nil
                end }
                dixian.check { id = 'param', title = 'param', run = function(h, ctx)
                  ctx.param('ages').from = 0
                end }
                dixian.check { id = 'reads', title = 'reads', run = function(h, ctx)
                  return string.format('%s %d %d %d %d %s', ctx.as_of, ctx.params.line, ctx.params.ages.from,
                    ctx.params.ages.grades[1], #ctx.params.ages.grades, dixian.date.add_days(ctx.as_of, 1))
                end }
                """,
        ])
        let store = try await ScreeningEngineTests().registry(households: Self.households)
        let engine = ScreeningEngine(chain: try chain(), options: .init(
            asOf: ScreeningEngineTests.asOf, actor: "测试", workers: 2, batchSize: 2, partitionSize: 4, limits: Self.limits))
        guard let run = try finished({ try engine.run(on: store).run }) else { return }
        #expect(run.findingsByCheck["reads"] == Self.households)
        var messages: Set<String> = []
        try store.forEachFinding(ofRun: run.id!) { messages.insert($0.message) }
        #expect(messages == ["2024-06-30 100 6 1 2 2024-07-01"])
        for expected in [
            "hostile/checks/a.lua:2: the screening context is read-only: cannot set ctx.params.line",
            "hostile/checks/a.lua:5: the screening context is read-only: cannot set ctx.as_of",
            "hostile/checks/a.lua:8: the screening context is read-only: cannot set ctx.params.ages.grades.1",
            "hostile/checks/a.lua:11: the dixian table is read-only: cannot set dixian.date.add_days",
            "hostile/checks/a.lua:14: the screening context is read-only: cannot set ctx.params.ages.from",
        ] {
            #expect(run.failures.contains { $0.contains(expected) }, "\(expected) in \(run.failures)")
        }
    }

    @Test func theContextStillReadsLikeATable() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write([
            "parameters.lua": "dixian.parameter('words', { title = 'words', value = { 'a', 'b', c = 'd' } })",
            "checks/a.lua": """
                dixian.check { id = 'reads', title = 'reads', run = function(h, ctx)
                  local keys = {}
                  for k, v in pairs(ctx.params.words) do keys[#keys + 1] = tostring(k) .. '=' .. v end
                  table.sort(keys)
                  local listed = {}
                  for _, v in ipairs(ctx.params.words) do listed[#listed + 1] = v end
                  return table.concat(keys, ',') .. ' ' .. table.concat(listed, ',') .. ' ' .. #ctx.params.words
                    .. ' ' .. table.concat(ctx.params.words, '+')
                end }
                """,
        ])
        let runtime = try PluginRuntime(chain: try chain(), state: LuaState(limits: Self.limits))
        try runtime.prepare(asOf: ScreeningEngineTests.asOf)
        let outcome = try runtime.screen([try await view()])
        #expect(outcome.failures.isEmpty, "\(outcome.failures)")
        #expect(outcome.findings.map(\.message) == ["1=a,2=b,c=d a,b 2 a+b"])
    }

    // MARK: - Declarations after loading

    @Test func declaringInsideACheckRaisesNamingTheLine() async throws {
        let run = try await expectStopped(
            "dixian.check { id = 'late', title = 'late', run = function() return 'late' end }",
            saying: ["dixian.check: declarations are only possible while the plugin loads"])
        #expect(run?.findingsByCheck["late"] == nil)
    }

    @Test func everyDeclarationIsRefusedAfterLoading() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let calls = [
            "dixian.parameter('p', { value = 1 })", "dixian.asset_check { id = 'x', title = 'x', run = print }",
            "dixian.remove_check('fine')", "dixian.guard { id = 'x', title = 'x', transition = 'eliminate', run = print }",
            "dixian.calendar { id = 'x', title = 'x' }", "dixian.deadline { id = 'x', title = 'x', responsible = 'x', run = print }",
            "dixian.duty { id = 'x', title = 'x', responsible = 'x', day = 1 }",
            "dixian.checklist { id = 'x', title = 'x', columns = { { key = 'a', title = 'a' } }, row = print }",
            "dixian.report { id = 'x', title = 'x', render = print }", "dixian.export('x', 1)",
            "dixian.spec('x', { as_of = '2024-01-01', household = {} })",
        ]
        try write(["checks/a.lua": calls.enumerated().map { index, call in
            "dixian.check { id = 'c\(index)', title = 'c', run = function() \(call) end }"
        }.joined(separator: "\n")])
        let runtime = try PluginRuntime(chain: try chain(), state: LuaState(limits: Self.limits))
        try runtime.prepare(asOf: ScreeningEngineTests.asOf)
        let outcome = try runtime.screen([try await view()])
        #expect(outcome.findings.isEmpty)
        for (index, call) in calls.enumerated() {
            let name = String(call.prefix { $0 != "(" && $0 != " " })
            #expect(outcome.failures.contains {
                $0.check == index && $0.message.hasPrefix("hostile/checks/a.lua:\(index + 1): \(name): declarations are only possible")
            }, "\(call): \(outcome.failures)")
        }
    }

    // MARK: - Deadlines, checklists, reports (what `due`, `checklist` and `report` run)

    @Test func aDeadlineThatOverflowsTheStackStopsItsBatchForTheDueListToSwitchItOff() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write(["deadlines/a.lua": """
            dixian.deadline { id = 'deep', title = 'deep', responsible = 'x', run = function(h, ctx)
              local function deep(n) return 1 + deep(n + 1) end return deep(1)
            end }
            """])
        let runtime = try PluginRuntime(chain: try chain(), state: LuaState(limits: Self.roomy))
        try runtime.prepare(asOf: ScreeningEngineTests.asOf)
        let views = [try await view()]
        let error = thrownMessage { _ = try runtime.deadlines(views) }
        #expect(error.contains("hostile/deadlines/a.lua:2: stack overflow"), "\(error)")
    }

    @Test func aDeadlineItemWithAHugeMessageIsRefused() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write(["deadlines/a.lua": """
            dixian.deadline { id = 'big', title = 'big', responsible = 'x', run = function(h, ctx)
              return { due_on = ctx.as_of, message = string.rep('x', 10 << 20) }
            end }
            """])
        let runtime = try PluginRuntime(chain: try chain(), state: LuaState(limits: Self.roomy))
        try runtime.prepare(asOf: ScreeningEngineTests.asOf)
        let outcome = try runtime.deadlines([try await view()])
        #expect(outcome.items.isEmpty)
        #expect(outcome.failures.map(\.message) == [
            "hostile/deadlines/a.lua:1: deadline big returned an item whose message is 10485760 bytes long; the limit is 4096 bytes",
        ])
    }

    /// Needs the sandbox fix of issue 25 item 1.
    @Test func aChecklistRowLoopingInAHandlerIsStopped() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write(["checklists/a.lua": """
            dixian.checklist { id = 'list', title = 'list', columns = { { key = 'a', title = 'a' } }, row = function(h, ctx)
              xpcall(error, function() while true do end end)
            end }
            """])
        let chain = try chain()
        let view = try await view()
        let outcome = try finished { () -> String in
            let runtime = try PluginRuntime(chain: chain, state: LuaState(limits: Self.limits))
            try runtime.prepare(asOf: ScreeningEngineTests.asOf)
            do {
                _ = try runtime.checklistRows("list", for: [view])
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        #expect(outcome?.contains("hostile/checklists/a.lua:2:") == true, "\(outcome ?? "")")
    }

    @Test func aReportThatDeclaresWhileRenderingIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write(["reports/a.lua": """
            dixian.report { id = 'r', title = 'r', render = function(data, ctx)
              dixian.report { id = 'late', title = 'late', render = function() return {} end }
              return {}
            end }
            """])
        let runtime = try PluginRuntime(chain: try chain(), state: LuaState(limits: Self.limits))
        try runtime.prepare(asOf: ScreeningEngineTests.asOf)
        let error = thrownMessage { _ = try runtime.renderReport("r", data: LuaTableReference(in: runtime.state)) }
        #expect(error.contains("hostile/reports/a.lua:2: dixian.report: declarations are only possible while the plugin loads"), "\(error)")
    }

    /// Needs the sandbox fix of issue 25 item 1.
    @Test func aReportLoopingInAHandlerIsStopped() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write(["reports/a.lua": """
            dixian.report { id = 'r', title = 'r', render = function(data, ctx)
              xpcall(error, function() while true do end end)
            end }
            """])
        let chain = try chain()
        let outcome = try finished { () -> String in
            let runtime = try PluginRuntime(chain: chain, state: LuaState(limits: Self.limits))
            try runtime.prepare(asOf: ScreeningEngineTests.asOf)
            do {
                _ = try runtime.renderReport("r", data: LuaTableReference(in: runtime.state))
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        #expect(outcome?.contains("hostile/reports/a.lua:2:") == true, "\(outcome ?? "")")
    }

    // MARK: - Files from outside the plugin folder

    /// A Lua file outside every plugin folder, holding a check.
    func outsider() throws -> URL {
        let outside = root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try "dixian.check { id = 'outsider', title = 'outsider', run = function() return 'from outside' end }"
            .write(to: outside.appendingPathComponent("evil.lua"), atomically: true, encoding: .utf8)
        return outside
    }

    /// Expects plugin `hostile` not to load, naming `file` as leading outside its folder.
    func expectRefusedOnLoading(_ file: String) {
        let error = thrownMessage { _ = try PluginRuntime(chain: try chain(), state: LuaState()) }
        #expect(error.contains("\(file): refused") && error.contains("outside the plugin folder"), "\(error)")
    }

    @Test func aSymlinkedCheckFileLeadingOutsideIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let outside = try outsider()
        let plugin = try write(["checks/a.lua": "dixian.check { id = 'fine', title = 'fine', run = function() return 'ok' end }"])
        try FileManager.default.createSymbolicLink(
            at: plugin.appendingPathComponent("checks/evil.lua"), withDestinationURL: outside.appendingPathComponent("evil.lua"))
        expectRefusedOnLoading("hostile/checks/evil.lua")
    }

    @Test func aSymlinkedChecksFolderLeadingOutsideIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let outside = try outsider()
        let plugin = try write([:])
        try FileManager.default.createSymbolicLink(at: plugin.appendingPathComponent("checks"), withDestinationURL: outside)
        expectRefusedOnLoading("hostile/checks/evil.lua")
    }

    @Test func aSymlinkedSpecOrManifestLeadingOutsideIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let outside = try outsider()
        let plugin = try write([:])
        try FileManager.default.createDirectory(at: plugin.appendingPathComponent("spec"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: plugin.appendingPathComponent("spec/evil.lua"), withDestinationURL: outside.appendingPathComponent("evil.lua"))
        let error = thrownMessage { _ = try PluginSpecRunner.run(chain: try chain()) }
        #expect(error.contains("hostile/spec/evil.lua: refused"), "\(error)")
        try "return { id = 'hostile', name = 'x', api = 1, version = '1.0', areas = { '620621' } }"
            .write(to: outside.appendingPathComponent("plugin.lua"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: plugin.appendingPathComponent("plugin.lua"))
        try FileManager.default.createSymbolicLink(
            at: plugin.appendingPathComponent("plugin.lua"), withDestinationURL: outside.appendingPathComponent("plugin.lua"))
        let manifestError = thrownMessage { _ = try PluginManifest.load(from: plugin) }
        #expect(manifestError.contains("hostile/plugin.lua: refused"), "\(manifestError)")
    }

    @Test func aSymlinkInsideThePluginFolderIsFollowed() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let plugin = try write(["lib/shared.lua": "dixian.check { id = 'shared', title = 'shared', run = function() end }"])
        try FileManager.default.createDirectory(at: plugin.appendingPathComponent("checks"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: plugin.appendingPathComponent("checks/shared.lua"), withDestinationURL: plugin.appendingPathComponent("lib/shared.lua"))
        let runtime = try PluginRuntime(chain: try chain(), state: LuaState())
        #expect(runtime.declarations.checks.map(\.id) == ["shared"])
    }

    // MARK: - Helpers

    /// One household view as the store reads it.
    func view() async throws -> HouseholdView {
        let store = try SQLiteRegistry()
        try await store.apply([
            .insert(.household(Household(
                number: "6206211010010001", area: Area(villageCode: "620621101001")!, headName: "户主", category: .general))),
        ], as: "test")
        var views: [HouseholdView] = []
        for partition in try store.partitions(area: nil, size: 10) {
            try store.readViews(in: partition, asOf: ScreeningEngineTests.asOf, batchSize: 10) { views += $0 }
        }
        return views[0]
    }

    /// The message of the error `work` throws; empty, with an issue recorded, when it throws none.
    func thrownMessage(_ work: () throws -> Void) -> String {
        do {
            try work()
            Issue.record("no error was thrown")
            return ""
        } catch {
            return "\(error)"
        }
    }

    /// What `work` returns, run on a thread of its own; nil, with an issue recorded, when it has
    /// not finished within `seconds` (the thread is left running: a hostile plugin that is not
    /// stopped fails its test instead of hanging the suite).
    func finished<T: Sendable>(within seconds: Int = 30, _ work: @escaping @Sendable () throws -> T) throws -> T? {
        let outcome = Outcome<T>()
        let thread = Thread {
            let result = Result { try work() }
            outcome.value.withLock { $0 = result }
            outcome.done.signal()
        }
        thread.stackSize = 16 << 20
        thread.start()
        guard outcome.done.wait(timeout: .now() + .seconds(seconds)) == .success else {
            Issue.record("still running after \(seconds) s")
            return nil
        }
        return try outcome.value.withLock { $0! }.get()
    }
}

/// The result of work on another thread, and the signal that it is there.
private final class Outcome<T: Sendable>: Sendable {
    let value = Mutex<Result<T, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
}
