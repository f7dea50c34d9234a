import DixianCore
import Foundation

/// Where the rows of one big table go as they are made: a checklist of a whole county is
/// written row by row and never held in memory.
public protocol TableSink: AnyObject {
    /// Writes one row (one cell per column).
    func append(_ row: [SheetCell]) throws
    /// Finishes the file.
    func finish() throws
}

extension SheetFormat {
    /// Opens a table of `columns` titled `title` at `path`, to be filled row by row; a
    /// workbook's printed pages are numbered in `language` and turned as `printing` says, and
    /// its sign-off labels (填报单位：, 填表人：, ...) are printed under its table. A CSV file,
    /// which is data, has neither.
    /// - Precondition: the format streams tables (`streamsTables`).
    public func openTable(at path: URL, title: String, columns: [SheetColumn], language: Language,
                          printing: PrintSetup = PrintSetup()) throws -> any TableSink {
        switch self {
        case .xlsx: try XLSXTableSink(path: path, title: title, columns: columns, language: language, printing: printing)
        case .csv: try CSVTableSink(path: path, columns: columns)
        case .pdf: try PDFTableSink(path: path, title: title, columns: columns, language: language, printing: printing)
        case .html, .md: preconditionFailure("\(rawValue) does not stream tables")
        }
    }
}

/// A table on the first sheet of a constant-memory workbook: the title row, the header rows
/// frozen under it, then the rows; printed with the title and header on every page.
final class XLSXTableSink: TableSink {
    private let workbook: XLSXWorkbook
    private let sheet: XLSXSheet
    private let signOff: [String]
    private let width: Int

    init(path: URL, title: String, columns: [SheetColumn], language: Language, printing: PrintSetup) throws {
        signOff = printing.signOff
        width = columns.count
        workbook = try XLSXWorkbook(path: path.path, constantMemory: true)
        sheet = try workbook.addSheet(named: title)
        sheet.setColumns(columns)
        try sheet.writeTitle(title, width: columns.count)
        try sheet.writeHeader(columns, freeze: true)
        sheet.setUpPrinting(printing, footer: language.pageFooter, repeating: 0...(sheet.nextRow - 1))
    }

    func append(_ row: [SheetCell]) throws { try sheet.writeRow(row) }

    func finish() throws {
        if !signOff.isEmpty {
            sheet.skipRow()
            try sheet.writeSignOff(signOff, width: width)
        }
        try workbook.close()
    }
}

/// A table as CSV: a byte-order mark, one header row of flattened titles, then the rows.
final class CSVTableSink: TableSink {
    private let output: BufferedOutput

    init(path: URL, columns: [SheetColumn]) throws {
        output = try BufferedOutput(path: path)
        try output.write("\u{FEFF}")
        try output.write(CSVLine(columns.map(\.flatTitle)))
    }

    func append(_ row: [SheetCell]) throws { try output.write(CSVLine(row.map(\.text))) }

    func finish() throws { try output.close() }
}

/// A CSV line (RFC 4180 quoting, formulas neutralised, CRLF-free: `\n` ends it).
func CSVLine(_ fields: [String]) -> String {
    fields.map(\.csvField).joined(separator: ",") + "\n"
}

/// A file written through a 1 MiB buffer.
final class BufferedOutput {
    private let handle: FileHandle
    private var buffer = Data()

    init(path: URL) throws {
        guard FileManager.default.createFile(atPath: path.path, contents: nil) else {
            throw SheetError(.cannotCreate(path.path))
        }
        handle = try FileHandle(forWritingTo: path)
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        try handle.close()
    }
}

/// A table printed to PDF: streamed into a workbook beside it, printed when finished. The
/// workbook, which holds the rows, never outlives the sink.
final class PDFTableSink: TableSink {
    private let workbook: URL
    private var sheet: XLSXTableSink?
    private let path: URL

    init(path: URL, title: String, columns: [SheetColumn], language: Language, printing: PrintSetup) throws {
        try PDFPrinter.requireLibreOffice()  // before the rows are filled, not after
        self.path = path
        workbook = path.deletingLastPathComponent().appendingPathComponent(".\(path.lastPathComponent).\(UUID().uuidString).xlsx")
        sheet = try XLSXTableSink(path: workbook, title: title, columns: columns, language: language, printing: printing)
    }

    func append(_ row: [SheetCell]) throws { try sheet?.append(row) }

    func finish() throws {
        defer { try? FileManager.default.removeItem(at: workbook) }
        try sheet?.finish()
        sheet = nil
        try PDFPrinter.print(xlsx: workbook, to: path)
    }

    deinit {
        // An abandoned workbook is written out when it goes (libxlsxwriter closes it): let it
        // go first, then remove it.
        sheet = nil
        try? FileManager.default.removeItem(at: workbook)
    }
}
