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
        await main(arguments)
    }
}
