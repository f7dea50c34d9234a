import DixianCore
import DixianPlugins
import DixianScreening
import DixianSQLite
import Foundation
import LuaHost
import Testing

/// The screening engine over a small registry, with plugins written for each test.
@Suite(.serialized)
struct ScreeningEngineTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-screening-\(UUID().uuidString)")
    static let asOf = LocalDate(iso: "2024-06-30")!

    /// A registry of `count` households in two townships (101 and 102), one member each.
    func registry(households count: Int = 40) async throws -> SQLiteRegistry {
        let store = try SQLiteRegistry()
        var changes: [RegistryChange] = []
        for index in 1...count {
            let township = index % 2 == 0 ? "101" : "102"
            let number = "620621\(township)001\(String(format: "%04d", index))"
            changes.append(.insert(.household(Household(
                number: number, area: Area(villageCode: "620621\(township)001")!, headName: "户主\(index)", category: .general))))
            changes.append(.insert(.member(Member(
                residentID: try ResidentID(areaCode: "620621", birthDate: LocalDate(iso: "1970-01-01")!, sequence: index * 2 + 1),
                householdNumber: number, name: "户主\(index)", relation: Member.headRelation, laborCapacity: .full))))
        }
        try await store.apply(changes, as: "test")
        return store
    }

    /// Writes plugin `test` serving `areas` with `checks` as checks/a.lua and returns its chain.
    func plugin(_ checks: String, areas: String = "'620621'") throws -> [PluginManifest] {
        let directory = root.appendingPathComponent("test")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("checks"), withIntermediateDirectories: true)
        try "return { id = 'test', name = '测试', api = 1, version = '1.0', areas = { \(areas) } }"
            .write(to: directory.appendingPathComponent("plugin.lua"), atomically: true, encoding: .utf8)
        try checks.write(to: directory.appendingPathComponent("checks/a.lua"), atomically: true, encoding: .utf8)
        let catalog = PluginCatalog(searchPath: [root])
        return try catalog.chain(for: catalog.plugin("test"))
    }

    func engine(_ chain: [PluginManifest], area: String? = nil, limits: LuaLimits = LuaLimits()) -> ScreeningEngine {
        ScreeningEngine(chain: chain, options: .init(
            asOf: Self.asOf, area: area, actor: "测试", workers: 2, batchSize: 3, partitionSize: 7, limits: limits))
    }

    func findings(_ run: ScreeningRun, in store: SQLiteRegistry) throws -> [Finding] {
        var found: [Finding] = []
        try store.forEachFinding(ofRun: run.id!) { found.append($0) }
        return found
    }

    @Test func everyHouseholdIsScreenedAndFindingsAreStoredInHouseholdOrder() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try await registry()
        let chain = try plugin("""
            dixian.check { id = 'every', title = '每户', risk_types = { 'illness' }, severity = 'low',
              run = function(h) return '户号 ' .. h.number end }
            """)
        let run = try engine(chain).run(on: store).run
        #expect(run.isComplete)
        #expect(run.householdCount == 40)
        #expect(run.findingsByCheck == ["every": 40])
        let stored = try findings(run, in: store)
        #expect(stored.map(\.householdNumber!) == stored.map(\.householdNumber!).sorted())
        #expect(stored.allSatisfy { $0.message == "户号 \($0.householdNumber!)" && $0.riskTypes == [.illness] && $0.severity == .low })
        #expect(try store.screeningRun(id: run.id!) == run)
    }

    @Test func aCheckThatRaisesOrReturnsNonsenseIsNamedAndTheOthersStand() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try await registry()
        let chain = try plugin("""
            dixian.check { id = 'fine', title = 'fine', run = function(h) return 'ok' end }
            dixian.check { id = 'raises', title = 'raises', run = function(h)
              if h.number:sub(-1) == '3' then error('no data for ' .. h.number) end
            end }
            dixian.check { id = 'nonsense', title = 'nonsense', run = function(h)
              if h.number:sub(-1) == '5' then return 42 end
            end }
            """)
        let run = try engine(chain).run(on: store).run
        #expect(!run.isComplete)
        #expect(run.findingsByCheck["fine"] == 40)
        #expect(run.failures.contains { $0.hasPrefix("check raises failed 4 times; the first: test/checks/a.lua:3: no data for") },
                "\(run.failures)")
        #expect(run.failures.contains { $0.contains("test/checks/a.lua:5: check nonsense returned a number") }, "\(run.failures)")
    }

    @Test func aCheckThatLoopsForeverIsStoppedByTheBudget() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try await registry()
        let chain = try plugin("""
            dixian.check { id = 'fine', title = 'fine', run = function(h) return 'ok' end }
            dixian.check { id = 'loops', title = 'loops', run = function(h)
              if h.number:sub(-2) == '17' then while true do end end
            end }
            """)
        let run = try engine(chain, limits: LuaLimits(instructionBudget: 200_000)).run(on: store).run
        #expect(!run.isComplete)
        #expect(run.findingsByCheck["fine"] == 40)
        #expect(run.failures.contains { $0.contains("check loops was stopped") && $0.contains("instruction budget") }, "\(run.failures)")
    }

    @Test func aCheckCannotChangeTheRegistryNorReachTheSystem() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try await registry(households: 6)
        let before = try await store.dump()
        let chain = try plugin("""
            dixian.check { id = 'meddles', title = 'meddles', run = function(h)
              h.category = 'monitored'
              h.members[1].name = 'changed'
              os.execute('touch /tmp/dixian-was-here')
            end }
            dixian.check { id = 'stashes', title = 'stashes', run = function(h) h.cache = true end }
            """)
        let run = try engine(chain).run(on: store).run
        #expect(run.failures.contains { $0.contains("'os.execute' is not available in the Dixian sandbox") }, "\(run.failures)")
        #expect(run.failures.contains { $0.contains("test/checks/a.lua:6: the household view is read-only: cannot add field 'cache'") },
                "\(run.failures)")
        let after = try await store.dump()
        // The registry's tables, without what screening keeps (its runs, findings and marks).
        let screeningTables: Set = ["current_finding", "current_state", "due_item", "finding_event", "household_dirty", "household_wake", "screening_finding", "screening_run"]
        let registryPart = { (dump: String) in
            dump.components(separatedBy: "# ").filter { !screeningTables.contains(String($0.prefix { $0 != "\n" })) }
        }
        #expect(registryPart(before) == registryPart(after))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/dixian-was-here"))
    }

    @Test func anAreaScopesTheRun() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try await registry()
        let chain = try plugin("dixian.check { id = 'every', title = 'every', run = function(h) return h.township end }")
        let run = try engine(chain, area: "620621101").run(on: store).run
        #expect(run.householdCount == 20)
        #expect(try findings(run, in: store).allSatisfy { $0.message == "620621101" && $0.townshipCode == "620621101" })
    }

    @Test func aRunCoversThePluginsAreaAndRefusesAnAreaOutsideIt() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try await registry()
        let chain = try plugin("dixian.check { id = 'every', title = 'every', run = function(h) return h.township end }",
                               areas: "'620621102'")
        let run = try engine(chain).run(on: store).run
        #expect(run.area == "620621102")
        #expect(run.householdCount == 20)
        #expect(throws: PluginError(.areaNotServed, plugin: "test", "plugin test serves 620621102; area 341322 is outside it")) {
            try engine(chain, area: "341322").run(on: store)
        }
        #expect(try engine(chain, area: "620621").run(on: store).run.area == "620621102")
    }

    @Test func theJSONOutputListsEachFindingWithItsHouseholdCheckRiskTypesSeverityAndMessage() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try await registry(households: 3)
        let chain = try plugin("""
            dixian.check { id = 'one', title = '一', run = function(h)
              return { message = '发现', severity = 'high', risk_types = { 'housing', 'drinking-water' } }
            end }
            """)
        let run = try engine(chain).run(on: store).run
        var text = ""
        let output = ScreeningOutput(run: run, checks: try PluginRuntime(chain: chain, state: LuaState()).declarations.checks,
                                     plugin: chain[0])
        try output.write(.json, from: store) { text += $0 }
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        let findings = json["findings"] as! [[String: Any]]
        #expect(findings.count == 3)
        #expect(findings[0]["household"] as? String == "6206211010010002")
        #expect(findings[0]["check"] as? String == "one")
        #expect(findings[0]["risk_types"] as? [String] == ["housing", "drinking-water"])
        #expect(findings[0]["severity"] as? String == "high")
        #expect(findings[0]["message"] as? String == "发现")
        #expect((json["run"] as! [String: Any])["complete"] as? Bool == true)
    }
}
