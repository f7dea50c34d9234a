import DixianTestSupport
import Foundation
import Testing

/// `copy` and `--postgres` from the command line: a county moved from SQLite into PostgreSQL
/// exports the same files, and the commands that take either store take PostgreSQL.
struct PostgresCommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-cli-pg-\(UUID().uuidString)")

    static func files(in directory: String) throws -> [String: Data] {
        var contents: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            contents[name] = try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(name))
        }
        return contents
    }

    @Test func aCountyCopiedIntoPostgreSQLExportsTheSameFiles() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let county = folder.appendingPathComponent("county").path, db = folder.appendingPathComponent("r.sqlite").path
        #expect(try await DixianProcess.run([
            "generate", "--county", "xiaoxian", "--households", "200", "--seed", "5", "--out", county,
            "--plugins", RegistryCommandTests.plugins,
        ]).status == 0)
        #expect(try await DixianProcess.run(["import", county, "--db", db]).status == 0)
        let url = try TestPostgres.newDatabase()

        let copied = try await DixianProcess.run(["copy", "--db", db, "--postgres", url, "--actor", "县乡村振兴局:管理员"])
        #expect(copied.status == 0, "\(copied.errorOutput)")
        #expect(copied.output.hasPrefix("place ") && copied.output.contains(", household 200, member "), "\(copied.output)")
        let again = try await DixianProcess.run(["copy", "--db", db, "--postgres", url])
        #expect(again.status != 0)
        #expect(again.errorOutput.contains("the PostgreSQL registry is not empty"))
        for registry in [["--db", db], ["--postgres", url]] {
            let disclosures = try await DixianProcess.run(["audit", "disclosures"] + registry).output
            #expect(disclosures.contains("县乡村振兴局:管理员  copy to PostgreSQL  "), "\(disclosures)")
        }

        let fromSQLite = folder.appendingPathComponent("sqlite").path, fromPostgres = folder.appendingPathComponent("pg").path
        #expect(try await DixianProcess.run(["export", "--db", db, "--out", fromSQLite]).status == 0)
        let exported = try await DixianProcess.run(["export", "--postgres", url, "--out", fromPostgres])
        #expect(exported.status == 0, "\(exported.errorOutput)")
        #expect(try Self.files(in: fromPostgres) == Self.files(in: fromSQLite))

        let added = try await DixianProcess.run(["user", "add", "--postgres", url, "--name", "wang", "--role", "township-staff",
                                           "--area", "341322100"])
        #expect(added.status == 0 && added.output.hasPrefix("wang."))
        #expect(try await DixianProcess.run(["user", "list", "--postgres", url]).output.hasPrefix("wang  township-staff  341322100"))
        let both = try await DixianProcess.run(["user", "list", "--postgres", url, "--db", db])
        #expect(both.status != 0 && both.errorOutput.contains("give --db or --postgres, not both"))
    }
}
