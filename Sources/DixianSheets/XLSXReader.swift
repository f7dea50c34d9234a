import DixianCore
import Foundation
import ZIPFoundation

/// Reads the first sheet of an XLSX workbook as rows of text, as an official's spreadsheet
/// holds them: shared and inline strings, numbers as written in the file (an 18-digit ID number
/// typed as a number has already lost its last digits there, and reads as such), booleans as
/// TRUE/FALSE, and cells formatted as dates as ISO dates (2024-10-08).
public struct XLSXReader {
    /// One row: its number in the sheet (1-based, as Excel shows it) and its cells from column A.
    public struct Row: Sendable {
        /// The row number.
        public var number: Int
        /// The cells, from column A to the last one with a value.
        public var cells: [String]
    }

    /// How large a workbook may be once unpacked: a few kilobytes of ZIP can inflate to
    /// gigabytes (a "zip bomb"), so every part is refused as soon as it is larger than this,
    /// before more of it is read.
    public struct Limits: Sendable {
        /// The most bytes one part (a sheet, the shared strings) may inflate to: 256 MiB, some
        /// 500,000 rows of an interchange table. A larger table comes as CSV, which is read from
        /// disk as it goes.
        public var partBytes: Int
        /// The most parts (files) the workbook may have.
        public var parts: Int
        /// The most cells (counting the empty ones before a cell of a row) the sheet may have.
        public var cells: Int

        /// Limits of `partBytes`, `parts` and `cells`.
        public init(partBytes: Int = 256 << 20, parts: Int = 10_000, cells: Int = 20_000_000) {
            self.partBytes = partBytes
            self.parts = parts
            self.cells = cells
        }
    }

    /// The most columns a sheet has (Excel's XFD).
    static let maxColumns = 16_384
    /// The most rows a sheet has (Excel's).
    static let maxRows = 1_048_576

    private let archive: Archive
    private let limits: Limits

    /// Opens the workbook at `url`. Errors (`SheetError`) say what is wrong, not which file:
    /// the caller names it.
    public init(url: URL, limits: Limits = Limits()) throws {
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw SheetError(.notAWorkbook("\(error)"))
        }
        self.limits = limits
        var parts = 0
        for _ in archive {
            parts += 1
            guard parts <= limits.parts else { throw SheetError(.tooManyParts(limits.parts)) }
        }
    }

    /// The rows of the first sheet that have a value, in order. The sheet is read as it
    /// inflates, a row at a time, so a large sheet is never held whole as XML.
    public func rows() throws -> [Row] {
        let (path, date1904) = try firstSheet()
        var sheet = SheetScan(strings: try sharedStrings(), dateStyles: try dateStyles(), date1904: date1904, limits: limits)
        try stream(path, required: true, closing: "row") { scanner in try sheet.scan(&scanner) }
        return sheet.rows
    }

    /// The state of reading a sheet's rows, kept from one piece of the sheet to the next.
    private struct SheetScan {
        let strings: [String]
        let dateStyles: Set<Int>
        /// Whether the workbook counts dates from 1904 (Excel for Mac's old default).
        let date1904: Bool
        let limits: Limits
        var rows: [Row] = []
        var cells = 0
        var row: Row?
        var column = 0, type = "", style = 0
        var value: String?

        init(strings: [String], dateStyles: Set<Int>, date1904: Bool, limits: Limits) {
            self.strings = strings
            self.dateStyles = dateStyles
            self.date1904 = date1904
            self.limits = limits
        }

        mutating func scan(_ scanner: inout XMLScanner) throws {
            while let tag = scanner.nextTag() {
                switch tag.name {
                case "row":
                    if tag.isClosing || tag.isEmpty {
                        if let finished = row, finished.cells.contains(where: { !$0.isEmpty }) { rows.append(finished) }
                        row = nil
                        if tag.isEmpty { continue }
                    }
                    if !tag.isClosing {
                        let number = tag.attribute("r").flatMap(Int.init) ?? (rows.last?.number ?? 0) + 1
                        guard (1...XLSXReader.maxRows).contains(number) else {
                            throw SheetError(.rowNumber(number, largest: XLSXReader.maxRows))
                        }
                        row = Row(number: number, cells: [])
                    }
                case "c" where !tag.isClosing:
                    column = tag.attribute("r").map(XLSXReader.columnIndex) ?? (row?.cells.count ?? 0)
                    type = tag.attribute("t") ?? "n"
                    style = tag.attribute("s").flatMap(Int.init) ?? 0
                    value = nil
                    if tag.isEmpty { continue }
                case "v" where !tag.isClosing && !tag.isEmpty:
                    value = XMLScanner.unescaped(scanner.text(until: "v"))
                case "is" where !tag.isClosing && !tag.isEmpty:
                    value = XMLScanner.unescaped(scanner.texts(until: "is"))
                case "c" where tag.isClosing:
                    guard var current = row, let raw = value else { continue }
                    let text: String
                    switch type {
                    case "s": text = Int(raw).flatMap { $0 < strings.count ? strings[$0] : nil } ?? ""
                    case "b": text = raw == "1" ? "TRUE" : "FALSE"
                    case "n" where dateStyles.contains(style):
                        text = Double(raw).flatMap { XLSXReader.isoDate($0, date1904: date1904) } ?? raw
                    default: text = raw
                    }
                    guard column < XLSXReader.maxColumns else {
                        throw SheetError(.beyondLastColumn(row: current.number))
                    }
                    if current.cells.count <= column {
                        cells += column + 1 - current.cells.count
                        guard cells <= limits.cells else { throw SheetError(.tooManyCells(limits.cells)) }
                        current.cells += Array(repeating: "", count: column + 1 - current.cells.count)
                    }
                    current.cells[column] = text
                    row = current
                default: break
                }
            }
        }
    }

    /// Reads part `path` (if it is there, or else it is an error if `required`) as it inflates and hands `scan` a scanner over each piece that ends
    /// with a closing tag of `element` (`</row>`, `</x:row>`), the rest kept for the next
    /// piece: the part is never held whole, only a chunk and the element it cuts through. The
    /// part is refused once its inflated bytes pass `limits.partBytes`.
    private func stream(_ path: String, required: Bool, closing element: String, _ scan: (inout XMLScanner) throws -> Void) throws {
        guard let entry = archive[path] else {
            if required { throw SheetError(.missingPart(path)) }
            return
        }
        let tooLarge = tooLarge(path)
        guard entry.uncompressedSize <= UInt64(limits.partBytes) else { throw tooLarge }
        var pending = Data(), inflated = 0
        let closing = Data((element + ">").utf8)
        _ = try archive.extract(entry, skipCRC32: true) { chunk in
            inflated += chunk.count
            guard inflated <= limits.partBytes else { throw tooLarge }
            pending.append(chunk)
            guard let cut = Self.endOfLastClosingTag(closing, in: pending) else { return }
            var scanner = XMLScanner(pending[pending.startIndex..<cut])
            try scan(&scanner)
            pending = Data(pending[cut...])
        }
        if !pending.isEmpty {
            var scanner = XMLScanner(pending)
            try scan(&scanner)
        }
    }

    /// The index just past the last closing tag `</name>` or `</prefix:name>` in `data`, where
    /// `closing` is `name>`; nil if there is none.
    static func endOfLastClosingTag(_ closing: Data, in data: Data) -> Data.Index? {
        var searchEnd = data.endIndex
        while let found = data.range(of: closing, options: .backwards, in: data.startIndex..<searchEnd) {
            var before = found.lowerBound
            if before > data.startIndex, data[before - 1] == UInt8(ascii: ":") {  // a namespace prefix
                before -= 1
                while before > data.startIndex, Self.isNameByte(data[before - 1]) { before -= 1 }
            }
            if before - data.startIndex >= 2, data[before - 1] == UInt8(ascii: "/"), data[before - 2] == UInt8(ascii: "<") {
                return found.upperBound
            }
            searchEnd = found.lowerBound
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2D
    }

    private func tooLarge(_ path: String) -> SheetError {
        SheetError(.partTooLarge(path, mebibytes: limits.partBytes >> 20))
    }

    private func entry(_ path: String, required: Bool) throws -> Data? {
        guard let entry = archive[path] else {
            if required { throw SheetError(.missingPart(path)) }
            return nil
        }
        // The size the archive declares may be a lie: the inflated bytes are counted as they come.
        let limit = limits.partBytes
        let tooLarge = tooLarge(path)
        guard entry.uncompressedSize <= UInt64(limit) else { throw tooLarge }
        var data = Data()
        data.reserveCapacity(Int(entry.uncompressedSize))
        _ = try archive.extract(entry, skipCRC32: true) { chunk in
            guard data.count + chunk.count <= limit else { throw tooLarge }
            data.append(chunk)
        }
        return data
    }

    /// The path of the first sheet, from the workbook and its relationships.
    /// The part of the workbook's first sheet, and whether the workbook counts dates from 1904
    /// (`<workbookPr date1904="1"/>`).
    private func firstSheet() throws -> (path: String, date1904: Bool) {
        guard let workbook = try entry("xl/workbook.xml", required: true) else { return ("xl/worksheets/sheet1.xml", false) }
        var scanner = XMLScanner(workbook)
        var relation: String?
        var date1904 = false
        while relation == nil, let tag = scanner.nextTag() {
            if tag.name == "workbookPr", let value = tag.attribute("date1904") { date1904 = value == "1" || value == "true" }
            if tag.name == "sheet" { relation = tag.attribute("r:id") }
        }
        guard let relation, let relations = try entry("xl/_rels/workbook.xml.rels", required: false) else {
            return ("xl/worksheets/sheet1.xml", date1904)
        }
        scanner = XMLScanner(relations)
        while let tag = scanner.nextTag() {
            if tag.name == "Relationship", tag.attribute("Id") == relation, let target = tag.attribute("Target") {
                return (target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target, date1904)
            }
        }
        throw SheetError("the workbook's first sheet (\(relation)) has no file")
    }

    /// The shared strings, read as the part inflates, a string at a time.
    private func sharedStrings() throws -> [String] {
        var strings: [String] = []
        try stream("xl/sharedStrings.xml", required: false, closing: "si") { scanner in
            while let tag = scanner.nextTag() {
                guard tag.name == "si" else { continue }
                guard strings.count < limits.cells else { throw SheetError("xl/sharedStrings.xml has more than \(limits.cells) strings") }
                if tag.isEmpty {
                    strings.append("")
                } else if !tag.isClosing {
                    strings.append(XMLScanner.unescaped(scanner.texts(until: "si")))
                }
            }
        }
        return strings
    }

    /// The cell styles that show a number as a date: the built-in date formats, and custom
    /// formats with day or year codes outside quotes and brackets.
    private func dateStyles() throws -> Set<Int> {
        guard let data = try entry("xl/styles.xml", required: false) else { return [] }
        var scanner = XMLScanner(data)
        var custom: [Int: Bool] = [:]
        var styles: Set<Int> = []
        var inCellFormats = false, index = 0
        while let tag = scanner.nextTag() {
            switch tag.name {
            case "numFmt":
                if let id = tag.attribute("numFmtId").flatMap(Int.init), let code = tag.attribute("formatCode") {
                    custom[id] = Self.isDateFormat(XMLScanner.unescaped(code))
                }
            case "cellXfs": inCellFormats = !tag.isClosing && !tag.isEmpty
            case "xf" where inCellFormats && !tag.isClosing:
                let id = tag.attribute("numFmtId").flatMap(Int.init) ?? 0
                if (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
                    || custom[id] == true
                {
                    styles.insert(index)
                }
                index += 1
            default: break
            }
        }
        return styles
    }

    private static func isDateFormat(_ code: String) -> Bool {
        var plain = "", skipping: Character?
        for character in code {
            if let end = skipping {
                if character == end { skipping = nil }
            } else if character == "\"" {
                skipping = "\""
            } else if character == "[" {
                skipping = "]"
            } else {
                plain.append(character)
            }
        }
        return plain.lowercased().contains(where: { $0 == "y" || $0 == "d" })
    }

    /// Column `B` of a cell reference `B12` as 1.
    static func columnIndex(_ reference: String) -> Int {
        var index = 0
        for byte in reference.utf8 {
            guard byte >= 65 && byte <= 90 else { break }
            index = index * 26 + Int(byte - 64)
            if index > maxColumns { return maxColumns }  // beyond XFD: refused by the caller, never overflowing
        }
        return max(index - 1, 0)
    }

    /// An Excel serial date as an ISO date: days since 1899-12-30 in the 1900 date system, or
    /// since 1904-01-01 in the 1904 system; nil for a serial that is no date of either.
    static func isoDate(_ serial: Double, date1904: Bool = false) -> String? {
        // 1900: 1 is 1900-01-01 and 2958465 is 9999-12-31. 1904: 0 is 1904-01-01 and 2957003
        // is 9999-12-31. Other serials (and NaN) are no date.
        let (first, last, offset): (Double, Double, Int) = date1904 ? (0, 2_957_003, 24107) : (1, 2_958_465, 25569)
        guard serial >= first, serial < last + 1 else { return nil }
        return LocalDate(dayNumber: Int(serial.rounded(.down)) - offset).description
    }
}
