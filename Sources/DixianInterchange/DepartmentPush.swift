import DixianCore
import Foundation

/// A file of warnings a sector department pushes (部门预警信息推送): one CSV (or XLSX workbook) with the columns of
/// department_warnings.csv but no id, result or closing date (docs/data-format.md). Every row
/// is read or the whole file is refused, listing every bad row.
public enum DepartmentPush {
    static let columns = [
        Column("department", "预警部门"), Column("resident_id", "身份证号"), Column("received_on", "预警日期", "推送日期"),
        Column("reason", "预警原因", "预警内容"), Column("name", "姓名", required: false),
    ]

    /// The warnings of the file at `url`, each with its line (ids are left 0 for the registry to assign).
    /// - Throws: `ImportRejected` listing every problem (file, line, column, reason).
    public static func read(_ url: URL) throws -> [(line: Int, warning: DepartmentWarning)] {
        let name = url.lastPathComponent
        let reader: RowReader
        do {
            reader = try RowReader(contentsOf: url)
        } catch let problem as ImportProblem {
            throw ImportRejected(report: ImportReport(rowCounts: [], problems: [problem]))
        } catch {
            throw ImportRejected(report: ImportReport(rowCounts: [], problems: [
                ImportProblem(file: name, line: nil, column: nil, reason: .cannotBeRead(error.localizedDescription)),
            ]))
        }
        var problems: [ImportProblem] = []
        var warnings: [(line: Int, warning: DepartmentWarning)] = []
        var iterator = reader.makeIterator()
        let bounds = FieldBounds.now()
        guard let header = iterator.header(of: columns) else {
            throw ImportRejected(report: ImportReport(rowCounts: [], problems: [
                ImportProblem(file: name, line: nil, column: nil, reason: .emptyFile),
            ]))
        }
        let (positions, labels) = InterchangeFile.header(header, columns: columns, file: name, kind: name, problems: &problems)
        let textColumns = FieldBounds.TextColumns(positions)
        if problems.isEmpty {
            while let row = iterator.next() {
                if row.fields == [""] { continue }
                guard row.fields.count == header.fields.count else {
                    problems.append(ImportProblem(file: name, line: row.line, column: nil,
                                                  reason: .fieldCount(found: row.fields.count, header: header.fields.count)))
                    continue
                }
                let fields = FieldReader(fields: row.fields, positions: positions, layout: DepartmentWarning.layout, bounds: bounds)
                do throws(FieldError) {
                    if let error = bounds.textProblem(row.fields, columns: textColumns) { throw error }
                    warnings.append((row.line, DepartmentWarning(
                        id: 0, department: try fields.term(DepartmentWarning.Field.department),
                        residentID: try fields.residentID(DepartmentWarning.Field.residentID),
                        receivedOn: try fields.date(DepartmentWarning.Field.receivedOn), reason: try fields.text(DepartmentWarning.Field.reason))))
                } catch {
                    problems.append(ImportProblem(file: name, line: row.line, column: labels[error.column] ?? error.column,
                                                  reason: .field(error.message)))
                }
            }
            if let failure = iterator.failure {
                problems.append(ImportProblem(file: name, line: failure.line, column: nil, reason: failure.reason))
            }
        }
        guard problems.isEmpty else {
            throw ImportRejected(report: ImportReport(rowCounts: [(name, warnings.count)], problems: problems))
        }
        return warnings
    }
}
