import ArgumentParser
import DixianPlugins
import DixianReports
import DixianSQLite
import DixianSheets
import Foundation

extension Dixian {
    /// `dixian report`: a plugin's report rendered from the registry.
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a plugin's report (sections, text and tables built by its Lua script) from the registry.",
            discussion: """
                The report's script asks the registry for the counts it needs (households, monitoring episodes, \
                incomes, problems, assets, screening findings, due work) as of --as-of and lays them out. The \
                file appears only when complete: a script that raises or returns a malformed document gets an \
                error naming its plugin file and line, and leaves nothing at --out.
                """
        )

        @Argument(help: "The report's id (see: dixian plugin check PLUGIN).")
        var id: String

        @Option(help: "The registry's SQLite database file.")
        var db: String

        @Option(help: "The county plugin that declares the report.")
        var plugin: String

        @Option(help: "Only households whose village code starts with this area code (default: the area the plugin serves).")
        var area: String?

        @Option(help: "The date the report is as of (YYYY-MM-DD; default: today).")
        var asOf: DateOption = .today

        @Option(help: "xlsx, csv, html or md.")
        var format: SheetFormat = .xlsx

        @Option(help: "The file to write.")
        var out: String

        @OptionGroup var sandbox: SandboxOptions
        @OptionGroup var plugins: PluginSearchOptions

        func run() async throws {
            let chain = try plugins.chain(of: plugin)
            let manifest = chain[chain.count - 1]
            let store = try existingRegistry(db)
            let run = ReportRun(chain: chain, reportID: id, asOf: asOf.date, area: area, limits: sandbox.limits)
            let document = try await run.render(from: store)
            try AtomicOutput.write(to: URL(fileURLWithPath: out)) { try document.write(to: $0, as: format) }
            print(manifest.language.hasPrefix("zh") ? "\(document.title)：已写入 \(out)" : "\(document.title): written to \(out)")
        }
    }
}
