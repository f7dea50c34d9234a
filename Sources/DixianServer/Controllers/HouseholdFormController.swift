import DixianCore
import DixianWorkflow
import Hummingbird

/// The forms of the household page (`HouseholdForms`): record a visit
/// (`/households/{number}/visit`), report a risk (`…/report`), and verify, answer, approve,
/// plan, take the next elimination stage of, follow up, send back or relabel the latest
/// episode (`…/episodes/{id}/verify`); and the forms on its records
/// (`HouseholdFormController+Records`). Each runs the workflow as the API does
/// (`DixianServer.act`: the role table, the plugin's guards, one audited transaction, the live
/// re-screening); `FormCSRFMiddleware` has checked its token. A refusal (role, area, guard,
/// lifecycle, a stale form, a field out of bounds) is the household page again with the
/// reason above the forms, in the status the API would give; success leads back to the page,
/// which shows once what the form did (`SignInSession.flash`).
struct HouseholdFormController<Store: ServerStore>: Sendable {
    let server: DixianServer<Store>
    var pages: HouseholdPageController<Store> { HouseholdPageController(server: server) }

    /// What a form did (the monitoring steps by the path of their form).
    enum Done: String, Sendable {
        case visit, report, verify, answer, approve, plan, eliminate
        case followUp = "follow-up"
        case sendBack = "send-back"
        case relabel
        case measureAdd, measureDone, problemOpen, problemClose, warningClose

        /// The notice the page shows.
        var notice: String {
            switch self {
            case .visit: "走访已登记。"
            case .report: "风险已报告，已建立监测记录。"
            case .verify: "核实情况已登记。"
            case .answer: "核实结果已反馈。"
            case .approve: "已审批认定为监测对象。"
            case .plan: "帮扶计划已制定。"
            case .eliminate: "风险消除环节已登记。"
            case .followUp: "跟踪回访已登记。"
            case .sendBack: "已退回监测。"
            case .relabel: "风险已再标注。"
            case .measureAdd: "帮扶措施已添加。"
            case .measureDone: "帮扶措施已标记完成。"
            case .problemOpen: "问题已登记入台账。"
            case .problemClose: "问题已办结销号。"
            case .warningClose: "预警核实已办结。"
            }
        }
    }

    var routes: RouteCollection<ServerContext> {
        RouteCollection(context: ServerContext.self)
            .post(":number/visit", use: visit)
            .post(":number/report", use: report)
            .post(":number/episodes/:id/:step", use: step)
            .post(":number/plans/:id/measures", use: addMeasure)
            .post(":number/measures/:id/done", use: finishMeasure)
            .post(":number/problems", use: openProblem)
            .post(":number/problems/:id/close", use: closeProblem)
            .post(":number/warnings/:id/close", use: closeWarning)
    }

    /// The texts of a visit form, held to the API's bounds (`DixianServer.checkText`).
    private struct VisitText { let visitor: String, notes: String }
    /// The texts of a monitoring form.
    private struct StepText { let notes: String, reasons: String }

    /// Records a visit.
    @Sendable func visit(_ request: Request, context: ServerContext) async throws -> Response {
        try await submit(request, context: context, .visit) { user, number, fields in
            let text = VisitText(visitor: fields["visitor"] ?? "", notes: fields["notes"] ?? "")
            try DixianServer<Store>.checkText(of: text)
            guard !text.visitor.isBlank else { throw ProblemDetails.badField("visitor", .mustNotBeEmpty) }
            let role: VisitorRole = try server.term(fields["role"], field: "role")
            let visit = Visit(id: 0, householdNumber: number, visitedOn: try date(fields), visitor: text.visitor, role: role, notes: text.notes)
            _ = try await server.act(as: user, on: number) { try await $0.recordVisit(visit) }
        }
    }

    /// Reports a risk: opens an episode.
    @Sendable func report(_ request: Request, context: ServerContext) async throws -> Response {
        try await submit(request, context: context, .report) { user, number, fields in
            let text = StepText(notes: fields["notes"] ?? "", reasons: "")
            try DixianServer<Store>.checkText(of: text)
            let channel: DiscoveryChannel = try server.term(fields["channel"], field: "channel")
            let on = try date(fields)
            _ = try await server.act(as: user, on: number) { workflow in
                try workflow.permit(.report)
                try await requireCurrent(fields["version"], of: number, in: workflow)
                return try await workflow.report(household: number, channel: channel, on: on, by: user.actor, notes: text.notes)
            }
        }
    }

    /// Verifies, answers, approves, plans, takes an elimination stage of, follows up, sends back
    /// or relabels episode `:id` of the household.
    @Sendable func step(_ request: Request, context: ServerContext) async throws -> Response {
        let name = try context.parameters.require("step")
        guard let done = Done(rawValue: name), EpisodeStep(rawValue: name) != nil, let id = Self.id(context) else { throw HTTPError(.notFound) }
        return try await submit(request, context: context, done) { user, number, fields in
            let text = StepText(notes: fields["notes"] ?? "", reasons: fields["reasons"] ?? "")
            try DixianServer<Store>.checkText(of: text)
            let on = try date(fields)
            let action: MonitoringAction
            switch done {
            case .answer: action = .answer(accepted: fields["accepted"] != "no", reasons: text.reasons)
            case .approve:
                action = .approve(riskTypes: Self.risks(fields), kind: try server.term(fields["kind"], field: "kind"))
            case .plan: action = .plan(planID: 0)
            case .eliminate: action = .eliminate(try server.term(fields["stage"], field: "stage"), notes: text.notes)
            case .followUp: action = .followUp(notes: text.notes)
            case .sendBack: action = .sendBack(reasons: text.reasons)
            case .relabel: action = .relabel(riskTypes: Self.risks(fields), notes: text.notes)
            default: action = .verify(notes: text.notes)
            }
            // The episode must be the household's: one of another household is not looked at.
            let records = try await server.store.records(in: .monitoringEpisode, where: "id", equals: String(id))
            guard (records.first?.value as? MonitoringEpisode)?.householdNumber == number else {
                throw ProblemDetails(.notFound, detail: .refusal(WorkflowError.notFound(.monitoringEpisode, String(id)).text(in: server.plugin.language)))
            }
            _ = try await server.act(as: user, on: number) { workflow in
                try workflow.permit(WorkflowStep(action))
                try await requireCurrent(fields["version"], of: number, in: workflow)
                if case .plan = action { return try await workflow.makePlan(episode: id, on: on, by: user.actor) }
                return try await workflow.take(action, episode: id, on: on, by: user.actor).id
            }
        }
    }

    /// The risk types a form checked (`risk-illness`).
    static func risks(_ fields: [String: String]) -> Set<RiskType> {
        Set(RiskType.allCases.filter { fields["risk-\($0.rawValue)"] != nil })
    }

    /// The record id of the path (`:id`), nil when it is not a positive integer.
    static func id(_ context: ServerContext) -> Int64? {
        context.parameters.get("id").flatMap(Int64.init).flatMap { $0 > 0 ? $0 : nil }
    }

    /// Runs form `done` of household `:number` for the signed-in user with the form's fields:
    /// to the household page on success, with what it did held in the session to be shown
    /// once; the page with the refusal otherwise.
    func submit(
        _ request: Request, context: ServerContext, _ done: Done,
        _ body: (ServerUser, String, [String: String]) async throws -> Void
    ) async throws -> Response {
        try await server.readerPage(context) { user in
            let number = try context.parameters.require("number")
            guard Household.numberProblem(number) == nil, user.covers(number) else { return pages.notFound(number) }
            let fields = try await server.form(request)
            do {
                guard user.may(.work) else { throw ProblemDetails.forbidden }
                try await body(user, number, fields)
            } catch let problem as ProblemDetails {
                return try await pages.page(number, user: user, context: context, problem: text(of: problem), status: problem.status)
            }
            if var session = context.sessions.session {
                session.flash = done.notice
                _ = context.sessions.updateSession(session)
            }
            return Response(status: .seeOther, headers: [.location: "/households/\(number)#work"])
        }
    }

    /// The form's date (`on`), today when left empty.
    func date(_ fields: [String: String]) throws -> LocalDate {
        try server.date(fields["on"].flatMap(\.nonEmpty), field: "on")
    }

    /// Refuses a form whose monitoring version is not the household's as it stands (409): it
    /// was filled in before someone reported a risk on the household or took a step. Checked in
    /// the household's write lane, after the role and before the action, so no step of another
    /// request on the household comes between.
    private func requireCurrent(_ sent: String?, of number: String, in workflow: Workflow) async throws {
        let episodes = try await workflow.store.records(in: .monitoringEpisode, where: "household_number", equals: number)
            .compactMap { $0.value as? MonitoringEpisode }
        let steps = try await workflow.store.records(in: .monitoringStep, where: "household_number", equals: number)
            .compactMap { $0.value as? MonitoringStep }
        guard sent == HouseholdForms.version(of: episodes, steps: steps) else { throw ProblemDetails(.conflict, detail: .formStale) }
    }

    /// A refusal as the page says it: the reason, or each field at fault by its label.
    private func text(of problem: ProblemDetails) -> String {
        let language = server.plugin.language
        if let detail = problem.detail { return detail.text(in: language) }
        return problem.errors.map { "\(Self.labels[$0.field] ?? $0.field)：\($0.message.text(in: language))" }
            .joined(separator: ServerMessage.fieldSeparator.text(in: language))
    }

    /// The forms' fields by the labels the page gives them.
    private static var labels: [String: String] {
        ["on": "日期", "visitor": "走访人", "role": "走访人身份", "notes": "情况说明", "reasons": "原因", "channel": "发现途径",
         "kind": "监测对象类别", "risk_types": "风险类型", "stage": "风险消除环节", "plan": "帮扶计划", "type": "措施类型",
         "description": "内容", "responsible_unit": "责任单位", "responsible_person": "责任人", "starts_on": "开始日期",
         "due_on": "完成期限", "found_by": "发现途径", "measure": "整改措施", "deadline": "整改期限", "fix": "整改情况",
         "result": "核实结果"]
    }
}
