import Foundation

extension SheetDocument {
    /// Writes the document at `path` in `format`.
    public func write(to path: URL, as format: SheetFormat) throws {
        switch format {
        case .xlsx: try writeXLSX(to: path)
        case .csv: try writeText(csv, to: path)
        case .html: try writeText(html, to: path)
        case .md: try writeText(markdown, to: path)
        case .pdf:
            let workbook = path.deletingLastPathComponent().appendingPathComponent(".\(path.lastPathComponent).\(UUID().uuidString).xlsx")
            defer { try? FileManager.default.removeItem(at: workbook) }
            try writeXLSX(to: workbook)
            try PDFPrinter.print(xlsx: workbook, to: path)
        }
    }

    private func writeText(_ text: String, to path: URL) throws {
        let output = try BufferedOutput(path: path)
        try output.write(text)
        try output.close()
    }

    /// One sheet: the title, then each block in order (a blank row after each table), then the
    /// sign-off line. Tables keep their merged headers; the widest table sets the column widths.
    /// A sheet repeats one set of rows on its pages, from the page after they first appear:
    /// the last table's title and header, so that a long table ending the report (an asset
    /// ledger's detail) has its header on every page it runs over.
    private func writeXLSX(to path: URL) throws {
        let workbook = try XLSXWorkbook(path: path.path, constantMemory: false)
        let sheet = try workbook.addSheet(named: title)
        let width = max(1, tables.map(\.columns.count).max() ?? 1)
        var widths = [SheetColumn](repeating: SheetColumn(title: ""), count: width)
        for table in tables {
            for (index, column) in table.columns.enumerated() where column.displayWidth > widths[index].displayWidth {
                widths[index] = column
            }
        }
        sheet.setColumns(widths)
        let paragraphWidth = widths.reduce(0) { $0 + $1.displayWidth }
        try sheet.writeTitle(title, width: width)
        var lastHeader: ClosedRange<Int>?
        for block in blocks {
            switch block {
            case .heading(let heading): try sheet.writeHeading(heading)
            case .paragraph(let text): try sheet.writeParagraph(text, width: paragraphWidth)
            case .table(let table):
                let top = sheet.nextRow
                if let title = table.title { try sheet.writeHeading(title) }
                try sheet.writeHeader(table.columns, freeze: false)
                lastHeader = top...(sheet.nextRow - 1)
                for row in table.rows { try sheet.writeRow(row) }
                sheet.skipRow()
            }
        }
        if !printing.signOff.isEmpty { try sheet.writeSignOff(printing.signOff, width: width) }
        sheet.setUpPrinting(PrintSetup(orientation: orientation), footer: language.pageFooter, repeating: lastHeader)
        try workbook.close()
    }

    /// CSV: a byte-order mark, the title, then headings and paragraphs as one-cell rows and
    /// each table with one header row, a blank line after it.
    public var csv: String {
        var text = "\u{FEFF}" + CSVLine([title])
        for block in blocks {
            switch block {
            case .heading(let heading): text += CSVLine([heading])
            case .paragraph(let paragraph): text += CSVLine([paragraph])
            case .table(let table):
                if let title = table.title { text += CSVLine([title]) }
                text += CSVLine(table.columns.map(\.flatTitle))
                for row in table.rows { text += CSVLine(row.map(\.text)) }
                text += "\n"
            }
        }
        return text
    }

    /// Markdown: `#` title, `##` headings, paragraphs, and GitHub tables.
    public var markdown: String {
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
        }
        var text = "# \(title)\n"
        for block in blocks {
            switch block {
            case .heading(let heading): text += "\n## \(heading)\n"
            case .paragraph(let paragraph): text += "\n\(paragraph)\n"
            case .table(let table):
                text += "\n"
                if let title = table.title { text += "**\(escaped(title))**\n\n" }
                text += "| " + table.columns.map { escaped($0.flatTitle) }.joined(separator: " | ") + " |\n"
                text += "|" + table.columns.map { _ in " --- |" }.joined() + "\n"
                for row in table.rows {
                    text += "| " + row.map { escaped($0.text) }.joined(separator: " | ") + " |\n"
                }
            }
        }
        return text
    }

    /// A standalone HTML page in Chinese typography, printable as it is handed in: A4 turned
    /// as the document prints, pages numbered, each table's header on every page it runs over,
    /// headings kept with what follows them, the sign-off line at the end. Tables keep their
    /// merged headers (rowspan and colspan) and their columns' proportions, squeezed to the
    /// page's width when wider (never to a character per line).
    public var html: String {
        func escaped(_ text: String) -> String { text.htmlEscaped }
        var page = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escaped(title))</title>
            <style>
            \(String(decoding: PackageResources.document_css, as: UTF8.self))\
            @page { size: A4 \(orientation.rawValue); margin: 1.5cm 1.2cm; @bottom-center { content: \(language.cssPageFooter); font-size: 9pt; } }
            </style>
            </head>
            <body>
            <h1>\(escaped(title))</h1>

            """
        for block in blocks {
            switch block {
            case .heading(let heading): page += "<h2>\(escaped(heading))</h2>\n"
            case .paragraph(let paragraph): page += "<p>\(escaped(paragraph))</p>\n"
            case .table(let table):
                // A column's width in characters counts a Chinese character as two: half an em each.
                let widths = table.columns.map(\.displayWidth), total = max(widths.reduce(0, +), 1)
                let ems = total / 2 + 0.7 * Double(widths.count)
                page += "<table style=\"width: min(100%, \(Int(ems.rounded(.up)))em)\">\n"
                if let title = table.title { page += "<caption>\(escaped(title))</caption>\n" }
                page += "<colgroup>" + widths.map { "<col style=\"width: \(String(format: "%.1f", $0 * 100 / total))%\">" }.joined()
                    + "</colgroup>\n"
                let layout = HeaderLayout(table.columns)
                page += "<thead>\n"
                for row in 0..<layout.depth {
                    page += "<tr>"
                    for cell in layout.cells where cell.firstRow == row {
                        let rows = cell.lastRow - cell.firstRow + 1, columns = cell.lastColumn - cell.firstColumn + 1
                        page += "<th" + (rows > 1 ? " rowspan=\"\(rows)\"" : "") + (columns > 1 ? " colspan=\"\(columns)\"" : "")
                            + ">\(escaped(cell.title))</th>"
                    }
                    page += "</tr>\n"
                }
                page += "</thead>\n<tbody>\n"
                for row in table.rows {
                    page += "<tr>"
                    for cell in row {
                        if case .number = cell { page += "<td class=\"number\">" } else { page += "<td>" }
                        page += escaped(cell.text) + "</td>"
                    }
                    page += "</tr>\n"
                }
                page += "</tbody>\n</table>\n"
            }
        }
        if !printing.signOff.isEmpty {
            page += "<p class=\"sign-off\">" + printing.signOff.map { "<span>\(escaped($0))</span>" }.joined() + "</p>\n"
        }
        return page + "</body>\n</html>\n"
    }
}

extension String {
    /// The text with `&`, `<`, `>`, `"` and `'` written as HTML entities.
    public var htmlEscaped: String {
        var out = ""
        for character in self {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
