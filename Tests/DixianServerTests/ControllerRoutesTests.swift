import DixianCore
import DixianServer
import DixianTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Issue 24: the routes no other test reaches answer through their controllers as they did
/// when they were closures (this test passes on both).
struct ControllerRoutesTests {
    /// A response's body as JSON.
    static func json(_ response: TestResponse) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body))
    }

    @Test func theListsTheLatestRunAVisitAStepAndTheRedirectsAnswerAsBefore() async throws {
        let (server, tokens) = try await ServerAccessTests.server()
        let township = ServerAccessTests.bearer(tokens["township"])
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/api/v1/problems", method: .get, headers: township) { response in
                #expect(response.status == .ok)
                let page = try #require(try Self.json(response) as? [String: Any])
                let rows = try #require(page["items"] as? [[String: Any]])
                #expect(page["next_offset"] == nil)
                #expect(rows.map { $0["description"] as? String } == ["医疗保障未落实"])
                #expect(rows.first?["deadline"] as? String == "2024-10-31" && rows.first?["responsible_unit"] as? String == "镇政府")
                #expect(rows.first?["household"] as? String == Fixtures.household.number && rows.first?["id"] as? Int != nil)
            }
            try await client.execute(uri: "/api/v1/problems?area=620621", method: .get, headers: township) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/api/v1/assets?limit=1&offset=1", method: .get, headers: township) { response in
                #expect(response.status == .ok)
                let page = try #require(try Self.json(response) as? [String: Any])
                #expect((page["items"] as? [Any])?.isEmpty == true && page["next_offset"] == nil)
            }
            try await client.execute(uri: "/api/v1/assets", method: .get, headers: township) { response in
                #expect(response.status == .ok)
                let rows = try #require((try Self.json(response) as? [String: Any])?["items"] as? [[String: Any]])
                #expect(rows.map { $0["project"] as? String } == ["光伏扶贫电站"])
                #expect(rows.first?["village"] as? String == Fixtures.village.villageCode && rows.first?["registered"] as? Bool == true)
                #expect(rows.first?["status_since"] as? String == "2021-04-01", "the day its status began")
            }
            try await client.execute(uri: "/api/v1/assets", method: .get, headers: ServerAccessTests.bearer(tokens["department"])) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/api/v1/screening-runs/latest", method: .get, headers: township) { response in
                #expect(response.status == .notFound)
                let problem = try Self.json(response) as? [String: Any]
                #expect(problem?["detail"] as? String == "插件 minqin 尚未运行过筛查")
            }
            let visit = #"{"household": "\#(Fixtures.household.number)", "on": "2024-11-02", "visitor": "李帮扶", "role": "helper"}"#
            try await client.execute(uri: "/api/v1/visits", method: .post, headers: ServerAccessTests.bearer(tokens["cadre"]),
                                     body: ByteBuffer(string: visit)) { response in
                #expect(response.status == .created)
                let answer = try Self.json(response) as? [String: Int]
                #expect(answer?["visit"] == 2)
            }
            try await client.execute(uri: "/api/v1/episodes/1/verify", method: .post, headers: township, body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .unprocessableContent)
                let problem = try Self.json(response) as? [String: Any]
                #expect(problem?["title"] as? String == "不予办理", "\(problem ?? [:])")
            }
            try await client.execute(uri: "/api/v1/episodes/2/verify", method: .post, headers: township, body: ByteBuffer(string: "{}")) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/self-report")
            }
            try await client.execute(uri: "/dashboard", method: .get) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/login")
            }
        }
    }
}
