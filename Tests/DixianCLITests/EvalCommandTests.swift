import DixianTestSupport
import Foundation
import Testing

/// `dixian eval` runs a chunk in the sandbox, prints its results, and fails cleanly.
@Suite(.serialized)
struct EvalCommandTests {
    let scratch = TemporaryFolder("dixian-eval")
    var pluginDirectory: URL { scratch.url }

    init() throws {
        try "return { line = 7800, per_capita = function(net, size) return net / size end }"
            .write(to: pluginDirectory.appendingPathComponent("income.lua"), atomically: true, encoding: .utf8)
    }

    @Test func printsWhatTheChunkReturns() async throws {
        let outcome = try await DixianProcess.run(["eval", "--plugin-dir", pluginDirectory.path, "return 6*7"])
        #expect(outcome.status == 0)
        #expect(outcome.output == "42\n")
    }

    @Test func printsSeveralResultsTabSeparated() async throws {
        let outcome = try await DixianProcess.run([
            "eval", "--plugin-dir", pluginDirectory.path,
            "local income = require('income') return income.per_capita(31200, 4), income.line, {'户主'}",
        ])
        #expect(outcome.status == 0)
        #expect(outcome.output == "7800.0\t7800\t{\"户主\"}\n")
    }

    /// The budget, not a clock, stops the loop: the message says so (a loop it did not stop
    /// would run until the suite's own time limit).
    @Test func endlessLoopExitsNonZeroOnceItsBudgetIsSpent() async throws {
        let outcome = try await DixianProcess.run(["eval", "--plugin-dir", pluginDirectory.path, "while true do end"])
        #expect(outcome.status == 1)
        #expect(outcome.errorOutput.contains("eval:1: instruction budget of 100000000 instructions exceeded"))
    }

    @Test func luaErrorExitsNonZeroWithTheMessage() async throws {
        let outcome = try await DixianProcess.run(["eval", "--plugin-dir", pluginDirectory.path, "local x = nil\nreturn x.y"])
        #expect(outcome.status == 1)
        #expect(outcome.output.isEmpty)
        #expect(outcome.errorOutput == "dixian: eval:2: attempt to index a nil value (local 'x')\n")
    }

    @Test func tracebackIsPrintedOnRequest() async throws {
        let outcome = try await DixianProcess.run(["eval", "--plugin-dir", pluginDirectory.path, "--traceback", "error('boom')"])
        #expect(outcome.status == 1)
        #expect(outcome.errorOutput.contains("stack traceback:"))
    }

    @Test func limitsAreOptions() async throws {
        let outcome = try await DixianProcess.run([
            "eval", "--plugin-dir", pluginDirectory.path, "--memory-cap", "4M", "return #string.rep('x', 8 * 1024 * 1024)",
        ])
        #expect(outcome.status == 1)
        #expect(outcome.errorOutput.contains("memory cap of 4194304 bytes exceeded"))
    }

    @Test func missingPluginDirectoryIsAUsageError() async throws {
        let outcome = try await DixianProcess.run(["eval", "--plugin-dir", "/nonexistent/dixian", "return 1"])
        #expect(outcome.status == 64)
        #expect(outcome.errorOutput.contains("--plugin-dir /nonexistent/dixian is not a directory"))
    }

    @Test func versionNamesDixianAndLua() async throws {
        let outcome = try await DixianProcess.run(["version"])
        #expect(outcome.status == 0)
        #expect(outcome.output.hasPrefix("dixian 0.1.0 (Lua 5.4."))
    }
}
