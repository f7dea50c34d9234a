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

    /// One sheet: the title, then each block in order (a blank row after each table). Tables
    /// keep their merged headers; the widest table sets the column widths.
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
        // A report's tables each have their own header, so no rows repeat on every page.
        sheet.setUpPrinting(footer: language.pageFooter)
        let paragraphWidth = widths.reduce(0) { $0 + $1.displayWidth }
        try sheet.writeTitle(title, width: width)
        for block in blocks {
            switch block {
            case .heading(let heading): try sheet.writeHeading(heading)
            case .paragraph(let text): try sheet.writeParagraph(text, width: paragraphWidth)
            case .table(let table):
                if let title = table.title { try sheet.writeHeading(title) }
                try sheet.writeHeader(table.columns, freeze: false)
                for row in table.rows { try sheet.writeRow(row) }
                sheet.skipRow()
            }
        }
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

    /// A standalone HTML page in Chinese typography, printable; tables keep their merged
    /// headers (rowspan and colspan).
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
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimSun", sans-serif; margin: 2em; line-height: 1.6; }
            h1 { text-align: center; font-size: 1.5em; }
            h2 { font-size: 1.15em; margin-top: 1.5em; }
            table { border-collapse: collapse; margin: 0.5em 0 1em; }
            th, td { border: 1px solid #666; padding: 0.25em 0.5em; }
            th { background: #ddebf7; }
            td.number { text-align: right; }
            caption { font-weight: bold; text-align: left; padding-bottom: 0.25em; }
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
                page += "<table>\n"
                if let title = table.title { page += "<caption>\(escaped(title))</caption>\n" }
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
