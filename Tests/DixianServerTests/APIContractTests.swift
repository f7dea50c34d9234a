import DixianServer
import DixianTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Issue 26: what the API document promises of every operation, each rule checked once here
/// (schemathesis exercises them all in OpenAPIContractTests): a method a path does not take is
/// 405 with `Allow`, the API refuses a request without a token before reading it, a field sent
/// as null is refused, a name of spaces alone is refused, and lengths count code points.
struct APIContractTests {
    static func problem(_ response: TestResponse) throws -> [String: Any] {
        #expect(response.headers[.contentType] == "application/problem+json")
        return try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test func aMethodAPathDoesNotTakeIs405WithAllowTraceIncluded() async throws {
        let (server, tokens) = try await ServerAccessTests.server()
        let admin = ServerAccessTests.bearer(tokens["admin"])
        let cases: [(String, HTTPRequest.Method, String)] = [
            ("/api/v1/households/\(Fixtures.household.number)", .trace, "GET, PUT"),
            ("/api/v1/households/\(Fixtures.household.number)", .delete, "GET, PUT"),
            ("/api/v1/households", .head, "GET"),
            ("/api/v1/warnings", .get, "POST"),
            ("/api/v1/episodes/1/verify", .options, "POST"),
            ("/self-report", .trace, "GET, POST"),
            ("/dashboard", .post, "GET"),
            ("/openapi.json", .put, "GET"),
        ]
        try await Application(router: server.router()).test(.router) { client in
            for (uri, method, allow) in cases {
                for headers in [admin, [:]] {
                    try await client.execute(uri: uri, method: method, headers: headers) { response in
                        #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
                        #expect(response.headers[.allow] == allow, "\(method) \(uri)")
                        let problem = try Self.problem(response)
                        #expect(problem["title"] as? String == "不支持该请求方法")
                    }
                }
            }
            try await client.execute(uri: "/api/v1/no-such-route", method: .trace, headers: admin) { #expect($0.status == .notFound) }
        }
    }

    @Test func theAPIRefusesARequestWithoutATokenBeforeReadingIt() async throws {
        let (server, _) = try await ServerAccessTests.server()
        try await Application(router: server.router()).test(.router) { client in
            for uri in ["/api/v1/households?village=bad&limit=0", "/api/v1/households/not-a-number?debug=1", "/api/v1/no-such-route"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .unauthorized, "\(uri)")
                    let problem = try Self.problem(response)
                    #expect(problem["status"] as? Int == 401)
                }
            }
        }
    }

    @Test func aFieldSentAsNullOrANameOfSpacesOrTooManyCodePointsIsABadRequestNamingIt() async throws {
        let (server, tokens) = try await ServerAccessTests.server()
        let cadre = ServerAccessTests.bearer(tokens["cadre"]), department = ServerAccessTests.bearer(tokens["department"])
        let number = Fixtures.household.number
        // e and a combining acute accent: 60 characters, 120 code points, over the 100 a visitor's name may have.
        let accented = String(repeating: "e\u{301}", count: 60)
        let cases: [(String, HTTPFields, String, String)] = [
            ("/api/v1/visits", cadre, #"{"household": "\#(number)", "visitor": "李帮扶", "role": "helper", "on": null}"#, "on"),
            ("/api/v1/visits", cadre, #"{"household": "\#(number)", "visitor": "\u3000 ", "role": "helper"}"#, "visitor"),
            ("/api/v1/visits", cadre, #"{"household": "\#(number)", "visitor": "\#(accented)", "role": "helper"}"#, "visitor"),
            ("/api/v1/visits", cadre, #"{"household": "62062110020", "visitor": "李帮扶", "role": "helper"}"#, "household"),
            ("/api/v1/warnings", department,
             #"[{"department": "education", "resident_id": "620621196506060615", "received_on": "2024-07-01", "reason": "\u2028"}]"#,
             "[0].reason"),
            ("/api/v1/warnings", department,
             #"[{"department": "education", "resident_id": "620621196506060615", "received_on": "1999-12-31", "reason": "辍学"}]"#,
             "[0].received_on"),
        ]
        try await Application(router: server.router()).test(.router) { client in
            for (uri, headers, body, field) in cases {
                try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .badRequest, "\(body)")
                    let errors = try Self.problem(response)["errors"] as? [[String: String]]
                    #expect(errors?.first?["field"] == field, "\(body): \(String(buffer: response.body))")
                }
            }
            // A field the body does not take is ignored, null or not.
            try await client.execute(uri: "/api/v1/visits", method: .post, headers: cadre, body: ByteBuffer(string:
                #"{"household": "\#(number)", "visitor": "李帮扶", "role": "helper", "on": "2024-11-02", "weather": null}"#)) { response in
                #expect(response.status == .created, "\(String(buffer: response.body))")
            }
        }
    }
}
