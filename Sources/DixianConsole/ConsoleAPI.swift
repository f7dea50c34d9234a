/// What the console binds for administrators, with one line each: the source of `.help` and
/// of the table in docs/plugin-api.md (a test keeps the two the same).
public enum ConsoleAPI {
    /// One bound function.
    public struct Entry: Hashable, Sendable {
        /// How it is called.
        public var usage: String
        /// What it does, in one line.
        public var summary: String
    }

    /// Every bound function, in the order `.help` lists them.
    public static let entries: [Entry] = [
        Entry(usage: "household(number [, date])", summary: "a household's view as of the console's date (or `date`), as checks see it"),
        Entry(usage: "find{ township=, village=, category=, kind=, status=, risk_type=, limit= }",
              summary: "the households that match, as views (at most `limit`, 100 by default), and how many match in all"),
        Entry(usage: "check(h)", summary: "the plugin's checks on one household (a view or a number): its findings"),
        Entry(usage: "screen{ filters as for find }", summary: "the plugin's checks on every matching household: the findings, with household numbers (not stored)"),
        Entry(usage: "due(h)", summary: "what the plugin's deadlines say a household owes, with due dates, and what it did late (`done_on`, not overdue)"),
        Entry(usage: "monitor(action, { episode= | household=, on=, ... })",
              summary: "a monitoring step (report, verify, answer, approve, plan, eliminate, follow-up, send-back, relabel), as `dixian monitor` takes it"),
        Entry(usage: "visit{ household=, on=, visitor=, role=, notes= }", summary: "records a visit; returns its id"),
        Entry(usage: "close_problem{ id=, fix=, on= }", summary: "closes a problem of the ledger with what fixed it"),
        Entry(usage: "report(id [, { format=, out= }])",
              summary: "renders one of the plugin's reports: Markdown text, or a file at `out` (xlsx, csv, html, md; a PDF is printed with `dixian report --format pdf`)"),
        Entry(usage: "commit()", summary: "makes this session's changes permanent (--write)"),
        Entry(usage: "rollback()", summary: "drops this session's changes (--write)"),
        Entry(usage: "reload()", summary: "loads the plugin's scripts again, after an edit"),
        Entry(usage: "today", summary: "the console's date (--as-of, or today), as YYYY-MM-DD"),
    ]

    /// The global names the entries bind (`household`, `find`, ...).
    public static var globals: [String] {
        entries.map { String($0.usage.prefix { $0.isLetter || $0 == "_" }) }
    }

    /// The dot-commands of the interactive console.
    public static let commands: [Entry] = [
        Entry(usage: ".help", summary: "this list"),
        Entry(usage: ".quit", summary: "leaves the console (asks first when changes are not committed; so does Ctrl-D)"),
    ]

    /// `.help`: every entry on a line, usages aligned.
    public static var help: String {
        let all = entries + commands
        let width = all.map(\.usage.count).max() ?? 0
        return all.map { $0.usage.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.summary }
            .joined(separator: "\n")
    }

    /// The Markdown table of docs/plugin-api.md.
    public static var markdownTable: String {
        (["| call | what it does |", "|---|---|"] + (entries + commands).map {
            "| `\($0.usage)` | \($0.summary.replacingOccurrences(of: "|", with: "\\|")) |"
        }).joined(separator: "\n")
    }
}
