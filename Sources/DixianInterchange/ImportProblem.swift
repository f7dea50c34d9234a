import DixianCore

/// One thing wrong with the files of an import: which file, which line, which column, and why.
public struct ImportProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's name (`members.csv`).
    public var file: String
    /// The line the row starts on (1 is the header), or nil for the file as a whole.
    public var line: Int?
    /// The column as the file's header names it, if the problem is in one field.
    public var column: String?
    /// What is wrong.
    public var reason: ImportMessage

    /// A problem.
    public init(file: String, line: Int?, column: String?, reason: ImportMessage) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `members.csv:12: resident_id: ID number has 17 characters, not 18`, in English.
    public var description: String { text(in: .english) }

    /// The problem in `language` (`members.csv:12: 身份证号: 身份证号有 17 位，不是 18 位`), with
    /// any control character of a file's name or header escaped for the terminal.
    public func text(in language: Language) -> String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ": \(column)" }
        return (text + ": " + reason.text(in: language)).terminalEscaped
    }
}

/// What an import found: rows per file, and every problem.
public struct ImportReport: Sendable {
    /// Rows read from each file, in import order.
    public var rowCounts: [(file: String, rows: Int)]
    /// Everything wrong; the import changes nothing unless this is empty.
    public var problems: [ImportProblem]

    /// Rows in all files.
    public var totalRows: Int { rowCounts.reduce(0) { $0 + $1.rows } }
}

/// An import refused because of its problems; nothing was changed.
public struct ImportRejected: Error, Sendable {
    /// The report listing every problem.
    public var report: ImportReport

    /// A rejection of an import with `report`'s problems.
    public init(report: ImportReport) {
        self.report = report
    }
}
