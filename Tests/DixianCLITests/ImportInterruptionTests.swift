import DixianTestSupport
import Foundation
import GRDB
import Testing

/// An import killed with SIGKILL while it writes leaves the registry consistent and holding
/// all of the import or none of it. Into an existing registry, the writer's large page cache
/// keeps the transaction's pages in memory until its commit writes them to the WAL, so the kill
/// lands during the commit or, on a loaded machine, just after it; either way no table holds
/// part of it. A first import builds the registry in a file of its own, so a kill leaves no
/// registry at all.
@Suite(.serialized)
struct ImportInterruptionTests {
    @Test func killedImportIntoAnExistingRegistryLeavesNoPartialRows() async throws {
        let (folder, county) = try await Self.county()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("r.sqlite").path, empty = folder.appendingPathComponent("empty").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        try String(contentsOfFile: county + "/households.csv", encoding: .utf8).split(separator: "\n")[0]
            .appending("\n").write(toFile: empty + "/households.csv", atomically: true, encoding: .utf8)

        // Kill the import as its commit writes the transaction's pages to the WAL. A loaded
        // machine may let it finish first: then the registry is made again and it is tried again.
        let killed = try await offThePool { try Self.killImport(of: county, into: db, whenLarger: db + "-wal", than: 1 << 20) {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
            let created = try DixianProcess.runBlocking(["import", empty, "--db", db])
            #expect(created.status == 0)
        } }
        #expect(killed, "the import finished before it could be killed, three times")

        let counts = try await Self.counts(in: db)
        #expect(counts.integrity == "ok")
        let rows = try Self.rows(of: county)
        #expect(counts.rows == [0, 0, 0] || counts.rows == rows, "partial rows: \(counts.rows) of \(rows)")
    }

    @Test func killedFirstImportLeavesNoRegistryAndSaysWhatToRemove() async throws {
        let (folder, county) = try await Self.county()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("r.sqlite").path, building = db + ".importing"

        let killed = try await offThePool { try Self.killImport(of: county, into: db, whenLarger: building, than: 1 << 20) {
            try? FileManager.default.removeItem(atPath: db)
            try? FileManager.default.removeItem(atPath: building)
        } }
        #expect(killed, "the import finished before it could be killed, three times")
        #expect(!FileManager.default.fileExists(atPath: db))

        let again = try await DixianProcess.run(["import", county, "--db", db])
        #expect(again.status != 0)
        #expect(again.errorOutput.contains("\(building) is there"))
        try FileManager.default.removeItem(atPath: building)
        #expect(try await DixianProcess.run(["import", county, "--db", db]).status == 0)
        let counts = try await Self.counts(in: db)
        #expect(counts.integrity == "ok")
        #expect(counts.rows == (try Self.rows(of: county)))
        #expect(!FileManager.default.fileExists(atPath: building))
    }

    /// A generated county of 20,000 households in a new folder.
    private static func county() async throws -> (folder: URL, county: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-kill-\(UUID().uuidString)")
        let county = folder.appendingPathComponent("county").path
        let generated = try await DixianProcess.run([
            "generate", "--county", "minqin", "--households", "20000", "--out", county, "--plugins", RegistryCommandTests.plugins,
        ])
        #expect(generated.status == 0)
        return (folder, county)
    }

    /// Starts `dixian import` of `county` into `db` and kills it once the file at `watched` has
    /// grown past `size` bytes; up to three times, `prepare` run before each. Whether it was
    /// killed (rather than finishing first).
    private static func killImport(
        of county: String, into db: String, whenLarger watched: String, than size: Int, prepare: @Sendable () throws -> Void
    ) throws -> Bool {
        for _ in 1...3 {
            try prepare()
            let process = Process()
            process.executableURL = DixianProcess.executable
            process.environment = DixianTestEnvironment.isolated
            process.arguments = ["import", county, "--db", db]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, process.isRunning,
                ((try? FileManager.default.attributesOfItem(atPath: watched)[.size] as? Int) ?? 0) < size {
                usleep(1000)
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { return true }
        }
        return false
    }

    /// The integrity check of the registry at `path`, and its households, members and incomes.
    private static func counts(in path: String) async throws -> (integrity: String?, rows: [Int]) {
        try await DatabaseQueue(path: path).read { db in
            let integrity = try String.fetchOne(db, sql: "PRAGMA integrity_check")
            let rows = try ["household", "member", "income"].map { table in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1
            }
            return (integrity, rows)
        }
    }

    /// The rows of the county's households, members and incomes files.
    private static func rows(of county: String) throws -> [Int] {
        try ["households.csv", "members.csv", "incomes.csv"].map { file in
            try String(contentsOfFile: county + "/" + file, encoding: .utf8).split(separator: "\n").count - 1
        }
    }
}
