import Foundation
import GRDB
import Testing

/// `dixian audit verify` proves a trail untouched after an import, a workflow command and user
/// changes, and names the first entry edited with raw SQL; `user add` takes only areas of the
/// registry.
@Suite(.serialized)
struct AuditVerifyCommandTests {
    static let plugins = RegistryCommandTests.plugins
    /// Its generated and imported county.
    let workflow = WorkflowCommandTests()

    private func county() async throws -> (db: String, files: URL) { try await workflow.county() }

    @Test func anUntouchedTrailVerifiesAndAnEditedOneNamesItsFirstBrokenEntry() async throws {
        defer { try? FileManager.default.removeItem(at: workflow.folder) }
        let (db, files) = try await county()
        let number = try #require(try workflow.row(files, "households.csv", where: "category", is: "general")["number"])
        let reported = try await DixianProcess.run([
            "monitor", "report", "--household", number, "--channel", "农户自主申报", "--on", "2024-09-27", "--db", db, "--plugin", "minqin",
            "--plugins", Self.plugins, "--actor", "乡镇:王核查",
        ])
        #expect(reported.status == 0, "\(reported.errorOutput)")
        #expect(try await DixianProcess.run(["user", "add", "--db", db, "--name", "li", "--role", "village-cadre",
                                       "--area", String(number.prefix(12))]).status == 0)
        #expect(try await DixianProcess.run(["user", "revoke", "--db", db, "li"]).status == 0)

        let entries = try await DatabaseQueue(path: db).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit") } ?? 0
        let intact = try await DixianProcess.run(["audit", "verify", "--db", db])
        #expect(intact.status == 0, "\(intact.errorOutput)")
        #expect(intact.output == "\(entries) entries, chain intact\n")

        let edited = try await DatabaseQueue(path: db).write { db in
            try db.execute(sql: "DROP TRIGGER audit_refuses_update")
            let id = try Int64.fetchOne(db, sql: "SELECT id FROM audit WHERE table_name = 'member' ORDER BY id LIMIT 1 OFFSET 7")!
            try db.execute(sql: "UPDATE audit SET actor = '县:局长' WHERE id = ?", arguments: [id])
            return id
        }
        let broken = try await DixianProcess.run(["audit", "verify", "--db", db])
        #expect(broken.status == 1)
        #expect(broken.output.hasPrefix("chain broken at entry \(edited) ("), "\(broken.output)")
        #expect(broken.output.contains(", member): changed content: "), "\(broken.output)")
    }

    @Test func anAreaMustBeACountyTownshipOrVillageOfTheRegistry() async throws {
        defer { try? FileManager.default.removeItem(at: workflow.folder) }
        let (db, files) = try await county()
        let households = try String(contentsOf: files.appendingPathComponent("households.csv"), encoding: .utf8).split(separator: "\n")
        let village = String(households[1].prefix(12))
        for area in ["62062", "6206", "341322", "620621999", String(village.prefix(11))] {
            let added = try await DixianProcess.run(["user", "add", "--db", db, "--name", "wang", "--role", "township-staff", "--area", area])
            #expect(added.status != 0, "\(area)")
            #expect(added.errorOutput.contains("--area \(area) is not a county (6 digits), township (9) or village (12) code of"),
                    "\(added.errorOutput)")
        }
        #expect(try await DixianProcess.run(["user", "list", "--db", db]).output.isEmpty)
        for area in ["620621", String(village.prefix(9)), village] {
            let added = try await DixianProcess.run(["user", "add", "--db", db, "--name", "wang", "--role", "township-staff", "--area", area])
            #expect(added.status == 0, "\(area): \(added.errorOutput)")
        }
    }
}
