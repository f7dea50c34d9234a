import DixianCore
import CXLSXWriter
import Foundation

/// An XLSX workbook written by libxlsxwriter. In constant-memory mode each row is written to
/// disk once the next one starts, so a ledger of a million rows takes the memory of one row;
/// rows must then be written top to bottom, which every writer here does.
public final class XLSXWorkbook {
    private let workbook: UnsafeMutablePointer<lxw_workbook>
    private var sheetNames: Set<String> = []
    private var closed = false
    let formats: Formats

    /// The cell formats every sheet uses.
    struct Formats {
        let title, heading, paragraph, header, text, number, signOff: UnsafeMutablePointer<lxw_format>
    }

    /// Starts a workbook at `path` (written when `close()` is called).
    public init(path: String, constantMemory: Bool) throws {
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? UInt8(LXW_TRUE.rawValue) : UInt8(LXW_FALSE.rawValue)
        guard let workbook = workbook_new_opt(path, &options) else {
            throw SheetError(.cannotWriteWorkbook(path: path, reason: "libxlsxwriter"))
        }
        self.workbook = workbook
        func format(_ configure: (UnsafeMutablePointer<lxw_format>) -> Void) -> UnsafeMutablePointer<lxw_format> {
            let format = workbook_add_format(workbook)!
            format_set_font_name(format, "宋体")
            configure(format)
            return format
        }
        formats = Formats(
            title: format {
                format_set_bold($0)
                format_set_font_size($0, 16)
                format_set_align($0, UInt8(LXW_ALIGN_CENTER.rawValue))
                format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
            },
            heading: format {
                format_set_bold($0)
                format_set_font_size($0, 12)
            },
            paragraph: format {
                format_set_text_wrap($0)
                format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            },
            header: format {
                format_set_bold($0)
                format_set_text_wrap($0)
                format_set_align($0, UInt8(LXW_ALIGN_CENTER.rawValue))
                format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
                format_set_border($0, UInt8(LXW_BORDER_THIN.rawValue))
                format_set_bg_color($0, 0xDDEBF7)
            },
            text: format { format_set_border($0, UInt8(LXW_BORDER_THIN.rawValue)) },
            number: format { format_set_border($0, UInt8(LXW_BORDER_THIN.rawValue)) },
            // Not wrapped: a label runs on into the empty cells to its right.
            signOff: format { format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue)) })
    }

    deinit {
        // A workbook abandoned after an error is closed to free it; its file is the caller's to remove.
        if !closed { _ = workbook_close(workbook) }
    }

    /// Adds a sheet named `name` (shortened to Excel's 31 characters, with the characters Excel
    /// refuses replaced, and numbered if the name is taken).
    public func addSheet(named name: String) throws -> XLSXSheet {
        var base = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
        if base.isEmpty { base = "Sheet" }
        var unique = base, number = 2
        while sheetNames.contains(unique) {
            let suffix = "(\(number))"
            unique = String(base.prefix(31 - suffix.count)) + suffix
            number += 1
        }
        sheetNames.insert(unique)
        guard let sheet = workbook_add_worksheet(workbook, unique) else {
            throw SheetError(.cannotAddSheet(unique))
        }
        return XLSXSheet(sheet: sheet, formats: formats)
    }

    /// Writes the file.
    public func close() throws {
        closed = true
        try check(workbook_close(workbook))
    }
}

/// One sheet of an `XLSXWorkbook`, written top to bottom.
public final class XLSXSheet {
    private let sheet: UnsafeMutablePointer<lxw_worksheet>
    private let formats: XLSXWorkbook.Formats
    /// The next row to write (0-based).
    public private(set) var nextRow = 0

    init(sheet: UnsafeMutablePointer<lxw_worksheet>, formats: XLSXWorkbook.Formats) {
        self.sheet = sheet
        self.formats = formats
    }

    /// A title row merged across `width` columns.
    public func writeTitle(_ title: String, width: Int) throws {
        worksheet_set_row(sheet, lxw_row_t(nextRow), 28, nil)
        try writeMerged(title, width: width, format: formats.title)
    }

    /// A section heading in the first column.
    public func writeHeading(_ heading: String) throws {
        try check(worksheet_write_string(sheet, lxw_row_t(nextRow), 0, heading, formats.heading))
        nextRow += 1
    }

    /// A paragraph merged across `width` columns, its row tall enough for the text wrapped.
    public func writeParagraph(_ text: String, width: Double) throws {
        let lines = max(1, Int((Double(text.displayColumns) / max(width, 1)).rounded(.up)))
        worksheet_set_row(sheet, lxw_row_t(nextRow), Double(lines) * 15 + 3, nil)
        try writeMerged(text, width: max(1, columnsSpanned), format: formats.paragraph)
    }

    /// How many columns a paragraph spans: the widest table's, set by `setColumns`.
    private var columnsSpanned = 1

    private func writeMerged(_ text: String, width: Int, format: UnsafeMutablePointer<lxw_format>) throws {
        let row = lxw_row_t(nextRow)
        if width > 1 {
            try check(worksheet_merge_range(sheet, row, 0, row, lxw_col_t(width - 1), text, format))
        } else {
            try check(worksheet_write_string(sheet, row, 0, text, format))
        }
        nextRow += 1
    }

    /// Sets the columns' widths (the widest seen so far wins, for a sheet of several tables).
    public func setColumns(_ columns: [SheetColumn]) {
        var total = 0.0
        for (index, column) in columns.enumerated() {
            worksheet_set_column(sheet, lxw_col_t(index), lxw_col_t(index), column.displayWidth, nil)
            total += column.displayWidth
        }
        columnWidths = columns.map(\.displayWidth)
        columnsSpanned = max(columnsSpanned, columns.count)
        columnsWidth = max(columnsWidth, total)
    }

    /// The width of the widest table's columns, in characters.
    private var columnsWidth = 0.0
    /// The width of each column, as last set.
    private var columnWidths: [Double] = []

    /// Sets the sheet up to be printed and handed in: on A4, turned as `printing` says (by the
    /// width of its columns when it does not say), scaled to the page's width (as many pages
    /// down as it takes), centred, with `footer` (`&P` the page, `&N` the pages) at the foot of
    /// each page, and rows `repeating` (a table's title and header, 0-based) on top of every
    /// page after the one they are first on. Call it once the columns are set.
    public func setUpPrinting(_ printing: PrintSetup, footer: String, repeating rows: ClosedRange<Int>? = nil) {
        worksheet_set_paper(sheet, 9)  // A4
        switch printing.orientation(forWidth: columnsWidth) {
        case .landscape: worksheet_set_landscape(sheet)
        case .portrait: worksheet_set_portrait(sheet)
        }
        worksheet_fit_to_pages(sheet, 1, 0)
        worksheet_center_horizontally(sheet)
        worksheet_set_footer(sheet, footer)
        if let rows { worksheet_repeat_rows(sheet, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)) }
    }

    /// Writes the header rows of `columns`, merging each upper header over the columns under it
    /// and each column's own header down to the last header row. With `freeze`, the rows above
    /// the data stay in view while scrolling.
    ///
    /// In constant-memory mode a row is flushed when a later one is written, so the merges go in
    /// an order that never writes behind: each row's cells, then that row's horizontal merges,
    /// and the vertical merges last (they all end on the last header row).
    public func writeHeader(_ columns: [SheetColumn], freeze: Bool) throws {
        let layout = HeaderLayout(columns)
        let top = nextRow
        let heights = Self.headerHeights(layout, columns)
        for row in 0..<layout.depth {
            // Set before the row's cells: in constant-memory mode a written row is gone.
            if let height = heights[row] { worksheet_set_row(sheet, lxw_row_t(top + row), height, nil) }
            let cells = layout.cells.filter { $0.firstRow == row }
            var written = Set<Int>()
            for cell in cells {
                for column in cell.firstColumn...cell.lastColumn {
                    written.insert(column)
                    let text = column == cell.firstColumn ? cell.title : ""
                    try check(worksheet_write_string(sheet, lxw_row_t(top + row), lxw_col_t(column), text, formats.header))
                }
            }
            // Cells under a vertical span get the header format too (borders).
            for column in columns.indices where !written.contains(column) {
                try check(worksheet_write_blank(sheet, lxw_row_t(top + row), lxw_col_t(column), formats.header))
            }
            for cell in cells where cell.isMerged && cell.firstRow == cell.lastRow {
                try merge(cell, top: top)
            }
        }
        for cell in layout.cells where cell.firstRow != cell.lastRow {
            try merge(cell, top: top)
        }
        nextRow = top + layout.depth
        if freeze { worksheet_freeze_panes(sheet, lxw_row_t(nextRow), 0) }
    }

    /// The height of each header row that needs more than one line for its titles wrapped in
    /// their columns (a title spanning rows shares its lines among them), nil for one line: so
    /// that no title runs over the row above when printed.
    static func headerHeights(_ layout: HeaderLayout, _ columns: [SheetColumn]) -> [Double?] {
        var lines = [Int](repeating: 1, count: layout.depth)
        for cell in layout.cells {
            let width = (cell.firstColumn...cell.lastColumn).reduce(0.0) { $0 + columns[$1].displayWidth }
            let needed = Int((Double(cell.title.displayColumns) / max(width - 1, 1)).rounded(.up))
            let rows = cell.lastRow - cell.firstRow + 1
            for row in cell.firstRow...cell.lastRow {
                lines[row] = max(lines[row], Int((Double(needed) / Double(rows)).rounded(.up)))
            }
        }
        return lines.map { $0 > 1 ? Double($0) * 15 + 3 : nil }
    }

    private func merge(_ cell: HeaderLayout.Cell, top: Int) throws {
        try check(worksheet_merge_range(sheet, lxw_row_t(top + cell.firstRow), lxw_col_t(cell.firstColumn),
                                        lxw_row_t(top + cell.lastRow), lxw_col_t(cell.lastColumn), cell.title, formats.header))
    }

    /// Writes one data row.
    public func writeRow(_ cells: [SheetCell]) throws {
        let row = lxw_row_t(nextRow)
        for (index, cell) in cells.enumerated() {
            let column = lxw_col_t(index)
            let error: lxw_error
            switch cell {
            case .text(let text): error = worksheet_write_string(sheet, row, column, text.formulaNeutralised, formats.text)
            case .number(let number): error = worksheet_write_number(sheet, row, column, number, formats.number)
            case .empty: error = worksheet_write_blank(sheet, row, column, formats.text)
            }
            try check(error)
        }
        nextRow += 1
    }

    /// Leaves a blank row.
    public func skipRow() { nextRow += 1 }

    /// A sign-off line (填报单位：, 填表人：, 审核人：, 填报日期：), the labels spread evenly
    /// across `width` columns, each followed by room to write in: a label starts no sooner
    /// than the one before it has ended and left room (a narrow table's columns are moved
    /// past, so that no label cuts off the one before it).
    public func writeSignOff(_ labels: [String], width: Int) throws {
        let row = lxw_row_t(nextRow)
        worksheet_set_row(sheet, row, 24, nil)
        var column = 0, room = 0.0  // the label before: its column, and the width it needs
        for (index, label) in labels.enumerated() {
            var start = max(index * max(width, labels.count) / labels.count, column)
            var behind = (column..<start).reduce(0.0) { $0 + self.width(of: $1) }
            while behind < room {
                behind += self.width(of: start)
                start += 1
            }
            try check(worksheet_write_string(sheet, row, lxw_col_t(start), label, formats.signOff))
            column = start
            room = Double(label.displayColumns) + 6
        }
        nextRow += 1
    }

    /// The width of column `index` as set, Excel's default beyond the columns set.
    private func width(of index: Int) -> Double {
        index < columnWidths.count ? columnWidths[index] : 8.43
    }
}

private func check(_ error: lxw_error) throws {
    guard error != LXW_NO_ERROR else { return }
    throw SheetError(.workbookWriter(String(cString: lxw_strerror(error))))
}
