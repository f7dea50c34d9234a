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
        public var problems: [SpecProblem]
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
        public var reminders: [PluginMessage]
        /// For every check, asset check, guard, deadline and duty the plugin declares (not those
        /// of the plugins it extends), whether a passing spec shows it firing and one shows it
        /// not firing.
        public var coverage: [RuleCoverage]
    }

    /// Whether the specs show one declared rule both ways.
    public struct RuleCoverage: Hashable, Sendable {
        /// `check`, `asset check`, `guard`, `deadline` or `duty`.
        public var kind: String
        /// Its id.
        public var id: String
        /// Where it is declared.
        public var location: String
        /// A passing spec shows it firing: a check that names it in `findings` or `includes`
        /// and sees it fire, a guard spec it refuses in, a `due` list with its items, a `duty`
        /// spec with its due dates.
        public var fires: Bool
        /// A passing spec shows it not firing: a check named in `excludes`, a guard spec that
        /// expects its transition allowed, a `not_due` naming the deadline (or `due = {}`), a
        /// `duty` spec with `due = {}`.
        public var quiet: Bool
        /// Both.
        public var covered: Bool { fires && quiet }
    }

    /// What the passing specs showed of each rule (kind and id): fired, stayed quiet.
    struct Observations {
        var fired: Set<[String]> = [], quiet: Set<[String]> = []
        mutating func fire(_ kind: String, _ id: String) { fired.insert([kind, id]) }
        mutating func keepQuiet(_ kind: String, _ id: String) { quiet.insert([kind, id]) }
        mutating func merge(_ other: Observations) {
            fired.formUnion(other.fired)
            quiet.formUnion(other.quiet)
        }
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
        var shown = Observations()
        let results = try specs.indices.map { index in
            let declaration = runtime.declarations.specs[index]
            var result = Result(name: declaration.id, location: declaration.location, problems: [])
            var seen = Observations()
            do {
                result.problems = try check(try runtime.spec(at: index), runtime: runtime, name: declaration.id, village: village,
                                            seen: &seen)
            } catch let error as PluginError {
                result.problems = [.plugin(error.message)]
            }
            if result.passed { shown.merge(seen) }
            return result
        }
        let reminders = today.map { today in runtime.declarations.calendars.compactMap { $0.reminder(on: today) } } ?? []
        return Report(results: results, reminders: reminders, coverage: coverage(of: runtime.declarations, plugin: runtime.plugin.id, shown))
    }

    /// The coverage of each rule `plugin` declares, from what the passing specs showed.
    private static func coverage(of declarations: PluginDeclarations, plugin: String, _ shown: Observations) -> [RuleCoverage] {
        let rules: [(String, Declaration)] = declarations.checks.map { ("check", $0.declaration) }
            + declarations.assetChecks.map { ("asset check", $0.declaration) }
            + declarations.guards.map { ("guard", $0.declaration) }
            + declarations.deadlines.map { ("deadline", $0.declaration) }
            + declarations.duties.map { ("duty", $0.declaration) }
        return rules.filter { $0.1.plugin == plugin }.map { kind, declaration in
            RuleCoverage(kind: kind, id: declaration.id, location: declaration.location,
                         fires: shown.fired.contains([kind, declaration.id]), quiet: shown.quiet.contains([kind, declaration.id]))
        }
    }

    /// The village code fixtures live in unless they say: the plugin's first area, padded.
    static func defaultVillage(for plugin: PluginManifest) -> String {
        String((plugin.areas[0] + "101001000000").prefix(12))
    }

    /// Runs `screen` and compares the checks that fired with the expectations.
    /// `messages` are pairs of a check id and a text one of its findings' messages must contain.
    private static func findingProblems(
        exact: [String]?, includes: [String]?, excludes: [String]?, messages: [(id: String, text: String)], checks: [CheckDeclaration],
        kind: String, seen: inout Observations, _ screen: () throws(LuaError) -> BatchOutcome
    ) -> [SpecProblem] {
        let known = Set(checks.map(\.id))
        var problems: [SpecProblem] = []
        for id in (exact ?? []) + (includes ?? []) + (excludes ?? []) + messages.map(\.id) where !known.contains(id) {
            problems.append(.undeclaredCheck(id))
        }
        let outcome: BatchOutcome
        do {
            outcome = try screen()
        } catch {
            return problems + [.checksStopped(error.description)]
        }
        problems += outcome.failures.map { .checkFailed($0.message) }
        var fired: [String: [String]] = [:]
        for finding in outcome.findings { fired[checks[finding.check].id, default: []].append(finding.message) }
        func describe(_ id: String) -> String {
            fired[id].map { "\(id) (\($0.joined(separator: "; ")))" } ?? id
        }
        if let exact {
            let missing = exact.filter { fired[$0] == nil }
            let extra = fired.keys.filter { !exact.contains($0) }.sorted()
            if !missing.isEmpty { problems.append(.findingsMissing(missing)) }
            if !extra.isEmpty { problems.append(.findingsUnexpected(extra.map(describe))) }
        }
        for id in includes ?? [] where fired[id] == nil { problems.append(.findingMissing(id)) }
        for id in excludes ?? [] where fired[id] != nil { problems.append(.findingUnexpected(id, found: describe(id))) }
        for (id, text) in messages where !(fired[id] ?? []).contains(where: { $0.contains(text) }) {
            problems.append(.messageMissing(id, wanted: text, messages: fired[id] ?? []))
        }
        for id in (exact ?? []) + (includes ?? []) where fired[id] != nil { seen.fire(kind, id) }
        for id in excludes ?? [] where fired[id] == nil { seen.keepQuiet(kind, id) }
        return problems
    }

    /// A spec's `messages` (`{ ['minqin.asset-idle-or-lost'] = '自2023年5月起闲置' }`) as pairs of a
    /// check id and the text, in the ids' order; none when absent, nil when it is not that shape.
    private static func messageTexts(_ value: LuaValue) -> [(id: String, text: String)]? {
        if value == .nil { return [] }
        guard let table = value.tableValue else { return nil }
        var pairs: [(id: String, text: String)] = []
        for (key, text) in table.fields {
            guard let id = key.stringValue, let text = text.stringValue else { return nil }
            pairs.append((id, text))
        }
        return table.array.isEmpty ? pairs.sorted { $0.id < $1.id } : nil
    }

    /// A calendar spec: `calendar = { id, working = { dates }, not_working = { dates },
    /// from = date, working_days = n, expect = date }`.
    private static func calendarProblems(_ spec: LuaValue, declarations: PluginDeclarations) -> [SpecProblem] {
        let id = spec["id"].stringValue ?? "?"
        guard let calendar = declarations.calendars.first(where: { $0.declaration.id == id }) else {
            return [.noCalendar(id, declared: declarations.calendars.map(\.declaration.id))]
        }
        func dates(_ field: String) -> [String] { spec[field].tableValue?.array.compactMap(\.stringValue) ?? [] }
        var problems: [SpecProblem] = []
        do {
            for text in dates("working") {
                guard let day = LocalDate(iso: text) else { problems.append(.notADate(text)); continue }
                if try !calendar.isWorkingDay(day) { problems.append(.notAWorkingDay(text, calendar: id)) }
            }
            for text in dates("not_working") {
                guard let day = LocalDate(iso: text) else { problems.append(.notADate(text)); continue }
                if try calendar.isWorkingDay(day) { problems.append(.notADayOff(text, calendar: id)) }
            }
            if let from = spec["from"].stringValue.flatMap({ LocalDate(iso: $0) }), let count = spec["working_days"].integerValue,
                let expected = spec["expect"].stringValue
            {
                let reached = try calendar.adding(workingDays: Int(count), to: from)
                if reached.description != expected {
                    problems.append(.workingDays(count: count, from: from, reached: reached, calendar: id, expected: expected))
                }
            } else if dates("working").isEmpty && dates("not_working").isEmpty {
                problems.append(.calendarSpecShape)
            }
        } catch {
            problems.append(.plugin(error.description))
        }
        return problems
    }

    /// A checklist spec: `checklist = { id, row = { key = expected text, ... } }`; booleans are
    /// written as the checklist shows them (是/否), absent cells as "". `listed = false` instead
    /// of `row` expects the household to be left off the list.
    private static func checklistProblems(_ spec: LuaValue, view: HouseholdView, runtime: PluginRuntime) throws -> [SpecProblem] {
        let unlisted = spec["listed"] == .boolean(false)
        guard let id = spec["id"].stringValue, unlisted || spec["row"].tableValue != nil else {
            return [.checklistSpecShape]
        }
        guard runtime.declarations.checklists.contains(where: { $0.declaration.id == id }) else {
            return [.noChecklist(id)]
        }
        let row = try runtime.checklistRow(id, for: view)
        guard let row else { return unlisted ? [] : [.notListed] }
        if unlisted { return [.listed] }
        var problems: [SpecProblem] = []
        for (key, value) in spec["row"].tableValue?.fields ?? [:] {
            guard let column = key.stringValue else { continue }
            let wanted: String = switch value {
            case .boolean(let flag): flag ? "是" : "否"
            default: value.displayText
            }
            let actual = row[column] ?? ""
            if actual != wanted { problems.append(.cell(column: column, expected: wanted, actual: actual)) }
        }
        return problems
    }

    /// A deadline spec: `due = { { id = deadline id, due_on = date, done_on = date?, message = text?,
    /// message_lacks = text or { texts }? }, ... }`, exactly the items the deadlines it names give
    /// the household (in any order; other deadlines are not looked at), each item's message
    /// holding `message` and none of `message_lacks`; `due = {}` expects no item from any deadline.
    private static func dueProblems(_ spec: LuaValue, notDue: [String], view: HouseholdView, runtime: PluginRuntime,
                                    seen: inout Observations) throws -> [SpecProblem] {
        guard spec == .nil || spec.tableValue != nil else { return [.dueSpecShape] }
        let list = spec.tableValue ?? LuaTable()
        guard list.array.allSatisfy(isDueItem) else { return [.dueSpecShape] }
        let outcome = try runtime.deadlines([view])
        var problems: [SpecProblem] = outcome.failures.map { .deadlineFailed($0.message) }
        let deadlines = runtime.declarations.deadlines
        for id in notDue where !deadlines.contains(where: { $0.declaration.id == id }) {
            problems.append(.undeclaredDeadline(id))
        }
        for id in notDue {
            let given = outcome.items.filter { deadlines[$0.deadline].declaration.id == id }
            if given.isEmpty {
                seen.keepQuiet("deadline", id)
            } else {
                problems.append(.dueUnexpectedly(id, items: given.map { "\($0.dueOn) (\($0.message))" }))
            }
        }
        guard spec != .nil else { return problems }
        let named = Set(list.array.compactMap { $0["id"].stringValue })
        if named.isEmpty && outcome.items.isEmpty {
            for deadline in deadlines { seen.keepQuiet("deadline", deadline.declaration.id) }
        }
        for id in named where outcome.items.contains(where: { deadlines[$0.deadline].declaration.id == id }) { seen.fire("deadline", id) }
        let items = outcome.items.filter { named.isEmpty || named.contains(deadlines[$0.deadline].declaration.id) }
        // Work done late is written with its date: `{ id, due_on, done_on }`.
        let actual = items.map { "\(deadlines[$0.deadline].declaration.id) \($0.dueOn)" + ($0.doneOn.map { " done \($0)" } ?? "") }
        let expected = list.array.map {
            "\($0["id"].stringValue ?? "?") \($0["due_on"].stringValue ?? "?")" + ($0["done_on"].stringValue.map { " done \($0)" } ?? "")
        }
        // Each expected item takes an actual one of its own (two loans due the same day are two items).
        var taken = Set<Int>()
        for (index, item) in expected.enumerated() {
            guard let found = actual.indices.first(where: { actual[$0] == item && !taken.contains($0) }) else {
                problems.append(.itemMissing(item, due: actual))
                continue
            }
            taken.insert(found)
            let spec = list.array[index], message = items[found].message
            if let text = spec["message"].stringValue, !message.contains(text) {
                problems.append(.itemMessage(item, text: text, expected: true, message: message))
            }
            for text in Self.texts(spec["message_lacks"]) where message.contains(text) {
                problems.append(.itemMessage(item, text: text, expected: false, message: message))
            }
        }
        for (index, item) in actual.enumerated() where !expected.contains(item) {
            problems.append(.itemUnexpected(item, message: items[index].message))
        }
        return problems
    }

    /// Whether `value` is an item a `due` spec can list: a table of `id`, `due_on`, `done_on`,
    /// `message` (a text) and `message_lacks` (a text or a list of texts) and nothing else, so
    /// that a misspelt key or a wrong type is refused rather than passed over.
    private static func isDueItem(_ value: LuaValue) -> Bool {
        guard let table = value.tableValue, table.array.isEmpty else { return false }
        let known: Set<String> = ["id", "due_on", "done_on", "message", "message_lacks"]
        for (key, field) in table.fields {
            guard let name = key.stringValue, known.contains(name) else { return false }
            let lacks = field.tableValue.map { $0.fields.isEmpty && $0.array.allSatisfy { $0.stringValue != nil } } ?? false
            guard field.stringValue != nil || (name == "message_lacks" && lacks) else { return false }
        }
        return true
    }

    /// The texts of `value`: one text, or a list of texts.
    private static func texts(_ value: LuaValue) -> [String] {
        value.stringValue.map { [$0] } ?? value.tableValue?.array.compactMap(\.stringValue) ?? []
    }

    /// A duty spec: `duty = { id, from = date, through = date, due = { dates } }`, exactly the
    /// dates the duty falls due in that window (`due = {}`: none).
    private static func dutyProblems(_ spec: LuaValue, declarations: PluginDeclarations, seen: inout Observations) -> [SpecProblem] {
        let id = spec["id"].stringValue ?? "?"
        guard let duty = declarations.duties.first(where: { $0.declaration.id == id }) else {
            return [.noDuty(id, declared: declarations.duties.map(\.declaration.id))]
        }
        guard let from = spec["from"].stringValue.flatMap({ LocalDate(iso: $0) }),
            let through = spec["through"].stringValue.flatMap({ LocalDate(iso: $0) }), let expected = spec["due"].tableValue
        else {
            return [.dutySpecShape]
        }
        guard from <= through else { return [.dutyWindow(from: from, through: through)] }
        let actual = duty.dueDates(from: from, through: through).map(\.description)
        let wanted = expected.array.compactMap(\.stringValue)
        guard actual == wanted else {
            return [.dutyDates(id, actual: actual, from: from, through: through, expected: wanted)]
        }
        if actual.isEmpty { seen.keepQuiet("duty", id) } else { seen.fire("duty", id) }
        return []
    }

    private static func check(_ spec: LuaValue, runtime: PluginRuntime, name: String, village: String,
                              seen: inout Observations) throws -> [SpecProblem] {
        guard let asOf = spec["as_of"].stringValue.flatMap({ LocalDate(iso: $0) }) else {
            return [.asOfShape]
        }
        try runtime.prepare(asOf: asOf)
        if spec["calendar"] != .nil {
            return calendarProblems(spec["calendar"], declarations: runtime.declarations)
        }
        if spec["duty"] != .nil {
            return dutyProblems(spec["duty"], declarations: runtime.declarations, seen: &seen)
        }
        func ids(_ field: String) -> [String]? {
            spec[field].tableValue.map { $0.array.compactMap(\.stringValue) }
        }
        let exact = ids("findings"), includes = ids("includes"), excludes = ids("excludes")
        guard let messages = messageTexts(spec["messages"]) else { return [.messagesShape] }
        let expectsFindings = exact != nil || includes != nil || excludes != nil || !messages.isEmpty
        let fixture = SpecFixture(spec: name, asOf: asOf, defaultVillage: village)
        if spec["asset"] != .nil {
            let asset = try fixture.asset(from: spec["asset"])
            guard expectsFindings else {
                return [.assetExpectsNothing]
            }
            return findingProblems(exact: exact, includes: includes, excludes: excludes, messages: messages,
                                   checks: runtime.declarations.assetChecks, kind: "asset check", seen: &seen) { () throws(LuaError) in
                try runtime.screenAssets([asset])
            }
        }
        let view = try fixture.view(from: spec["household"])
        let transition = spec["guard"].stringValue.flatMap(MonitoringTransition.init(rawValue:))
        let checklist = spec["checklist"], due = spec["due"], notDue = ids("not_due")
        guard expectsFindings || transition != nil || checklist != .nil || due != .nil || notDue != nil else {
            return [.expectsNothing]
        }
        var problems: [SpecProblem] = []
        if expectsFindings {
            problems += findingProblems(exact: exact, includes: includes, excludes: excludes, messages: messages,
                                        checks: runtime.declarations.checks, kind: "check", seen: &seen) { () throws(LuaError) in
                try runtime.screen([view])
            }
        }
        if checklist != .nil {
            problems += try checklistProblems(checklist, view: view, runtime: runtime)
        }
        if due != .nil || notDue != nil {
            problems += try dueProblems(due, notDue: notDue ?? [], view: view, runtime: runtime, seen: &seen)
        }
        if let transition {
            let verdict = try runtime.guardVerdict(transition, for: view)
            problems += verdict.failures.map { .guardFailed("\($0)") }
            let refused = !verdict.reasons.isEmpty
            let expected: Bool
            switch spec["refused"] {
            case .boolean(let flag): expected = flag
            case .nil: expected = true
            default: return problems + [.refusedShape]
            }
            let reasons = verdict.reasons.map { "\($0.title)：\($0.reason)" }
            if refused != expected {
                problems.append(expected ? .guardsAllowed(transition) : .guardsRefused(transition, reasons: reasons))
            }
            for wanted in ids("reasons") ?? [] where !reasons.contains(where: { $0.contains(wanted) }) {
                problems.append(.reasonMissing(wanted, reasons: reasons))
            }
            if expected {
                for reason in verdict.reasons { seen.fire("guard", reason.guardID) }
            } else if !refused {
                for guardDeclaration in runtime.declarations.guards where guardDeclaration.transition == transition {
                    seen.keepQuiet("guard", guardDeclaration.declaration.id)
                }
            }
        }
        return problems
    }
}
