import DixianTestSupport
import Foundation
import Testing

/// Long jobs show their progress on a terminal, redrawn in place on standard error and cleared
/// when they end, and nothing of it when standard error is a pipe (a script's, a log's).
@Suite(.serialized)
struct ProgressTests {
    let scratch = TemporaryFolder("dixian-progress")
    var folder: URL { scratch.url }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/on_terminal.py").path

    /// What `dixian arguments` wrote on a pseudo-terminal, and its exit status.
    func onTerminal(_ arguments: [String], language: String = "zh_CN.UTF-8") async throws -> (status: Int32, output: String) {
        let run = try await Tool.run(OpenPyXL.python.path, [Self.script, "LANG=\(language)", "LC_ALL=", "--", DixianProcess.executable.path]
                                     + arguments)
        let status = try #require(run.output.firstMatch(of: /\nexit (\d+)\n$/).map { Int32($0.1)! }, "\(run.output)")
        return (status, run.output)
    }

    @Test func importScreenChecklistAndReportShowProgressOnATerminalAndNotThroughAPipe() async throws {
        let files = folder.appendingPathComponent("county").path, plugins = RegistryCommandTests.plugins
        let generated = try await DixianProcess.run(["generate", "--county", "minqin", "--households", "3000", "--seed", "3",
                                                     "--out", files, "--plugins", plugins])
        #expect(generated.status == 0, "\(generated.errorOutput)")
        let db = folder.appendingPathComponent("terminal.sqlite").path, piped = folder.appendingPathComponent("piped.sqlite").path
        let common = ["--plugin", "minqin", "--plugins", plugins, "--as-of", "2024-06-30"]
        let screen = ["screen", "--db", db, "--format", "csv", "--out", folder.appendingPathComponent("findings.csv").path] + common
        let checklist = ["checklist", "six-musts-visit-list", "--db", db, "--format", "csv",
                         "--out", folder.appendingPathComponent("visits.csv").path] + common
        // Minqin's monthly return draws up the due list: its households are what take time.
        let report = ["report", "monthly", "--db", db, "--format", "md", "--out", folder.appendingPathComponent("monthly.md").path] + common

        // Counts and a rate, drawn over themselves (a carriage return), the line cleared at the end.
        for (arguments, counted) in [(["import", files, "--db", db], /已导入 [\d,]+ 条记录，每秒 [\d,]+ 条/),
                                     (screen, /已筛查 [\d,]+ 户，每秒 [\d,]+ 户/), (checklist, /已填写 [\d,]+ 户，每秒 [\d,]+ 户/),
                                     (report, /已核对 [\d,]+ 户的到期事项，每秒 [\d,]+ 户/)] {
            let run = try await onTerminal(arguments)
            #expect(run.status == 0, "\(run.output)")
            #expect(run.output.contains(counted), "\(arguments[0]): \(run.output)")
            #expect(run.output.contains("\r\u{1B}[K"), "\(arguments[0]): the line is cleared")
        }
        // In English where the locale is, for a job with no plugin to say.
        let english = try await onTerminal(["import", files, "--db", folder.appendingPathComponent("english.sqlite").path], language: "C")
        #expect(english.output.contains(/[\d,]+ records imported, [\d,]+ a second/), "\(english.output)")

        // Through a pipe: what the command prints at the end, and nothing else.
        let imported = try await DixianProcess.run(["import", files, "--db", piped])
        #expect(imported.status == 0 && imported.errorOutput.isEmpty, "\(imported.errorOutput)")
        for arguments in [screen, checklist, report] {
            let run = try await DixianProcess.run(arguments.map { $0 == db ? piped : $0 })
            #expect(run.status == 0, "\(run.errorOutput)")
            #expect(!run.errorOutput.contains("每秒") && !run.errorOutput.contains("\r"), "\(arguments[0]): \(run.errorOutput)")
        }
    }
}
