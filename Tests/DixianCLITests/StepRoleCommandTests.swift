import Foundation
import Testing

/// The plugin's role table at the command line (issue 20): an `--actor` that names a server
/// user acts in that user's role, refused what the server would refuse them; any other actor is
/// the county office, which may take every step.
@Suite(.serialized)
struct StepRoleCommandTests {
    static let plugins = RegistryCommandTests.plugins
    let workflow = WorkflowCommandTests()

    func monitor(_ arguments: [String], db: String, actor: String) async throws -> DixianProcess.Outcome {
        try await DixianProcess.run(["monitor"] + arguments + ["--db", db, "--plugin", "minqin", "--plugins", Self.plugins, "--actor", actor])
    }

    @Test func aUserIsRefusedAStepOutsideTheirRoleAndTheCountyOfficeIsNot() async throws {
        defer { try? FileManager.default.removeItem(at: workflow.folder) }
        let (db, files) = try await workflow.county()
        let number = try #require(try workflow.row(files, "households.csv", where: "category", is: "general")["number"])
        for (name, role, area) in [("li", "village-cadre", String(number.prefix(12))), ("wang", "township-staff", String(number.prefix(9)))] {
            let added = try await DixianProcess.run(["user", "add", "--db", db, "--name", name, "--role", role, "--area", area])
            #expect(added.status == 0, "\(added.errorOutput)")
        }
        let reported = try await monitor(["report", "--household", number, "--channel", "cadre-visit", "--on", "2024-09-27"], db: db, actor: "li")
        #expect(reported.status == 0, "\(reported.errorOutput)")
        let episode = try #require(reported.output.firstMatch(of: /已建立监测记录(\d+)/).map { String($0.1) }, "\(reported.output)")

        let verifiedByCadre = try await monitor(["verify", "--episode", episode, "--on", "2024-09-28"], db: db, actor: "li")
        #expect(verifiedByCadre.status == 2)
        #expect(verifiedByCadre.errorOutput.contains("村干部不能办理“核实”：此环节由乡镇工作人员、县级管理员办理"), "\(verifiedByCadre.errorOutput)")
        #expect(try await monitor(["verify", "--episode", episode, "--on", "2024-09-28"], db: db, actor: "wang").status == 0)
        #expect(try await monitor(["answer", "--accepted", "--episode", episode, "--on", "2024-09-30"], db: db, actor: "wang").status == 0)

        let approve = ["approve", "--risk", "illness", "--kind", "marginal", "--episode", episode, "--on", "2024-10-08"]
        let approvedByTownship = try await monitor(approve, db: db, actor: "wang")
        #expect(approvedByTownship.status == 2)
        #expect(approvedByTownship.errorOutput.contains("乡镇工作人员不能办理“审批认定”：此环节由县级管理员办理"), "\(approvedByTownship.errorOutput)")
        // An actor who is no user of the registry is the county office.
        let approved = try await monitor(approve, db: db, actor: "县农业农村局:赵审批")
        #expect(approved.status == 0, "\(approved.errorOutput)")
        #expect(approved.output.contains("现为“已认定”"), "\(approved.output)")
    }
}
