import DixianSheets
import Foundation

/// The rows of one import file: a CSV file, or the first sheet of an XLSX workbook with the
/// same columns (what officials keep their spreadsheets in). Each row knows its line: the CSV
/// line it starts on, or the sheet's row number as Excel shows it.
struct RowReader: Sequence {
    /// The file extensions an import reads.
    static let extensions: Set<String> = ["csv", "xlsx"]

    private enum Source {
        case csv(CSVReader)
        case sheet([CSVReader.Record])
    }

    private let source: Source

    /// Opens `url`, by its extension.
    /// - Throws: `ImportProblem` naming the file when a workbook cannot be read.
    init(contentsOf url: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ImportProblem(file: url.lastPathComponent, line: nil, column: nil, reason: .isAFolder)
        }
        guard url.pathExtension.lowercased() == "xlsx" else {
            do {
                source = .csv(try CSVReader(contentsOf: url))
            } catch let error as CSVReader.UnreadableText {
                throw ImportProblem(file: url.lastPathComponent, line: error.line, column: nil, reason: .undecodableBytes(byte: error.byte))
            } catch {
                throw ImportProblem(file: url.lastPathComponent, line: nil, column: nil, reason: .cannotBeRead(Self.reason(error)))
            }
            return
        }
        do {
            let rows = try XLSXReader(url: url).rows()
            // Every row as wide as the header, so that a short row (trailing empty cells) reads
            // like the same CSV row. The header is the first row of more than one cell: a title
            // above it (`Iterator.header(of:)`) is passed over.
            let header = rows.prefix(Iterator.titleRows + 1).first { $0.cells.count(where: { !$0.trimmingBlanks.isEmpty }) > 1 }
            let width = (header ?? rows.first)?.cells.count ?? 0
            source = .sheet(rows.map { row in
                CSVReader.Record(line: row.number, fields: row.cells.count < width
                    ? row.cells + Array(repeating: "", count: width - row.cells.count) : row.cells)
            })
        } catch let error as SheetError {
            throw ImportProblem(file: url.lastPathComponent, line: nil, column: nil, reason: .unreadableWorkbook(error.said ?? .notAWorkbook(error.description)))
        }
    }

    /// Why a file could not be read, in the system's words (`Permission denied`) rather than
    /// Foundation's error domain and code.
    private static func reason(_ error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain, let message = strerror(Int32(underlying.code)) {
            return String(cString: message)
        }
        if (error as NSError).domain == NSPOSIXErrorDomain, let message = strerror(Int32((error as NSError).code)) {
            return String(cString: message)
        }
        return error.localizedDescription
    }

    func makeIterator() -> Iterator {
        switch source {
        case .csv(let reader): Iterator(csv: reader.makeIterator(), sheet: nil)
        case .sheet(let rows): Iterator(csv: nil, sheet: rows.makeIterator())
        }
    }

    /// Rows one at a time; `failure` is set when a CSV file turns out malformed.
    struct Iterator: IteratorProtocol {
        fileprivate var csv: CSVReader.Iterator?
        fileprivate var sheet: IndexingIterator<[CSVReader.Record]>?

        var failure: CSVReader.MalformedCSV? { csv?.failure }

        /// The most title rows a header may sit under.
        static let titleRows = 5

        /// The header row of a file whose columns are `columns`: the first row, unless it is a
        /// title over the table, as officials' sheets have (民勤县监测户信息表 in one cell, or
        /// a blank row), which is passed over, up to `titleRows` of them. A title row holds at
        /// most one cell, and no column's name.
        mutating func header(of columns: [Column]) -> CSVReader.Record? {
            let names = Set(columns.flatMap { [$0.name] + $0.aliases })
            var skipped = 0
            while let row = next() {
                let filled = row.fields.map(\.trimmingBlanks).filter { !$0.isEmpty }
                let isTitle = filled.count <= 1 && !filled.contains(where: names.contains)
                if isTitle && skipped < Self.titleRows {
                    skipped += 1
                    continue
                }
                return row
            }
            return nil
        }

        mutating func next() -> CSVReader.Record? {
            if csv != nil { return csv!.next() }
            return sheet?.next()
        }
    }
}
