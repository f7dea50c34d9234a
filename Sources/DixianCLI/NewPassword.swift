import ArgumentParser
import DixianServer
import Foundation

/// A new password for `dixian user add` and `dixian user password`, never from the command line
/// (which every user of the machine sees in the process list): the first line of
/// `--password-file`, else standard input when it is not a terminal (a pipe or a file), else,
/// where the command may ask, typed twice at the terminal without echo.
enum NewPassword {
    /// The password given, nil when none is (an empty file or input, or a terminal the command
    /// does not ask at); refused if it is too short or too long.
    static func read(file: String?, prompt: Bool, for name: String) throws -> String? {
        let text: String
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError(CommandMessage.cannotRead(file).shown) }
            text = String(decoding: data, as: UTF8.self)
        } else if isatty(STDIN_FILENO) == 0 {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else if prompt {
            let first = typed(CommandMessage.passwordPrompt(name: name, again: false).shown)
            guard first == typed(CommandMessage.passwordPrompt(name: name, again: true).shown) else {
                throw ValidationError(CommandMessage.passwordsDiffer.shown)
            }
            text = first
        } else {
            return nil
        }
        let password = String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            .trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
        if password.isEmpty { return nil }
        if let problem = Password.problem(password) { throw ValidationError(CommandMessage.passwordRefused(problem).shown) }
        return password
    }

    /// A line typed at the terminal after `prompt`, not echoed.
    private static func typed(_ prompt: String) -> String {
        guard let line = getpass(prompt) else { return "" }
        return String(cString: line)
    }
}
