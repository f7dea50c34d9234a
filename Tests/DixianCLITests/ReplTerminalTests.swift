import DixianTestSupport
import Foundation
import Testing

/// `dixian repl` on SQLite driven through a pseudo-terminal (pexpect, from PyPI), as an
/// administrator types at it: expressions, a multi-line function, Ctrl-C on an endless loop,
/// history across a restart, a write left uncommitted at quitting and one committed
/// (`Tests/Fixtures/console_session.py`, which ReplPostgresTests runs on PostgreSQL).
@Suite(.serialized)
struct ReplTerminalTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-repl-\(UUID().uuidString)")

    @Test func anAdministratorsSessionAtTheTerminal() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ["--db", folder.appendingPathComponent("r.sqlite").path]
        let household = try await ConsoleSession.county(folder, households: 200, into: store)
        try await ConsoleSession.administrator(store, household: household, history: folder.appendingPathComponent("history").path)
    }

    @Test func aScriptThatLeavesChangesUncommittedExitsThreeAndChangesNothing() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = folder.appendingPathComponent("county"), db = folder.appendingPathComponent("r.sqlite").path
        _ = try await DixianProcess.run(["generate", "--county", "minqin", "--households", "50", "--seed", "2", "--out", files.path,
                                   "--plugins", RegistryCommandTests.plugins])
        _ = try await DixianProcess.run(["import", files.path, "--db", db])
        let script = folder.appendingPathComponent("visit.lua")
        try """
            local household = ...
            local id = visit{ household = household, visitor = '李帮扶', role = 'helper', on = '2024-06-30' }
            if arg[2] == 'commit' then commit() end
            return id
            """.write(to: script, atomically: true, encoding: .utf8)
        let number = "6206211000010001"
        let common = ["--db", db, "--plugin", "minqin", "--plugins", RegistryCommandTests.plugins, "--as-of", "2024-06-30"]
        let visits = { try await DixianProcess.run(["eval"] + common + ["#household('\(number)').visits"]).output }
        let before = try await visits()

        let readOnly = try await DixianProcess.run(["run"] + common + [script.path, number])
        #expect(readOnly.status == 1)
        #expect(readOnly.errorOutput.contains("visit.lua:2: visit：控制台为只读"), "\(readOnly.errorOutput)")

        let uncommitted = try await DixianProcess.run(["run", "--write"] + common + [script.path, number])
        #expect(uncommitted.status == 3)
        #expect(uncommitted.errorOutput.contains("脚本结束时没有 commit()"))
        #expect(try await visits() == before)

        let committed = try await DixianProcess.run(["run", "--write"] + common + [script.path, number, "commit"])
        #expect(committed.status == 0, "\(committed.errorOutput)")
        #expect(try await visits() == String(Int(before.trimmingCharacters(in: .whitespacesAndNewlines))! + 1) + "\n")
    }
}
