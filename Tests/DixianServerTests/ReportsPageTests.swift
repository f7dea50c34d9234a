import DixianCore
import DixianServer
import DixianSQLite
import DixianTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// 报表: a signed-in user finds the plugin's reports on a page of their own, each linked to its
/// printable page and its CSV for the user's area, as of a date they pick; on both stores.
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
            #expect(today.page.contains("href=\"/api/v1/reports/asset-ledger?as_of=\(LocalDate.today)\">扶贫项目资产台账</a>"), "\(today.page)")
            #expect(today.page.contains(">防止返贫监测对象识别和风险消除情况月报</a>") && today.page.contains("依据：民农领发〔2024〕9号附件2 二.16"))
            #expect(!today.page.contains("Assets formed by"), "descriptions are for developers")
            let picked = try await township.get(client, "/reports?as_of=2024-10-31")
            let link = "/api/v1/reports/asset-ledger?as_of=2024-10-31"
            #expect(picked.page.contains("href=\"\(link)\"") && picked.page.contains("href=\"\(link)&amp;format=csv\">下载 CSV</a>"))
            #expect(picked.page.contains("value=\"2024-10-31\""))
            // The link opens with the session's cookie, for the township's area.
            let report = try await township.get(client, link)
            #expect(report.status == .ok && report.page.contains("扶贫项目资产台账") && report.page.contains("2024-10-31"), "\(report.page)")
            let csv = try await township.get(client, link + "&format=csv")
            #expect(csv.status == .ok && csv.page.contains("资产个数"))
            // A date that is not one is said so, and today's reports are listed.
            let wrong = try await township.get(client, "/reports?as_of=2024-13-45")
            #expect(wrong.status == .ok && wrong.page.contains("role=\"alert\">截至日期 2024-13-45："), "\(wrong.page)")
            #expect(wrong.page.contains("asset-ledger?as_of=\(LocalDate.today)"))
        }
    }

    @Test func aUserOfSeveralTownshipsIsToldWhyAndSignedOutVisitorsSignIn() async throws {
        let store = try SQLiteRegistry()
        let (server, _) = try await ServerAccessTests.server(store)
        var (_, both) = AccessToken.issue(name: "both", role: .townshipStaff, areas: ["620621100", "620621101"],
                                         expiresOn: LocalDate(iso: "2099-12-31")!)
        both.passwordHash = Password.hash(ServerAccessTests.password(of: "both"), cost: 4)
        try await store.saveUser(both)
        try await Application(router: server.router()).test(.router) { client in
            var browser = try await Browser.signIn(client, as: "both")
            let page = try await browser.get(client, "/reports")
            #expect(page.status == .ok && page.page.contains("一份报表只涵盖一个区域"), "\(page.page)")
            #expect(!page.page.contains("/api/v1/reports/"), "no link the API would refuse")
            let signedOut = try await client.execute(uri: "/reports", method: .get)
            #expect(signedOut.status == .seeOther && signedOut.headers[.location] == "/login")
        }
    }
}
