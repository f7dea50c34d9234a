import Foundation

/// Reads an XLSX file with openpyxl, an independent reader (installed from PyPI by
/// `scripts/test` into `.build/python`), so tests check what Excel would open rather than
/// what Dixian's own reader makes of it.
public enum OpenPyXL {
    /// What openpyxl sees in one sheet.
    public struct Sheet: Decodable, Sendable {
        /// The sheet's name.
        public var title: String
        /// The merged ranges, as `A1:A2`, sorted.
        public var merged: [String]
        /// The cell under the frozen panes (`A4` when three rows are frozen), if any.
        public var frozen: String?
        /// Every row's values as text (empty for an empty cell; numbers as Python prints them).
        public var rows: [[String]]
        /// Column widths by letter, where set.
        public var widths: [String: Double]
        /// Row heights by row number (1-based), where set.
        public var heights: [String: Double]
        /// How the sheet prints.
        public var printing: Printing
    }

    /// How a sheet prints, as its page setup says.
    public struct Printing: Decodable, Sendable {
        /// `portrait` or `landscape` (empty when not set).
        public var orientation: String
        /// The paper (9 is A4).
        public var paperSize: Int
        /// Whether it is scaled to fit pages, `fitToWidth` pages across and `fitToHeight` down
        /// (0: as many as it takes).
        public var fitToPage: Bool
        public var fitToWidth: Int
        public var fitToHeight: Int
        /// The rows repeated on every page (`$1:$3`), empty for none.
        public var titleRows: String
        /// The footer's centre text.
        public var footer: String
    }

    /// The Python interpreter with openpyxl.
    public static var python: URL {
        var folder = URL(fileURLWithPath: #filePath)
        while folder.path != "/" {
            folder.deleteLastPathComponent()
            let candidate = folder.appendingPathComponent(".build/python/bin/python3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return URL(fileURLWithPath: "/usr/bin/python3")
    }

    private static var script: String { String(decoding: PackageResources.read_workbook_py, as: UTF8.self) }

    private static var converter: String { String(decoding: PackageResources.csv_to_workbook_py, as: UTF8.self) }

    /// Writes the CSV file `csv` as an XLSX workbook at `xlsx` the way an official's spreadsheet
    /// holds it: dates (`*_on` columns) as Excel dates shown in Chinese, amounts as numbers, and
    /// codes and ID numbers as text. With `date1904`, the workbook counts its dates from 1904,
    /// as Excel for Mac's old workbooks do. With a `title`, it stands in a row of its own above the header.
    public static func workbook(fromCSV csv: URL, to xlsx: URL, date1904: Bool = false, title: String? = nil) throws {
        _ = try run(converter, [csv.path, xlsx.path, date1904 ? "1904" : "1900", title ?? ""])
    }

    private static func run(_ script: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OpenPyXLError(description: "openpyxl failed on \(arguments.first ?? "") (run scripts/test to install it): "
                                + String(decoding: complaint, as: UTF8.self))
        }
        return data
    }

    /// The sheets of the workbook at `url`.
    public static func sheets(of url: URL) throws -> [Sheet] {
        try JSONDecoder().decode([Sheet].self, from: try run(script, [url.path]))
    }
}

/// openpyxl refused a file, or is missing.
public struct OpenPyXLError: Error, CustomStringConvertible {
    /// What it said.
    public var description: String
}
