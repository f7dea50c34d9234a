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
        let files = folder.appendingPathComponent("county")
        #expect(try await DixianProcess.run([
            "generate", "--county", "minqin", "--households", "60", "--seed", "5", "--out", files.path,
            "--plugins", RegistryCommandTests.plugins,
        ]).status == 0)
        let url = try TestPostgres.newDatabase()
        let imported = try await DixianProcess.run(["import", files.path, "--postgres", url])
        #expect(imported.status == 0, "\(imported.errorOutput)")
        func rows(_ file: String) throws -> [[String]] {
            let text = try String(contentsOf: files.appendingPathComponent(file), encoding: .utf8)
            return text.split(separator: "\n").dropFirst().map { line in
                line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
        }
        let monitored = Set(try rows("monitoring_episodes.csv").map { $0[1] })
        let general = try rows("households.csv").filter { $0[4] == "general" && !monitored.contains($0[0]) }
        return (url, try #require(general.first?[0]))
    }

    /// What `chunk` returns in the console on `url`, read-only.
    func evaluate(_ url: String, _ chunk: String) async throws -> String {
        let outcome = try await DixianProcess.run(["eval", "--postgres", url, "--plugin", "minqin", "--plugins", RegistryCommandTests.plugins,
                                             "--as-of", "2024-06-30", chunk])
        #expect(outcome.status == 0, "\(outcome.errorOutput)")
        return outcome.output
    }

    /// The session, in pexpect: a report left uncommitted across Ctrl-C and dropped at quitting,
    /// then a report committed after Ctrl-C.
    static let session = #"""
        import sys, time, pexpect
        dixian, url, plugins, history, household = sys.argv[1:6]

        def start(*extra):
            console = pexpect.spawn(dixian, ['repl', '--postgres', url, '--plugin', 'minqin', '--plugins', plugins,
                                             '--history', history, '--as-of', '2024-06-30', '--actor', '县管理员:测试', *extra],
                                    encoding='utf-8', timeout=30, dimensions=(40, 200))
            console.expect('底线 Dixian 控制台')
            console.expect('> ')
            return console

        def step(console, line, *expected):
            console.sendline(line)
            for text in expected:
                console.expect(text)

        def interrupt(console):
            console.sendline('while true do end')
            time.sleep(1)
            console.sendintr()
            console.expect('已中断')
            console.expect('> ')

        report = "monitor('report', { household = '%s', channel = 'self-report', on = '2024-06-01' })" % household
        console = start('--write', '--instruction-budget', '1000000000000')
        step(console, report, r'\d+\r\n', '> ')
        step(console, '=#household("%s").episodes' % household, '1\r\n', '> ')
        interrupt(console)
        # Ctrl-C stopped the chunk, not the session: the change is still there, uncommitted.
        step(console, '=#household("%s").episodes' % household, '1\r\n', '> ')
        console.sendline('.quit')
        console.expect(r'1 项修改尚未提交')
        console.expect(r'\(y/N\)')
        console.sendline('y')
        console.expect(pexpect.EOF)

        console = start('--write', '--instruction-budget', '1000000000000')
        step(console, '=#household("%s").episodes' % household, '0\r\n', '> ')
        step(console, report, r'\d+\r\n', '> ')
        interrupt(console)
        step(console, 'commit()', '> ')
        console.sendline('.quit')
        console.expect(pexpect.EOF)

        # Read-only, a change is refused.
        console = start()
        step(console, report, 'read-only|只读', '> ')
        console.sendline('.quit')
        console.expect(pexpect.EOF)
        print('session done')
        """#

    @Test func anAdministratorsWriteSessionOnPostgreSQLAtTheTerminal() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (url, household) = try await county()
        let history = folder.appendingPathComponent("history").path
        let outcome = try await Tool.run(OpenPyXL.python.path, [
            "-c", Self.session, DixianProcess.executable.path, url, RegistryCommandTests.plugins, history, household,
        ])
        #expect(outcome.status == 0, Comment(rawValue: outcome.output))
        #expect(outcome.output.contains("session done"))

        // Only the committed report is kept, audited under the administrator's name.
        #expect(try await evaluate(url, "#household('\(household)').episodes") == "1\n")
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
        #expect(readOnly.errorOutput.contains("visit.lua:2: visit: the console is read-only"), "\(readOnly.errorOutput)")

        let uncommitted = try await DixianProcess.run(["run", "--write"] + common + [script.path, household])
        #expect(uncommitted.status == 3, "\(uncommitted.errorOutput)")
        #expect(uncommitted.errorOutput.contains("without commit()"))
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
        #expect(both.status != 0 && both.errorOutput.contains("give --db or --postgres, not both"), "\(both.errorOutput)")
        let badMode = try await DixianProcess.run(["eval", "--postgres", "postgres://dixian@127.0.0.1:1/x?sslmode=on"] + plugins + ["return 1"])
        #expect(badMode.status != 0 && badMode.errorOutput.contains("sslmode 'on'"), "\(badMode.errorOutput)")
        let alone = try await DixianProcess.run(["eval", "--postgres", "postgres://dixian@127.0.0.1:1/x", "return 1"])
        #expect(alone.status != 0 && alone.errorOutput.contains("goes with --plugin"), "\(alone.errorOutput)")
    }
}
