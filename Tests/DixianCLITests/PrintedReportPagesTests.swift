import DixianTestSupport
import Foundation
import Testing

/// A report's HTML page printed from the browser (issue 21), as an official who opens it and
/// prints it gets it: headless Chromium prints it to PDF with no header and footer of its own,
/// and the PDF is A4, turned as the report declares, its pages numbered 第 X 页 共 Y 页 by the
/// page's `@page` margin box, the detail table's header repeated on every page it runs over,
/// no heading or caption left at the foot of a page, every column wide enough for what it holds,
/// and the sign-off line on the last page. One generated county, Bin County's, and two reports:
/// the national asset ledger (landscape, over three pages) and Minqin's monthly (portrait).
@Suite(.serialized)
struct PrintedReportPagesTests {
    let scratch = TemporaryFolder("dixian-printed-html")
    var folder: URL { scratch.url }

    /// The forms of `PrintedFormsTests` printed here, with the pages Chromium prints them on.
    static let printed: [(form: String, pages: Int)] = [("asset-ledger", 3), ("monthly", 1)]

    /// A line of a heading (一、资产总体情况) or of a table's caption (按乡镇) alone.
    static var headingOrCaption: Regex<(Substring, Substring)> { /^\s*([一二三四五六七八九十]+、|按)\S*\s*$/ }

    /// A row of the asset ledger's detail: an asset's village code and date formed, each whole
    /// and on the row's one line, as they are only when the columns are as wide as they need.
    static var assetRow: Regex<Substring> { /\d{12}\s+\d{4}-\d{2}-\d{2}/ }

    @Test func reportPagesPrintFromTheBrowserAsTheyAreHandedIn() async throws {
        let db = try await PrintedFormsTests.generatedCounty("binxian", households: PrintedFormsTests.households["binxian"]!, in: folder)
        for (id, pages) in Self.printed {
            var form = try #require(PrintedFormsTests.forms.first { $0.id == id })
            form.pages = pages
            let html = folder.appendingPathComponent("\(id).html"), pdf = folder.appendingPathComponent("\(id).pdf")
            let written = try await DixianProcess.run([
                "report", id, "--format", "html", "--out", html.path, "--db", db, "--plugins", PrintedFormsTests.plugins,
                "--plugin", form.county, "--as-of", form.asOf,
            ])
            #expect(written.status == 0, "\(id): \(written.errorOutput)")
            let printing = try await Chromium.print(html, to: pdf, profile: folder.appendingPathComponent("chromium"))
            #expect(printing.status == 0, "\(id): \(printing.output)")
            try await PrintedFormsTests.expectPrinted(pdf, form)

            var texts: [String] = []
            for page in 1...pages {
                texts.append(try await Tool.run("/usr/bin/pdftotext", ["-f", "\(page)", "-l", "\(page)", "-layout", pdf.path, "-"]).output)
            }
            for (page, text) in texts.enumerated().dropLast() {
                let lines = text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
                // The last line is the page's footer; the one above it what the page ends with.
                let ending = lines.dropLast().last.map(String.init) ?? ""
                #expect(ending.wholeMatch(of: Self.headingOrCaption) == nil, "\(id): page \(page + 1) ends with \(ending)")
            }
            if id == "asset-ledger" { try expectDetail(texts) }
        }
    }

    /// The asset ledger's detail runs over more than one page, with its header above its rows
    /// on each, and holds every asset the ledger counts, a row each.
    func expectDetail(_ texts: [String]) throws {
        let counted = try #require(texts[0].firstMatch(of: /共登记扶贫项目资产(\d+)个/).map { Int($0.1)! })
        let detailPages = texts.enumerated().filter { $0.element.contains(Self.assetRow) }
        #expect(detailPages.count > 1, "the detail on \(detailPages.count) page(s)")
        for (page, text) in detailPages {
            let header = text.firstRange(of: "资产编号"), firstRow = text.firstRange(of: Self.assetRow)
            #expect(header != nil && header!.lowerBound < firstRow!.lowerBound, "the detail's header above its rows on page \(page + 1)")
        }
        let rows = texts.reduce(0) { $0 + $1.matches(of: Self.assetRow).count }
        #expect(rows == counted, "\(rows) rows of the detail whole for the \(counted) assets counted")
    }
}
