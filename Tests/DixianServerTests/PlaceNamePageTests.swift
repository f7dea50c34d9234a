import DixianCore
import DixianServer
import DixianTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 20: village and township names where pages showed codes (the registry's place table,
/// the geography's townships), 查户 by a village's name, and the dashboard's links and its
/// breakdown by village for a township user, on both stores.
struct PlaceNamePageTests {
    /// The fixtures' village, named.
    static let village = Place(code: Fixtures.village.villageCode, name: "红沙岗村", level: .village,
                               disasterOn: LocalDate(iso: "2024-07-21"), disaster: "暴雨洪涝")

    @Test(arguments: ServerBackend.allCases)
    func pagesNameTheVillageAndFindItsHouseholdsByItsName(_ backend: ServerBackend) async throws {
        try await Self.pagesNameTheVillage(on: try backend.open())
    }

    private static func pagesNameTheVillage(on store: some ServerStore) async throws {
        let (server, _) = try await ServerAccessTests.server(store)
        try await store.apply([.update(.place(village))], as: "test")  // the fixtures hold the village; this dates its flood
        try await Application(router: server.router()).test(.router) { client in
            var township = try await Browser.signIn(client, as: "township")
            let household = try await township.get(client, "/households/\(Fixtures.household.number)")
            #expect(household.status == .ok && household.page.contains("红沙岗村"), "\(household.page)")
            // The township's name comes from the plugin's geography (no place row names it).
            #expect(household.page.contains("三雷镇"))
            let found = try await township.get(client, "/households/find?by=place&q=%E7%BA%A2%E6%B2%99%E5%B2%97")
            #expect(found.status == .ok && found.page.contains("href=\"/households/\(Fixtures.household.number)\""), "\(found.page)")
            let dashboard = try await township.get(client, "/dashboard")
            #expect(dashboard.page.contains("各村监测户"), "\(dashboard.page)")
            #expect(dashboard.page.contains("<a href=\"/households/find?by=place&amp;q=\(village.code)\">红沙岗村</a>")
                || dashboard.page.contains("<a href=\"/households/find?by=place&q=\(village.code)\">红沙岗村</a>"), "\(dashboard.page)")
            #expect(dashboard.page.contains("<a href=\"/work\">问题整改</a>"))
            var admin = try await Browser.signIn(client, as: "admin")
            let county = try await admin.get(client, "/dashboard")
            #expect(!county.page.contains("各村监测户") && county.page.contains(">三雷镇</a>"), "\(county.page)")
        }
    }
}
