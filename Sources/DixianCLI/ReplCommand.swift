import ArgumentParser
import DixianConsole
import DixianCore
import Foundation
import LuaHost

/// What `repl`, `run` and `eval --plugin` share: the registry (`--db FILE`, or `--postgres URL`
/// or `DIXIAN_POSTGRES`), the plugin, write mode, who and when.
struct ConsoleOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @Option(help: "The county plugin whose checks, deadlines, guards and reports the console binds.")
    var plugin: String = DixianConfiguration.current.plugin ?? ""

    @Flag(help: "Allow changes: they join one transaction, made permanent by commit() and dropped by rollback().")
    var write = false

    @Option(help: "Who the administrator is, for the audit trail (default: the system user).")
    var actor: String = ProcessInfo.processInfo.userName

    @Option(help: "The console's date (YYYY-MM-DD; default: today): views are read as of it.")
    var asOf: DateOption = .today

    @OptionGroup var sandbox: SandboxOptions
    @OptionGroup var plugins: PluginSearchOptions

    /// The console on the registry and plugin.
    func open() throws -> Console {
        try Console(store: try store.openForConsole(write: write), chain: try plugins.chain(of: plugin),
                    options: Console.Options(write: write, actor: actor, asOf: asOf.date, limits: sandbox.limits))
    }
}

extension Dixian {
    /// `dixian repl`: the interactive console.
    struct Repl: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "An interactive Lua console on the live registry, with the plugin's functions bound (.help lists them).",
            discussion: """
                Line editing and history (kept in --history, by default ~/.dixian_history), Tab completion of \\
                globals and fields, multi-line input until a chunk is complete, =expr and bare expressions printed. \\
                Read-only unless --write; then changes join one transaction that commit() makes permanent, and \\
                leaving with uncommitted changes asks first. Ctrl-C stops a running statement; the sandbox's \\
                limits apply to every statement.
                """
        )

        @OptionGroup var options: ConsoleOptions

        @Option(help: "The history file (default: ~/.dixian_history).")
        var history: String?

        func run() throws {
            let console = try options.open()
            let path = history ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".dixian_history").path
            throw ExitCode(InteractiveConsole(console: console, historyPath: path).run())
        }
    }

    /// `dixian run`: a console script without a terminal.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a Lua script with the console's functions bound, without a terminal.",
            discussion: """
                The script gets its arguments as ... and as the global arg. What it returns is printed. Exit \\
                status: 0 when it ran; 1 when it raised (or ran out of budget or memory; the error names the \\
                line); 3 when it ended with changes it did not commit() (--write), which are then dropped.
                """
        )

        @OptionGroup var options: ConsoleOptions

        @Argument(help: "The script.")
        var script: String

        @Argument(parsing: .captureForPassthrough, help: "Arguments for the script.")
        var arguments: [String] = []

        func run() throws {
            let console = try options.open()
            let url = URL(fileURLWithPath: script), arguments = self.arguments
            try finish(console) { () throws(LuaError) -> [LuaValue] in try console.run(script: url, arguments: arguments) }
        }
    }
}

/// Runs `body` on `console`, prints its values, and exits as `run` and `eval` document.
func finish(_ console: Console, _ body: () throws(LuaError) -> [LuaValue]) throws {
    let printer = ConsolePrinter(language: console.chain[console.chain.count - 1].language)
    console.state.output = { print($0) }
    do throws(LuaError) {
        let values = try body()
        if !values.isEmpty { print(printer.format(values)) }
    } catch {
        printError("dixian: \(error.message)")
        throw ExitCode.failure
    }
    if console.uncommittedChanges > 0 {
        try console.rollback()
        printError("dixian: the script ended without commit(): its changes were dropped")
        throw ExitCode(3)
    }
}
