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
        // Checks whose answers move with the date, beside the two that follow the records: one
        // reads the month, one compares visits' dates, one reads ages (members' birthdays).
        let chain = try fixture.chain("""
            dixian.check { id = 'even-month', title = '双月', run = function(h, ctx)
              if h.helper == nil and h.category ~= 'lifted' and ctx.month % 2 == 0 then return '双月无帮扶人' end
            end }
            dixian.check { id = 'recent-visit', title = '近期走访', run = function(h, ctx)
              for _, v in ipairs(h.visits) do
                if ctx.within(v.visited_on, 10) then return '10天内走访过' end
              end
            end }
            dixian.check { id = 'elderly', title = '老年人', run = function(h)
              for _, p in ipairs(h.members) do
                if p.age >= 60 then return p.name .. '已满60岁' end
              end
            end }
            """)
        // A deadline whose items follow the records and the date.
        try fixture.deadlines("""
            dixian.deadline { id = 'assign-helper', title = '确定帮扶人', responsible = '乡镇人民政府', run = function(h, ctx)
              if h.helper == nil then
                return { due_on = dixian.date.add_days(ctx.as_of, ctx.month), message = '为' .. h.head_name .. '确定帮扶人' }
              end
            end }
            """)
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
        var members: [String: [Member]] = [:], visits: [String: [Visit]] = [:]
        var nextSequence = 1
        _ = try engine().runChanged(on: store)
        var advanced = 0, screenedWhenAdvancing = 0
        for step in 0..<60 {
            var changes: [RegistryChange] = []
            var action = ""
            let household = present[Int(random.next() % UInt64(present.count))].number
            switch random.next() % 10 {
            case 9 where !members.isEmpty:
                // A member moves to another household (the one they left changes too).
                let from = members.keys.sorted()[Int(random.next() % UInt64(members.count))]
                var member = members[from]!.removeLast()
                if members[from]!.isEmpty { members[from] = nil }
                member.householdNumber = household
                members[household, default: []].append(member)
                changes = [.update(.member(member))]
                action = "member \(member.name) moved from \(from) to \(household)"
            case 5:
                // A member turning 60 within the next few weeks, or lately.
                let birth = asOf.adding(days: Int(random.next() % 60) - 20).adding(months: -720)
                defer { nextSequence += 1 }
                let member = Member(residentID: try ResidentID(areaCode: "620621", birthDate: birth, sequence: nextSequence),
                                    householdNumber: household, name: "成员\(nextSequence)", relation: "子女", laborCapacity: .full)
                members[household, default: []].append(member)
                changes = [.insert(.member(member))]
                action = "member born \(birth) in \(household)"
            case 6:
                // A visit lately, or one recorded ahead of its date.
                let visit = Visit(id: try await store.nextIdentifier(in: .visit), householdNumber: household,
                                  visitedOn: asOf.adding(days: Int(random.next() % 36) - 15), visitor: "李帮扶", role: .helper)
                visits[household, default: []].append(visit)
                changes = [.insert(.visit(visit))]
                action = "visit on \(visit.visitedOn) to \(household)"
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
                changes = (visits.removeValue(forKey: removed.number) ?? []).map { .delete(.visit($0)) }
                    + (members.removeValue(forKey: removed.number) ?? []).map { .delete(.member($0)) }
                    + [.delete(.household(removed))]
                action = "removal of \(removed.number)"
            default:
                asOf = asOf.adding(days: 1 + Int(random.next() % 12))
                action = "date moved to \(asOf)"
            }
            if !changes.isEmpty { try await store.apply(changes, as: "test") }
            let outcome = try engine().runChanged(on: store)
            if outcome.advanced {
                advanced += 1
                screenedWhenAdvancing += outcome.households?.count ?? 0
            }
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
        // The date moves were mostly followed by re-screening the woken households alone.
        #expect(advanced >= 5, "\(advanced) date moves re-screened only the woken households")
        #expect(screenedWhenAdvancing > 0)
    }
}
