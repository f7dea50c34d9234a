import DixianCore
import DixianInterchange
import DixianSQLite
import DixianTestSupport
import Foundation
import Testing

/// The registry and warning imports read XLSX workbooks with the same columns as the CSVs,
/// as officials' spreadsheets hold them (dates as Excel dates, amounts as numbers).
struct SpreadsheetImportTests {
    /// Also when the workbook counts its dates from 1904, which Excel for Mac's old workbooks do
    /// (read as if from 1900, every date would come out four years and a day early), and when
    /// a title stands above the header, as in officials' sheets.
    @Test(arguments: [(false, nil), (true, nil), (false, "民勤县防止返贫监测对象信息表")])
    func workbooksImportLikeTheirCSVs(date1904: Bool, title: String?) async throws {
        let registry = try SQLiteRegistry()
        try await registry.apply(Fixtures.everyKind.map(RegistryChange.insert), as: "test")
        let csv = try ImportExportTests.temporaryDirectory(), xlsx = try ImportExportTests.temporaryDirectory()
        let again = try ImportExportTests.temporaryDirectory()
        defer { for url in [csv, xlsx, again] { try? FileManager.default.removeItem(at: url) } }
        try await RegistryExport.write(from: registry, to: csv, idNumbers: .unmasked(by: "test"))
        for file in try FileManager.default.contentsOfDirectory(at: csv, includingPropertiesForKeys: nil) {
            try OpenPyXL.workbook(fromCSV: file, to: xlsx.appendingPathComponent(
                file.deletingPathExtension().lastPathComponent + ".xlsx"), date1904: date1904, title: title)
        }

        let copy = try SQLiteRegistry()
        let report = try await RegistryImport(path: xlsx).apply(to: copy, as: "import")
        #expect(report.totalRows == Fixtures.everyKind.count)
        #expect(report.rowCounts.map(\.file).prefix(2) == ["places.csv", "households.csv"])  // read as their CSVs, in the layout's order
        try await RegistryExport.write(from: copy, to: again, idNumbers: .unmasked(by: "test"))
        #expect(try ImportExportTests.files(in: again) == ImportExportTests.files(in: csv))
    }

    @Test func aBadRowInAWorkbookIsNamedByFileRowAndColumn() async throws {
        let folder = try ImportExportTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let id = Fixtures.head.residentID.rawValue
        let broken = String(id.dropLast()) + (id.last == "1" ? "2" : "1")
        let csv = folder.appendingPathComponent("source.csv")
        try """
            department,resident_id,received_on,reason
            医保,\(id),2024-10-08,住院自付费用超过1万元
            民政,\(broken),2024-10-09,临时救助
            """.write(to: csv, atomically: true, encoding: .utf8)
        let workbook = folder.appendingPathComponent("医保局推送.xlsx")
        try OpenPyXL.workbook(fromCSV: csv, to: workbook)

        let problem = try #require(throws: ImportRejected.self) { try DepartmentPush.read(workbook) }
        #expect(problem.report.problems.count == 1)
        #expect(problem.report.problems.first?.description.hasPrefix("医保局推送.xlsx:3: resident_id:") == true, "\(problem.report.problems)")

        try """
            department,resident_id,received_on,reason
            医保,\(id),2024-10-08,住院自付费用超过1万元
            """.write(to: csv, atomically: true, encoding: .utf8)
        try OpenPyXL.workbook(fromCSV: csv, to: workbook)
        let warnings = try DepartmentPush.read(workbook)
        #expect(warnings.map(\.line) == [2])
        #expect(warnings.first?.warning.receivedOn == LocalDate(iso: "2024-10-08"))
        #expect(warnings.first?.warning.residentID.rawValue == id)
    }

    @Test func aFileThatIsNotAWorkbookIsAProblemNamedByFile() async throws {
        let folder = try ImportExportTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("number,head_name\n".utf8).write(to: folder.appendingPathComponent("households.xlsx"))
        let report = try await RegistryImport(path: folder).validate(against: try SQLiteRegistry())
        #expect(report.problems.first?.description.hasPrefix("households.xlsx: cannot be read: not an XLSX workbook") == true,
                "\(report.problems)")
    }
}
