import DixianTestSupport
import Foundation
import Testing

/// `dixian repl` driven through a pseudo-terminal (pexpect, from PyPI), as an administrator
/// types at it: expressions, a multi-line function, Ctrl-C on an endless loop, history across
/// a restart, and a write left uncommitted at quitting.
@Suite(.serialized)
struct ReplTerminalTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-repl-\(UUID().uuidString)")

    /// The session, in pexpect: each step waits for what the console must print.
    static let session = #"""
        import sys, time, pexpect
        dixian, db, plugins, history, household = sys.argv[1:6]

        def start(*extra):
            console = pexpect.spawn(dixian, ['repl', '--db', db, '--plugin', 'minqin', '--plugins', plugins,
                                             '--history', history, '--as-of', '2024-06-30', '--actor', '县管理员:测试', *extra],
                                    encoding='utf-8', timeout=30, dimensions=(40, 200))
            console.expect('底线 Dixian 控制台')
            console.expect('> ')
            return console

        def step(console, line, *expected):
            console.sendline(line)
            for text in expected:
                console.expect(text)

        # A budget large enough that only Ctrl-C stops the endless loop below.
        console = start('--instruction-budget', '1000000000000')
        step(console, '=6*7', '42\r\n', '> ')
        step(console, 'function sq(x)', '>> ')
        step(console, '  return x * x', '>> ')
        step(console, 'end', '> ')
        step(console, '=sq(12)', '144\r\n', '> ')
        console.send('=hous\t')             # Tab completes the global: =household
        console.expect('ehold')
        console.sendline("('%s').number" % household)
        console.expect('\r\n%s\r\n> ' % household)
        console.sendline('while true do end')
        time.sleep(1)
        console.sendintr()
        console.expect('已中断')
        step(console, '=1+1', '2\r\n', '> ')
        console.sendline('.quit')
        console.expect(pexpect.EOF)

        saved = open(history, encoding='utf-8').read()
        assert '=6*7' in saved and 'function\\040sq(x)' in saved, 'history file: ' + saved  # libedit writes a space as \\040

        console = start()
        console.send('\x1b[A\x1b[A\r')   # two lines up the history: =1+1 (before .quit)
        console.expect('2\r\n')
        console.expect('> ')
        console.sendline('.quit')
        console.expect(pexpect.EOF)

        console = start('--write')
        step(console, "monitor('report', { household = '%s', channel = 'self-report', on = '2024-06-01' })" % household, r'\d+\r\n', '> ')
        console.sendline('.quit')
        console.expect(r'\(y/N\)')
        step(console, 'n', '> ')
        console.sendline('.quit')
        console.expect(r'\(y/N\)')
        console.sendline('y')
        console.expect(pexpect.EOF)
        print('session done')
        """#

    @Test func anAdministratorsSessionAtTheTerminal() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = folder.appendingPathComponent("county"), db = folder.appendingPathComponent("r.sqlite").path
        let generated = try await DixianProcess.run([
            "generate", "--county", "minqin", "--households", "200", "--seed", "5", "--out", files.path,
            "--plugins", RegistryCommandTests.plugins,
        ])
        #expect(generated.status == 0)
        #expect(try await DixianProcess.run(["import", files.path, "--db", db]).status == 0)
        // A general household with no monitoring episode, so that a report is allowed.
        func rows(_ file: String) async throws -> [[String]] {
            let text = try String(contentsOf: files.appendingPathComponent(file), encoding: .utf8)
            return text.split(separator: "\n").dropFirst().map { line in
                line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
        }
        let monitored = Set(try await rows("monitoring_episodes.csv").map { $0[1] })
        let general = try await rows("households.csv").filter { $0[4] == "general" && !monitored.contains($0[0]) }
        let household = try #require(general.first?[0])

        let history = folder.appendingPathComponent("history").path
        let outcome = try await Tool.run(OpenPyXL.python.path, [
            "-c", Self.session, DixianProcess.executable.path, db, RegistryCommandTests.plugins, history, household,
        ])
        #expect(outcome.status == 0, Comment(rawValue: outcome.output))
        #expect(outcome.output.contains("session done"))

        // The report was never committed: the household still has no episode.
        let episodes = try await DixianProcess.run(["eval", "--db", db, "--plugin", "minqin", "--plugins", RegistryCommandTests.plugins,
                                              "--as-of", "2024-06-30", "#household('\(household)').episodes"])
        #expect(episodes.output == "0\n", Comment(rawValue: episodes.errorOutput))
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
        #expect(readOnly.errorOutput.contains("visit.lua:2: visit: the console is read-only"), "\(readOnly.errorOutput)")

        let uncommitted = try await DixianProcess.run(["run", "--write"] + common + [script.path, number])
        #expect(uncommitted.status == 3)
        #expect(uncommitted.errorOutput.contains("without commit()"))
        #expect(try await visits() == before)

        let committed = try await DixianProcess.run(["run", "--write"] + common + [script.path, number, "commit"])
        #expect(committed.status == 0, "\(committed.errorOutput)")
        #expect(try await visits() == String(Int(before.trimmingCharacters(in: .whitespacesAndNewlines))! + 1) + "\n")
    }
}
