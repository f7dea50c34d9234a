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
            abstract: CommandHelp.reportAbstractReport.shown,
            discussion: CommandHelp.reportDiscussion.shown
        )

        @Argument(help: .shown(.reportId))
        var id: String

        @OptionGroup var options: SheetOptions

        func run() async throws {
            let (chain, store) = try options.open()
            let run = ReportRun(chain: chain, reportID: id, asOf: options.asOf.date, area: options.area, limits: options.sandbox.limits)
            let document = try await ProgressLine.showing(.report) {
                try await run.render(from: store, progress: $0)
            }
            let format = options.format
            try AtomicOutput.write(to: URL(fileURLWithPath: options.out)) { try document.write(to: $0, as: format) }
            print(CommandMessage.reportWritten(title: document.title, to: options.out).shown)
        }
    }
}
