import ArgumentParser
import DixianCore
import DixianPlugins
import DixianSQLite
import DixianWorkflow
import Foundation

extension Dixian {
    /// `dixian due`: what is due and overdue.
    struct Due: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List what is due and overdue, grouped by township and responsible person.",
            discussion: """
                The plugin's deadlines (its clocks, visit duties) run over every household in scope; its duties \
                (monthly, quarterly, yearly), problems and measures with a deadline, and department warnings awaiting verification are \
                added. Everything overdue is listed, and what falls due within --within days. Exit status 3 when a \
                deadline failed on a household (the list is then incomplete; the failures are named).
                """
        )

        @OptionGroup var registry: StoreOptions

        @Option(help: "The county plugin whose deadlines apply.")
        var plugin: String = DixianConfiguration.current.plugin ?? ""

        @Option(help: "The date (YYYY-MM-DD; default: today).")
        var asOf: DateOption = .today

        @Option(help: "Only households whose village code starts with this area code (default: the area the plugin serves).")
        var area: String?

        @Option(help: "Also list what falls due within this many days.")
        var within = 7

        @Option(help: "table, json or csv.")
        var format: DueOutput.Format = .table

        @Option(help: "Write the output to this file instead of standard output.")
        var out: String?

        @Option(help: "Items listed in the table format.")
        var limit = 200

        @Option(help: "Workers (Lua states) at once.")
        var workers = ProcessInfo.processInfo.activeProcessorCount

        @OptionGroup var sandbox: SandboxOptions
        @OptionGroup var plugins: PluginSearchOptions

        func validate() throws {
            guard within >= 0 else { throw ValidationError("--within must be 0 or more") }
            guard workers > 0 else { throw ValidationError("--workers must be positive") }
        }

        func run() async throws {
            let chain = try plugins.chain(of: plugin)
            let manifest = chain[chain.count - 1]
            let store = try registry.open()
            let scan = DueScan(chain: chain, asOf: asOf.date, area: area,
                               withinDays: within, workers: workers, limits: sandbox.limits)
            let list = try await scan.run(on: store)
            let names = (try? CountyGeography.load(plugin: manifest.id, from: plugins.searchPath)).map { geography in
                Dictionary(uniqueKeysWithValues: geography.townships.indices.map { (geography.townshipCode($0), geography.townships[$0]) })
            } ?? [:]
            let output = DueOutput(list: list, plugin: manifest, townshipNames: names)
            try OutputFile.write(to: out) { write in try output.write(format, limit: limit, to: write) }
            if !list.failures.isEmpty { throw ExitCode(3) }
        }
    }
}
