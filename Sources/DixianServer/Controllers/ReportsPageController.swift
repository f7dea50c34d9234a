import DixianCore
import Hummingbird

/// `/reports` (报表): the plugin's reports for a signed-in user, each linked to its printable
/// page and its CSV (`/api/v1/reports/:id`, which the session's cookie opens), as of a date the
/// user picks (today if none).
struct ReportsPageController<Store: ServerStore>: Sendable {
    let server: DixianServer<Store>

    var routes: RouteCollection<ServerContext> {
        RouteCollection(context: ServerContext.self).get(use: show)
    }

    /// The page (signed out: to `/login`; a role that does not read: 403). A date that is not
    /// one, or outside the dates a request may name, is said so and today taken instead.
    @Sendable func show(_ request: Request, context: ServerContext) async throws -> Response {
        try await server.readerPage(context) { user in
            let today = LocalDate.today
            var asOf = today, problem: String?
            if let text = request.uri.queryParameters.get("as_of") {
                do {
                    asOf = try server.date(text, field: "as_of")
                } catch let refusal as ProblemDetails {
                    let reason = refusal.errors.map { $0.message.text(in: server.plugin.language) }.joined(separator: "；")
                    problem = "截至日期 \(text.prefix(20))：\(reason)。以下按今天（\(today)）列出。"
                }
            }
            let reports = try await server.runtimes.withRuntime(on: today) { runtime in runtime.declarations.reports }
            let refused = !ReportController<Store>.mayRender(for: user)
            let area = ReportController<Store>.area(for: user)
            let places = try await server.placeNames()
            return server.page(PageTemplates.reports(
                user: user, csrf: context.sessions.session?.csrf, reports: reports, asOf: asOf, dates: DixianServer<Store>.plausibleDates,
                scope: area.map { places[$0] ?? $0 } ?? server.plugin.name,
                problem: refused ? ServerMessage.reportNeedsOneArea.text(in: server.plugin.language) : problem, refused: refused))
        }
    }
}
