import DixianCore
import Hummingbird

/// `/api/v1/visits`: a visit to a household recorded.
struct VisitController<Store: ServerStore>: Sendable {
    let server: DixianServer<Store>

    var routes: RouteCollection<ServerContext> {
        RouteCollection(context: ServerContext.self).post(use: record)
    }

    /// Records the visit: 201 with its id.
    @Sendable func record(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try context.require(.work)
        _ = try QueryParameters(request, allowed: [])
        let body = try await server.decode(VisitRequest.self, from: request)
        if let problem = Household.numberProblem(body.household) { throw ProblemDetails.badField("household", .field(problem)) }
        guard !body.visitor.isBlank else { throw ProblemDetails.badField("visitor", .mustNotBeEmpty) }
        let user = try context.require(.work, in: body.household)
        let role: VisitorRole = try server.term(body.role, field: "role")
        let visit = Visit(id: 0, householdNumber: body.household, visitedOn: try server.date(body.on, field: "on"),
                          visitor: body.visitor, role: role, notes: body.notes ?? "")
        let id = try await server.act(as: user, on: body.household) { try await $0.recordVisit(visit) }
        return try server.json(["visit": id], status: .created)
    }
}
