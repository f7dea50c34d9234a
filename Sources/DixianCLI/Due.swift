import ArgumentParser
import DixianCore
import DixianPlugins
import DixianReports
import DixianSQLite
import DixianWorkflow
import Foundation

extension Dixian {
    /// `dixian due`: what is due and overdue.
    struct Due: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandHelp.dueAbstract.shown,
            discussion: CommandHelp.dueDiscussion.shown
        )

        @OptionGroup var registry: StoreOptions

        @Option(help: .shown(.duePlugin))
        var plugin: String = DixianConfiguration.current.plugin ?? ""

        @Option(help: .shown(.dueAsOf))
        var asOf: DateOption = .today

        @Option(help: .shown(.areaPrefix))
        var area: String?

        @Option(help: .shown(.dueWithin))
        var within = 7

        @Option(help: .shown(.tableJSONOrCSV))
        var format: DueOutput.Format = .table

        @Option(help: .shown(.outputFile))
        var out: String?

        @Option(help: .shown(.dueLimit))
        var limit = 200

        @Option(help: .shown(.workers))
        var workers = ProcessInfo.processInfo.activeProcessorCount

        @OptionGroup var sandbox: SandboxOptions
        @OptionGroup var plugins: PluginSearchOptions

        func validate() throws {
            guard within >= 0 else { throw ValidationError(CommandMessage.mustNotBeNegative(option: "--within").shown) }
            guard workers > 0 else { throw ValidationError(CommandMessage.mustBePositive(option: "--workers").shown) }
        }

        func run() async throws {
            let chain = try plugins.chain(of: plugin)
            let manifest = chain[chain.count - 1]
            let store = try registry.open()
            let scan = DueScan(chain: chain, asOf: asOf.date, area: area,
                               withinDays: within, workers: workers, limits: sandbox.limits)
            let list = try await scan.run(on: store)
            let names = (try? PlaceNames.of(chain, store: store)) ?? [:]
            let output = DueOutput(list: list, plugin: manifest, placeNames: names, language: CommandLanguage.current)
            try OutputFile.write(to: out) { write in try output.write(format, limit: limit, to: write) }
            if !list.failures.isEmpty { throw ExitCode(3) }
        }
    }
}
