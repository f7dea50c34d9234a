import DixianCore
import DixianScreening
import Hummingbird

/// `/api/v1/assets`: the assets of the user's areas, as the plugin's asset views read them.
struct AssetController<Store: ServerStore>: Sendable {
    let server: DixianServer<Store>

    var routes: RouteCollection<ServerContext> {
        RouteCollection(context: ServerContext.self).get(use: list)
    }

    /// Every asset of the user's areas, with its class, value, custodian and status.
    @Sendable func list(_ request: Request, context: ServerContext) async throws -> Response {
        try await server.listEachArea(request, context: context) { area in
            try await server.offload({ try AssetViews.read(from: server.store, area: area) }).map { AssetDocument($0.asset) }
        }
    }
}
