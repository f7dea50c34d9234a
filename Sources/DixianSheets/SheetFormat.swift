/// The file formats tables and documents are written in.
public enum SheetFormat: String, CaseIterable, Sendable {
    /// Excel workbook (libxlsxwriter): merged multi-level headers, widths, frozen header rows.
    case xlsx
    /// UTF-8 CSV with a byte-order mark (so Excel reads the Chinese text); one header row.
    case csv
    /// A standalone HTML page (tables with merged headers), printable.
    case html
    /// Markdown (GitHub tables; upper headers joined with `/`).
    case md
    /// PDF, the XLSX printed by LibreOffice (`PDFPrinter`), as it is handed in.
    case pdf

    /// Whether a table can be streamed in this format row by row (checklists).
    public var streamsTables: Bool { self == .xlsx || self == .csv || self == .pdf }
}
