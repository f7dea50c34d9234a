@testable import DixianSheets
import DixianTestSupport
import Foundation
import Testing

/// Seed 002's ledger header, first columns: 户主姓名 alone, 收入状况 over three columns.
private let ledgerColumns = [
    SheetColumn(title: "户主姓名"),
    SheetColumn(title: "家庭年收入", groups: ["收入状况"]),
    SheetColumn(title: "收入主要来源", groups: ["收入状况"]),
    SheetColumn(title: "收入是否稳定", groups: ["收入状况"]),
    SheetColumn(title: "户内共发现问题数（个）"),
]

/// A suite whose tests write files into a folder of their own, removed after each test.
private protocol WritesFiles {
    var scratch: TemporaryFolder { get }
}

extension WritesFiles {
    func temporaryFile(_ name: String) -> URL {
        scratch.url.appendingPathComponent(name)
    }
}

@Suite struct HeaderLayoutTests {
    @Test func groupsMergeAcrossTheirColumnsAndLoneTitlesSpanEveryHeaderRow() {
        let layout = HeaderLayout(ledgerColumns)
        #expect(layout.depth == 2)
        #expect(layout.cells.map { "\($0.title) r\($0.firstRow)-\($0.lastRow) c\($0.firstColumn)-\($0.lastColumn)" } == [
            "户主姓名 r0-1 c0-0", "收入状况 r0-0 c1-3", "户内共发现问题数（个） r0-1 c4-4",
            "家庭年收入 r1-1 c1-1", "收入主要来源 r1-1 c2-2", "收入是否稳定 r1-1 c3-3",
        ])
    }

    @Test func threeLevelsNestGroupsInsideGroups() {
        let layout = HeaderLayout([
            SheetColumn(title: "乡镇"),
            SheetColumn(title: "户数", groups: ["监测对象", "新识别"]),
            SheetColumn(title: "人数", groups: ["监测对象", "新识别"]),
            SheetColumn(title: "户数", groups: ["监测对象", "消除风险"]),
        ])
        #expect(layout.depth == 3)
        #expect(layout.cells.filter(\.isMerged).map(\.title) == ["乡镇", "监测对象", "新识别"])
    }
}

@Suite struct XLSXWorkbookTests: WritesFiles {
    let scratch = TemporaryFolder("dixian-sheets")

    @Test func streamedTableHasMergedHeadersFrozenRowsAndValues() throws {
        let url = temporaryFile("ledger.xlsx")
        let sink = try SheetFormat.xlsx.openTable(at: url, title: "大排查入户排查台账", columns: ledgerColumns, language: .chinese)
        try sink.append([.text("张三"), .number(31200), .text("工资性收入"), .empty, .number(2)])
        try sink.append([.text("李四"), .number(8000.5), .text("转移性收入"), .text("否"), .number(0)])
        try sink.finish()

        let sheet = try #require(try OpenPyXL.sheets(of: url).first)
        #expect(sheet.title == "大排查入户排查台账")
        #expect(sheet.merged == ["A1:E1", "A2:A3", "B2:D2", "E2:E3"])
        #expect(sheet.frozen == "A4")
        #expect(sheet.rows[0][0] == "大排查入户排查台账")
        #expect(sheet.rows[1] == ["户主姓名", "收入状况", "", "", "户内共发现问题数（个）"])
        #expect(sheet.rows[2] == ["", "家庭年收入", "收入主要来源", "收入是否稳定", ""])
        #expect(sheet.rows[3] == ["张三", "31200", "工资性收入", "", "2"])
        #expect(sheet.rows[4] == ["李四", "8000.5", "转移性收入", "否", "0"])
        #expect(sheet.widths["A"] != nil)
        // Printed on A4, as wide as the page, the title and header on every page, pages numbered.
        #expect(sheet.printing.paperSize == 9 && sheet.printing.orientation == "portrait")
        #expect(sheet.printing.fitToPage && sheet.printing.fitToWidth == 1 && sheet.printing.fitToHeight == 0)
        #expect(sheet.printing.titleRows == "$1:$3")
        #expect(sheet.printing.footer == "第 &P 页 共 &N 页")
    }

    /// A table wider than a portrait page prints landscape, and a header row whose titles wrap
    /// is tall enough for them.
    @Test func aWideTablePrintsLandscapeWithHeaderRowsTallEnough() throws {
        let url = temporaryFile("wide.xlsx")
        let columns = (1...14).map { SheetColumn(title: "第\($0)项：家庭成员中因病因残丧失劳动能力情况（人）", width: 10) }
        let sink = try SheetFormat.xlsx.openTable(at: url, title: "宽表", columns: columns, language: .english)
        try sink.append(columns.map { _ in .number(1) })
        try sink.finish()
        let sheet = try #require(try OpenPyXL.sheets(of: url).first)
        #expect(sheet.printing.orientation == "landscape")
        #expect(sheet.printing.footer == "Page &P of &N")
        #expect((sheet.heights["2"] ?? 0) >= 45, "\(sheet.heights)")
    }

    @Test func documentPutsHeadingsParagraphsAndTablesOnOneSheet() throws {
        let url = temporaryFile("report.xlsx")
        let document = SheetDocument(title: "自查报告", blocks: [
            .heading("一、开展情况"),
            .paragraph("共排查农户120户。"),
            .table(SheetTable(title: "分乡镇情况", columns: ledgerColumns.prefix(3).map { $0 },
                              rows: [[.text("龙城镇"), .number(12), .number(3)]])),
        ], language: .chinese)
        try document.write(to: url, as: .xlsx)
        let sheet = try #require(try OpenPyXL.sheets(of: url).first)
        #expect(sheet.rows.map { $0.first ?? "" }.prefix(7) == ["自查报告", "一、开展情况", "共排查农户120户。", "分乡镇情况", "户主姓名", "", "龙城镇"])
        #expect(sheet.merged.contains("B5:C5"))
        // The last table's title and header repeat on the pages it runs over.
        #expect(sheet.printing.fitToPage && sheet.printing.fitToWidth == 1 && sheet.printing.titleRows == "$4:$6")
        #expect(sheet.printing.footer == "第 &P 页 共 &N 页")
    }

    /// A declared orientation wins over the width of the columns.
    @Test func aDeclaredOrientationIsPrinted() throws {
        let url = temporaryFile("narrow.xlsx")
        let sink = try SheetFormat.xlsx.openTable(at: url, title: "窄表", columns: ledgerColumns, language: .chinese,
                                                  printing: PrintSetup(orientation: .landscape))
        try sink.finish()
        #expect(try #require(try OpenPyXL.sheets(of: url).first).printing.orientation == "landscape")
    }

    /// A report ends with its sign-off line and repeats its last table's title and header on the
    /// pages that table runs over; printed from HTML, its pages are turned and numbered the
    /// same way, each table's columns in the proportions of their widths.
    @Test func aReportPrintsItsSignOffLineAndItsLastTablesHeader() throws {
        let document = SheetDocument(title: "资产台账", blocks: [
            .heading("一、总体情况"),
            .table(SheetTable(title: "按乡镇", columns: [SheetColumn(title: "乡镇"), SheetColumn(title: "资产个数")],
                              rows: [[.text("龙城镇"), .number(2)]])),
            .heading("二、资产明细"),
            .table(SheetTable(title: "明细", columns: ledgerColumns, rows: (1...3).map { _ in ledgerColumns.map { _ in .number(1) } })),
        ], language: .chinese, printing: PrintSetup(orientation: .landscape, signOff: ["填表人：", "审核人："]))
        let url = temporaryFile("ledger-report.xlsx")
        try document.write(to: url, as: .xlsx)
        let sheet = try #require(try OpenPyXL.sheets(of: url).first)
        // Title 1, heading 2, 按乡镇 3, header 4, row 5, blank 6, heading 7, 明细 8, header 9-10, rows 11-13, blank 14.
        #expect(sheet.printing.titleRows == "$8:$10" && sheet.printing.orientation == "landscape")
        #expect(sheet.rows.count == 15 && sheet.rows[14].filter { !$0.isEmpty } == ["填表人：", "审核人："], "\(sheet.rows)")

        let html = document.html
        #expect(html.contains("@page { size: A4 landscape;") && html.contains(#"content: "第 " counter(page) " 页 共 " counter(pages) " 页""#))
        #expect(html.contains(#"<p class="sign-off"><span>填表人：</span><span>审核人：</span></p>"#))
        // 乡镇 8 characters wide, 资产个数 10.
        #expect(html.contains("<colgroup><col style=\"width: 44.4%\"><col style=\"width: 55.6%\"></colgroup>"), "\(html)")
    }

    @Test func readerReadsBackWhatTheWriterWrote() throws {
        let url = temporaryFile("households.xlsx")
        let sink = try SheetFormat.xlsx.openTable(at: url, title: "households", columns: [
            SheetColumn(title: "number"), SheetColumn(title: "head_name"), SheetColumn(title: "note"),
        ], language: .english)
        try sink.append([.text("6206211002010001"), .text("张三 & <李>"), .empty])
        try sink.append([.text("6206211002010002"), .number(42), .text("第二行")])
        try sink.finish()
        let rows = try XLSXReader(url: url).rows()
        #expect(rows.map(\.number) == [1, 2, 3, 4])
        #expect(rows[1].cells == ["number", "head_name", "note"])
        #expect(rows[2].cells == ["6206211002010001", "张三 & <李>"])
        #expect(rows[3].cells == ["6206211002010002", "42", "第二行"])
    }

    @Test func excelSerialDatesReadAsISODates() {
        #expect(XLSXReader.isoDate(45573) == "2024-10-08")
        #expect(XLSXReader.isoDate(36526) == "2000-01-01")
        #expect(XLSXReader.isoDate(44111, date1904: true) == "2024-10-08")
        #expect(XLSXReader.isoDate(0, date1904: true) == "1904-01-01")
        #expect(XLSXReader.isoDate(0) == nil && XLSXReader.isoDate(.nan) == nil && XLSXReader.isoDate(2_958_466) == nil)
    }

    @Test func aFileThatIsNotAWorkbookIsRefusedByName() throws {
        let url = temporaryFile("warnings.xlsx")
        try Data("户主,身份证号\n".utf8).write(to: url)
        #expect(throws: SheetError.self) { try XLSXReader(url: url).rows() }
    }
}

@Suite struct AtomicOutputTests: WritesFiles {
    let scratch = TemporaryFolder("dixian-sheets")

    @Test func aFailedWriteLeavesNothingAtThePathAndKeepsTheOldFile() throws {
        let url = temporaryFile("report.html")
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try AtomicOutput.write(to: url) { temporary in
                try Data("half".utf8).write(to: temporary)
                throw Refused()
            }
        }
        #expect(!FileManager.default.fileExists(atPath: url.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path).isEmpty)
        try Data("old".utf8).write(to: url)
        _ = try? AtomicOutput.write(to: url) { _ in throw Refused() }
        #expect(try String(contentsOf: url, encoding: .utf8) == "old")
    }
}
