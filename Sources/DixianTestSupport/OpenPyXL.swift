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

    private static let converter = """
        import csv, datetime, re, sys, openpyxl
        source, target = sys.argv[1], sys.argv[2]
        book = openpyxl.Workbook()
        sheet = book.active
        with open(source, encoding='utf-8-sig', newline='') as f:
            rows = list(csv.reader(f))
        header = rows[0]
        sheet.append(header)
        number = re.compile(r'^-?(0|[1-9][0-9]{0,11})(\\.[0-9]+)?$')
        for r, row in enumerate(rows[1:], start=2):
            for c, text in enumerate(row, start=1):
                name = header[c - 1]
                cell = sheet.cell(row=r, column=c)
                if text and (name.endswith('_on') or name == 'deadline') and re.match(r'^\\d{4}-\\d{2}-\\d{2}$', text):
                    cell.value = datetime.date.fromisoformat(text)
                    cell.number_format = 'yyyy"年"m"月"d"日"'
                elif number.match(text) and name not in ('number', 'household_number', 'village_code', 'resident_id'):
                    cell.value = float(text) if '.' in text else int(text)
                else:
                    cell.value = text
        book.save(target)
        """

    /// Writes the CSV file `csv` as an XLSX workbook at `xlsx` the way an official's spreadsheet
    /// holds it: dates (`*_on` columns) as Excel dates shown in Chinese, amounts as numbers, and
    /// codes and ID numbers as text.
    public static func workbook(fromCSV csv: URL, to xlsx: URL) throws {
        _ = try run(converter, [csv.path, xlsx.path])
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
