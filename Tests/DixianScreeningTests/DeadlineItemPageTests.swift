import DixianCore
import DixianPlugins
import DixianScreening
import Foundation
import Testing

/// 我的待办 reads a township's open deadline items as counts and a page (issue 20): on both
/// stores, what the store counts and picks is what `DeadlineItemPage(of:...)` makes of every
/// stored item, for every filter, and nothing is read when the stored items are not current.
@Suite(.serialized)
struct DeadlineItemPageTests {
    let fixture = CurrentFindingsTests()

    @Test(arguments: CurrentFindingsTests.Backend.allCases)
    func theStoresPageIsThePageOfEveryItem(_ backend: CurrentFindingsTests.Backend) async throws {
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let store = try backend.open()
        let chain = try fixture.chain()
        // Two deadlines over two villages: one due on days around the date (some overdue, several
        // households on the same day), one due on each household's own day; a third that is done.
        try fixture.deadlines("""
            local function n(h) return tonumber(string.sub(h.number, -2)) end
            dixian.deadline { id = 'b-visit', title = '走访', responsible = '村委会', run = function(h, ctx)
              return { due_on = dixian.date.add_days(ctx.as_of, n(h) % 5 - 2), message = '走访' .. h.head_name }
            end }
            dixian.deadline { id = 'a-plan', title = '制定帮扶计划', responsible = '乡镇人民政府', run = function(h, ctx)
              if n(h) % 3 ~= 0 then return { due_on = dixian.date.add_days(ctx.as_of, n(h) - 12), message = '计划' } end
            end }
            dixian.deadline { id = 'c-late', title = '已逾期办结', responsible = '乡镇人民政府', run = function(h, ctx)
              return { due_on = dixian.date.add_days(ctx.as_of, -30), done_on = dixian.date.add_days(ctx.as_of, -1), message = '迟办' }
            end }
            """)
        let villages = ["620621101001", "620621101002"]
        let households = (1...24).map { index in
            let village = villages[index % 2]
            return Household(number: village + String(format: "%04d", index), area: Area(villageCode: village)!,
                             headName: "户主\(index)", category: .general)
        }
        try await store.apply(households.map { .insert(.household($0)) }, as: "test")
        let asOf = CurrentFindingsTests.asOf, horizon = asOf.adding(days: 7)
        let fingerprint = try PluginManifest.fingerprint(of: chain)
        func page(_ filter: DeadlineItemPage.Filter, limit: Int, area: String = "620621101") throws -> DeadlineItemPage? {
            try store.openDeadlineItems(plugin: "test", fingerprint: fingerprint, asOf: asOf, area: area, through: horizon,
                                        filter: filter, limit: limit)
        }
        #expect(try page(.init(village: nil, deadlineID: nil), limit: 5) == nil, "no run has stored the items yet")
        _ = try ScreeningEngine(chain: chain, options: .init(asOf: asOf, actor: "测试", workers: 1)).runChanged(on: store)
        // The county, the township and a village (each area scope of the stores).
        for area in ["620621", "620621101", villages[1]] {
            let stored = try #require(try store.storedDeadlineItems(plugin: "test", fingerprint: fingerprint, asOf: asOf,
                                                                     area: area, through: horizon))
            let open = stored.filter { $0.doneOn == nil && $0.dueOn <= horizon }
            #expect(open.count < stored.count, "the work done late is not a person's work")
            for village in [nil] + villages.map(Optional.some) {
                for deadline in [nil, "a-plan", "b-visit", "c-late"] {
                    for limit in [0, 3, 100] {
                        let filter = DeadlineItemPage.Filter(village: village, deadlineID: deadline)
                        let expected = DeadlineItemPage(of: open, filter: filter, today: asOf, limit: limit)
                        #expect(try page(filter, limit: limit, area: area) == expected, "\(area) \(filter) \(limit)")
                    }
                }
            }
        }
        let open = try #require(try store.storedDeadlineItems(plugin: "test", fingerprint: fingerprint, asOf: asOf,
                                                               area: "620621101", through: horizon)).filter { $0.doneOn == nil && $0.dueOn <= horizon }
        let all = try #require(try page(.init(village: nil, deadlineID: nil), limit: 100))
        #expect(all.tallies.map(\.count).reduce(0, +) == open.count)
        #expect(all.tallies.contains { $0.overdue > 0 } && all.tallies.contains { $0.overdue < $0.count })
        #expect(zip(all.items, all.items.dropFirst()).allSatisfy { !DeadlineItemPage.precedes($1, $0) })
        // A change not yet re-screened: the stored items are no longer current.
        var changed = households[0]
        changed.helper = "李帮扶"
        try await store.apply([.update(.household(changed))], as: "test")
        #expect(try page(.init(village: nil, deadlineID: nil), limit: 5) == nil)
    }
}
