import ArgumentParser
import Foundation
import LuaHost

extension Dixian {
    /// `dixian eval`: run a Lua chunk in the plugin sandbox.
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a Lua chunk in the plugin sandbox and print what it returns.",
            discussion: """
                The chunk runs in a fresh plugin environment whose require() resolves modules in \
                --plugin-dir. Results are printed tab-separated, as the lua console prints them. \
                A Lua error, an exceeded instruction budget or memory cap exits with status 1.
                """
        )

        @Option(name: .customLong("plugin-dir"), help: "The plugin directory require() resolves modules in.")
        var pluginDirectory: String

        @OptionGroup var sandbox: SandboxOptions

        @Flag(help: "Print Lua's traceback after an error.")
        var traceback = false

        @Argument(help: "The Lua chunk to run.")
        var chunk: String

        func validate() throws {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: pluginDirectory, isDirectory: &isDirectory),
                isDirectory.boolValue
            else {
                throw ValidationError("--plugin-dir \(pluginDirectory) is not a directory")
            }
        }

        func run() throws {
            do throws(LuaError) {
                let state = try LuaState(limits: sandbox.limits)
                state.output = { print($0) }
                let environment = try state.makeEnvironment(
                    pluginDirectory: URL(fileURLWithPath: pluginDirectory, isDirectory: true))
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
