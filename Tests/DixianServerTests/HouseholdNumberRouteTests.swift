import DixianCore
import DixianServer
import DixianSQLite
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// A household number in a path that is not one (16 digits: a village code and four more) is
/// refused with 400 problem details before anything is looked up, whoever asks.
struct HouseholdNumberRouteTests {
    @Test func aMalformedHouseholdNumberInAPathIsABadRequest() async throws {
        let (server, tokens) = try await ServerAccessTests.server()
        try await Application(router: server.router()).test(.router) { client in
            for number in ["ABC", "..%2F..%2Fetc", "6206211002010001%3Cb%3E", "620621100201", "62062110020100011"] {
                for (uri, method, body) in [
                    ("/api/v1/households/\(number)", HTTPRequest.Method.get, ""),
                    ("/api/v1/households/\(number)/monitoring", .post, #"{"channel": "cadre-visit", "on": "2024-10-01"}"#),
                ] {
                    try await client.execute(uri: uri, method: method, headers: ServerAccessTests.bearer(tokens["admin"]),
                                             body: ByteBuffer(string: body)) { response in
                        #expect(response.status == .badRequest, "\(method) \(uri)")
                        #expect(response.headers[.contentType] == "application/problem+json", "\(uri)")
                        #expect(String(buffer: response.body).contains("不是 16 位数字（村级代码加 4 位顺序号）"), "\(uri)")
                    }
                }
            }
        }
    }
}
