import DixianCore
import DixianServer
import DixianSQLite
import DixianTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// 报表: a signed-in user finds the plugin's reports on a page of their own, each a button of a
/// form that opens its printable page or its CSV for the user's area, as of the date in the
/// form's field; on both stores.
struct ReportsPageTests {
    @Test(arguments: ServerBackend.allCases)
    func aTownshipFindsItsReportsAndOpensOneAsOfTheDateItPicked(_ backend: ServerBackend) async throws {
        try await Self.findsReports(on: try backend.open())
    }

    private static func findsReports(on store: some ServerStore) async throws {
        let (server, _) = try await ServerAccessTests.server(store)
        try await Application(router: server.router()).test(.router) { client in
            var township = try await Browser.signIn(client, as: "township")
            let work = try await township.get(client, "/work")
            #expect(work.page.contains("<a href=\"/reports\">报表</a>"), "the bar of every signed-in page links to it")
            let today = try await township.get(client, "/reports")
            #expect(today.status == .ok && today.page.contains("<h1>报表</h1>"), "\(today.page)")
            #expect(today.page.contains("name=\"as_of\" type=\"date\" value=\"\(LocalDate.today)\""), "\(today.page)")
            #expect(today.page.contains("formaction=\"/api/v1/reports/asset-ledger\">扶贫项目资产台账</button>"), "\(today.page)")
            #expect(today.page.contains("formaction=\"/api/v1/reports/asset-ledger\" name=\"format\" value=\"csv\">下载 CSV</button>"))
            #expect(today.page.contains(">防止返贫监测对象识别和风险消除情况月报</button>") && today.page.contains("依据：民农领发〔2024〕9号附件2 二.16"))
            #expect(!today.page.contains("Assets formed by"), "descriptions are for developers")
            let listed = try await township.get(client, "/reports?as_of=2024-10-31")
            #expect(listed.page.contains("value=\"2024-10-31\""))
            // What the form sends when the report's button is pressed: it opens with the session's cookie, for the township's area.
            let report = try await township.get(client, "/api/v1/reports/asset-ledger?as_of=2024-10-31")
            #expect(report.status == .ok && report.page.contains("扶贫项目资产台账") && report.page.contains("2024-10-31"), "\(report.page)")
            let csv = try await township.get(client, "/api/v1/reports/asset-ledger?as_of=2024-10-31&format=csv")
            #expect(csv.status == .ok && csv.page.contains("资产个数"))
            // A date that is not one, or out of bounds, is said so, and today's field is offered.
            let wrong = try await township.get(client, "/reports?as_of=2024-13-45")
            #expect(wrong.status == .ok && wrong.page.contains("role=\"alert\">截至日期“2024-13-45”不是有效日期（须为 YYYY-MM-DD）"), "\(wrong.page)")
            #expect(wrong.page.contains("value=\"\(LocalDate.today)\""))
            let early = try await township.get(client, "/reports?as_of=1999-12-31")
            #expect(early.page.contains("截至日期“1999-12-31”须在 2000-01-01 至 2099-12-31 之间"), "\(early.page)")
        }
    }

    @Test(arguments: ServerBackend.allCases)
    func aUserOfSeveralTownshipsIsToldWhyAndOthersAreTurnedAway(_ backend: ServerBackend) async throws {
        try await Self.refuses(on: try backend.open())
    }

    private static func refuses(on store: some ServerStore) async throws {
        let (server, _) = try await ServerAccessTests.server(store)
        var (bothToken, both) = AccessToken.issue(name: "both", role: .countyAdministrator, areas: ["620621100", "620621101"],
                                              expiresOn: LocalDate(iso: "2099-12-31")!)
        both.passwordHash = Password.hash(ServerAccessTests.password(of: "both"), cost: 4)
        try await store.saveUser(both)
        let token = bothToken
        try await Application(router: server.router()).test(.router) { client in
            var browser = try await Browser.signIn(client, as: "both")
            let page = try await browser.get(client, "/reports")
            #expect(page.status == .ok && page.page.contains("一份报表只涵盖一个区域。您的账号负责多个区域"), "\(page.page)")
            #expect(!page.page.contains("/api/v1/reports/") && !page.page.contains("范围为"), "no button the API would refuse")
            // Not the whole county for an administrator of two townships, in the API either.
            try await client.execute(uri: "/api/v1/reports/asset-ledger?as_of=2024-10-31", method: .get,
                                     headers: ServerAccessTests.bearer(token)) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/reports", method: .get) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/login")
            }
            // A department pushes warnings and reads nothing: the 403 page on every staff page.
            var department = try await Browser.signIn(client, as: "department")
            for path in ["/reports", "/work", "/dashboard", "/households/find"] {
                let refused = try await department.get(client, path)
                #expect(refused.status == .forbidden && refused.page.contains("您的角色或负责区域不允许此操作"), "\(path): \(refused.page)")
            }
        }
    }
}
