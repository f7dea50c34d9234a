import DixianCore
import DixianPlugins
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

    /// The self-report form is received by the village: where the county's table lets no
    /// village cadre report, the household's report waits as a warning for the township to
    /// verify, and the household is answered as ever.
    @Test(arguments: ServerBackend.allCases)
    func aSelfReportTheVillageMayNotOpenIsKeptAsAWarning(_ backend: ServerBackend) async throws {
        try await Self.aSelfReportTheVillageMayNotOpenIsKeptAsAWarning(on: try backend.open())
    }

    private static func aSelfReportTheVillageMayNotOpenIsKeptAsAWarning(on store: some ServerStore) async throws {
        let folder = TemporaryFolder("dixian-roles")
        defer { withExtendedLifetime(folder) {} }
        try PluginFolder.write("township-reports", extends: "minqin", [
            "roles/report.lua": "dixian.permit { step = 'report', roles = { 'township-staff', 'county-administrator' }, override = true }",
        ], in: folder.url)
        let catalog = PluginCatalog(searchPath: [folder.url, ServerAccessTests.plugins])
        try await store.apply([.insert(.household(ServerAccessTests.elsewhere)), .insert(.member(try ServerAccessTests.elsewhereHead()))],
                              as: "test")
        let server = try DixianServer(store: store, chain: try catalog.chain(for: try catalog.plugin("township-reports")))
        let member = try ServerAccessTests.elsewhereHead()
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/self-report", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: PublicFormTests.form(name: member.name, resident: member.residentID)) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("申报已受理"))
            }
        }
        let number = ServerAccessTests.elsewhere.number
        #expect(try await store.records(in: .monitoringEpisode, where: "household_number", equals: number).isEmpty)
        let warnings = try await store.records(in: .departmentWarning, where: "resident_id", equals: member.residentID.rawValue)
        let reason = (warnings.first?.value as? DepartmentWarning)?.reason ?? ""
        #expect(reason.contains("未立案：村干部不能办理“报告”：此环节由乡镇工作人员、县级管理员办理"), "\(reason)")
    }
}
