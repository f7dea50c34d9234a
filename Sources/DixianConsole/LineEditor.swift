import CEditLine
import Foundation

/// Reads the console's input lines with libedit: line editing, history kept in a file across
/// sessions, and Tab completion from a function the console gives.
public final class LineEditor {
    /// One read.
    public enum Input {
        /// A line (without its newline).
        case line(String)
        /// End of input (Ctrl-D on an empty line).
        case end
    }

    private let historyPath: String?

    /// An editor whose history is kept at `historyPath` (none: no history), completing with
    /// `completer`, which gets the word before the cursor and returns its completions.
    public init(historyPath: String?, completer: @escaping (String) -> [String]) {
        self.historyPath = historyPath
        // libedit reads and shows multibyte text (Chinese prompts, names typed at the prompt)
        // only in a UTF-8 locale: the user's, or C.UTF-8 when theirs is plain C.
        if let current = setlocale(LC_CTYPE, ""), !String(cString: current).uppercased().contains("UTF-8") {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        LineEditor.completer = completer
        dixian_editline_setup { text, _, _ in
            dixian_editline_completion_over()
            guard let text else { return nil }
            LineEditor.pending = LineEditor.completer?(String(cString: text)) ?? []
            return rl_completion_matches(text) { _, state in
                if state == 0 { LineEditor.next = 0 }
                guard LineEditor.next < LineEditor.pending.count else { return nil }
                defer { LineEditor.next += 1 }
                return strdup(LineEditor.pending[LineEditor.next])
            }
        }
        rl_initialize()
        using_history()
        stifle_history(1000)
        if let historyPath { _ = read_history(historyPath) }
    }

    /// Reads a line after showing `prompt`.
    public func read(prompt: String) -> Input {
        guard let raw = readline(prompt) else { return .end }
        defer { free(raw) }
        return .line(String(cString: raw))
    }

    /// Adds `line` to the history, and saves the history so that it survives the session.
    public func remember(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        add_history(line)
        if let historyPath { _ = write_history(historyPath) }
    }

    // libedit calls back through C function pointers, which cannot capture: the one editor of
    // the process keeps its completer and the matches being handed out here.
    nonisolated(unsafe) private static var completer: ((String) -> [String])?
    nonisolated(unsafe) private static var pending: [String] = []
    nonisolated(unsafe) private static var next = 0
}
