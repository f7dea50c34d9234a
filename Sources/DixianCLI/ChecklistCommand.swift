import DixianCore
import ArgumentParser
import DixianPlugins
import DixianReports
import DixianSQLite
import DixianServer
import DixianSheets
import Foundation

extension SheetFormat: ExpressibleByArgument {}

/// What `checklist` and `report` share: the registry, the plugin that declares the sheet, the
/// area and date it covers, and the file it goes to.
struct SheetOptions: ParsableArguments {
    @OptionGroup var registry: StoreOptions

    @Option(help: .shown(.sheetOptionsPlugin))
    var plugin: String = DixianConfiguration.current.plugin ?? ""

    @Option(help: .shown(.areaPrefix))
    var area: String?

    @Option(help: .shown(.sheetOptionsAsOf))
    var asOf: DateOption = .today

    @Option(help: .shown(.sheetOptionsFormat))
    var format: SheetFormat = .xlsx

    @Option(help: .shown(.sheetOptionsOut))
    var out: String

    @OptionGroup var sandbox: SandboxOptions
    @OptionGroup var plugins: PluginSearchOptions

    /// The plugin chain (the plugin asked for last), and the registry (SQLite or PostgreSQL).
    func open() throws -> (chain: [PluginManifest], store: any ServerStore) {
        (try plugins.chain(of: plugin), try registry.open())
    }
}

extension Dixian {
    /// `dixian checklist`: a plugin's checklist filled from the registry.
    struct Checklist: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandHelp.checklistAbstract.shown,
            discussion: CommandHelp.checklistDiscussion.shown
        )

        @Argument(help: .shown(.checklistId))
        var id: String

        @OptionGroup var options: SheetOptions

        @Option(help: .shown(.workers))
        var workers = ProcessInfo.processInfo.activeProcessorCount

        func validate() throws {
            guard options.format.streamsTables else { throw ValidationError(CommandMessage.checklistFormat.shown) }
            guard workers > 0 else { throw ValidationError(CommandMessage.mustBePositive(option: "--workers").shown) }
        }

        func run() throws {
            let (chain, store) = try options.open()
            let run = ChecklistRun(chain: chain, checklistID: id, asOf: options.asOf.date, area: options.area, workers: workers,
                                   limits: options.sandbox.limits)
            let summary = try ProgressLine.showing(.checklist) { progress in
                try run.write(from: store, to: URL(fileURLWithPath: options.out), format: options.format, progress: progress)
            }
            print(CommandMessage.checklistWritten(title: summary.title, households: summary.rows, to: options.out).shown)
        }
    }
}
