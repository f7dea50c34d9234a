import DixianCore
import DixianServer
import DixianTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The plugin's role table through the API (issue 20): a step outside the user's role is 403
/// with the reason in Chinese, changes nothing, and a step within it goes on to the workflow.
struct StepRoleServerTests {
    @Test(arguments: ServerBackend.allCases)
    func aVillageCadreApprovingIsForbiddenWithTheReasonAndTheCountyIsNot(_ backend: ServerBackend) async throws {
        try await Self.aVillageCadreApprovingIsForbiddenWithTheReasonAndTheCountyIsNot(on: try backend.open())
    }

    private static func aVillageCadreApprovingIsForbiddenWithTheReasonAndTheCountyIsNot(on store: some ServerStore) async throws {
        let (server, tokens) = try await ServerAccessTests.server(store)
        let approve = ByteBuffer(string: #"{"risk_types": ["illness"], "kind": "marginal", "on": "2024-11-01"}"#)
        let countyApproval = ByteBuffer(string: #"{"stage": "county-approval", "on": "2024-11-01"}"#)
        let before = try await server.store.auditTrail(ofHousehold: Fixtures.household.number).count
        try await Application(router: server.router()).test(.router) { client in
            for (name, uri, body, reason) in [
                ("cadre", "/api/v1/episodes/1/approve", approve, "村干部不能办理“审批认定”：此环节由县级管理员办理"),
                ("township", "/api/v1/episodes/1/approve", approve, "乡镇工作人员不能办理“审批认定”：此环节由县级管理员办理"),
                ("cadre", "/api/v1/episodes/1/eliminate", countyApproval,
                 "村干部不能办理“风险消除·县级审核批准和公告”：此环节由县级管理员办理"),
            ] {
                try await client.execute(uri: uri, method: .post, headers: ServerAccessTests.bearer(tokens[name]), body: body) { response in
                    #expect(response.status == .forbidden, "\(name) \(uri)")
                    #expect(response.headers[.contentType] == "application/problem+json")
                    let problem = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                    #expect(problem?["detail"] as? String == reason, "\(String(buffer: response.body))")
                }
            }
            // The county's approval reaches the lifecycle, which refuses it for the episode is identified already (422).
            try await client.execute(uri: "/api/v1/episodes/1/approve", method: .post, headers: ServerAccessTests.bearer(tokens["admin"]),
                                     body: approve) { response in
                #expect(response.status == .unprocessableContent, "\(String(buffer: response.body))")
            }
            // Within the cadre's role: the village's first stage of the elimination procedure reaches the guards.
            try await client.execute(uri: "/api/v1/episodes/1/eliminate", method: .post, headers: ServerAccessTests.bearer(tokens["cadre"]),
                                     body: ByteBuffer(string: #"{"stage": "household-check", "on": "2024-11-01"}"#)) { response in
                #expect(response.status != .forbidden, "\(String(buffer: response.body))")
            }
        }
        let trail = try await server.store.auditTrail(ofHousehold: Fixtures.household.number)
        #expect(!trail.dropFirst(before).contains { $0.actor == "user:township" }, "a refused step changes nothing")
    }
}
