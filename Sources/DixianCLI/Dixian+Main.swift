import ArgumentParser
import Foundation

extension Dixian {
    /// Reads the configuration file before parsing the command line (its values are the
    /// options' defaults), and refuses to run any command, `--help` included, with a file it
    /// cannot use: a misspelt setting must not silently leave a default in force. Exit status 78
    /// (EX_CONFIG) then.
    static func main() async {
        let arguments: [String]
        do throws(ConfigurationError) {
            arguments = try ConfigurationArgument.split(Array(CommandLine.arguments.dropFirst())).rest
            _ = try DixianConfiguration.loaded.get()
        } catch {
            printError("dixian: \(error)")
            Self.exit(withError: ExitCode(78))
        }
        await run(arguments)
    }

    /// Parses `arguments` and runs the command they name, as ArgumentParser's `main` does,
    /// but with its help and errors in the language of the run (`CommandLanguage`,
    /// `ParserPhrase`): ArgumentParser writes them in English only.
    static func run(_ arguments: [String]) async {
        var command: any ParsableCommand
        do {
            command = try await asyncParseAsRoot(arguments)
        } catch {
            exit(showing: fullMessage(for: error), code: exitCode(for: error))
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ValidationError {
            // What only run() can check (the registry, the plugin) is refused with the
            // subcommand's usage, as validate() refuses: ArgumentParser would show the root's.
            let type = Swift.type(of: command)
            let names = commandNames(to: type)?.joined(separator: " ") ?? _commandName
            exit(showing: "Error: \(error.message)\nUsage: \(usageString(for: type))\n  See '\(names) --help' for more information.",
                 code: .validationFailure)
        } catch {
            let language = CommandLanguage.current
            if let failure = FailureText.of(error, in: language) {
                exit(shown: ParserPhrase.error.text(in: language) + failure, code: exitCode(for: error))
            }
            exit(showing: fullMessage(for: error), code: exitCode(for: error))
        }
    }

    /// Shows `text`, ArgumentParser's English put into the language of the run, and exits with `code`.
    private static func exit(showing text: String, code: ExitCode) -> Never {
        exit(shown: ParserPhrase.translate(text, into: CommandLanguage.current), code: code)
    }

    /// Shows `text`, in the language of the run, and exits with `code`. Chinese help (a clean
    /// exit) is re-flowed to the terminal (`ChineseWrap`); errors stay one line each, for logs.
    private static func exit(shown text: String, code: ExitCode) -> Never {
        let text = CommandLanguage.current == .chinese && code == .success && !Self.printsMachineText
            ? ChineseWrap.wrap(text, width: ChineseWrap.terminalWidth) : text
        if !text.isEmpty {
            if code == .success { print(text) } else { printError(text) }
        }
        Foundation.exit(code.rawValue)
    }

    /// Whether this run asks ArgumentParser for text a program reads (a shell's completion
    /// script, the JSON of `--experimental-dump-help`), which re-flowing would break.
    private static var printsMachineText: Bool {
        CommandLine.arguments.contains { $0.hasPrefix("--generate-completion-script") || $0 == "--experimental-dump-help" }
    }

    /// The command names from `root` down to `target` (`["dixian", "user", "add"]`), or nil
    /// when `target` is not among `root`'s subcommands.
    static func commandNames(to target: any ParsableCommand.Type, from root: any ParsableCommand.Type = Dixian.self) -> [String]? {
        if ObjectIdentifier(root) == ObjectIdentifier(target) { return [root._commandName] }
        for subcommand in root.configuration.subcommands {
            if let names = commandNames(to: target, from: subcommand) { return [root._commandName] + names }
        }
        return nil
    }
}
