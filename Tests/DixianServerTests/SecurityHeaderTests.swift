import Crypto
import DixianCore
import DixianPlugins
import DixianServer
import DixianSQLite
import DixianTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Issue 25, item 19: security headers on every response, `Secure` cookies behind HTTPS, and
/// no change signed in by the cookie without the CSRF token.
struct SecurityHeaderTests {
    /// A server reached at `publicURL`.
    static func server(publicURL: String?) async throws -> (DixianServer<SQLiteRegistry>, [String: String]) {
        let (plain, tokens) = try await ServerAccessTests.server()
        let server = try DixianServer(store: plain.store, chain: plain.chain,
                                      options: ServerOptions(selfReportLimit: 3, publicURL: publicURL.flatMap(URL.init(string:))))
        return (server, tokens)
    }

    /// The cookies a sign-in as test user `name` (`ServerAccessTests.password(of:)`) sets, by
    /// name, with their attributes.
    static func signIn(_ client: some TestClientProtocol, as name: String) async throws -> [String: String] {
        try await Browser.signIn(client, as: name).setCookies
    }

    /// A cookie's value, from its Set-Cookie line.
    static func value(_ line: String?) -> String {
        String((line ?? "").split(separator: ";")[0].split(separator: "=", maxSplits: 1).last ?? "")
    }

    @Test func everyResponseCarriesTheSecurityHeadersAndThePolicyAllowsThePagesStylesheet() async throws {
        let (server, tokens) = try await ServerAccessTests.server()
        try await Application(router: server.router()).test(.router) { client in
            let requests: [(String, HTTPRequest.Method, HTTPFields)] = [
                ("/self-report", .get, [:]), ("/login", .get, [:]), ("/openapi.json", .get, [:]), ("/", .get, [:]),
                ("/api/v1/households/\(Fixtures.household.number)", .get, [:]),
                ("/api/v1/households/\(Fixtures.household.number)", .get, ServerAccessTests.bearer(tokens["admin"])),
                ("/api/v1/households?village=620621100201&limit=-1", .get, ServerAccessTests.bearer(tokens["admin"])),
                ("/no-such-page", .get, [:]), ("/dashboard", .get, [:]),
            ]
            for (uri, method, headers) in requests {
                try await client.execute(uri: uri, method: method, headers: headers) { response in
                    let policy = response.headers[.contentSecurityPolicy] ?? ""
                    #expect(policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'"), "\(uri)")
                    #expect(!policy.contains("unsafe-inline") && !policy.contains("script-src"), "\(uri)")
                    #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(uri)")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(uri)")
                    #expect(response.headers[.strictTransportSecurity] == nil, "\(uri): not served over HTTPS")
                }
            }
            // The page's inline stylesheet is the one the policy allows by hash (a report's, its
            // own); neither has a script.
            for (uri, headers) in [("/self-report", HTTPFields()),
                                   ("/api/v1/reports/asset-ledger?as_of=2024-10-31&format=html", ServerAccessTests.bearer(tokens["township"]))] {
                try await client.execute(uri: uri, method: .get, headers: headers) { response in
                    #expect(response.status == .ok)
                    let page = String(buffer: response.body)
                    let start = try #require(page.range(of: "<style>")), end = try #require(page.range(of: "</style>"))
                    let hash = Data(SHA256.hash(data: Data(page[start.upperBound..<end.lowerBound].utf8))).base64EncodedString()
                    #expect(response.headers[.contentSecurityPolicy]?.contains("style-src 'sha256-\(hash)'") == true, "\(uri)")
                    #expect(!page.contains("<script"))
                }
            }
        }
    }

    @Test func cookiesAreSecureAndHTTPSIsRequiredWhenThePublicAddressIsHTTPS() async throws {
        for (url, secure) in [("https://dixian.example.gov.cn", true), ("http://127.0.0.1:8080", false), (nil, false)] {
            let (server, _) = try await Self.server(publicURL: url)
            try await Application(router: server.router()).test(.router) { client in
                let cookies = try await Self.signIn(client, as: "township")
                let session = try #require(cookies["dixian_session"]), csrf = try #require(cookies["dixian_csrf"])
                #expect(session.contains("; Secure") == secure, "\(url ?? "none")")
                #expect(csrf.contains("; Secure") == secure, "\(url ?? "none")")
                #expect(session.contains("HttpOnly") && session.contains("SameSite=Lax") && csrf.contains("SameSite=Lax"))
                #expect(!csrf.contains("HttpOnly"), "the server's own pages may read the CSRF token")
                try await client.execute(uri: "/login", method: .get) { response in
                    #expect((response.headers[.strictTransportSecurity] != nil) == secure, "\(url ?? "none")")
                }
            }
        }
    }

    @Test func aChangeSignedInByTheCookieWithoutTheCSRFTokenIsRefused() async throws {
        let (server, tokens) = try await ServerAccessTests.server()
        let uri = "/api/v1/households/\(Fixtures.household.number)/monitoring"
        let body = ByteBuffer(string: #"{"channel": "cadre-visit", "on": "2024-10-01"}"#)
        try await Application(router: server.router()).test(.router) { client in
            let browser = try await Browser.signIn(client, as: "township")
            let cookie = browser.cookie
            // Reading with the cookie needs no CSRF token.
            try await client.execute(uri: "/api/v1/households/\(Fixtures.household.number)", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
            }
            // A change with the cookie alone (what a page of another site can make a browser send) is refused.
            for csrf in [nil, "", "0123", browser.csrf + "0"] {
                var headers: HTTPFields = [.cookie: cookie]
                if let csrf { headers[HTTPField.Name("X-CSRF-Token")!] = csrf }
                try await client.execute(uri: uri, method: .post, headers: headers, body: body) { response in
                    #expect(response.status == .forbidden, "\(csrf ?? "none")")
                    #expect(response.headers[.contentType] == "application/problem+json")
                    #expect(String(buffer: response.body).contains("X-CSRF-Token"))
                }
            }
            // With the token it reaches the workflow (which refuses it: the household's episode is open).
            try await client.execute(uri: uri, method: .post,
                                     headers: [.cookie: cookie, HTTPField.Name("X-CSRF-Token")!: browser.csrf],
                                     body: body) { response in
                #expect(response.status == .unprocessableContent)
            }
            // A request with the token in Authorization is not affected.
            try await client.execute(uri: uri, method: .post, headers: ServerAccessTests.bearer(tokens["township"]), body: body) { response in
                #expect(response.status == .unprocessableContent)
            }
        }
        #expect(try await server.store.auditTrail(ofHousehold: Fixtures.household.number).allSatisfy { $0.actor != "user:township" })
    }
}
