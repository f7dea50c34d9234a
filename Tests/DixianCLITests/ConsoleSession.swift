import DixianTestSupport
import Foundation
import Testing

/// `dixian repl` at a terminal, driven by one pexpect script for both stores
/// (`Tests/Fixtures/console_session.py`, which says what its sessions type and expect).
enum ConsoleSession {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/console_session.py").path

    /// The script's arguments for `mode` on the registry `store` (`--db FILE` or `--postgres URL`).
    static func arguments(_ store: [String], history: String, _ mode: String, _ arguments: [String]) -> [String] {
        [script, "--dixian", DixianProcess.executable.path, "--plugins", RegistryCommandTests.plugins, "--history", history]
            + store + [mode] + arguments
    }

    /// The administrator's session on `store`, typed at `household` (a general household with no
    /// monitoring episode): it passes every step, and only the report it committed is kept.
    static func administrator(_ store: [String], household: String, history: String) async throws {
        let outcome = try await Tool.run(OpenPyXL.python.path, arguments(store, history: history, "administrator", [household]))
        #expect(outcome.status == 0, Comment(rawValue: outcome.output))
        #expect(outcome.output.contains("session done"))
        let episodes = try await DixianProcess.run(["eval"] + store + ["--plugin", "minqin", "--plugins", RegistryCommandTests.plugins,
                                                                         "--as-of", "2024-06-30", "#household('\(household)').episodes"])
        #expect(episodes.output == "1\n", Comment(rawValue: episodes.errorOutput))
    }

    /// A Minqin county of `households` generated in `folder` and imported into `store`; a general
    /// household with no monitoring episode, so that a report is allowed.
    static func county(_ folder: URL, households: Int, into store: [String]) async throws -> String {
        let files = folder.appendingPathComponent("county")
        let generated = try await DixianProcess.run([
            "generate", "--county", "minqin", "--households", String(households), "--seed", "5", "--out", files.path,
            "--plugins", RegistryCommandTests.plugins,
        ])
        #expect(generated.status == 0, "\(generated.errorOutput)")
        let imported = try await DixianProcess.run(["import", files.path] + store)
        #expect(imported.status == 0, "\(imported.errorOutput)")
        let monitored = Set(try GeneratedCounty.rows(files.path, "monitoring_episodes.csv").map { $0[1] })
        let general = try GeneratedCounty.rows(files.path, "households.csv").filter { $0[4] == "general" && !monitored.contains($0[0]) }
        return try #require(general.first?[0])
    }
}

/// The interchange files `dixian generate` writes.
enum GeneratedCounty {
    /// The rows of `file` in the folder `county`, split at commas (generated files quote nothing).
    static func rows(_ county: String, _ file: String) throws -> [[String]] {
        try String(contentsOf: URL(fileURLWithPath: county).appendingPathComponent(file), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }
}
