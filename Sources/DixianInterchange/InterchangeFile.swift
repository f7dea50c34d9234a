import Foundation

/// One file of an import (CSV, or an XLSX workbook with the same columns), opened with its
/// header understood.
struct InterchangeFile {
    let kind: any InterchangeRecord.Type
    let reader: RowReader
    /// The file's own name, for problems (`households.xlsx`).
    let label: String

    /// The interchange file it stands for (`households.csv`).
    var name: String { kind.file }

    init(kind: any InterchangeRecord.Type, url: URL) throws {
        self.kind = kind
        self.reader = try RowReader(contentsOf: url)
        label = url.lastPathComponent
    }

    /// The header (the row `RowReader.Iterator.header(of:)` found): column name → position, and
    /// the header's own text for each column. Problems with the header (unknown, repeated or
    /// missing columns) are added to `problems`, on the header's line.
    func header(_ header: CSVReader.Record, problems: inout [ImportProblem]) -> (positions: [String: Int], labels: [String: String]) {
        Self.header(header, columns: kind.columns, file: label, kind: name, problems: &problems)
    }

    /// The header of file `file`, an interchange file `kind` (its name, `households.csv`, when
    /// the file may be `households.xlsx`) whose columns are `columns`, as `header(_:problems:)`
    /// reads it. Problems name the file as it was given.
    static func header(_ header: CSVReader.Record, columns: [Column], file: String, kind name: String, problems: inout [ImportProblem])
        -> (positions: [String: Int], labels: [String: String])
    {
        var positions: [String: Int] = [:]
        var labels: [String: String] = [:]
        let line = header.line
        for (position, raw) in header.fields.enumerated() {
            let label = raw.trimmingBlanks
            guard let column = columns.first(where: { $0.name == label || $0.aliases.contains(label) }) else {
                let known = columns.map { ColumnName(name: $0.name, chinese: $0.aliases.first ?? $0.name) }
                problems.append(ImportProblem(file: file, line: line, column: label, reason: .notAColumn(table: name, columns: known)))
                continue
            }
            if positions[column.name] != nil {
                problems.append(ImportProblem(file: file, line: line, column: label, reason: .repeatedColumn(column.name)))
                continue
            }
            positions[column.name] = position
            labels[column.name] = label
        }
        for column in columns where column.required && positions[column.name] == nil {
            problems.append(ImportProblem(file: file, line: line, column: nil, reason: .missingColumn([column.name] + column.aliases)))
        }
        return (positions, labels)
    }
}
