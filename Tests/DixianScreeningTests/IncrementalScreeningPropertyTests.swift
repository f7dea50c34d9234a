import DixianCore
import DixianPlugins
import DixianScreening
import DixianWorkflow
import Foundation
import Testing

/// Issue 23's acceptance: after random sequences of edits, imports (several records in one
/// transaction), removals and date advances on a small county, the findings and deadline items
/// kept current by `dixian screen --changed` equal those of a full run from scratch, on both
/// stores, and the due list read from the stored items is the one the deadlines compute.
@Suite(.serialized)
struct IncrementalScreeningPropertyTests {
    let fixture = CurrentFindingsTests()

    @Test(arguments: CurrentFindingsTests.Backend.allCases)
    func changedRunsKeepTheFindingsOfAFullRunAfterEveryStep(_ backend: CurrentFindingsTests.Backend) async throws {
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let store = try backend.open()
        // A check whose answer moves with the date, beside the two that follow the records.
        let chain = try fixture.chain("""
            dixian.check { id = 'even-month', title = '双月', run = function(h, ctx)
              if ctx.month % 2 == 0 and h.helper == nil and h.category ~= 'lifted' then return '双月无帮扶人' end
            end }
            """)
        // A deadline whose items follow the records and the date.
        let deadlines = fixture.root.appendingPathComponent("test/deadlines")
        try FileManager.default.createDirectory(at: deadlines, withIntermediateDirectories: true)
        try """
            dixian.deadline { id = 'assign-helper', title = '确定帮扶人', responsible = '乡镇人民政府', run = function(h, ctx)
              if h.helper == nil then
                return { due_on = dixian.date.add_days(ctx.as_of, ctx.month), message = '为' .. h.head_name .. '确定帮扶人' }
              end
            end }
            """.write(to: deadlines.appendingPathComponent("a.lua"), atomically: true, encoding: .utf8)
        var random = SplitMix64(seed: 23)
        var present = CurrentFindingsTests.households(12)
        var nextNumber = present.count + 1
        try await store.apply(present.map { .insert(.household($0)) }, as: "test")
        var asOf = CurrentFindingsTests.asOf
        func engine() -> ScreeningEngine {
            ScreeningEngine(chain: chain, options: .init(asOf: asOf, actor: "测试", workers: 2, batchSize: 3, partitionSize: 5))
        }
        func newHousehold() -> Household {
            defer { nextNumber += 1 }
            return Household(number: "620621101001\(String(format: "%04d", nextNumber))", area: Area(villageCode: "620621101001")!,
                             headName: "户主\(nextNumber)", category: .general)
        }
        func edited(_ household: Household) -> Household {
            var changed = household
            if random.next() % 2 == 0 {
                changed.helper = changed.helper == nil ? "帮扶人\(random.next() % 5)" : nil
            } else {
                changed.category = changed.category == .lifted ? .general : .lifted
            }
            return changed
        }
        _ = try engine().runChanged(on: store)
        for step in 0..<30 {
            var changes: [RegistryChange] = []
            var action = ""
            switch random.next() % 5 {
            case 0, 1:
                let index = Int(random.next() % UInt64(present.count))
                present[index] = edited(present[index])
                changes = [.update(.household(present[index]))]
                action = "edit \(present[index].number)"
            case 2:
                let added = (0..<(1 + Int(random.next() % 3))).map { _ in newHousehold() }
                let index = Int(random.next() % UInt64(present.count))
                present[index] = edited(present[index])
                changes = added.map { .insert(.household($0)) } + [.update(.household(present[index]))]
                present += added
                action = "import of \(changes.count)"
            case 3 where present.count > 4:
                let removed = present.remove(at: Int(random.next() % UInt64(present.count)))
                changes = [.delete(.household(removed))]
                action = "removal of \(removed.number)"
            default:
                asOf = asOf.adding(days: 1 + Int(random.next() % 40))
                action = "date moved to \(asOf)"
            }
            if !changes.isEmpty { try await store.apply(changes, as: "test") }
            _ = try engine().runChanged(on: store)
            let verification = try engine().verify(on: store)
            #expect(verification.isClean, "step \(step), \(action): missing \(verification.missing), stale \(verification.stale)")
            let items = try #require(verification.deadlineItems, "step \(step), \(action): the deadline items are not kept current")
            #expect(items.count == present.filter { $0.helper == nil }.count, "step \(step), \(action)")
            let scan = DueScan(chain: chain, asOf: asOf, area: nil, withinDays: 400, workers: 1)
            var computing = scan
            computing.readsStoredItems = false
            let stored = try await scan.run(on: store)
            let computed = try await computing.run(on: store)
            #expect(stored.items == computed.items && stored.failures.isEmpty, "step \(step), \(action)")
            #expect(try store.changedHouseholds(area: nil).isEmpty, "step \(step), \(action)")
        }
    }
}
