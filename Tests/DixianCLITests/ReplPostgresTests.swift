import DixianTestSupport
import Foundation
import Testing

/// `dixian repl`, `run` and `eval` on a PostgreSQL registry (issue 22): `--postgres` or
/// `DIXIAN_POSTGRES` instead of `--db`, and with `--write` a session whose changes wait for
/// commit(), survive Ctrl-C, are dropped when the administrator leaves without committing, and
/// are audited under the administrator's name.
@Suite(.serialized)
struct ReplPostgresTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-repl-pg-\(UUID().uuidString)")

    /// A generated county imported into a new PostgreSQL database; its URL and a general
    /// household with no monitoring episode (so that a report is allowed).
    func county() async throws -> (url: String, household: String) {
        let url = try TestPostgres.newDatabase()
        return (url, try await ConsoleSession.county(folder, households: 60, into: ["--postgres", url]))
    }

    /// What `chunk` returns in the console on `url`, read-only.
    func evaluate(_ url: String, _ chunk: String) async throws -> String {
        let outcome = try await DixianProcess.run(["eval", "--postgres", url, "--plugin", "minqin", "--plugins", RegistryCommandTests.plugins,
                                             "--as-of", "2024-06-30", chunk])
        #expect(outcome.status == 0, "\(outcome.errorOutput)")
        return outcome.output
    }

    /// The administrator's session (`Tests/Fixtures/console_session.py`, as ReplTerminalTests
    /// runs it on SQLite): among its steps, a report left uncommitted across Ctrl-C and dropped at
    /// quitting, then a report committed after Ctrl-C.
    @Test func anAdministratorsWriteSessionOnPostgreSQLAtTheTerminal() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (url, household) = try await county()
        try await ConsoleSession.administrator(["--postgres", url], household: household,
                                               history: folder.appendingPathComponent("history").path)

        // Only the committed report is kept (ConsoleSession checks), audited under the administrator's name.
        let actors = try await Tool.run("/usr/lib/postgresql/15/bin/psql", [
            url, "-tAc", "SELECT DISTINCT actor FROM audit WHERE table_name = 'monitoring_episode' AND household_number = '\(household)'",
        ])
        #expect(actors.output == "县管理员:测试\n", "\(actors.output)")
    }

    @Test func aScriptOnPostgreSQLThatLeavesChangesUncommittedExitsThreeAndChangesNothing() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (url, household) = try await county()
        let script = folder.appendingPathComponent("visit.lua")
        try """
            local household = ...
            local id = visit{ household = household, visitor = '李帮扶', role = 'helper', on = '2024-06-30' }
            if arg[2] == 'commit' then commit() end
            return id
            """.write(to: script, atomically: true, encoding: .utf8)
        let common = ["--postgres", url, "--plugin", "minqin", "--plugins", RegistryCommandTests.plugins, "--as-of", "2024-06-30"]
        let visits = { try await self.evaluate(url, "#household('\(household)').visits") }
        let before = try await visits()

        let readOnly = try await DixianProcess.run(["run"] + common + [script.path, household])
        #expect(readOnly.status == 1)
        #expect(readOnly.errorOutput.contains("visit.lua:2: visit：控制台为只读"), "\(readOnly.errorOutput)")

        let uncommitted = try await DixianProcess.run(["run", "--write"] + common + [script.path, household])
        #expect(uncommitted.status == 3, "\(uncommitted.errorOutput)")
        #expect(uncommitted.errorOutput.contains("脚本结束时没有 commit()"))
        #expect(try await visits() == before)

        let committed = try await DixianProcess.run(["run", "--write"] + common + [script.path, household, "commit"])
        #expect(committed.status == 0, "\(committed.errorOutput)")
        #expect(try await visits() == String(Int(before.trimmingCharacters(in: .whitespacesAndNewlines))! + 1) + "\n")

        // eval --write on PostgreSQL, the registry from DIXIAN_POSTGRES.
        let viaEnvironment = try await Tool.run("/usr/bin/env", [
            "DIXIAN_POSTGRES=\(url)", DixianProcess.executable.path, "eval", "--write", "--plugin", "minqin",
            "--plugins", RegistryCommandTests.plugins, "--as-of", "2024-06-30",
            "visit{ household = '\(household)', visitor = '李帮扶', role = 'helper', on = '2024-06-29' } commit() return #household('\(household)').visits",
        ])
        #expect(viaEnvironment.status == 0, "\(viaEnvironment.output)")
        #expect(viaEnvironment.output == String(Int(before.trimmingCharacters(in: .whitespacesAndNewlines))! + 2) + "\n")
    }

    @Test func theConsoleRefusesABadRegistryChoiceClearly() async throws {
        let plugins = ["--plugin", "minqin", "--plugins", RegistryCommandTests.plugins]
        let both = try await DixianProcess.run(["repl", "--db", "x.sqlite", "--postgres", "postgres://dixian@127.0.0.1:1/x"] + plugins)
        #expect(both.status != 0 && both.errorOutput.contains("--db 与 --postgres 只能给出一个"), "\(both.errorOutput)")
        let badMode = try await DixianProcess.run(["eval", "--postgres", "postgres://dixian@127.0.0.1:1/x?sslmode=on"] + plugins + ["return 1"])
        #expect(badMode.status != 0 && badMode.errorOutput.contains("sslmode“on”无效"), "\(badMode.errorOutput)")
        let alone = try await DixianProcess.run(["eval", "--postgres", "postgres://dixian@127.0.0.1:1/x", "return 1"])
        #expect(alone.status != 0 && alone.errorOutput.contains("goes with --plugin"), "\(alone.errorOutput)")
    }
}
