import DixianCore
import Hummingbird

/// `/api/problems`: the open problems of the ledger in the user's areas.
struct ProblemController<Store: ServerStore>: Sendable {
    let server: DixianServer<Store>

    var routes: RouteCollection<ServerContext> {
        RouteCollection(context: ServerContext.self).get(use: list)
    }

    /// Every open problem of the user's areas, with its responsible unit and deadline.
    @Sendable func list(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try QueryParameters(request, allowed: [])
        let user = try context.require(.read)
        var problems: [[String: String]] = []
        for area in user.areas {
            for entry in try await server.store.openWork(area: area).problems {
                let problem = entry.record
                problems.append([
                    "id": String(problem.id), "household": problem.householdNumber ?? "", "description": problem.description,
                    "responsible_unit": problem.responsibleUnit, "responsible_person": problem.responsiblePerson,
                    "deadline": problem.deadline.description,
                ])
            }
        }
        return try server.json(problems)
    }
}
