import DixianCore
import DixianInterchange
import DixianReports
import Hummingbird
import HummingbirdAuth

/// `/dashboard`: the county dashboard of a signed-in user's areas (signed out: to `/login`).
struct DashboardController<Store: ServerStore>: Sendable {
    let server: DixianServer<Store>

    var routes: RouteCollection<ServerContext> {
        RouteCollection(context: ServerContext.self).get(use: show)
    }

    /// The dashboard page.
    @Sendable func show(_ request: Request, context: ServerContext) async throws -> Response {
        try await server.readerPage(context) { user in
            server.page(try await dashboard(for: user, csrf: context.sessions.session?.csrf))
        }
    }

    /// The dashboard of `user`'s areas: households by category, monitored households by risk
    /// type and township, and work past its deadline.
    func dashboard(for user: ServerUser, csrf: String?) async throws -> String {
        var categories: [HouseholdCategory: Int] = [:], risks: [RiskType: Int] = [:], townships: [String: Int] = [:]
        for area in user.areas {
            let summary = try await server.store.householdSummary(area: area)
            categories.merge(summary.byCategory, uniquingKeysWith: +)
            risks.merge(summary.monitoredByRiskType, uniquingKeysWith: +)
            townships.merge(summary.monitoredByTownship, uniquingKeysWith: +)
        }
        var overdue: [(String, Int)] = []
        let today = LocalDate.today
        for area in user.areas {
            let work = try await server.store.openWork(area: area)
            overdue.append(("问题整改", work.problems.filter { $0.record.deadline < today }.count))
            overdue.append(("帮扶措施", work.measures.filter { $0.record.dueOn < today }.count))
            overdue.append(("部门预警待核实", work.warnings.count))
        }
        let merged = Dictionary(overdue, uniquingKeysWith: +).sorted { $0.key < $1.key }
        let places = try await server.placeNames()
        let work = try await MyWork.load(for: user, server: server, today: today)
        return PageTemplates.dashboard(
            county: server.plugin.name, user: user, csrf: csrf, today: today, places: places,
            categories: HouseholdCategory.allCases.map { ($0.chineseName, categories[$0] ?? 0) },
            risks: risks.sorted { $0.value > $1.value }.map { ($0.key.chineseName, $0.value) },
            townships: townships.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
            villages: try await monitoredByVillage(of: user, places: places),
            overdue: merged.map { ($0.key, $0.value) }, work: work)
    }

    /// For a township user (every area a township), the monitored households of each named
    /// village of those townships, by code in code order; empty for anyone else.
    func monitoredByVillage(of user: ServerUser, places: [String: String]) async throws -> [(String, Int)] {
        guard !user.areas.isEmpty, user.areas.allSatisfy({ $0.count == Area.townshipDigits }) else { return [] }
        var rows: [(String, Int)] = []
        for village in places.keys.filter({ code in code.count == 12 && user.areas.contains { code.hasPrefix($0) } }).sorted() {
            rows.append((village, try await server.store.householdSummary(area: village).monitoredByTownship.values.reduce(0, +)))
        }
        return rows
    }
}
