import DixianCore
import DixianPlugins
import DixianReports
import DixianScreening
import DixianSheets
import DixianWorkflow
import Foundation
import LuaHost

/// Carries a value across the wait for an async registry call: the console's thread blocks
/// until the task is done, so nothing is shared while both run.
private struct Handoff<T>: @unchecked Sendable { var value: T }

/// Runs `body` to completion and returns its result, blocking the calling thread (the
/// console's, never one of the concurrency pool's).
func blocking<T>(_ body: @escaping () async throws -> T) throws -> T {
    let semaphore = DispatchSemaphore(value: 0)
    let box = ResultBox<T>()
    let work = Handoff(value: body)
    Task {
        do { box.set(.success(try await work.value())) } catch { box.set(.failure(error)) }
        semaphore.signal()
    }
    semaphore.wait()
    return try box.get()
}

/// The result of a blocking call, written by the task and read after it signalled.
private final class ResultBox<T>: @unchecked Sendable {
    private var result: Result<T, any Error>?
    func set(_ value: Result<T, any Error>) { result = value }
    func get() throws -> T { try result!.get() }
}

extension Console {
    /// Defines the bound API in the console's environment.
    func bind() {
        func define(_ name: String, _ body: @escaping (inout LuaCallFrame) throws -> Void) {
            state.define(name, in: environment) { frame in
                do {
                    try body(&frame)
                } catch let error as LuaError {
                    throw error
                } catch let error as LuaArgumentError {
                    throw error
                } catch let error as WorkflowError {
                    throw ConsoleError(error.text(in: self.language))
                }
            }
        }
        define("household") { frame in
            let number = try frame.string(1)
            let date = try frame.argument(2).stringValue.map { try self.date($0, "date") }
            frame.return(try self.householdValue(number, asOf: date))
        }
        define("find") { frame in
            let (views, total) = try self.select(Selection(frame.argument(1), function: "find", language: self.language))
            frame.return(LuaValue.table(LuaTable(array: try views.map { try self.plugin.value(of: $0) })))
            frame.return(total)
        }
        define("check") { frame in
            frame.return(try self.findings(on: [try self.view(frame.argument(1))]))
        }
        define("screen") { frame in
            let selection = try Selection(frame.argument(1), function: "screen", language: self.language)
            frame.return(try self.findings(on: try self.select(selection, all: true).views))
        }
        define("due") { frame in
            frame.return(try self.deadlines(of: try self.view(frame.argument(1))))
        }
        define("monitor") { frame in
            let action = try frame.string(1)
            frame.return(try self.monitor(action, frame.argument(2)))
        }
        define("visit") { frame in
            frame.return(try self.visit(frame.argument(1)))
        }
        define("close_problem") { frame in
            let options = frame.argument(1)
            guard let id = options["id"].integerValue, let fix = options["fix"].stringValue else {
                throw LuaArgumentError(ConsoleMessage.closeProblemNeedsIDAndFix.text(in: self.language))
            }
            let on = try options["on"].stringValue.map { try self.date($0, "on") } ?? self.options.asOf
            let workflow = try self.workflow(for: "close_problem")
            try blocking { try await workflow.closeProblem(id, fix: fix, on: on) }
        }
        define("report") { frame in
            frame.return(try self.report(try frame.string(1), frame.argument(2)))
        }
        define("commit") { frame in
            try self.requireWrite("commit")
            try self.store.commit()
            if let note = self.rescreenCommitted() { frame.return(note) }
        }
        define("rollback") { _ in
            try self.requireWrite("rollback")
            try self.store.rollback()
        }
        define("reload") { _ in
            self.plugin = try Self.loadPlugin(self.chain, self.options)
        }
        _ = try? state.call(state.load("today = ...", name: "today", in: environment), [.string(options.asOf.description)])
    }

    // MARK: Reading

    func date(_ text: String, _ field: String) throws -> LocalDate {
        guard let date = LocalDate(iso: text) else {
            throw LuaArgumentError(ConsoleMessage.notADate(field: field, text: text).text(in: language))
        }
        return date
    }

    /// The view of household `number` as of `asOf` (the console's date by default).
    func householdView(_ number: String, asOf: LocalDate? = nil) throws -> HouseholdView {
        guard let view = try store.view(ofHousehold: number, asOf: asOf ?? options.asOf) else {
            throw ConsoleError(ConsoleMessage.noHousehold(number).text(in: language))
        }
        return view
    }

    private func householdValue(_ number: String, asOf: LocalDate?) throws -> LuaValue {
        let view = try householdView(number, asOf: asOf)
        guard let asOf, asOf != options.asOf else { return try plugin.value(of: view) }
        try plugin.prepare(asOf: asOf)
        defer { try? plugin.prepare(asOf: options.asOf) }
        return try plugin.value(of: view)
    }

    /// The household a console function was given: a view (its `number`) or a number.
    func view(_ value: LuaValue) throws -> HouseholdView {
        guard let number = value.stringValue ?? value["number"].stringValue else {
            throw LuaArgumentError(ConsoleMessage.notAHousehold.text(in: language))
        }
        return try householdView(number)
    }

    /// The households a selection matches, in number order: at most its limit unless `all`,
    /// and how many match.
    func select(_ selection: Selection, all: Bool = false) throws -> (views: [HouseholdView], total: Int) {
        var views: [HouseholdView] = [], total = 0
        for partition in try store.partitions(area: selection.area, size: 4096) {
            try store.readViews(in: partition, asOf: options.asOf, batchSize: 256) { batch in
                for view in batch where try selection.matches(HouseholdFacts(view)) {
                    total += 1
                    if all || views.count < selection.limit { views.append(view) }
                }
            }
        }
        return (views, total)
    }

    /// The findings of the plugin's checks on `views`, as a list of tables.
    func findings(on views: [HouseholdView]) throws -> LuaValue {
        let checks = plugin.declarations.checks
        var list: [LuaValue] = []
        for start in stride(from: 0, to: views.count, by: 256) {
            let batch = Array(views[start..<min(start + 256, views.count)])
            let outcome = try plugin.screen(batch)
            if let failure = outcome.failures.first { throw ConsoleError(failure.message) }
            for finding in outcome.findings {
                let check = checks[finding.check]
                list.append(.table(LuaTable(fields: [
                    "household": .string(batch[finding.subject].household.number), "check": .string(check.id),
                    "title": .string(check.declaration.title), "message": .string(finding.message),
                    "severity": .string((finding.severity ?? check.severity).rawValue),
                    "risk_types": .table(LuaTable(array: (finding.riskTypes ?? check.riskTypes).map { .string($0.rawValue) })),
                ])))
            }
        }
        return .table(LuaTable(array: list))
    }

    /// What the plugin's deadlines say `view`'s household owes, and (with `done_on`, never
    /// overdue) what it did after its due date.
    func deadlines(of view: HouseholdView) throws -> LuaValue {
        let outcome = try plugin.deadlines([view])
        if let failure = outcome.failures.first { throw ConsoleError(failure.message) }
        let declared = plugin.declarations.deadlines
        return .table(LuaTable(array: outcome.items.map { item in
            let deadline = declared[item.deadline]
            var fields: [LuaValue: LuaValue] = [
                "deadline": .string(deadline.declaration.id), "title": .string(deadline.declaration.title),
                "due_on": .string(item.dueOn.description), "message": .string(item.message),
                "responsible": .string(item.responsible ?? deadline.responsible),
                "overdue": .boolean(item.doneOn == nil && item.dueOn < options.asOf),
            ]
            if let person = item.person { fields["person"] = .string(person) }
            if let done = item.doneOn { fields["done_on"] = .string(done.description) }
            return .table(LuaTable(fields: fields))
        }))
    }

    // MARK: Changing

    func requireWrite(_ function: String) throws {
        guard options.write else {
            throw ConsoleError(ConsoleMessage.readOnly(function: function).text(in: language))
        }
    }

    func workflow(for function: String) throws -> Workflow {
        try requireWrite(function)
        return Workflow(store: store, guards: plugin, user: options.actor, today: options.asOf)
    }

    /// `monitor(action, options)`: one monitoring step through the workflow.
    private func monitor(_ name: String, _ arguments: LuaValue) throws -> LuaValue {
        let workflow = try workflow(for: "monitor")
        let on = try arguments["on"].stringValue.map { try date($0, "on") } ?? options.asOf
        let notes = arguments["notes"].stringValue ?? ""
        let actor = options.actor
        if name == "report" {
            guard let household = arguments["household"].stringValue,
                let channel = arguments["channel"].stringValue.flatMap(DiscoveryChannel.init(term:))
            else { throw LuaArgumentError(ConsoleMessage.reportNeedsHouseholdAndChannel.text(in: language)) }
            return .integer(try blocking { try await workflow.report(household: household, channel: channel, on: on, by: actor, notes: notes) })
        }
        guard let episode = arguments["episode"].integerValue else {
            throw LuaArgumentError(ConsoleMessage.actionNeedsEpisode(name).text(in: language))
        }
        let risks = Set((arguments["risk_types"].tableValue?.array ?? []).compactMap { $0.stringValue.flatMap(RiskType.init(term:)) })
        let reasons = arguments["reasons"].stringValue ?? ""
        let action: MonitoringAction
        switch name {
        case "verify": action = .verify(notes: notes)
        case "answer": action = .answer(accepted: arguments["accepted"] != .boolean(false), reasons: reasons)
        case "approve":
            guard let kind = arguments["kind"].stringValue.flatMap(MonitoredKind.init(term:)) else {
                throw LuaArgumentError(ConsoleMessage.approveNeedsKind.text(in: language))
            }
            action = .approve(riskTypes: risks, kind: kind)
        case "plan": return .integer(try blocking { try await workflow.makePlan(episode: episode, on: on, by: actor) })
        case "eliminate":
            guard let stage = arguments["stage"].stringValue.flatMap(EliminationStage.init(term:)) else {
                throw LuaArgumentError(ConsoleMessage.eliminateNeedsStage.text(in: language))
            }
            action = .eliminate(stage, notes: notes)
        case "follow-up": action = .followUp(notes: notes)
        case "send-back": action = .sendBack(reasons: reasons)
        case "relabel": action = .relabel(riskTypes: risks, notes: notes)
        default:
            throw LuaArgumentError(ConsoleMessage.unknownAction(name).text(in: language))
        }
        let result = try blocking { try await workflow.take(action, episode: episode, on: on, by: actor) }
        return .string(result.status.rawValue)
    }

    /// `visit{...}`: records a visit.
    private func visit(_ arguments: LuaValue) throws -> LuaValue {
        let workflow = try workflow(for: "visit")
        guard let household = arguments["household"].stringValue, let visitor = arguments["visitor"].stringValue,
            let role = arguments["role"].stringValue.flatMap(VisitorRole.init(term:))
        else { throw LuaArgumentError(ConsoleMessage.visitNeedsHouseholdVisitorRole.text(in: language)) }
        let on = try arguments["on"].stringValue.map { try date($0, "on") } ?? options.asOf
        let visit = Visit(id: 0, householdNumber: household, visitedOn: on, visitor: visitor, role: role,
                          notes: arguments["notes"].stringValue ?? "")
        return .integer(try blocking { try await workflow.recordVisit(visit) })
    }

    /// `report(id, options)`: a report as Markdown text, or written to a file.
    private func report(_ id: String, _ arguments: LuaValue) throws -> LuaValue {
        let run = ReportRun(chain: chain, reportID: id, asOf: options.asOf, area: nil, limits: options.limits)
        let store = self.store
        let document = try blocking { try await run.render(from: store) }
        guard let out = arguments["out"].stringValue else { return .string(document.markdown) }
        let format = arguments["format"].stringValue.flatMap(SheetFormat.init(rawValue:))
            ?? SheetFormat(rawValue: URL(fileURLWithPath: out).pathExtension) ?? .md
        // Printing by LibreOffice takes its time and cannot be interrupted from the console.
        guard format != .pdf else {
            throw LuaArgumentError(ConsoleMessage.pdfFromCommandLine(report: id, out: out).text(in: language))
        }
        try AtomicOutput.write(to: URL(fileURLWithPath: out)) { try document.write(to: $0, as: format) }
        return .string(out)
    }
}

/// The households a console function selects: `township`, `village` (area prefixes),
/// `category`, `kind`, `status`, `risk_type` (one value or a list), and `limit`.
struct Selection {
    let area: String?
    let filters: [(String, [String])]
    let limit: Int

    init(_ value: LuaValue, function: String, language: Language) throws {
        var area: String?, filters: [(String, [String])] = [], limit = 100
        for (key, wanted) in value.tableValue?.fields ?? [:] {
            guard let name = key.stringValue else { continue }
            switch name {
            case "township", "village":
                guard let code = wanted.stringValue else { throw LuaArgumentError(ConsoleMessage.notAnAreaCode(function: function, field: name).text(in: language)) }
                area = code
            case "limit":
                guard let number = wanted.integerValue, number > 0 else { throw LuaArgumentError(ConsoleMessage.limitNotPositive(function: function).text(in: language)) }
                limit = Int(number)
            case "category", "kind", "status", "risk_type":
                filters.append((name, wanted.stringValue.map { [$0] } ?? wanted.tableValue?.array.compactMap(\.stringValue) ?? []))
            default:
                throw LuaArgumentError(ConsoleMessage.unknownFilter(function: function, field: name).text(in: language))
            }
        }
        self.area = area
        self.filters = filters
        self.limit = limit
    }

    func matches(_ facts: HouseholdFacts) throws -> Bool {
        filters.allSatisfy { name, accepted in facts.values(of: name)!.contains(where: accepted.contains) }
    }
}

extension Console {
    /// Re-screens, as of today, the households the session's committed changes marked (issue
    /// 23), as a workflow command does (`LiveScreening.rescreenChanged`), in a commit of their
    /// own. Returns what to tell the administrator when they were too many or the re-screening
    /// failed (they then wait for `dixian screen --changed`; the committed changes stand), nil
    /// otherwise.
    func rescreenCommitted() -> String? {
        defer { committedThrough = (try? store.lastAuditID()) ?? committedThrough }
        do {
            let outcome = try LiveScreening(chain: chain, limits: options.limits)
                .rescreenChanged(after: committedThrough, on: LocalDate.today, actor: options.actor, in: store)
            if case .deferred(let count) = outcome { return ConsoleMessage.rescreenDeferred(count).text(in: language) }
            try store.commit()
            return nil
        } catch {
            try? store.rollback()
            return ConsoleMessage.rescreenFailed("\(error)").text(in: language)
        }
    }
}
