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
                print("\(manifest.id) \(manifest.version) (\(manifest.name)), plugin API \(manifest.apiVersion): valid")
                if chain.count > 1 { print("  extends: \(chain.dropLast().map(\.id).reversed().joined(separator: " → "))") }
                print("  checks: \(declared.checks.count) (\(declared.checks.filter { own($0.declaration.plugin) }.count) its own)")
                print("  asset checks: \(declared.assetChecks.count), guards: \(declared.guards.count), parameters: \(declared.parameters.count)")
                print("  deadlines: \(declared.deadlines.count), duties: \(declared.duties.count), calendars: \(declared.calendars.count)")
                print("  checklists: \(declared.checklists.count), reports: \(declared.reports.count)")
                print("  specs: \(declared.specs.filter { own($0.plugin) }.count)")
                // Fields no script names are not filled; reading one raises (docs/plugin-api.md).
                for (purpose, name) in [(ViewPurpose.screening, "checks"), (.deadlines, "deadlines"), (.checklists, "checklists")] {
                    let fields = runtime.viewFields(for: purpose)
                    let leftOut = fields.leftOut.isEmpty ? "" : "; left out: " + fields.leftOut.joined(separator: ", ")
                    print("  household view for \(name): \(fields.filled) of \(fields.of) fields\(leftOut)")
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
                    print("\(result.passed ? "ok  " : "FAIL") \(result.name)  [\(result.location)]")
                    for problem in result.problems { print("       \(problem)") }
                }
                let failed = results.filter { !$0.passed }.count
                print("\(manifest.id): \(results.count) specs, \(failed) failed")
                let covered = report.coverage.filter(\.covered).count
                print("\(manifest.id): \(covered) of \(report.coverage.count) declared rules have a spec where they fire and one where they do not")
                for rule in report.coverage where !rule.covered {
                    let lacking = [rule.fires ? nil : "a spec where it fires", rule.quiet ? nil : "a spec where it does not"]
                        .compactMap { $0 }.joined(separator: " and ")
                    print("     \(rule.kind) \(rule.id) lacks \(lacking)  [\(rule.location)]")
                }
                for reminder in report.reminders { printError("note: \(reminder)") }
                if results.isEmpty {
                    printError("\(manifest.id) has no specs (add spec/*.lua)")
                    throw ExitCode(1)
                }
                if failed > 0 { throw ExitCode(1) }
            }
        }
    }
}
