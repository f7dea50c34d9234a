import ArgumentParser
import DixianCore
import DixianPlugins
import DixianWorkflow
import Foundation
import LuaHost

extension Dixian {
    /// `dixian plugin`: list, check and test county plugins.
    struct PluginCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plugin",
            abstract: CommandHelp.pluginAbstract.shown,
            subcommands: [List.self, Check.self, Test.self]
        )

        /// `dixian plugin list`.
        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: CommandHelp.pluginListAbstract.shown)

            @OptionGroup var plugins: PluginSearchOptions

            func run() throws {
                let folders = plugins.searchFolders
                let catalog = PluginCatalog(searchPath: folders.map(\.url))
                // Where the plugin came from: the search folder that holds it, and why that is searched.
                func origin(_ manifest: PluginManifest) -> String {
                    folders.first { $0.holds(manifest.directory) }.map { "\t(\(ConfigurationMessages.origin($0.origin)))" } ?? ""
                }
                for manifest in catalog.plugins {
                    let base = manifest.extends.map { " " + CommandMessage.pluginExtends($0).shown } ?? ""
                    print("\(manifest.id)\t\(manifest.version)\t\(manifest.name)\(base)\t\(manifest.directory.path)\(origin(manifest))")
                }
                for manifest in catalog.shadowed {
                    print("\(manifest.id)\t\(manifest.version)\t\(CommandMessage.pluginHidden.shown)\t\(manifest.directory.path)\(origin(manifest))")
                }
                for problem in catalog.broken { printError(CommandMessage.pluginBroken(problem.message).shown) }
                if catalog.plugins.isEmpty {
                    printError(CommandMessage.noPlugins(searched: catalog.searchPath.map(\.path).joined(separator: ", ")).shown)
                }
            }
        }

        /// `dixian plugin check ID|DIR`.
        struct Check: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: CommandHelp.checkAbstract.shown)

            @Argument(help: .shown(.pluginReference))
            var plugin: String

            @OptionGroup var sandbox: SandboxOptions
            @OptionGroup var plugins: PluginSearchOptions

            func run() throws {
                let catalog = PluginCatalog(searchPath: plugins.searchPath)
                let manifest = try catalog.plugin(plugin)
                let chain = try catalog.chain(for: manifest)
                let runtime = try PluginRuntime(chain: chain, state: LuaState(limits: sandbox.limits), loadingSpecs: true)
                let declared = runtime.declarations
                let own = { (plugin: String) in plugin == manifest.id }
                print(PluginCommandMessage.valid(id: manifest.id, version: manifest.version, name: manifest.name, api: manifest.apiVersion).shown)
                if chain.count > 1 { print(PluginCommandMessage.extends(chain.dropLast().map(\.id).reversed().joined(separator: " → ")).shown) }
                print(PluginCommandMessage.checks(declared.checks.count, own: declared.checks.filter { own($0.declaration.plugin) }.count).shown)
                print(PluginCommandMessage.rules(assetChecks: declared.assetChecks.count, guards: declared.guards.count,
                                                 parameters: declared.parameters.count).shown)
                print(PluginCommandMessage.schedule(deadlines: declared.deadlines.count, duties: declared.duties.count,
                                                    calendars: declared.calendars.count).shown)
                print(PluginCommandMessage.documents(checklists: declared.checklists.count, reports: declared.reports.count).shown)
                print(PluginCommandMessage.specs(declared.specs.filter { own($0.plugin) }.count).shown)
                // Fields no script names are not filled; reading one raises (docs/plugin-api.md).
                for (purpose, use) in [(ViewPurpose.screening, PluginCommandMessage.ViewUse.checks), (.deadlines, .deadlines), (.checklists, .checklists)] {
                    let fields = runtime.viewFields(for: purpose)
                    print(PluginCommandMessage.viewFields(use, filled: fields.filled, of: fields.of, leftOut: fields.leftOut).shown)
                }
            }
        }

        /// `dixian plugin test ID|DIR`.
        struct Test: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: CommandHelp.testAbstract.shown)

            @Argument(help: .shown(.pluginReference))
            var plugin: String

            @OptionGroup var sandbox: SandboxOptions
            @OptionGroup var plugins: PluginSearchOptions

            func run() throws {
                let catalog = PluginCatalog(searchPath: plugins.searchPath)
                let manifest = try catalog.plugin(plugin)
                let report = try PluginSpecRunner.report(chain: catalog.chain(for: manifest), limits: sandbox.limits, today: LocalDate.today)
                let results = report.results
                for result in results {
                    print(PluginCommandMessage.spec(passed: result.passed, name: result.name, location: result.location).shown)
                    for problem in result.problems { print("       \(problem.shown)") }
                }
                let failed = results.filter { !$0.passed }.count
                print(PluginCommandMessage.tally(plugin: manifest.id, specs: results.count, failed: failed).shown)
                let covered = report.coverage.filter(\.covered).count
                print(PluginCommandMessage.coverage(plugin: manifest.id, covered: covered, of: report.coverage.count).shown)
                for rule in report.coverage where !rule.covered {
                    print(PluginCommandMessage.lacks(kind: rule.kind, id: rule.id, fires: rule.fires, quiet: rule.quiet, location: rule.location).shown)
                }
                for reminder in report.reminders { printError(PluginCommandMessage.note(reminder.shown).shown) }
                if results.isEmpty {
                    printError(PluginCommandMessage.noSpecs(manifest.id).shown)
                    throw ExitCode(1)
                }
                if failed > 0 { throw ExitCode(1) }
            }
        }
    }
}
