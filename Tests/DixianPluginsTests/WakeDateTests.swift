import DixianCore
import DixianPlugins
import Foundation
import LuaHost
import Testing

/// Issue 23's wake-up dates as the runners report them: what a check or deadline reads of the
/// assessment date decides the first date its answer may change, and the comparisons ctx.before,
/// ctx.after and ctx.within say exactly when theirs flips.
@Suite(.serialized)
struct WakeDateTests {
    let plugins = TemporaryPlugins()
    static let asOf = LocalDate(iso: "2024-06-30")!

    func household(_ number: String) -> HouseholdView {
        HouseholdView(household: Household(number: number, area: Area(villageCode: "620621100201")!, headName: "张三",
                                           category: .general))
    }

    /// Plugin `wakes` with `files`, loaded and prepared for 2024-06-30.
    func runtime(_ files: [String: String]) throws -> PluginRuntime {
        try plugins.write("wakes", files)
        let catalog = plugins.catalog
        let runtime = try PluginRuntime(chain: catalog.chain(for: catalog.plugin("wakes")), state: LuaState())
        try runtime.prepare(asOf: Self.asOf)
        return runtime
    }

    /// The wake-up date of one household screened by a check whose body is `body`, on 2024-06-30.
    func wake(_ body: String) throws -> LocalDate? {
        let runtime = try runtime(["checks/a.lua": "dixian.check { id = 'a', title = 't', run = function(h, ctx)\n\(body)\nend }"])
        let outcome = try runtime.screen([household("1")])
        #expect(outcome.failures.isEmpty, "\(outcome.failures)")
        return outcome.wakes[0]
    }

    @Test(arguments: [
        ("return nil", nil),
        ("if ctx.as_of > '2024-01-01' then return 'x' end", "2024-07-01"),
        ("if ctx.day == 30 then return 'x' end", "2024-07-01"),
        ("if ctx.month == 6 then return 'x' end", "2024-07-01"),
        ("if ctx.year == 2024 then return 'x' end", "2025-01-01"),
        ("if ctx.before('2024-08-15') then return 'x' end", "2024-08-15"),
        ("if ctx.before('2024-06-01') then return 'x' end", nil),
        ("if ctx.after('2024-07-10') then return 'x' end", "2024-07-11"),
        ("if ctx.after('2024-06-01') then return 'x' end", nil),
        ("if ctx.within('2024-06-25', 10) then return 'x' end", "2024-07-06"),
        ("if ctx.within('2024-06-01', 10) then return 'x' end", nil),
        // A comparison with the open-ended 9999-12-31 never wakes, and does not hide another read.
        ("if ctx.after('9999-12-31') then return 'x' end", nil),
        ("if ctx.within('9999-12-01', 100) and ctx.day == 1 then return 'x' end", "2024-07-01"),
        // The earliest of several reads.
        ("if ctx.year == 2024 and ctx.before('2024-09-01') and ctx.within('2024-06-29', 3) then return 'x' end", "2024-07-03"),
    ] as [(String, String?)])
    func whatACheckReadsOfTheDateSetsTheWakeUpDate(_ body: String, _ expected: String?) throws {
        defer { plugins.remove() }
        #expect(try wake(body) == expected.flatMap { LocalDate(iso: $0) }, "\(body)")
    }

    @Test func aCheckThatFailsIsAskedAgainTheNextDay() throws {
        defer { plugins.remove() }
        let runtime = try runtime(["checks/a.lua": "dixian.check { id = 'a', title = 't', run = function(h) error('boom') end }"])
        let outcome = try runtime.screen([household("1"), household("2")])
        #expect(outcome.failures.count == 2)
        #expect(outcome.wakes == [0: LocalDate(iso: "2024-07-01")!, 1: LocalDate(iso: "2024-07-01")!])
    }

    @Test func eachHouseholdOfABatchHasItsOwnWakeUpDate() throws {
        defer { plugins.remove() }
        let runtime = try runtime([
            "checks/a.lua": "dixian.check { id = 'a', title = 't', run = function(h, ctx)\n"
                + "  if h.number == '2' and ctx.before('2024-07-20') then return 'x' end\nend }",
            "deadlines/d.lua": "dixian.deadline { id = 'd', title = 't', responsible = '乡镇', run = function(h, ctx)\n"
                + "  if h.number == '3' and ctx.month == 6 then return { due_on = '2024-06-30', message = 'm' } end\nend }",
        ])
        let views = ["1", "2", "3"].map(household)
        #expect(try runtime.screen(views).wakes == [1: LocalDate(iso: "2024-07-20")!])
        let due = try runtime.deadlines(views)
        #expect(due.wakes == [2: LocalDate(iso: "2024-07-01")!] && due.items.count == 1)
    }

    @Test func aDateComparedWithCtxMustBeADate() throws {
        defer { plugins.remove() }
        let runtime = try runtime(["checks/a.lua": "dixian.check { id = 'a', title = 't', run = function(h, ctx)\n  return ctx.before('7月1日') and 'x'\nend }"])
        let message = try #require(try runtime.screen([household("1")]).failures.first?.message)
        #expect(message.hasPrefix("wakes/checks/a.lua:2: the date must be a date written YYYY-MM-DD"), "\(message)")
    }

    /// The context's real table is out of a script's reach: pairs hands out no table, and the
    /// sandbox's rawset refuses the context as it refuses the libraries, so no script can write
    /// a date past the wake-up tracking (or change what later checks see).
    @Test(arguments: [
        ("local _, t = pairs(ctx); return t == nil and 'hidden'", nil),
        ("rawset(ctx, 'year', 2030)", "attempt to modify a read-only table"),
        ("rawset(ctx.params, 'x', 1)", "attempt to modify a read-only table"),
        ("return ctx.within('2024-06-01', 1.5) and 'x'", "ctx.within: days must be a whole number"),
    ] as [(String, String?)])
    func aScriptCannotReachTheContextBehindItsProxy(_ body: String, _ refusal: String?) throws {
        defer { plugins.remove() }
        let runtime = try runtime(["checks/a.lua": "dixian.check { id = 'a', title = 't', run = function(h, ctx)\n\(body)\nend }"])
        let outcome = try runtime.screen([household("1")])
        if let refusal {
            let message = try #require(outcome.failures.first?.message, "\(body)")
            #expect(message.contains(refusal), "\(message)")
        } else {
            #expect(outcome.failures.isEmpty && outcome.findings.first?.message == "hidden", "\(outcome)")
        }
    }

    @Test func aMembersNextBirthdayIsTheDayTheirAgeChanges() throws {
        func member(born: String) throws -> Member {
            Member(residentID: try ResidentID(areaCode: "620621", birthDate: LocalDate(iso: born)!, sequence: 31),
                   householdNumber: "1", name: "张三", relation: "户主", laborCapacity: .full)
        }
        #expect(try member(born: "1964-07-10").nextBirthday(after: Self.asOf) == LocalDate(iso: "2024-07-10"))
        #expect(try member(born: "1964-06-30").nextBirthday(after: Self.asOf) == LocalDate(iso: "2025-06-30"))
        #expect(try member(born: "1964-02-29").nextBirthday(after: Self.asOf) == LocalDate(iso: "2025-03-01"))
        let leap = try member(born: "1964-02-29")
        let day = try #require(leap.nextBirthday(after: LocalDate(iso: "2025-01-01")!))
        #expect(leap.age(on: day) == leap.age(on: day.adding(days: -1)) + 1)
        #expect(try member(born: "1964-07-10").nextBirthday(after: LocalDate(iso: "9999-08-01")!) == nil)
    }
}
