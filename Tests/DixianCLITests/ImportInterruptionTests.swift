import Foundation
import GRDB
import Testing

/// An import killed with SIGKILL while it writes leaves the registry consistent and holding
/// all of the import or none of it. (The writer's large page cache keeps the transaction's
/// pages in memory until its commit writes them to the WAL, so the kill lands during the
/// commit or, on a loaded machine, just after it; either way no table holds part of it.)
@Suite(.serialized)
struct ImportInterruptionTests {
    @Test func killedImportLeavesNoPartialRows() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let county = folder.appendingPathComponent("county").path, db = folder.appendingPathComponent("r.sqlite").path
        let generated = try DixianProcess.run([
            "generate", "--county", "minqin", "--households", "20000", "--out", county, "--plugins", RegistryCommandTests.plugins,
        ])
        #expect(generated.status == 0)

        // Kill the import as its commit writes the transaction's pages to the WAL. A loaded
        // machine may let it finish first: then the registry is removed and it is tried again.
        var killed = false
        for _ in 1...3 where !killed {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
            let process = Process()
            process.executableURL = DixianProcess.executable
            process.arguments = ["import", county, "--db", db]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let wal = db + "-wal"
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, process.isRunning,
                ((try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0) < 1 << 20 {
                usleep(1000)
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            killed = process.terminationReason == .uncaughtSignal
        }
        #expect(killed, "the import finished before it could be killed, three times")

        let database = try DatabaseQueue(path: db)
        let (integrity, counts) = try await database.read { db in
            let integrity = try String.fetchOne(db, sql: "PRAGMA integrity_check")
            let counts = try ["household", "member", "income"].map { table in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1
            }
            return (integrity, counts)
        }
        #expect(integrity == "ok")
        let rows = try ["households.csv", "members.csv", "incomes.csv"].map { file in
            try String(contentsOfFile: county + "/" + file, encoding: .utf8).split(separator: "\n").count - 1
        }
        #expect(counts == [0, 0, 0] || counts == rows, "partial rows: \(counts) of \(rows)")
    }
}
