import ArgumentParser
import DixianConsole
import DixianCore
import Foundation
import LuaHost

/// What `repl`, `run` and `eval --plugin` share: the registry (`--db FILE`, or `--postgres URL`
/// or `DIXIAN_POSTGRES`), the plugin, write mode, who and when.
struct ConsoleOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @Option(help: .shown(.consoleOptionsPlugin))
    var plugin: String = DixianConfiguration.current.plugin ?? ""

    @Flag(help: .shown(.consoleOptionsWrite))
    var write = false

    @Option(help: .shown(.consoleOptionsActor))
    var actor: String = ProcessInfo.processInfo.userName

    @Option(help: .shown(.consoleOptionsAsOf))
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
            abstract: CommandHelp.replAbstract.shown,
            discussion: CommandHelp.replDiscussion.shown
        )

        @OptionGroup var options: ConsoleOptions

        @Option(help: .shown(.replHistory))
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
            abstract: CommandHelp.runAbstract.shown,
            discussion: CommandHelp.runDiscussion.shown
        )

        @OptionGroup var options: ConsoleOptions

        @Argument(help: .shown(.runScript))
        var script: String

        @Argument(parsing: .captureForPassthrough, help: .shown(.runArguments))
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
        printError("dixian: \(error.text(in: console.language))")
        throw ExitCode.failure
    }
    if console.uncommittedChanges > 0 {
        try console.rollback()
        printError(CommandMessage.uncommittedScript.shown)
        throw ExitCode(3)
    }
}
