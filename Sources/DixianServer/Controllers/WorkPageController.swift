import DixianCore
import Hummingbird

/// `/work` (我的待办): the signed-in user's inbox of reports not yet decided (一键报贫 on top) and the due and overdue items of
/// their areas (`MyWork`), filtered by village and by kind, each linked to its household page.
struct WorkPageController<Store: ServerStore>: Sendable {
    let server: DixianServer<Store>

    var routes: RouteCollection<ServerContext> {
        RouteCollection(context: ServerContext.self).get(use: show)
    }

    /// The page (signed out: to `/login`; a role that does not read households: 403).
    @Sendable func show(_ request: Request, context: ServerContext) async throws -> Response {
        try await server.readerPage(context) { user in
            let query = request.uri.queryParameters
            // A filter that is not a village code or a kind's id is taken as none.
            let village = query.get("village").flatMap { $0.count == 12 && $0.allSatisfy { $0.isASCII && $0.isNumber } ? $0 : nil } ?? ""
            let kind = query.get("kind").flatMap { $0.count <= 100 ? $0 : nil } ?? ""
            let page = query.get("page").flatMap { Int($0) } ?? 1
            let work = try await MyWork.load(for: user, server: server, today: LocalDate.today, filter: MyWork.Filter(village: village, kind: kind),
                                             page: page)
            // Names and the rules' messages (which may name an illness) as the household page shows them to this role.
            let details = HouseholdPage.showsPersonalDetails(to: user)
            let numbers = Set(work.reports.map(\.householdNumber) + work.items.compactMap(\.householdNumber))
            var heads: [String: String] = [:]
            for case .household(let household) in try await server.store.records(in: .household, where: "number", isOneOf: numbers.sorted()) {
                heads[household.number] = details ? household.headName : HouseholdPage.maskedName(household.headName)
            }
            return server.page(PageTemplates.work(user: user, csrf: context.sessions.session?.csrf, work: work, details: details, heads: heads, places: try await server.placeNames()))
        }
    }
}
