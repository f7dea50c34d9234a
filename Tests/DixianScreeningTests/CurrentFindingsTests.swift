import DixianCore
import DixianPlugins
@testable import DixianPostgres
import DixianScreening
@testable import DixianSQLite
import DixianTestSupport
import Foundation
import GRDB
import Testing

/// Issue 23: a run keeps the current findings and records what it opened and closed, on both
/// stores; `verify` compares the current findings with a run from scratch.
@Suite(.serialized)
struct CurrentFindingsTests {
    enum Backend: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { rawValue }

        func open() throws -> any ServerStore {
            switch self {
            case .sqlite: try SQLiteRegistry()
            case .postgres: try PostgresRegistry(url: try TestPostgres.newDatabase())
            }
        }
    }

    static let asOf = LocalDate(iso: "2024-06-30")!
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-current-\(UUID().uuidString)")

    /// Households 1 to `count` of village 620621101001, general, without a helper.
    static func households(_ count: Int) -> [Household] {
        (1...count).map { index in
            Household(number: "620621101001\(String(format: "%04d", index))", area: Area(villageCode: "620621101001")!,
                      headName: "户主\(index)", category: .general)
        }
    }

    /// Writes `lua` as the deadlines of the plugin `chain` makes.
    func deadlines(_ lua: String) throws {
        let folder = root.appendingPathComponent("test/deadlines")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try lua.write(to: folder.appendingPathComponent("a.lua"), atomically: true, encoding: .utf8)
    }

    /// A plugin with a check whose finding a helper removes, one that flags lifted households,
    /// and `more` checks.
    func chain(_ more: String = "") throws -> [PluginManifest] {
        let directory = root.appendingPathComponent("test")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("checks"), withIntermediateDirectories: true)
        try "return { id = 'test', name = '测试', api = 1, version = '1.0', areas = { '620621' } }"
            .write(to: directory.appendingPathComponent("plugin.lua"), atomically: true, encoding: .utf8)
        try """
            dixian.check { id = 'no-helper', title = '无帮扶人', severity = 'medium',
              run = function(h) if h.helper == nil then return '无帮扶人：' .. h.head_name end end }
            dixian.check { id = 'lifted', title = '脱贫户', run = function(h) if h.category == 'lifted' then return '脱贫户' end end }
            \(more)
            """.write(to: directory.appendingPathComponent("checks/a.lua"), atomically: true, encoding: .utf8)
        let catalog = PluginCatalog(searchPath: [root])
        return try catalog.chain(for: catalog.plugin("test"))
    }

    func engine(_ chain: [PluginManifest]) -> ScreeningEngine {
        ScreeningEngine(chain: chain, options: .init(asOf: Self.asOf, actor: "测试", workers: 2, batchSize: 3, partitionSize: 7))
    }

    static func findings(ofRun run: ScreeningRun, in store: some ScreeningRunStore) throws -> [Finding] {
        var found: [Finding] = []
        try store.forEachFinding(ofRun: try #require(run.id)) { found.append($0) }
        return found
    }

    @Test(arguments: Backend.allCases)
    func aRunRecordsOnlyWhatChangedAndEarlierRunsStayReadable(_ backend: Backend) async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try backend.open()
        var households = Self.households(10)
        try await store.apply(households.map { .insert(.household($0)) }, as: "test")
        let chain = try chain()

        let first = try engine(chain).run(on: store).run
        #expect(try Self.findings(ofRun: first, in: store).map(\.householdNumber) == households.map(\.number))
        #expect(try engine(chain).verify(on: store).isClean)

        households[0].helper = "王帮扶"
        households[1].category = .lifted
        try await store.apply([.update(.household(households[0])), .update(.household(households[1]))], as: "test")
        let stale = try engine(chain).verify(on: store)
        #expect(stale.missing.map(\.checkID) == ["lifted"])
        #expect(stale.stale.map(\.householdNumber) == [households[0].number])

        let second = try engine(chain).run(on: store).run
        #expect(try engine(chain).verify(on: store).isClean)
        #expect(try Self.findings(ofRun: first, in: store).count == 10, "the first run's findings stay readable")
        let now = try Self.findings(ofRun: second, in: store)
        #expect(now.count == 10)
        #expect(now.filter { $0.householdNumber == households[1].number }.map(\.checkID) == ["no-helper", "lifted"])

        // Only the households given are screened; the others' findings stand.
        households[2].helper = "李帮扶"
        try await store.apply([.update(.household(households[2]))], as: "test")
        let third = try engine(chain).run(on: store, households: [households[2].number]).run
        #expect(third.householdCount == 1)
        #expect(try engine(chain).verify(on: store).isClean)
        #expect(try store.currentFindings(plugin: "test", area: nil, households: nil).count == 9)
        #expect(try Self.findings(ofRun: second, in: store).count == 10, "a later re-screening does not change what a run found")
    }

    /// A deadline that fails on a household leaves the run's deadline items unkept: the run
    /// names the failure and is incomplete, the state keeps no items (the due list computes
    /// them, naming the failure), and the next day is a whole run.
    @Test(arguments: Backend.allCases)
    func aDeadlineThatFailsMakesTheRunIncompleteAndKeepsNoItems(_ backend: Backend) async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try backend.open()
        try await store.apply(Self.households(5).map { .insert(.household($0)) }, as: "test")
        _ = try chain()  // the plugin's files, and a deadline beside them
        let deadlines = root.appendingPathComponent("test/deadlines")
        try FileManager.default.createDirectory(at: deadlines, withIntermediateDirectories: true)
        try """
            dixian.deadline { id = 'assign-helper', title = '确定帮扶人', responsible = '乡镇人民政府', run = function(h, ctx)
              if h.head_name == '户主3' then error('no rule for this household') end
              return { due_on = ctx.as_of, message = '为' .. h.head_name .. '确定帮扶人' }
            end }
            """.write(to: deadlines.appendingPathComponent("a.lua"), atomically: true, encoding: .utf8)
        let catalog = PluginCatalog(searchPath: [root])
        let outcome = try engine(try catalog.chain(for: catalog.plugin("test"))).run(on: store)
        #expect(!outcome.run.isComplete)
        #expect(outcome.run.failures.contains { $0.hasPrefix("deadline assign-helper failed once: test/deadlines/a.lua:2:") },
                "\(outcome.run.failures)")
        let state = try #require(try store.currentState(plugin: "test"))
        #expect(!state.deadlines && state.wakesOn == Self.asOf.adding(days: 1))
    }

    /// Assets belong to no household, so no mark stands for them: `runChanged` screens the
    /// assets again when one changed since they last were, on the same date too.
    @Test(arguments: Backend.allCases)
    func aChangedAssetIsScreenedAgainOnTheSameDate(_ backend: Backend) async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try backend.open()
        try await store.apply(Self.households(2).map { .insert(.household($0)) }, as: "test")
        var asset = Asset(id: 1, project: "光伏电站", assetClass: .operating, value: Money(yuan: 100000), villageCode: "620621101001",
                          custodian: "村股份经济合作社", ownershipRegistered: true, status: .inUse, formedOn: LocalDate(iso: "2021-05-01")!)
        try await store.apply([.insert(.asset(asset))], as: "test")
        let chain = try chain("""
            dixian.asset_check { id = 'no-custodian', title = '无管护主体', run = function(a)
              if a.custodian == nil then return '无管护主体：' .. a.project end
            end }
            """)
        _ = try engine(chain).run(on: store)
        let unchanged = try engine(chain).runChanged(on: store)
        #expect(unchanged.households == [] && unchanged.run.findingsByCheck["no-custodian"] == 0)

        asset.custodian = nil
        try await store.apply([.update(.asset(asset))], as: "test")
        _ = try engine(chain).runChanged(on: store)
        #expect(try store.currentFindings(plugin: "test", area: nil, households: nil).contains { $0.checkID == "no-custodian" })
        #expect(try engine(chain).verify(on: store).isClean)
    }

    @Test(arguments: Backend.allCases)
    func aRunThatFindsWhatIsCurrentRecordsNoChange(_ backend: Backend) async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try backend.open()
        try await store.apply(Self.households(5).map { .insert(.household($0)) }, as: "test")
        let chain = try chain()
        _ = try engine(chain).run(on: store)
        let before = try Self.eventCount(in: store)
        let again = try engine(chain).run(on: store).run
        #expect(try Self.eventCount(in: store) == before)
        #expect(try Self.findings(ofRun: again, in: store).count == 5)
    }

    @Test(arguments: Backend.allCases)
    func everyChangeMarksItsHouseholdUntilARunScreensIt(_ backend: Backend) async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try backend.open()
        var households = Self.households(6)
        try await store.apply(households.map { .insert(.household($0)) }, as: "test")
        #expect(try store.changedHouseholds(area: nil).count == 6, "an import marks what it adds")
        let chain = try chain()
        let first = try engine(chain).runChanged(on: store).run
        #expect(first.householdCount == 6, "with no run yet, a whole run")
        #expect(try store.changedHouseholds(area: nil).isEmpty)

        households[3].helper = "王帮扶"
        try await store.apply([.update(.household(households[3]))], as: "test")
        #expect(try store.changedHouseholds(area: nil).keys.sorted() == [households[3].number])
        #expect(try store.changedHouseholds(area: "620621102").isEmpty)
        let changed = try engine(chain).runChanged(on: store).run
        #expect(changed.householdCount == 1)
        #expect(try store.changedHouseholds(area: nil).isEmpty)
        #expect(try engine(chain).verify(on: store).isClean)
        #expect(try store.currentFindings(plugin: "test", area: nil, households: [households[3].number]).isEmpty)

        // Another date: date-driven answers may have changed anywhere, so everything is screened.
        let later = ScreeningEngine(chain: chain, options: .init(asOf: LocalDate(iso: "2024-07-31")!, actor: "测试", workers: 2))
        #expect(try later.runChanged(on: store).run.householdCount == 6)
    }

    /// A change made, and re-screened, while a whole run was screening: the run records what it
    /// read before the change, so the household is marked again for the next run; and the run
    /// that cleared the marks ends another plugin's current state, which counted on them.
    @Test(arguments: Backend.allCases)
    func aChangeMadeDuringARunIsMarkedAgainAndAnotherPluginsStateEnds(_ backend: Backend) async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try backend.open()
        var households = Self.households(4)
        try await store.apply(households.map { .insert(.household($0)) }, as: "test")
        let chain = try chain()
        _ = try engine(chain).run(on: store)
        // Another plugin's state over the same registry.
        let other = ScreeningRun(actor: "测试", pluginID: "other", pluginVersion: "1", asOf: Self.asOf, area: nil,
                                 startedAt: "", finishedAt: "x", householdCount: 0, findingsByCheck: [:], failures: [])
        _ = try store.recordScreening(households: nil, coversArea: false, clearing: [:], since: try store.lastAuditID(),
                                      fingerprint: "f", upkeep: { RunUpkeep(deadlineItems: []) }) { _ in other }
        #expect(try store.currentState(plugin: "other") != nil)

        let since = try store.lastAuditID()  // a whole run begins reading here
        households[1].helper = "王帮扶"
        try await store.apply([.update(.household(households[1]))], as: "test")
        let marks = try store.changedHouseholds(area: nil)
        _ = try engine(chain).run(on: store, households: [households[1].number])
        #expect(try store.changedHouseholds(area: nil).isEmpty, "its own re-screening cleared the mark")
        #expect(try store.currentState(plugin: "other") == nil, "clearing marks ends the other plugin's state")
        // The whole run, started before the change, records what it read then.
        let stale = ScreeningRun(actor: "测试", pluginID: "test", pluginVersion: "1.0", asOf: Self.asOf, area: "620621",
                                 startedAt: "", finishedAt: "x", householdCount: 4, findingsByCheck: [:], failures: [])
        _ = try store.recordScreening(households: nil, coversArea: false, clearing: [:], since: since, fingerprint: "f",
                                      upkeep: { RunUpkeep(deadlineItems: []) }) { _ in stale }
        #expect(Array(try store.changedHouseholds(area: nil).keys) == [households[1].number] && !marks.isEmpty,
                "a change after the run began is marked again")
    }

    /// A re-screening's deadline items replace those stored for its households, whatever
    /// changed: a list that grows, shrinks or is reordered, an item done late, a township or a
    /// person changed, a household whose items are all gone; and the store's indexes stay whole.
    @Test(arguments: Backend.allCases)
    func aRescreeningsDeadlineItemsReplaceTheStoredOnesWhateverChanged(_ backend: Backend) async throws {
        let store = try backend.open()
        let numbers = Self.households(3).map(\.number)
        func item(_ household: Int, _ id: String, due: String, done: String? = nil, township: String = "620621101",
                  person: String? = "李帮扶") -> DeadlineItem {
            DeadlineItem(deadlineID: id, title: "期限\(id)", householdNumber: numbers[household], townshipCode: township, responsible: "帮扶责任人",
                         person: person, dueOn: LocalDate(iso: due)!, doneOn: done.map { LocalDate(iso: $0)! }, message: "\(id)应办")
        }
        let steps: [[DeadlineItem]] = [
            [item(0, "x", due: "2024-07-01"), item(0, "y", due: "2024-07-05"), item(1, "z", due: "2024-07-02")],
            [item(0, "x", due: "2024-07-01", person: "王帮扶"), item(0, "y", due: "2024-07-05"), item(0, "w", due: "2024-08-01"),
             item(2, "v", due: "2024-07-03")],
            [item(0, "y", due: "2024-07-05", done: "2024-07-10"), item(0, "x", due: "2024-07-01", person: "王帮扶"),
             item(2, "v", due: "2024-07-03", township: "620621100")],
            [item(2, "v", due: "2024-07-03", township: "620621100", person: nil)],
        ]
        for (index, items) in steps.enumerated() {
            let run = ScreeningRun(actor: "测试", pluginID: "test", pluginVersion: "1.0", asOf: Self.asOf, area: "620621",
                                   startedAt: "", finishedAt: "x", householdCount: 3, findingsByCheck: [:], failures: [])
            _ = try store.recordScreening(households: numbers, coversArea: false, clearing: [:], since: try store.lastAuditID(),
                                          fingerprint: "f", upkeep: { RunUpkeep(deadlineItems: items) }) { _ in run }
            let stored = try store.deadlineItems(plugin: "test", households: numbers)
            #expect(stored == items.enumerated().sorted { ($0.element.householdNumber, $0.offset) < ($1.element.householdNumber, $1.offset) }
                .map(\.element), "step \(index + 1)")
            if let registry = store as? SQLiteRegistry {
                let integrity = try await registry.writer.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
                #expect(integrity == ["ok"], "step \(index + 1)")
                let byTownship = try await registry.writer.read {
                    try String.fetchAll($0, sql: """
                        SELECT deadline_id FROM due_item INDEXED BY due_item_by_township
                        WHERE plugin_id = 'test' AND township_code = '620621100' AND due_on <= '2024-12-31'
                        """)
                }
                #expect(byTownship == (index >= 2 ? ["v"] : []), "the township's index finds its items, step \(index + 1)")
            }
        }
    }

    /// The rows of `finding_event`.
    static func eventCount(in store: any ServerStore) throws -> Int {
        let sql = "SELECT count(*)::text FROM finding_event"
        if let registry = store as? SQLiteRegistry {
            return try registry.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM finding_event") ?? -1 }
        }
        let registry = try #require(store as? PostgresRegistry)
        return try registry.pool.withConnection { Int(try $0.rows(sql).first?[0] ?? "") ?? -1 }
    }
}
