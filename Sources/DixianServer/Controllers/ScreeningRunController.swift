import DixianCore
import DixianScreening
import Hummingbird

/// `/api/v1/screening-runs`: the plugin's latest finished screening run.
struct ScreeningRunController<Store: ServerStore>: Sendable {
    let server: DixianServer<Store>

    var routes: RouteCollection<ServerContext> {
        RouteCollection(context: ServerContext.self).get("latest", use: latest)
    }

    /// The latest run's date, size and finding count, or 404 when the plugin has none yet.
    @Sendable func latest(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try context.require(.read)
        _ = try QueryParameters(request, allowed: [])
        let plugin = server.plugin.id
        guard let run = try await server.offload({ try server.store.latestScreeningRun(plugin: plugin, asOf: LocalDate.today) }) else {
            throw ProblemDetails(.notFound, detail: .noScreeningRun(plugin: plugin))
        }
        return try server.json(ScreeningRunDocument(run))
    }
}
