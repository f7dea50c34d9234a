import ArgumentParser
import DixianConsole
import Foundation
import LuaHost

extension Dixian {
    /// `dixian eval`: run a Lua chunk in the plugin sandbox.
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a Lua chunk in the plugin sandbox and print what it returns.",
            discussion: """
                With --plugin-dir, the chunk runs in a fresh plugin environment whose require() resolves \
                modules there. With --plugin and a registry (--db FILE, --postgres URL or DIXIAN_POSTGRES), it \
                runs with the console's functions bound, as in dixian repl (--write, --actor, --as-of as there). Results are printed as the lua console \
                prints them. A Lua error, an exceeded instruction budget or memory cap exits with status 1; \
                changes left uncommitted are dropped, with status 3.
                """
        )

        @Option(name: .customLong("plugin-dir"), help: "The plugin directory require() resolves modules in.")
        var pluginDirectory: String?

        @Option(help: "The registry's SQLite database file (with --plugin: the console's functions are bound).")
        var db: String?

        @Option(help: ArgumentHelp(
            "The registry's PostgreSQL database, instead of --db: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (default with --plugin: $DIXIAN_POSTGRES).",
            valueName: "url"))
        var postgres: String?

        @Option(help: "The county plugin the console's functions use (with --db or --postgres).")
        var plugin: String?

        @Flag(help: "With --plugin: allow changes, made permanent by commit().")
        var write = false

        @Option(help: "With --plugin: who makes the changes, for the audit trail.")
        var actor: String = ProcessInfo.processInfo.userName

        @Option(help: "With --plugin: the console's date (YYYY-MM-DD; default: today).")
        var asOf: DateOption = .today

        @Option(name: .customLong("plugins"), help: "With --plugin: a folder of plugins to search first (repeatable).")
        var pluginFolders: [String] = []

        @OptionGroup var sandbox: SandboxOptions

        @Flag(help: "Print Lua's traceback after an error.")
        var traceback = false

        @Argument(help: "The Lua chunk to run.")
        var chunk: String

        /// The registry of the console's functions, as `repl` takes it (`--db`, `--postgres` or
        /// `DIXIAN_POSTGRES`).
        func store() throws -> StoreOptions {
            try StoreOptions.parse((db.map { ["--db", $0] } ?? []) + (postgres.map { ["--postgres", $0] } ?? []))
        }

        func validate() throws {
            if db != nil || postgres != nil || plugin != nil {
                guard plugin != nil else { throw ValidationError("--db or --postgres goes with --plugin") }
                do {
                    _ = try store()
                } catch {
                    throw ValidationError("--plugin needs the registry: --db FILE or --postgres URL (or DIXIAN_POSTGRES)")
                }
                return
            }
            guard let pluginDirectory else { throw ValidationError("give --plugin-dir, or --db and --plugin") }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: pluginDirectory, isDirectory: &isDirectory),
                isDirectory.boolValue
            else {
                throw ValidationError("--plugin-dir \(pluginDirectory) is not a directory")
            }
        }

        func run() throws {
            if let plugin {
                let console = try Console(
                    store: try store().openForConsole(write: write), chain: try PluginSearchOptions.chain(of: plugin, in: PluginSearchOptions.searchPath(pluginFolders)),
                    options: Console.Options(write: write, actor: actor, asOf: asOf.date, limits: sandbox.limits))
                let chunk = self.chunk
                try finish(console) { () throws(LuaError) -> [LuaValue] in
                    switch console.evaluate(chunk) {
                    case .values(let values): return values
                    case .failed(let error): throw error
                    case .incomplete: throw LuaError(kind: .syntax, message: "console: the chunk is not complete")
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
                var report = "dixian: \(error)\n"
                if traceback, let trace = error.traceback { report += trace + "\n" }
                FileHandle.standardError.write(Data(report.utf8))
                throw ExitCode.failure
            }
        }
    }
}
