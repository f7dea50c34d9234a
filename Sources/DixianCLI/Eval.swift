import ArgumentParser
import DixianConsole
import Foundation
import LuaHost

extension Dixian {
    /// `dixian eval`: run a Lua chunk in the plugin sandbox.
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandHelp.evalAbstract.shown,
            discussion: CommandHelp.evalDiscussion.shown
        )

        @Option(name: .customLong("plugin-dir"), help: .shown(.evalPluginDirectory))
        var pluginDirectory: String?

        @Option(help: .shown(.evalDb))
        var db: String?

        @Option(help: ArgumentHelp(
            OptionHelp.evalPostgres.shown,
            valueName: "url"))
        var postgres: String?

        @Option(help: .shown(.evalPlugin))
        var plugin: String?

        @Flag(help: .shown(.evalWrite))
        var write = false

        @Option(help: .shown(.evalActor))
        var actor: String = ProcessInfo.processInfo.userName

        @Option(help: .shown(.evalAsOf))
        var asOf: DateOption = .today

        @Option(name: .customLong("plugins"), help: .shown(.evalPluginFolders))
        var pluginFolders: [String] = []

        @OptionGroup var sandbox: SandboxOptions

        @Flag(help: .shown(.evalTraceback))
        var traceback = false

        @Argument(help: .shown(.evalChunk))
        var chunk: String

        /// The registry of the console's functions, as `repl` takes it (`--db`, `--postgres` or
        /// `DIXIAN_POSTGRES`).
        func store() throws -> StoreOptions {
            try StoreOptions.parse((db.map { ["--db", $0] } ?? []) + (postgres.map { ["--postgres", $0] } ?? []))
        }

        /// The plugin of the console: `--plugin`, else, when a registry is known (`--db`,
        /// `--postgres`, or, without `--plugin-dir`, `DIXIAN_POSTGRES` or the configuration
        /// file), the configuration file's `plugin`. Nil runs the chunk in the bare sandbox.
        var consolePlugin: String? {
            if let plugin { return plugin }
            let registryKnown = db != nil || postgres != nil || (pluginDirectory == nil && (try? store()) != nil)
            return registryKnown ? DixianConfiguration.current.plugin : nil
        }

        func validate() throws {
            if db != nil || postgres != nil || consolePlugin != nil {
                guard consolePlugin != nil else { throw ValidationError(CommandMessage.registryWithoutPlugin.shown) }
                do {
                    _ = try store()
                } catch {
                    throw ValidationError(CommandMessage.pluginWithoutRegistry.shown)
                }
                return
            }
            guard let pluginDirectory else { throw ValidationError(CommandMessage.evalNeedsPluginDirectory.shown) }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: pluginDirectory, isDirectory: &isDirectory),
                isDirectory.boolValue
            else {
                throw ValidationError(CommandMessage.notAFolder(pluginDirectory).shown)
            }
        }

        func run() throws {
            if let plugin = consolePlugin {
                let console = try Console(
                    store: try store().openForConsole(write: write), chain: try PluginSearchOptions.chain(of: plugin, in: PluginSearchOptions.searchPath(pluginFolders)),
                    options: Console.Options(write: write, actor: actor, asOf: asOf.date, limits: sandbox.limits))
                let chunk = self.chunk
                try finish(console) { () throws(LuaError) -> [LuaValue] in
                    switch console.evaluate(chunk) {
                    case .values(let values): return values
                    case .failed(let error): throw error
                    case .incomplete: throw LuaError(kind: .syntax, message: ConsoleMessage.incompleteChunk.text(in: console.language))
                    }
                }
                return
            }
            do throws(LuaError) {
                let state = try LuaState(limits: sandbox.limits)
                state.output = { print($0) }
                let environment = try state.makeEnvironment(
                    pluginDirectory: pluginDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) })
                let results = try state.run(chunk, name: "eval", in: environment)
                if !results.isEmpty {
                    print(results.map(\.displayText).joined(separator: "\t"))
                }
            } catch {
                var report = "dixian: \(error.text(in: CommandLanguage.current))\n"
                if traceback, let trace = error.traceback { report += trace + "\n" }
                FileHandle.standardError.write(Data(report.utf8))
                throw ExitCode.failure
            }
        }
    }
}
