import DixianCore
import DixianPlugins
import DixianScreening
import Foundation
import LuaHost
import Testing

/// The plugin API's runners ask the sandbox whether an error they caught is a limit's stop,
/// instead of looking for words of the limits' messages in it: a check's own error that uses
/// those words fails on its households like any other error.
@Suite(.serialized)
struct StopKindTests {
    let hostile = HostilePluginTests()

    /// Screens with check `attack` running `body` and returns the run's failures.
    func failures(_ body: String) async throws -> [String] {
        defer { try? FileManager.default.removeItem(at: hostile.root) }
        let run = try #require(try await hostile.screen(try hostile.attack(body)))
        #expect(run.findingsByCheck["fine"] == HostilePluginTests.households, "\(run.findingsByCheck)")
        return run.failures
    }

    @Test(arguments: [
        "not enough memory", "memory cap of 3 rooms exceeded", "instruction budget of 2 visits exceeded",
        "pattern 'x' is too costly for a subject of 3 bytes",
    ])
    func aChecksOwnErrorInTheWordsOfALimitIsAFailureNotAStop(words: String) async throws {
        let failures = try await failures("error(\"the household: \(words)\")")
        #expect(failures.contains { $0.hasPrefix("check attack failed \(HostilePluginTests.households) times") }, "\(failures)")
        #expect(!failures.contains { $0.contains("was stopped") }, "\(failures)")
    }

    @Test func aPatternRefusalRaisedOnByTheCheckIsStillAStop() async throws {
        let failures = try await failures(
            "local ok, e = pcall(string.find, string.rep('a', 100000), 'a-a-a-a-a-a-a-a-b') error(e, 0)")
        #expect(failures.contains { $0.contains("check attack was stopped") && $0.contains("is too costly") }, "\(failures)")
    }
}
