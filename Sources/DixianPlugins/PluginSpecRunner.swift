import DixianCore
import LuaHost

/// Runs a plugin's specs: each spec file under `spec/` declares households (as fixtures) with
/// the findings its checks must give, or the verdict its guards must reach, on a date.
public enum PluginSpecRunner {
    /// The outcome of one spec.
    public struct Result: Hashable, Sendable {
        /// The spec's name.
        public var name: String
        /// `plugin/spec/file.lua:line` where it is declared.
        public var location: String
        /// What did not hold; empty when the spec passed.
        public var problems: [String]
        /// True when every expectation held.
        public var passed: Bool { problems.isEmpty }
    }

    /// What a run of a plugin's specs tells: each spec's outcome, and what needs doing before it
    /// fails (a calendar about to run out of years).
    public struct Report: Hashable, Sendable {
        /// Each spec's outcome, in declaration order.
        public var results: [Result]
        /// Calendars of the chain that do not list a year they will need soon
        /// (`CalendarDeclaration.reminder(on:)`).
        public var reminders: [String]
    }

    /// Loads `chain` with the last plugin's specs into a fresh state and runs every spec.
    public static func run(chain: [PluginManifest], limits: LuaLimits = LuaLimits()) throws -> [Result] {
        try report(chain: chain, limits: limits, today: nil).results
    }

    /// Runs every spec of the last plugin of `chain`, and notes which of the chain's calendars
    /// lack a year they will need soon after `today` (none without it).
    public static func report(chain: [PluginManifest], limits: LuaLimits = LuaLimits(), today: LocalDate?) throws -> Report {
        let runtime = try PluginRuntime(chain: chain, state: LuaState(limits: limits), loadingSpecs: true)
        let specs = runtime.declarations.specs.filter { $0.plugin == runtime.plugin.id }
        let village = defaultVillage(for: runtime.plugin)
        let results = try specs.indices.map { index in
            let declaration = runtime.declarations.specs[index]
            var result = Result(name: declaration.id, location: declaration.location, problems: [])
            do {
                result.problems = try check(try runtime.spec(at: index), runtime: runtime, name: declaration.id, village: village)
            } catch let error as PluginError {
                result.problems = [error.message]
            }
            return result
        }
        let reminders = today.map { today in runtime.declarations.calendars.compactMap { $0.reminder(on: today) } } ?? []
        return Report(results: results, reminders: reminders)
    }

    /// The village code fixtures live in unless they say: the plugin's first area, padded.
    static func defaultVillage(for plugin: PluginManifest) -> String {
        String((plugin.areas[0] + "101001000000").prefix(12))
    }

    /// Runs `screen` and compares the checks that fired with the expectations.
    private static func findingProblems(
        exact: [String]?, includes: [String]?, excludes: [String]?, checks: [CheckDeclaration],
        _ screen: () throws(LuaError) -> BatchOutcome
    ) -> [String] {
        let known = Set(checks.map(\.id))
        var problems: [String] = []
        for id in (exact ?? []) + (includes ?? []) + (excludes ?? []) where !known.contains(id) {
            problems.append("names check '\(id)', which the plugin does not declare")
        }
        let outcome: BatchOutcome
        do {
            outcome = try screen()
        } catch {
            return problems + ["the checks were stopped: \(error.description)"]
        }
        problems += outcome.failures.map { "a check failed: \($0.message)" }
        var fired: [String: [String]] = [:]
        for finding in outcome.findings { fired[checks[finding.check].id, default: []].append(finding.message) }
        func describe(_ id: String) -> String {
            fired[id].map { "\(id) (\($0.joined(separator: "; ")))" } ?? id
        }
        if let exact {
            let missing = exact.filter { fired[$0] == nil }
            let extra = fired.keys.filter { !exact.contains($0) }.sorted()
            if !missing.isEmpty { problems.append("expected findings that did not come: \(missing.joined(separator: ", "))") }
            if !extra.isEmpty { problems.append("unexpected findings: \(extra.map(describe).joined(separator: ", "))") }
        }
        for id in includes ?? [] where fired[id] == nil { problems.append("expected a finding of \(id); none came") }
        for id in excludes ?? [] where fired[id] != nil { problems.append("expected no finding of \(id), got \(describe(id))") }
        return problems
    }

    /// A calendar spec: `calendar = { id, working = { dates }, not_working = { dates },
    /// from = date, working_days = n, expect = date }`.
    private static func calendarProblems(_ spec: LuaValue, declarations: PluginDeclarations) -> [String] {
        let id = spec["id"].stringValue ?? "?"
        guard let calendar = declarations.calendars.first(where: { $0.declaration.id == id }) else {
            return ["no calendar '\(id)' (declared: \(declarations.calendars.map(\.declaration.id).joined(separator: ", ")))"]
        }
        func dates(_ field: String) -> [String] { spec[field].tableValue?.array.compactMap(\.stringValue) ?? [] }
        var problems: [String] = []
        do {
            for text in dates("working") {
                guard let day = LocalDate(iso: text) else { problems.append("'\(text)' is not a date"); continue }
                if try !calendar.isWorkingDay(day) { problems.append("expected \(text) to be a working day in \(id); it is not") }
            }
            for text in dates("not_working") {
                guard let day = LocalDate(iso: text) else { problems.append("'\(text)' is not a date"); continue }
                if try calendar.isWorkingDay(day) { problems.append("expected \(text) to be a day off in \(id); it is a working day") }
            }
            if let from = spec["from"].stringValue.flatMap({ LocalDate(iso: $0) }), let count = spec["working_days"].integerValue,
                let expected = spec["expect"].stringValue
            {
                let reached = try calendar.adding(workingDays: Int(count), to: from)
                if reached.description != expected {
                    problems.append("\(count) working days after \(from) is \(reached) in \(id), not \(expected)")
                }
            } else if dates("working").isEmpty && dates("not_working").isEmpty {
                problems.append("a calendar spec needs working, not_working, or from, working_days and expect")
            }
        } catch {
            problems.append(error.description)
        }
        return problems
    }

    /// A checklist spec: `checklist = { id, row = { key = expected text, ... } }`; booleans are
    /// written as the checklist shows them (是/否), absent cells as "". `listed = false` instead
    /// of `row` expects the household to be left off the list.
    private static func checklistProblems(_ spec: LuaValue, view: HouseholdView, runtime: PluginRuntime) throws -> [String] {
        let unlisted = spec["listed"] == .boolean(false)
        guard let id = spec["id"].stringValue, unlisted || spec["row"].tableValue != nil else {
            return ["a checklist spec needs id and row (or listed = false)"]
        }
        guard runtime.declarations.checklists.contains(where: { $0.declaration.id == id }) else {
            return ["no checklist '\(id)'"]
        }
        let row = try runtime.checklistRow(id, for: view)
        guard let row else { return unlisted ? [] : ["the household is not on the list (the row function returned nil)"] }
        if unlisted { return ["expected the household off the list, got a row"] }
        var problems: [String] = []
        for (key, value) in spec["row"].tableValue?.fields ?? [:] {
            guard let column = key.stringValue else { continue }
            let wanted: String = switch value {
            case .boolean(let flag): flag ? "是" : "否"
            default: value.displayText
            }
            let actual = row[column] ?? ""
            if actual != wanted { problems.append("column \(column): expected '\(wanted)', got '\(actual)'") }
        }
        return problems
    }

    /// A deadline spec: `due = { { id = deadline id, due_on = date }, ... }`, exactly the items
    /// the deadlines it names give the household (in any order; other deadlines are not
    /// looked at); `due = {}` expects no item from any deadline.
    private static func dueProblems(_ spec: LuaValue, view: HouseholdView, runtime: PluginRuntime) throws -> [String] {
        guard let list = spec.tableValue else { return ["due must be a list of { id, due_on }"] }
        let outcome = try runtime.deadlines([view])
        var problems = outcome.failures.map { "a deadline failed: \($0.message)" }
        let deadlines = runtime.declarations.deadlines
        let named = Set(list.array.compactMap { $0["id"].stringValue })
        let items = outcome.items.filter { named.isEmpty || named.contains(deadlines[$0.deadline].declaration.id) }
        let actual = items.map { "\(deadlines[$0.deadline].declaration.id) \($0.dueOn)" }
        let expected = list.array.map { "\($0["id"].stringValue ?? "?") \($0["due_on"].stringValue ?? "?")" }
        for item in expected where !actual.contains(item) {
            problems.append("expected \(item) to be due; due: \(actual.isEmpty ? "nothing" : actual.joined(separator: ", "))")
        }
        for (index, item) in actual.enumerated() where !expected.contains(item) {
            problems.append("did not expect \(item) (\(items[index].message))")
        }
        return problems
    }

    private static func check(_ spec: LuaValue, runtime: PluginRuntime, name: String, village: String) throws -> [String] {
        guard let asOf = spec["as_of"].stringValue.flatMap({ LocalDate(iso: $0) }) else {
            return ["as_of must be a date written YYYY-MM-DD"]
        }
        try runtime.prepare(asOf: asOf)
        if spec["calendar"] != .nil {
            return calendarProblems(spec["calendar"], declarations: runtime.declarations)
        }
        func ids(_ field: String) -> [String]? {
            spec[field].tableValue.map { $0.array.compactMap(\.stringValue) }
        }
        let exact = ids("findings"), includes = ids("includes"), excludes = ids("excludes")
        let fixture = SpecFixture(spec: name, asOf: asOf, defaultVillage: village)
        if spec["asset"] != .nil {
            let asset = try fixture.asset(from: spec["asset"])
            guard exact != nil || includes != nil || excludes != nil else {
                return ["the spec expects nothing: give findings, includes or excludes"]
            }
            return findingProblems(exact: exact, includes: includes, excludes: excludes, checks: runtime.declarations.assetChecks) { () throws(LuaError) in
                try runtime.screenAssets([asset])
            }
        }
        let view = try fixture.view(from: spec["household"])
        let transition = spec["guard"].stringValue.flatMap(MonitoringTransition.init(rawValue:))
        let checklist = spec["checklist"], due = spec["due"]
        guard exact != nil || includes != nil || excludes != nil || transition != nil || checklist != .nil || due != .nil else {
            return ["the spec expects nothing: give findings, includes, excludes, guard, checklist or due"]
        }
        var problems: [String] = []
        if exact != nil || includes != nil || excludes != nil {
            problems += findingProblems(exact: exact, includes: includes, excludes: excludes, checks: runtime.declarations.checks) { () throws(LuaError) in
                try runtime.screen([view])
            }
        }
        if checklist != .nil {
            problems += try checklistProblems(checklist, view: view, runtime: runtime)
        }
        if due != .nil {
            problems += try dueProblems(due, view: view, runtime: runtime)
        }
        if let transition {
            let verdict = try runtime.guardVerdict(transition, for: view)
            problems += verdict.failures.map { "a guard failed: \($0)" }
            let refused = !verdict.reasons.isEmpty
            let expected: Bool
            switch spec["refused"] {
            case .boolean(let flag): expected = flag
            case .nil: expected = true
            default: return problems + ["refused must be true or false"]
            }
            let reasons = verdict.reasons.map { "\($0.title)：\($0.reason)" }
            if refused != expected {
                problems.append(expected ? "expected the \(transition.rawValue) guards to refuse; they allowed it"
                    : "expected the \(transition.rawValue) guards to allow it; they refused: \(reasons.joined(separator: "; "))")
            }
            for wanted in ids("reasons") ?? [] where !reasons.contains(where: { $0.contains(wanted) }) {
                problems.append("expected a reason containing '\(wanted)'; the reasons were: \(reasons.isEmpty ? "none" : reasons.joined(separator: "; "))")
            }
        }
        return problems
    }
}
