import DixianCore
import DixianWorkflow
import Hummingbird

/// The monitoring lifecycle: a household's risk reported (`/api/v1/households/:number/monitoring`)
/// and the steps of its episode (`/api/v1/episodes/:id/verify`, one route per `EpisodeStep`).
struct MonitoringController<Store: ServerStore>: Sendable {
    let server: DixianServer<Store>

    var routes: RouteCollection<ServerContext> {
        let routes = RouteCollection(context: ServerContext.self).post("households/:number/monitoring", use: report)
        for step in EpisodeStep.allCases {
            routes.post("episodes/:id/\(step.rawValue)") { request, context in try await take(step, request, context: context) }
        }
        return routes
    }

    /// Opens a monitoring episode for the household: 201 with its id.
    @Sendable func report(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try QueryParameters(request, allowed: [])
        let number = try context.householdNumber()
        let user = try context.require(.work, in: number)
        let body = try await server.decode(ReportRequest.self, from: request)
        let channel: DiscoveryChannel = try server.term(body.channel, field: "channel")
        let on = try server.date(body.on, field: "on")
        let episode = try await server.act(as: user, on: number) { workflow in
            try await workflow.report(household: number, channel: channel, on: on, by: user.actor, notes: body.notes ?? "")
        }
        return try server.json(["episode": episode], status: .created)
    }

    /// Takes `step` of episode `:id` (a plan makes a new record: 201 with its id).
    func take(_ step: EpisodeStep, _ request: Request, context: ServerContext) async throws -> Response {
        let user = try context.require(.work)
        _ = try QueryParameters(request, allowed: [])
        guard let id = context.parameters.get("id").flatMap(Int64.init), id > 0 else {
            throw ProblemDetails.badField("id", .notAnEpisodeID(max: Int64.max))
        }
        let body = try await server.decode(StepRequest.self, from: request)
        let records = try await server.store.records(in: .monitoringEpisode, where: "id", equals: String(id))
        // The episode's household decides the area; a missing episode is refused the same way.
        guard let episode = records.first?.value as? MonitoringEpisode, user.covers(episode.householdNumber) else {
            throw ProblemDetails.forbidden
        }
        let on = try server.date(body.on, field: "on")
        let risks = try (body.riskTypes ?? []).map { (text: String) -> RiskType in try server.term(text, field: "risk_types") }
        let action: MonitoringAction
        switch step {
        case .verify: action = .verify(notes: body.notes ?? "")
        case .answer: action = .answer(accepted: body.accepted ?? true, reasons: body.reasons ?? "")
        case .approve: action = .approve(riskTypes: Set(risks), kind: try server.term(body.kind, field: "kind"))
        case .eliminate: action = .eliminate(try server.term(body.stage, field: "stage"), notes: body.notes ?? "")
        case .followUp: action = .followUp(notes: body.notes ?? "")
        case .sendBack: action = .sendBack(reasons: body.reasons ?? "")
        case .relabel: action = .relabel(riskTypes: Set(risks), notes: body.notes ?? "")
        case .plan:
            let plan = try await server.act(as: user, on: episode.householdNumber) { try await $0.makePlan(episode: id, on: on, by: user.actor) }
            return try server.json(["plan": plan], status: .created)
        }
        let result = try await server.act(as: user, on: episode.householdNumber) { try await $0.take(action, episode: id, on: on, by: user.actor) }
        return try server.json(EpisodeStatusDocument(episode: result.id, status: result.status.rawValue))
    }
}

/// A step of a monitoring episode the API takes, each at a path of its own
/// (`/api/v1/episodes/:id/follow-up`), so that each has the body it needs documented.
enum EpisodeStep: String, CaseIterable, Sendable {
    case verify, answer, approve, plan, eliminate
    case followUp = "follow-up"
    case sendBack = "send-back"
    case relabel
}
