import DixianCore
import Hummingbird

/// `/reports` (报表): the plugin's reports for a signed-in user of one area, each a button that
/// opens its printable page or its CSV (`/api/v1/reports/:id`, which the session's cookie
/// opens) as of the date in the page's field (today at first): a form, so the date picked is
/// the one sent, with no script.
struct ReportsPageController<Store: ServerStore>: Sendable {
    let server: DixianServer<Store>

    var routes: RouteCollection<ServerContext> {
        RouteCollection(context: ServerContext.self).get(use: show)
    }

    /// The page (signed out: to `/login`; a role that does not read: 403). A date that is not
    /// one, or outside the dates a request may name, is said so and today taken instead; a user
    /// of several areas is told that a report covers one, and offered none.
    @Sendable func show(_ request: Request, context: ServerContext) async throws -> Response {
        try await server.readerPage(context) { user in
            let today = LocalDate.today, dates = DixianServer<Store>.plausibleDates
            var asOf = today, problem: ServerMessage?
            if let text = request.uri.queryParameters.get("as_of") {
                let typed = text.count > 20 ? String(text.prefix(20)) + "…" : text
                switch LocalDate(iso: text) {
                case let date? where dates.contains(date): asOf = date
                case .some: problem = .reportDateRefused(typed: typed, today: today, within: dates)
                case nil: problem = .reportDateRefused(typed: typed, today: today, within: nil)
                }
            }
            let reports = try await server.runtimes.withRuntime(on: today) { runtime in runtime.declarations.reports }
            let area = ReportController<Store>.area(for: user)
            if area == nil { problem = .reportsNeedOneArea }
            let places = try await server.placeNames()
            return server.page(PageTemplates.reports(
                user: user, csrf: context.sessions.session?.csrf, reports: reports, asOf: asOf, dates: dates,
                scope: area.map { places[$0] ?? $0 } ?? "", problem: problem?.text(in: server.plugin.language), refused: area == nil,
                openable: ReportController<Store>.isReportID))
        }
    }
}
