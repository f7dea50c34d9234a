import Foundation
import GRDB
import Testing

/// Registry text that reached the registry with escape sequences in it (the public form, an
/// older import) is shown escaped by `household show`, never sent raw to the terminal.
struct TerminalOutputTests {
    @Test func householdShowPrintsControlCharactersEscaped() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-terminal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let county = folder.appendingPathComponent("county").path, db = folder.appendingPathComponent("r.sqlite").path
        let plugins = RegistryCommandTests.plugins
        #expect(try await DixianProcess.run([
            "generate", "--county", "minqin", "--households", "20", "--seed", "3", "--out", county, "--plugins", plugins,
        ]).status == 0)
        #expect(try await DixianProcess.run(["import", county, "--db", db]).status == 0)
        let household = try await DatabaseQueue(path: db).read { db in
            try String.fetchOne(db, sql: "SELECT number FROM household WHERE category = 'general' ORDER BY number LIMIT 1")!
        }
        func dixian(_ arguments: [String]) async throws -> DixianProcess.Outcome {
            try await DixianProcess.run(arguments + ["--db", db, "--plugin", "minqin", "--plugins", plugins, "--actor", "乡镇:王核查"])
        }
        let reported = try await dixian(["monitor", "report", "--household", household, "--channel", "农户自主申报", "--on", "2024-09-27"])
        #expect(reported.status == 0, "\(reported.errorOutput)")
        let episode = try #require(reported.output.firstMatch(of: /监测记录(\d+)/).map { String($0.1) })
        let verified = try await dixian(["monitor", "verify", "--episode", episode, "--on", "2024-09-30", "--by", "张\u{1B}]0;pwned\u{7}\u{1B}[2J三"])
        #expect(verified.status == 0, "\(verified.errorOutput)")
        let shown = try await dixian(["household", "show", household])
        #expect(shown.status == 0, "\(shown.errorOutput)")
        #expect(shown.output.contains("张\\x1B]0;pwned\\x07\\x1B[2J三"))
        #expect(!shown.output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }
}
