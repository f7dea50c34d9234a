import DixianCore
/// One column of a table: the header officials read, under the upper headers it sits in.
public struct SheetColumn: Hashable, Sendable {
    /// The column's own header (the lowest header row).
    public var title: String
    /// The upper headers it sits under, outermost first (`["收入状况"]` for 家庭年收入 in
    /// seed 002's ledger); empty for a column whose header spans every header row.
    public var groups: [String]
    /// Its width in characters, if the table says; otherwise one is chosen from the header.
    public var width: Double?

    /// A column.
    public init(title: String, groups: [String] = [], width: Double? = nil) {
        self.title = title
        self.groups = groups
        self.width = width
    }

    /// The width to draw it at: the given one, or enough for a short header on one line and a
    /// long one in up to three (a form's long questions, 如果现有住房不安全，是否有其他安全住房,
    /// head columns answered 是 or 否: wider ones would shrink the whole form on its page).
    public var displayWidth: Double {
        if let width { return width }
        let header = Double(title.displayColumns)
        return min(max(header <= 12 ? header + 2 : header / 3 + 2, 8), 40)
    }

    /// The header as one line: the groups and the title joined by `/` (CSV and Markdown,
    /// which cannot merge cells).
    public var flatTitle: String { (groups + [title]).joined(separator: "/") }
}

/// A cell's value.
public enum SheetCell: Hashable, Sendable {
    /// Text.
    case text(String)
    /// A number (kept as a number in XLSX, so officials can sum a column).
    case number(Double)
    /// Nothing: a cell left for the visitor to fill in.
    case empty

    /// The cell as text: integers without a decimal point, other numbers as Swift prints them.
    public var text: String {
        switch self {
        case .text(let text): text
        case .number(let number):
            number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .empty: ""
        }
    }
}

/// A table: a title, columns under multi-level headers, and rows.
public struct SheetTable: Hashable, Sendable {
    /// Its title, printed above it.
    public var title: String?
    /// The columns.
    public var columns: [SheetColumn]
    /// The rows, each with one cell per column.
    public var rows: [[SheetCell]]

    /// A table.
    public init(title: String? = nil, columns: [SheetColumn], rows: [[SheetCell]] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}

/// A document: a report's title and its blocks in order.
public struct SheetDocument: Hashable, Sendable {
    /// One block of a document.
    public enum Block: Hashable, Sendable {
        /// A section heading.
        case heading(String)
        /// A paragraph of text.
        case paragraph(String)
        /// A table.
        case table(SheetTable)
    }

    /// The document's title.
    public var title: String
    /// Its blocks.
    public var blocks: [Block]
    /// The language its printed pages are numbered in.
    public var language: Language
    /// How it is printed: its orientation and the sign-off line at its end.
    public var printing: PrintSetup

    /// A document.
    public init(title: String, blocks: [Block], language: Language, printing: PrintSetup = PrintSetup()) {
        self.title = title
        self.blocks = blocks
        self.language = language
        self.printing = printing
    }

    /// Its tables, in order.
    public var tables: [SheetTable] {
        blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    }

    /// The orientation it prints in: the declared one, or by the width of its widest table.
    public var orientation: PrintSetup.Orientation {
        printing.orientation(forWidth: tables.map { $0.columns.reduce(0) { $0 + $1.displayWidth } }.max() ?? 0)
    }
}

extension String {
    /// How many columns the text takes in a fixed-width display: CJK and other wide characters
    /// count two, the rest one (what aligns Chinese text in a terminal, or sizes a column).
    public var displayColumns: Int {
        unicodeScalars.reduce(0) { $0 + ($1.isWide ? 2 : 1) }
    }
}

extension Unicode.Scalar {
    /// East Asian wide and fullwidth characters (the ranges that matter for Chinese text).
    var isWide: Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default: false
        }
    }
}
