import DixianCore
import DixianPlugins
import DixianPostgres
import DixianServer
import DixianSQLite
import DixianTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The two stores a server runs on: access, locking and the self-report form are tested on both.
enum ServerBackend: String, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// A new, empty registry.
    func open() throws -> any ServerStore {
        switch self {
        case .sqlite: try SQLiteRegistry()
        case .postgres: try PostgresRegistry(url: try TestPostgres.newDatabase())
        }
    }
}

/// The server's access rules, optimistic locking, problem details and the self-report form,
/// through Hummingbird's in-process test client.
struct ServerAccessTests {
    static let plugins = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Plugins")
    /// A household of another township (620621101), outside the township and village users' areas.
    static let elsewhere = Household(number: "6206211010010001", area: Area(villageCode: "620621101001")!, headName: "赵远方",
                                     category: .lifted)

    /// The head of the household elsewhere, which has no open episode (not in the registry until added).
    static func elsewhereHead() throws -> Member {
        Member(residentID: try ResidentID(areaCode: "620621", birthDate: LocalDate(iso: "1975-04-02")!, sequence: 57),
               householdNumber: elsewhere.number, name: "赵远方", relation: Member.headRelation, laborCapacity: .full)
    }

    /// A registry with the fixtures, a household elsewhere and a user of every role, each with a
    /// password (`password(of:)`); their tokens by name.
    static func server() async throws -> (DixianServer<SQLiteRegistry>, [String: String]) {
        try await server(try SQLiteRegistry())
    }

    /// `server()` over `store`.
    static func server<Store: ServerStore>(_ store: Store) async throws -> (DixianServer<Store>, [String: String]) {
        try await store.apply(Fixtures.everyKind.map(RegistryChange.insert) + [.insert(.household(elsewhere))], as: "test")
        var tokens: [String: String] = [:]
        let users: [(String, UserRole, String)] = [
            ("admin", .countyAdministrator, "620621"), ("township", .townshipStaff, "620621100"),
            ("cadre", .villageCadre, "620621100201"), ("department", .department, "620621"), ("auditor", .auditor, "620621"),
        ]
        for (name, role, area) in users {
            var (token, user) = AccessToken.issue(name: name, role: role, areas: [area], expiresOn: LocalDate(iso: "2099-12-31")!)
            // bcrypt's least cost, so that the tests sign in quickly.
            user.passwordHash = Password.hash(password(of: name), cost: 4)
            try await store.saveUser(user)
            tokens[name] = token
        }
        let catalog = PluginCatalog(searchPath: [plugins])
        return (try DixianServer(store: store, chain: try catalog.chain(for: try catalog.plugin("minqin")), selfReportLimit: 3,
                                  // An hour, so that a slow machine cannot let the window pass between the test's requests.
                                  selfReportWindow: .seconds(3600)), tokens)
    }

    /// The password of test user `name`.
    static func password(of name: String) -> String { "口令-\(name)-2024" }

    static func bearer(_ token: String?) -> HTTPFields {
        token.map { [.authorization: "Bearer \($0)"] } ?? [:]
    }

    @Test(arguments: ServerBackend.allCases)
    func everyRoleIsRefusedOutsideItsAreaAndFunctionsWithoutLeakingData(_ backend: ServerBackend) async throws {
        try await Self.everyRoleIsRefusedOutsideItsAreaAndFunctionsWithoutLeakingData(on: try backend.open())
    }

    private static func everyRoleIsRefusedOutsideItsAreaAndFunctionsWithoutLeakingData(on store: some ServerStore) async throws {
        let (server, tokens) = try await Self.server(store)
        let inside = Fixtures.household.number, outside = Self.elsewhere.number
        // role → (read inside, read outside, report inside, push warnings)
        let expected: [String: (HTTPResponse.Status, HTTPResponse.Status, HTTPResponse.Status, HTTPResponse.Status)] = [
            "admin": (.ok, .ok, .unprocessableContent, .created),
            "township": (.ok, .forbidden, .unprocessableContent, .forbidden),
            "cadre": (.ok, .forbidden, .unprocessableContent, .forbidden),
            "department": (.forbidden, .forbidden, .forbidden, .created),
            "auditor": (.ok, .ok, .forbidden, .forbidden),
        ]
        let warning = #"[{"department": "医保", "resident_id": "\#(Fixtures.head.residentID.rawValue)", "received_on": "2024-10-08", "reason": "住院自付超过1万元"}]"#
        try await Application(router: server.router()).test(.router) { client in
            for (name, statuses) in expected {
                let headers = Self.bearer(tokens[name])
                try await client.execute(uri: "/api/v1/households/\(inside)", method: .get, headers: headers) { response in
                    #expect(response.status == statuses.0, "\(name) reading inside")
                    if response.status == .forbidden { #expect(!String(buffer: response.body).contains("张三")) }
                }
                try await client.execute(uri: "/api/v1/households/\(outside)", method: .get, headers: headers) { response in
                    #expect(response.status == statuses.1, "\(name) reading outside")
                    if response.status == .forbidden { #expect(!String(buffer: response.body).contains("赵远方")) }
                }
                // The household has an open episode: an allowed report is refused by the lifecycle (422), not by access.
                try await client.execute(uri: "/api/v1/households/\(inside)/monitoring", method: .post, headers: headers,
                                         body: ByteBuffer(string: #"{"channel": "cadre-visit", "on": "2024-10-01"}"#)) { response in
                    #expect(response.status == statuses.2, "\(name) reporting")
                }
                try await client.execute(uri: "/api/v1/warnings", method: .post, headers: headers, body: ByteBuffer(string: warning)) { response in
                    #expect(response.status == statuses.3, "\(name) pushing warnings")
                }
            }
            // A household that does not exist, outside the area, is refused exactly like one that does.
            try await client.execute(uri: "/api/v1/households/6206211010019999", method: .get, headers: Self.bearer(tokens["cadre"])) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/api/v1/households?village=620621101001", method: .get, headers: Self.bearer(tokens["township"])) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func aMissingBadExpiredOrRevokedTokenIsUnauthorized() async throws {
        let (server, tokens) = try await Self.server()
        let (expiredToken, expired) = AccessToken.issue(name: "old", role: .auditor, areas: ["620621"], expiresOn: LocalDate(iso: "2020-01-01")!)
        try await server.store.saveUser(expired)
        var revoked = try #require(try await server.store.user(named: "auditor"))
        revoked.revoked = true
        try await server.store.saveUser(revoked)
        let uri = "/api/v1/households/\(Fixtures.household.number)"
        try await Application(router: server.router()).test(.router) { client in
            for token in [nil, "admin.wrong", tokens["admin"]! + "0", expiredToken, tokens["auditor"]!] {
                try await client.execute(uri: uri, method: .get, headers: Self.bearer(token)) { response in
                    #expect(response.status == .unauthorized, "\(token ?? "none")")
                    #expect(response.headers[.contentType] == "application/problem+json")
                }
            }
        }
    }

    @Test(arguments: ServerBackend.allCases)
    func aStaleEditGetsConflictAndLosesNothing(_ backend: ServerBackend) async throws {
        try await Self.aStaleEditGetsConflictAndLosesNothing(on: try backend.open())
    }

    private static func aStaleEditGetsConflictAndLosesNothing(on store: some ServerStore) async throws {
        let (server, tokens) = try await Self.server(store)
        let uri = "/api/v1/households/\(Fixtures.household.number)", headers = Self.bearer(tokens["township"])
        try await Application(router: server.router()).test(.router) { client in
            let etag = try await client.execute(uri: uri, method: .get, headers: headers) { $0.headers[.eTag] }
            let tag = try #require(etag)
            var first = headers
            first[.ifMatch] = tag
            try await client.execute(uri: uri, method: .put, headers: first, body: ByteBuffer(string: #"{"helper": "王新帮扶"}"#)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: uri, method: .put, headers: first, body: ByteBuffer(string: #"{"helper": "李旧帮扶"}"#)) { response in
                #expect(response.status == .conflict)
            }
            try await client.execute(uri: uri, method: .put, headers: headers, body: ByteBuffer(string: #"{"helper": "李旧帮扶"}"#)) { response in
                #expect(response.status == .preconditionRequired)
            }
        }
        #expect(try await server.store.household(number: Fixtures.household.number)?.helper == "王新帮扶")
        #expect(try await server.store.auditTrail(ofHousehold: Fixtures.household.number).last?.actor == "user:township")
    }

    @Test func badInputIsAProblemNamingTheField() async throws {
        let (server, tokens) = try await Self.server()
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/api/v1/households/\(Fixtures.household.number)/monitoring", method: .post,
                                     headers: Self.bearer(tokens["admin"]), body: ByteBuffer(string: #"{"channel": "telepathy"}"#)) { response in
                #expect(response.status == .badRequest)
                let problem = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let errors = problem?["errors"] as? [[String: String]]
                #expect(errors?.first?["field"] == "channel")
                #expect(problem?["status"] as? Int == 400)
            }
            try await client.execute(uri: "/api/v1/warnings", method: .post, headers: Self.bearer(tokens["department"]),
                                     body: ByteBuffer(string: #"[{"department": "医保", "resident_id": "123", "received_on": "2024-13-01", "reason": "x"}]"#)) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("[0].resident_id"), "\(String(buffer: response.body))")
            }
        }
    }

    @Test(arguments: ServerBackend.allCases)
    func aSelfReportOpensAnEpisodeAndTheFormIsRateLimited(_ backend: ServerBackend) async throws {
        try await Self.aSelfReportOpensAnEpisodeAndTheFormIsRateLimited(on: try backend.open())
    }

    private static func aSelfReportOpensAnEpisodeAndTheFormIsRateLimited(on store: some ServerStore) async throws {
        let (server, _) = try await Self.server(store)
        let member = try Self.elsewhereHead()
        try await server.store.apply([.insert(.member(member))], as: "test")
        @Sendable func form(_ name: String) -> ByteBuffer { PublicFormTests.form(name: name, resident: member.residentID) }
        let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        try await Application(router: server.router()).test(.router) { client in
            // A name that does not match, a match, and the match again (the episode is open now)
            // are all answered alike (PublicFormTests); only the match opens an episode.
            for name in ["赵近方", "赵远方", "赵远方"] {
                try await client.execute(uri: "/self-report", method: .post, headers: headers, body: form(name)) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).contains("申报已受理"))
                }
            }
            try await client.execute(uri: "/self-report", method: .post, headers: headers, body: form("赵远方")) { response in
                #expect(response.status == .tooManyRequests)
            }
        }
        let episodes = try await server.store.records(in: .monitoringEpisode, where: "household_number", equals: Self.elsewhere.number)
        #expect(episodes.count == 1)
        #expect((episodes.first?.value as? MonitoringEpisode)?.channel == .selfReport)
    }

    @Test func aReportIsRenderedForTheUsersArea() async throws {
        let (server, tokens) = try await Self.server()
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/api/v1/reports/asset-ledger?as_of=2024-10-31&format=md", method: .get,
                                     headers: Self.bearer(tokens["township"])) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).hasPrefix("# 扶贫项目资产台账（截至2024-10-31）"))
            }
            try await client.execute(uri: "/api/v1/reports/no-such-report", method: .get, headers: Self.bearer(tokens["township"])) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/reports/asset-ledger", method: .get, headers: Self.bearer(tokens["department"])) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func theOpenAPIDocumentDescribesTheRoutes() async throws {
        let (server, _) = try await Self.server()
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                let document = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let paths = (document?["paths"] as? [String: Any])?.keys.sorted() ?? []
                #expect(paths.contains("/api/v1/households/{number}") && paths.contains("/api/v1/warnings"))
                #expect(!paths.contains("/self-report"), "the pages are not part of the API")
            }
        }
    }
}
