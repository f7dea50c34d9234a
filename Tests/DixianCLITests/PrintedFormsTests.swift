import DixianTestSupport
import Foundation
import Testing

/// Every shipped checklist and report printed as the county office hands it in (issue 21):
/// each XLSX's page setup read back by openpyxl, and each printed to PDF by LibreOffice, its
/// pages counted, turned as its plugin declares, numbered 第 X 页 共 Y 页, the header on every
/// page of a checklist and the sign-off line at the end. One generated county per plugin,
/// shared by its forms; LibreOffice takes seconds a file, so this is the one test printing
/// every form.
@Suite(.serialized)
struct PrintedFormsTests {
    let scratch = TemporaryFolder("dixian-printed")
    var folder: URL { scratch.url }
    static let plugins = RegistryCommandTests.plugins

    /// One shipped form and what its printout of the fixture county looks like.
    struct Form: CustomTestStringConvertible {
        enum Kind: String { case checklist, report }
        var kind: Kind
        var county: String
        var id: String
        var asOf: String
        var orientation: String
        /// Pages of the PDF of the fixture county.
        var pages: Int
        /// The rows repeated on every page (the checklist's title and header; a report's last table's).
        var titleRows: String
        /// Text of the header found on every page (a checklist's), or on the first page only (a report's).
        var header: String
        var testDescription: String { "\(kind) \(id)" }
    }

    /// The counties, generated with seed 11: Xiao County with the 870 households the issue
    /// asks its ledger to fit, the others with 300; Yanchi through the county's own plugin,
    /// which enters the monitoring line after 2020 that no public source gives.
    static let households = ["xiaoxian": 870, "minqin": 300, "binxian": 300, "yanchi": 300]

    static let forms: [Form] = [
        Form(kind: .checklist, county: "xiaoxian", id: "household-ledger", asOf: "2024-12-20", orientation: "landscape",
             pages: 12, titleRows: "$1:$3", header: "户主姓名"),
        Form(kind: .checklist, county: "minqin", id: "six-musts-visit-list", asOf: "2024-06-30", orientation: "landscape",
             pages: 2, titleRows: "$1:$3", header: "帮扶责任人"),
        Form(kind: .checklist, county: "binxian", id: "income-risk-points", asOf: "2024-06-30", orientation: "landscape",
             pages: 1, titleRows: "$1:$3", header: "种养业经营"),
        Form(kind: .checklist, county: "yanchi", id: "four-checks-ledger", asOf: "2024-06-30", orientation: "landscape",
             pages: 1, titleRows: "$1:$3", header: "查漏补缺"),
        Form(kind: .report, county: "xiaoxian", id: "self-inspection", asOf: "2024-12-26", orientation: "portrait",
             pages: 1, titleRows: "$37:$39", header: "一、大排查开展情况"),
        Form(kind: .report, county: "minqin", id: "monthly", asOf: "2024-06-30", orientation: "portrait",
             pages: 1, titleRows: "$39:$39", header: "一、总体情况"),
        Form(kind: .report, county: "binxian", id: "asset-ledger", asOf: "2024-06-30", orientation: "landscape",
             pages: 2, titleRows: "$36:$37", header: "一、资产总体情况"),
        Form(kind: .report, county: "yanchi", id: "four-checks-summary", asOf: "2024-06-30", orientation: "portrait",
             pages: 1, titleRows: "$18:$18", header: "查漏补缺"),
    ]

    static let signOff = ["填报单位（盖章）：", "填表人：", "审核人：", "填报日期："]

    @Test func everyShippedFormPrintsAsItIsHandedIn() async throws {
        let entered = try Self.enteredYanchi(in: folder)
        var databases: [String: String] = [:]
        for (county, households) in Self.households {
            databases[county] = try await Self.generatedCounty(county, households: households, in: folder)
        }
        for form in Self.forms {
            let options = ["--db", databases[form.county]!, "--plugins", entered, "--plugins", Self.plugins,
                           "--plugin", form.county == "yanchi" ? "yanchi-county" : form.county, "--as-of", form.asOf]
            let xlsx = folder.appendingPathComponent("\(form.id).xlsx"), pdf = folder.appendingPathComponent("\(form.id).pdf")
            for out in [xlsx, pdf] {
                let written = try await DixianProcess.run([form.kind.rawValue, form.id, "--format", out.pathExtension, "--out", out.path] + options)
                #expect(written.status == 0, "\(form.id) \(out.pathExtension): \(written.errorOutput)")
            }
            try expectPageSetup(of: xlsx, form)
            try await Self.expectPrinted(pdf, form)
        }
    }

    /// A4, turned as declared, fitted to the page's width, the header repeated, pages numbered,
    /// and the sign-off line the last of the sheet.
    func expectPageSetup(of xlsx: URL, _ form: Form) throws {
        let sheet = try #require(try OpenPyXL.sheets(of: xlsx).first)
        let printing = sheet.printing
        #expect(printing.paperSize == 9 && printing.orientation == form.orientation, "\(form.id): \(printing)")
        #expect(printing.fitToPage && printing.fitToWidth == 1 && printing.fitToHeight == 0, "\(form.id): \(printing)")
        #expect(printing.titleRows == form.titleRows, "\(form.id)")
        #expect(printing.footer == "第 &P 页 共 &N 页", "\(form.id)")
        let last = try #require(sheet.rows.last { row in row.contains { !$0.isEmpty } })
        #expect(last.filter { !$0.isEmpty } == Self.signOff, "\(form.id): \(last)")
    }

    /// The PDF `pdf` of `form`: A4, turned as declared, `form.pages` pages each numbered 第 X 页 共 Y 页,
    /// the header where `form` says and the whole sign-off line on the last page.
    static func expectPrinted(_ pdf: URL, _ form: Form) async throws {
        let info = try await Tool.run("/usr/bin/pdfinfo", [pdf.path])
        let pages = try #require(info.output.firstMatch(of: /Pages:\s+(\d+)/).map { Int($0.1)! })
        let size = try #require(info.output.firstMatch(of: /Page size:\s+([\d.]+) x ([\d.]+) pts \(A4\)/).map { (Double($0.1)!, Double($0.2)!) },
                                "\(form.id): A4")
        #expect(pages == form.pages, "\(form.id): \(pages) pages")
        #expect((size.0 > size.1) == (form.orientation == "landscape"), "\(form.id): \(size)")
        for page in 1...pages {
            let text = try await Tool.run("/usr/bin/pdftotext", ["-f", "\(page)", "-l", "\(page)", "-layout", pdf.path, "-"])
            // The page's lines without their spaces: pdftotext drops those between the footer's words.
            let squeezed = text.output.filter { $0 != " " }
            #expect(squeezed.contains("第\(page)页共\(pages)页"), "\(form.id): page \(page)'s footer")
            if form.kind == .checklist || page == 1 {
                #expect(text.output.contains(form.header), "\(form.id): the header on page \(page)")
            }
            if page == pages {
                #expect(squeezed.contains(Self.signOff.joined()), "\(form.id): the whole sign-off line on the last page")
            }
        }
    }

    /// County `county` generated with seed 11 and imported into a database in `folder`: its path.
    static func generatedCounty(_ county: String, households: Int, in folder: URL) async throws -> String {
        let files = folder.appendingPathComponent(county), db = folder.appendingPathComponent("\(county).sqlite").path
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let generated = try await DixianProcess.run([
            "generate", "--county", county, "--households", String(households), "--seed", "11", "--out", files.path,
            "--plugins", Self.plugins,
        ])
        #expect(generated.status == 0, "\(generated.errorOutput)")
        let imported = try await DixianProcess.run(["import", files.path, "--db", db])
        #expect(imported.status == 0, "\(imported.errorOutput)")
        return db
    }

    /// Yanchi's line after 2020 is the county's to enter (no public source gives it): a county
    /// that has entered it, as the plugin asks, in a plugin `yanchi-county` of its own extending
    /// Yanchi, in a folder under `folder`: the folder to pass to --plugins.
    static func enteredYanchi(in folder: URL) throws -> String {
        let entered = folder.appendingPathComponent("entered/yanchi-county")
        try FileManager.default.createDirectory(at: entered, withIntermediateDirectories: true)
        try "return { id = 'yanchi-county', name = '盐池县', api = 1, version = '1', areas = { '640323' }, extends = 'yanchi' }"
            .write(to: entered.appendingPathComponent("plugin.lua"), atomically: true, encoding: .utf8)
        try """
            dixian.parameter('monitoring_line', { override = true, title = '监测标准', unit = '元', values = {
              { from = '2019-01-01', value = 5000 }, { from = '2024-01-01', value = 7000, source = '测试：县里录入的数值' } } })
            """.write(to: entered.appendingPathComponent("parameters.lua"), atomically: true, encoding: .utf8)
        return entered.deletingLastPathComponent().path
    }
}
