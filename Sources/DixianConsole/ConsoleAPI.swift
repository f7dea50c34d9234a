import DixianCore

/// What the console binds for administrators, with one line each: the source of `.help` and
/// of the table in docs/plugin-api.md (a test keeps the two the same).
public enum ConsoleAPI {
    /// One bound function.
    public struct Entry: Hashable, Sendable {
        /// How it is called.
        public var usage: String
        /// What it does, in one line.
        public var summary: ConsoleHelp
    }

    /// Every bound function, in the order `.help` lists them.
    public static let entries: [Entry] = [
        Entry(usage: "household(number [, date])", summary: .household),
        Entry(usage: "find{ township=, village=, category=, kind=, status=, risk_type=, limit= }", summary: .find),
        Entry(usage: "check(h)", summary: .check),
        Entry(usage: "screen{ township=, village=, category=, kind=, status=, risk_type= }", summary: .screen),
        Entry(usage: "due(h)", summary: .due),
        Entry(usage: "monitor(action, { episode= | household=, on=, ... })", summary: .monitor),
        Entry(usage: "visit{ household=, on=, visitor=, role=, notes= }", summary: .visit),
        Entry(usage: "close_problem{ id=, fix=, on= }", summary: .closeProblem),
        Entry(usage: "report(id [, { format=, out= }])", summary: .report),
        Entry(usage: "commit()", summary: .commit),
        Entry(usage: "rollback()", summary: .rollback),
        Entry(usage: "reload()", summary: .reload),
        Entry(usage: "today", summary: .today),
    ]

    /// The global names the entries bind (`household`, `find`, ...).
    public static var globals: [String] {
        entries.map { String($0.usage.prefix { $0.isLetter || $0 == "_" }) }
    }

    /// The dot-commands of the interactive console.
    public static let commands: [Entry] = [
        Entry(usage: ".help", summary: .help),
        Entry(usage: ".quit", summary: .quit),
    ]

    /// `.help` in `language`: every entry on a line, usages aligned.
    public static func help(in language: Language) -> String {
        let all = entries + commands
        let width = all.map(\.usage.count).max() ?? 0
        return all.map { $0.usage.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.summary.text(in: language) }
            .joined(separator: "\n")
    }

    /// The Markdown table of docs/plugin-api.md.
    public static var markdownTable: String {
        (["| call | what it does |", "|---|---|"] + (entries + commands).map {
            "| `\($0.usage)` | \($0.summary.english.replacingOccurrences(of: "|", with: "\\|")) |"
        }).joined(separator: "\n")
    }
}
