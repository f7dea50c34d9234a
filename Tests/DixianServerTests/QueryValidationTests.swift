import DixianCore
import DixianServer
import DixianTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Issue 25, item 15: every query and path parameter is checked before it is used; a bad one
/// gets 400 problem details naming it and its range, never a crash.
struct QueryValidationTests {
    /// The problem a response holds, as JSON.
    static func problem(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test func aLimitOutOfRangeOrNotANumberIsABadRequestNamingTheLimit() async throws {
        let (server, tokens) = try await ServerAccessTests.server()
        let headers = ServerAccessTests.bearer(tokens["township"])
        try await Application(router: server.router()).test(.router) { client in
            for limit in ["-1", "0", "1001", "abc", "99999999999999999999", "1.5", "%2B5", "", "١"] {
                try await client.execute(uri: "/api/v1/households?village=620621100201&limit=\(limit)", method: .get, headers: headers) { response in
                    #expect(response.status == .badRequest, "limit=\(limit)")
                    #expect(response.headers[.contentType] == "application/problem+json")
                    let errors = try Self.problem(response)["errors"] as? [[String: String]]
                    #expect(errors?.first?["field"] == "limit", "limit=\(limit)")
                    #expect(errors?.first?["message"] == "须为 1 至 1000 之间的整数")
                }
            }
            try await client.execute(uri: "/api/v1/households?village=620621100201&limit=1", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
                let page = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect((page?["items"] as? [Any])?.count == 1)
            }
        }
    }

    @Test func otherBadParametersAreBadRequestsNamingThem() async throws {
        let (server, tokens) = try await ServerAccessTests.server()
        let headers = ServerAccessTests.bearer(tokens["admin"])
        let cases: [(String, HTTPRequest.Method, String)] = [
            ("/api/v1/households?village=62062110020１", .get, "village"),  // a full-width digit
            ("/api/v1/households?village=六二〇六二一一〇〇二〇一", .get, "village"),
            ("/api/v1/households?village=620621100201&village=620621100201", .get, "village"),
            ("/api/v1/households?village=620621100201&cursor=5", .get, "cursor"),
            ("/api/v1/households?village=620621100201&offset=-1", .get, "offset"),
            ("/api/v1/households?village=620621100201&offset=1000001", .get, "offset"),
            ("/api/v1/reports/Asset_Ledger", .get, "id"),
            ("/api/v1/households?village=620621100201&category=rich", .get, "category"),
            ("/api/v1/households/\(Fixtures.household.number)?debug=1", .get, "debug"),
            ("/api/v1/reports/asset-ledger?as_of=9999-12-31", .get, "as_of"),
            ("/api/v1/reports/asset-ledger?as_of=0001-01-01", .get, "as_of"),
            ("/api/v1/reports/asset-ledger?format=xlsx", .get, "format"),
            ("/api/v1/episodes/abc/verify", .post, "id"),
            ("/api/v1/episodes/-1/verify", .post, "id"),
            ("/api/v1/episodes/99999999999999999999/verify", .post, "id"),
        ]
        try await Application(router: server.router()).test(.router) { client in
            for (uri, method, field) in cases {
                try await client.execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: "{}")) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    let errors = try Self.problem(response)["errors"] as? [[String: String]]
                    #expect(errors?.first?["field"] == field, "\(uri): \(String(buffer: response.body))")
                }
            }
            // A step dated outside the plausible years is refused before the workflow sees it.
            try await client.execute(uri: "/api/v1/households/\(Fixtures.household.number)/monitoring", method: .post, headers: headers,
                                     body: ByteBuffer(string: #"{"channel": "cadre-visit", "on": "9999-12-31"}"#)) { response in
                #expect(response.status == .badRequest)
                let errors = try Self.problem(response)["errors"] as? [[String: String]]
                #expect(errors?.first?["field"] == "on")
            }
        }
    }

    @Test func anUnknownRouteOrATooLargeBodyIsAProblemNotAnEmptyAnswer() async throws {
        let (server, tokens) = try await ServerAccessTests.server()
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/api/v1/no-such-route", method: .get, headers: ServerAccessTests.bearer(tokens["admin"])) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try Self.problem(response)
                #expect(problem["status"] as? Int == 404)
            }
            try await client.execute(uri: "/api/v1/visits", method: .post, headers: ServerAccessTests.bearer(tokens["admin"]),
                                     body: ByteBuffer(repeating: UInt8(ascii: " "), count: 2 << 20)) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }
}
