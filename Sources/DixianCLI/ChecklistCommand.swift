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

    @Option(help: "The county plugin that declares the checklist or report.")
    var plugin: String = DixianConfiguration.current.plugin ?? ""

    @Option(help: "Only households whose village code starts with this area code (default: the area the plugin serves).")
    var area: String?

    @Option(help: "The date the registry is read as of (YYYY-MM-DD; default: today).")
    var asOf: DateOption = .today

    @Option(help: "xlsx, csv or pdf for a checklist; xlsx, csv, html, md or pdf for a report (pdf: printed by LibreOffice).")
    var format: SheetFormat = .xlsx

    @Option(help: "The file to write.")
    var out: String

    @OptionGroup var sandbox: SandboxOptions
    @OptionGroup var plugins: PluginSearchOptions

    /// The plugin chain (the plugin asked for last), and the registry (SQLite or PostgreSQL).
    func open() throws -> (chain: [PluginManifest], store: any ServerStore) {
        (try plugins.chain(of: plugin), try registry.open())
    }

    /// Whether what officials read is in Chinese (the plugin's language).
    func chinese(_ chain: [PluginManifest]) -> Bool { chain[chain.count - 1].language == .chinese }
}

extension Dixian {
    /// `dixian checklist`: a plugin's checklist filled from the registry.
    struct Checklist: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a plugin's checklist (a form or ledger) filled from the registry, one row per household.",
            discussion: """
                The plugin's row function fills what the registry knows (for fieldwork, the rest is left for the \
                visitor) in household-number order. XLSX keeps the form's merged multi-level headers, with the \
                header rows frozen; CSV has one header row (upper headers joined with /). The file appears only \
                when complete: a row function that fails leaves nothing at --out.
                """
        )

        @Argument(help: "The checklist's id (see: dixian plugin check PLUGIN).")
        var id: String

        @OptionGroup var options: SheetOptions

        @Option(help: "Workers (Lua states) at once.")
        var workers = ProcessInfo.processInfo.activeProcessorCount

        func validate() throws {
            guard options.format.streamsTables else { throw ValidationError("--format must be xlsx, csv or pdf for a checklist") }
            guard workers > 0 else { throw ValidationError("--workers must be positive") }
        }

        func run() throws {
            let (chain, store) = try options.open()
            let run = ChecklistRun(chain: chain, checklistID: id, asOf: options.asOf.date, area: options.area, workers: workers,
                                   limits: options.sandbox.limits)
            let summary = try ProgressLine.showing(.checklist, in: chain[chain.count - 1].language) { progress in
                try run.write(from: store, to: URL(fileURLWithPath: options.out), format: options.format, progress: progress)
            }
            print(options.chinese(chain)
                ? "\(summary.title)：共 \(summary.rows) 户，已写入 \(options.out)"
                : "\(summary.title): \(summary.rows) households written to \(options.out)")
        }
    }
}
