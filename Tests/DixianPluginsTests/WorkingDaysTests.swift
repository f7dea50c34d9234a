import DixianCore
@testable import DixianPlugins
import DixianTestSupport
import Foundation
import LuaHost
import Testing

/// One working-day calculator: a spec and a check counting the same working days get the same
/// answer, or the same error naming the calendar file to extend.
@Suite(.serialized)
struct WorkingDaysTests {
    let plugins = TemporaryPlugins()

    /// The outcome of a check that counts 3 working days after `from` in the national calendar
    /// and returns the date as its finding, and of a spec expecting `expect` for the same count.
    func count(from: String, expect: String) throws -> (check: BatchOutcome, spec: PluginSpecRunner.Result) {
        try plugins.write("counting", [
            "checks/a.lua": "dixian.check { id = 'a', title = 't', run = function()\n  local due = dixian.date.add_working_days('\(from)', 3)\n  return due\nend }",
            "spec/calendar.lua": "dixian.spec('three days', { as_of = '\(from)', calendar = { id = 'cn', from = '\(from)', working_days = 3, expect = '\(expect)' } })",
        ])
        let catalog = plugins.catalog
        let chain = try catalog.chain(for: catalog.plugin("counting"))
        let runtime = try PluginRuntime(chain: chain, state: LuaState())
        try runtime.prepare(asOf: LocalDate(iso: from)!)
        let view = HouseholdView(household: Household(
            number: "1", area: Area(villageCode: "620621100201")!, headName: "张三", category: .general))
        return (try runtime.screen([view]), try #require(PluginSpecRunner.run(chain: chain).first))
    }

    @Test func aDateTheCalendarListsGivesTheSameDayInASpecAndInACheck() throws {
        defer { plugins.remove() }
        // 1-7 October 2026 are the National Day holidays; Saturday 10 October is worked instead.
        let (check, spec) = try count(from: "2026-09-30", expect: "2026-10-10")
        #expect(check.failures.isEmpty, "\(check.failures)")
        #expect(check.findings.map(\.message) == ["2026-10-10"])
        #expect(spec.passed, "\(spec.problems)")
    }

    @Test func aDateBeyondTheCalendarIsTheSameErrorInASpecAndInACheck() throws {
        defer { plugins.remove() }
        let (check, spec) = try count(from: "2026-12-31", expect: "2027-01-05")
        let gap = "calendar 'cn' lists holidays for 2024-2026 only; working days in 2027 are not known until its holidays "
            + "and adjusted working days are added to national/calendars/cn.lua"
        #expect(check.findings.isEmpty)
        #expect(check.failures.map(\.message) == ["counting/checks/a.lua:2: " + gap])
        #expect(spec.problems == [.plugin(gap)])
    }

    /// A plugin cannot buy uncounted work with working-day counts: the days the host steps
    /// through are charged to the check's instruction budget, so a loop of counts over a
    /// calendar listing thousands of years is stopped as a loop in Lua would be.
    @Test func countingWorkingDaysIsChargedToTheBudget() throws {
        defer { plugins.remove() }
        let years = (1...9999).map { String(format: "'%04d-01-01'", $0) }.joined(separator: ", ")
        try plugins.write("counting", extends: nil, [
            "calendars/big.lua": "dixian.calendar { id = 'big', title = 'big', holidays = { \(years) } }",
            "checks/a.lua": "dixian.check { id = 'a', title = 't', run = function()\n  for _ = 1, 5 do pcall(dixian.date.add_working_days, '0001-01-02', 2147483647, 'big') end\nend }",
        ])
        let catalog = plugins.catalog
        let runtime = try PluginRuntime(chain: catalog.chain(for: catalog.plugin("counting")), state: LuaState())
        try runtime.prepare(asOf: LocalDate(iso: "2024-06-30")!)
        let view = HouseholdView(household: Household(
            number: "1", area: Area(villageCode: "620621100201")!, headName: "张三", category: .general))
        let (_, spent) = threadCPUTime {
            #expect(throws: LuaError.self) { try runtime.screen([view]) }
        }
        #expect(spent < .seconds(20), "the counts ran uncounted for \(spent) of processor time")
    }

    /// From 1 December, a calendar that lists no days of the next year says so (dixian plugin
    /// test prints it), before deadlines counted into January start to fail.
    @Test func fromTheFirstOfDecemberACalendarWithoutTheNextYearIsNoted() throws {
        let declaration = Declaration(id: "cn", title: "t", location: "national/calendars/cn.lua:6", plugin: "national", source: nil)
        let calendar = CalendarDeclaration(declaration: declaration, holidays: [LocalDate(iso: "2025-01-01")!],
                                           workdays: [LocalDate(iso: "2024-02-04")!])
        #expect(calendar.missingYear(on: LocalDate(iso: "2025-11-30")!) == nil)
        #expect(calendar.missingYear(on: LocalDate(iso: "2025-12-01")!) == 2026)
        #expect(calendar.missingYear(on: LocalDate(iso: "2026-03-01")!) == 2026)
        #expect(calendar.reminder(on: LocalDate(iso: "2025-12-01")!)?.english.contains("add") == true)
        #expect(calendar.reminder(on: LocalDate(iso: "2025-12-01")!)?.english.contains("national/calendars/cn.lua") == true)
        #expect(throws: CalendarGap.self) { try calendar.isWorkingDay(LocalDate(iso: "2026-01-05")!) }
    }
}
