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

        @OptionGroup var options: SheetOptions

        func run() async throws {
            let (chain, store) = try options.open()
            let run = ReportRun(chain: chain, reportID: id, asOf: options.asOf.date, area: options.area, limits: options.sandbox.limits)
            let document = try await ProgressLine.showing(.report, in: chain[chain.count - 1].language) {
                try await run.render(from: store, progress: $0)
            }
            let format = options.format
            try AtomicOutput.write(to: URL(fileURLWithPath: options.out)) { try document.write(to: $0, as: format) }
            print(options.chinese(chain) ? "\(document.title)：已写入 \(options.out)" : "\(document.title): written to \(options.out)")
        }
    }
}
