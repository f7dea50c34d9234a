import DixianCore
import Hummingbird

/// `/api/v1/problems`: the open problems of the ledger in the user's areas.
struct ProblemController<Store: ServerStore>: Sendable {
    let server: DixianServer<Store>

    var routes: RouteCollection<ServerContext> {
        RouteCollection(context: ServerContext.self).get(use: list)
    }

    /// Every open problem of the user's areas, with its responsible unit and deadline.
    @Sendable func list(_ request: Request, context: ServerContext) async throws -> Response {
        try await server.listEachArea(request, context: context) { area in
            try await server.store.openWork(area: area).problems.map { ProblemDocument($0.record) }
        }
    }
}
