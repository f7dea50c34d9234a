@testable import DixianSheets
import Foundation
import Testing
import ZIPFoundation

/// Issue 25, item 10: a sheet and its shared strings are read as they inflate, a row (or a
/// string) at a time; pieces cut between rows give the rows a whole reading gives.
struct StreamedSheetTests {
    /// A workbook of `count` rows (a shared string, an inline string with an entity, a number),
    /// its tags with the `x:` prefix when `prefixed`, far larger than one inflated chunk.
    static func workbook(rows count: Int, prefixed: Bool) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-stream-\(UUID().uuidString).xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        let x = prefixed ? "x:" : ""
        var sheet = "<\(x)worksheet><\(x)sheetData>"
        var strings = "<\(x)sst>"
        for index in 1...count {
            strings += "<\(x)si><\(x)t>户主\(index)</\(x)t></\(x)si>"
            sheet += #"<\#(x)row r="\#(index)"><\#(x)c r="A\#(index)" t="s"><\#(x)v>\#(index - 1)</\#(x)v></\#(x)c>"#
                + #"<\#(x)c r="B\#(index)" t="inlineStr"><\#(x)is><\#(x)t>甲&amp;乙\#(index)</\#(x)t></\#(x)is></\#(x)c>"#
                + #"<\#(x)c r="D\#(index)"><\#(x)v>\#(index * 7)</\#(x)v></\#(x)c></\#(x)row>"#
        }
        sheet += #"<\#(x)row r="\#(count + 1)"/></\#(x)sheetData></\#(x)worksheet>"#
        strings += "</\(x)sst>"
        let parts = [
            "xl/workbook.xml": #"<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            "xl/_rels/workbook.xml.rels": #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#,
            "xl/worksheets/sheet1.xml": sheet,
            "xl/sharedStrings.xml": strings,
        ]
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url
    }

    @Test(arguments: [false, true])
    func aSheetReadPieceByPieceGivesEveryRowWhole(prefixed: Bool) throws {
        let url = try Self.workbook(rows: 5000, prefixed: prefixed)
        defer { try? FileManager.default.removeItem(at: url) }
        let rows = try XLSXReader(url: url).rows()
        #expect(rows.count == 5000)
        for (index, row) in rows.enumerated() {
            let number = index + 1
            #expect(row.number == number)
            #expect(row.cells == ["户主\(number)", "甲&乙\(number)", "", "\(number * 7)"], "row \(number)")
            if row.cells != ["户主\(number)", "甲&乙\(number)", "", "\(number * 7)"] { break }
        }
    }

    @Test func theLastClosingTagIsFoundWithOrWithoutAPrefixAndNotInAnOpeningTag() {
        func end(_ text: String, _ name: String) -> Int? {
            XLSXReader.endOfLastClosingTag(Data((name + ">").utf8), in: Data(text.utf8))
        }
        #expect(end("<row><c/></row><row>", "row") == 15)
        #expect(end("<x:row></x:row><x:row>", "row") == 15)
        #expect(end("<row r=\"1\"><c/>", "row") == nil)
        #expect(end("<row>", "row") == nil)
        #expect(end("<si><t>a</t></si><si><t>b", "si") == 17)
    }
}
