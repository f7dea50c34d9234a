import DixianTestSupport
import DixianSheets
import Foundation
import Testing
import ZIPFoundation

/// A workbook that inflates to far more than its size (a "zip bomb") is refused as soon as a
/// part is larger than the limit, before more of it is read, naming the part.
struct ZipBombTests {
    /// A workbook whose `bomb` part inflates to `size` bytes of spaces (inside the element the
    /// part needs), the other parts small. With `lying`, the archive declares every size as
    /// 100 bytes, as a crafted file may.
    static func workbook(bomb: String, size: Int, lying: Bool) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-bomb-\(UUID().uuidString).xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        let parts = [
            "xl/workbook.xml": #"<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            "xl/_rels/workbook.xml.rels": #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#,
            "xl/worksheets/sheet1.xml": #"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>"#,
            "xl/sharedStrings.xml": #"<sst><si><t>x</t></si></sst>"#,
        ]
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) where path != bomb {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, count in
                data.subdata(in: Int(position)..<Int(position) + count)
            }
        }
        let head = Data("<sst><si><t>".utf8), tail = Data("</t></si></sst>".utf8)
        let total = head.count + size + tail.count
        try archive.addEntry(with: bomb, type: .file, uncompressedSize: Int64(total), compressionMethod: .deflate,
                             bufferSize: 1 << 20) { position, count in
            let start = Int(position), tailStart = total - tail.count
            var chunk = Data(repeating: 0x20, count: count)
            for at in stride(from: start, to: min(start + count, head.count), by: 1) { chunk[at - start] = head[at] }
            for at in stride(from: max(start, tailStart), to: start + count, by: 1) { chunk[at - start] = tail[at - tailStart] }
            return chunk
        }
        if lying { try declareSmallSizes(url) }
        return url
    }

    /// Rewrites the uncompressed size of every entry, in local headers and the central
    /// directory, as 100 bytes.
    static func declareSmallSizes(_ url: URL) throws {
        var bytes = [UInt8](try Data(contentsOf: url))
        func put(_ value: UInt32, at offset: Int) {
            for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))) }
        }
        var index = 0
        while index + 46 < bytes.count {
            if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 0x03, bytes[index + 3] == 0x04 {
                put(100, at: index + 22)
            } else if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 0x01, bytes[index + 3] == 0x02 {
                put(100, at: index + 24)
            }
            index += 1
        }
        try Data(bytes).write(to: url)
    }

    @Test(arguments: ["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"])
    func aPartDeclaredLargerThanTheLimitIsRefusedBeforeItIsRead(bomb: String) throws {
        let url = try Self.workbook(bomb: bomb, size: 300 << 20, lying: false)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect((try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0) < 2 << 20)
        let (_, spent) = threadCPUTime {
            do {
                _ = try XLSXReader(url: url).rows()
                Issue.record("a workbook inflating to 300 MiB was read")
            } catch let error as SheetError {
                #expect(error.description.hasPrefix("\(bomb) inflates to more than 256 MiB"))
            } catch {
                Issue.record("\(error)")
            }
        }
        #expect(spent < .seconds(10))
    }

    @Test(arguments: ["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"])
    func aPartThatLiesAboutItsSizeIsRefusedOnceItsInflatedBytesPassTheLimit(bomb: String) throws {
        let url = try Self.workbook(bomb: bomb, size: 256 << 20, lying: true)
        defer { try? FileManager.default.removeItem(at: url) }
        let peakBefore = ChildProcess.peakResidentBytesOfThisProcess()
        do {
            _ = try XLSXReader(url: url, limits: .init(partBytes: 4 << 20)).rows()
            Issue.record("a workbook inflating to 256 MiB was read under a limit of 4 MiB")
        } catch let error as SheetError {
            #expect(error.description.hasPrefix("\(bomb) inflates to more than 4 MiB"))
        }
        // Reading the whole part would have held 256 MiB at least (twice that, as text).
        #expect(ChildProcess.peakResidentBytesOfThisProcess() - peakBefore < 128 << 20)
    }

    @Test func aCellBeyondTheLastColumnIsRefusedNotAllocated() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-wide-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let archive = try Archive(url: url, accessMode: .create)
        let sheet = Data(#"<worksheet><sheetData><row r="1"><c r="ZZZZZZZZZZZZZZZZZZ1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>"#.utf8)
        try archive.addEntry(with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(sheet.count), compressionMethod: .deflate) {
            position, count in sheet.subdata(in: Int(position)..<Int(position) + count)
        }
        let workbook = Data(#"<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8)
        try archive.addEntry(with: "xl/workbook.xml", type: .file, uncompressedSize: Int64(workbook.count), compressionMethod: .deflate) {
            position, count in workbook.subdata(in: Int(position)..<Int(position) + count)
        }
        #expect(throws: SheetError.self) { try XLSXReader(url: url).rows() }
    }
}

extension ZipBombTests {
    @Test func aRowNumberPastTheLastRowIsRefusedNotOverflowed() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-rows-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let archive = try Archive(url: url, accessMode: .create)
        let parts = [
            "xl/workbook.xml": #"<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            "xl/worksheets/sheet1.xml": #"<worksheet><sheetData><row r="9223372036854775807"><c t="inlineStr"><is><t>x</t></is></c></row>"#
                + #"<row><c t="inlineStr"><is><t>y</t></is></c></row></sheetData></worksheet>"#,
        ]
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, count in
                data.subdata(in: Int(position)..<Int(position) + count)
            }
        }
        #expect(throws: SheetError.self) { try XLSXReader(url: url).rows() }
    }
}
