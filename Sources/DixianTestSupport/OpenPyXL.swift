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

    private static let script = """
        import json, sys, openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        def text(v):
            if v is None: return ''
            if isinstance(v, float) and v.is_integer(): return str(int(v))
            return str(v)
        out = []
        for ws in book.worksheets:
            out.append({
                'title': ws.title,
                'merged': sorted(str(r) for r in ws.merged_cells.ranges),
                'frozen': ws.freeze_panes,
                'rows': [[text(c) for c in row] for row in ws.iter_rows(values_only=True)],
                'widths': {k: d.width for k, d in ws.column_dimensions.items() if d.width},
            })
        json.dump(out, sys.stdout, ensure_ascii=False)
        """

    /// The sheets of the workbook at `url`.
    public static func sheets(of url: URL) throws -> [Sheet] {
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script, url.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OpenPyXLError(description: "openpyxl could not read \(url.lastPathComponent) (run scripts/test to install it): "
                                + String(decoding: complaint, as: UTF8.self))
        }
        return try JSONDecoder().decode([Sheet].self, from: data)
    }
}

/// openpyxl refused a file, or is missing.
public struct OpenPyXLError: Error, CustomStringConvertible {
    /// What it said.
    public var description: String
}
