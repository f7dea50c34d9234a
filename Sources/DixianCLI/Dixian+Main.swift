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
        do {
            var command = try await asyncParseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let language = CommandLanguage.current
            let text = FailureText.of(error, in: language).map { ParserPhrase.error.text(in: language) + $0 }
                ?? ParserPhrase.translate(fullMessage(for: error), into: language)
            let code = exitCode(for: error)
            // Help (a clean exit) is re-flowed; errors stay one line each, for logs and grep.
            let shown = language == .chinese && code == .success ? ChineseWrap.wrap(text, width: ChineseWrap.terminalWidth) : text
            if !shown.isEmpty {
                if code == .success { print(shown) } else { printError(shown) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
