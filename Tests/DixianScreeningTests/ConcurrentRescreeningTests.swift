import DixianCore
import DixianPlugins
import DixianScreening
import Foundation
import Testing

/// A server on PostgreSQL takes actions on different households at once, and re-screens each
/// household after its action (`LiveScreening`): re-screenings asked for together, on both
/// stores, leave the findings, deadline items and marks a full run would, and no change
/// unscreened.
@Suite(.serialized)
struct ConcurrentRescreeningTests {
    let fixture = CurrentFindingsTests()

    @Test(arguments: CurrentFindingsTests.Backend.allCases)
    func reScreeningsRunTogetherKeepTheStateOfAFullRun(_ backend: CurrentFindingsTests.Backend) async throws {
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let store = try backend.open()
        let chain = try fixture.chain()
        try fixture.deadlines("""
            dixian.deadline { id = 'assign-helper', title = '确定帮扶人', responsible = '乡镇人民政府', run = function(h, ctx)
              if h.helper == nil then return { due_on = dixian.date.add_days(ctx.as_of, 10), message = '为' .. h.head_name .. '确定帮扶人' } end
            end }
            """)
        var households = CurrentFindingsTests.households(24)
        try await store.apply(households.map { .insert(.household($0)) }, as: "test")
        let asOf = CurrentFindingsTests.asOf
        let engine = ScreeningEngine(chain: chain, options: .init(asOf: asOf, actor: "测试", workers: 2))
        _ = try engine.runChanged(on: store)
        let live = LiveScreening(chain: chain)
        // Each household changed on its own, then re-screened, eight at a time.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in households.indices {
                households[index].helper = index % 3 == 0 ? nil : "帮扶人\(index)"
                households[index].category = index % 2 == 0 ? .lifted : .general
                let household = households[index]
                group.addTask {
                    try await store.apply([.update(.household(household))], as: "test")
                    try live.rescreen([household.number], on: asOf, actor: "测试", in: store)
                }
                if index % 8 == 7 { try await group.waitForAll() }
            }
            try await group.waitForAll()
        }
        let verification = try engine.verify(on: store)
        #expect(verification.isClean, "missing \(verification.missing), stale \(verification.stale)")
        let items = try #require(verification.deadlineItems, "the deadline items are kept current")
        #expect(items.count == households.filter { $0.helper == nil }.count)
        #expect(try store.changedHouseholds(area: nil).isEmpty, "every change was re-screened")
    }
}
