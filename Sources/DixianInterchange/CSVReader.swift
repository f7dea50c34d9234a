import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads an RFC 4180 CSV file (CRLF or LF; quoted fields with `""` for a quote, which may span
/// lines) one record at a time, knowing the line each record starts on. The text is UTF-8, with
/// or without a byte-order mark, or GB18030 (what Chinese Excel saves as "CSV"), told apart by
/// whether the file is valid UTF-8; a file valid in neither is refused where it first fails,
/// never read with replacement characters. A UTF-8 file is memory-mapped, so large files cost
/// no heap; a GB18030 file is converted to UTF-8 once.
struct CSVReader: Sequence {
    /// One record: its fields and the line (1-based) it starts on.
    struct Record {
        var line: Int
        var fields: [String]
    }

    /// A file that is not well-formed CSV.
    struct MalformedCSV: Error {
        var line: Int
        var reason: ImportMessage
    }

    /// A file whose text is neither UTF-8 nor GB18030: where it first fails.
    struct UnreadableText: Error {
        /// The line (1-based), and the byte within it (1-based).
        var line: Int, byte: Int
    }

    /// The file's text in UTF-8.
    let bytes: Data

    init(contentsOf file: URL) throws {
        let data = try Data(contentsOf: file, options: .alwaysMapped)
        let scan = data.withUnsafeBytes { Self.scanUTF8($0.bindMemory(to: UInt8.self)) }
        guard let invalid = scan.firstInvalid else {
            bytes = data
            return
        }
        // A byte-order mark says UTF-8, and so does text mostly in valid UTF-8 (a damaged UTF-8
        // file, which read as GB18030 would turn its Chinese into other characters). Otherwise
        // the file may be GB18030, which keeps ASCII as it is, so that lines count the same.
        guard !data.starts(with: [0xEF, 0xBB, 0xBF]), scan.validMultibyte <= scan.invalid else {
            throw Self.unreadable(data, at: invalid)
        }
        do {
            bytes = try Self.utf8(fromGB18030: data)
        } catch let failure as GB18030Failure {
            // Where the file stops being readable in either.
            throw Self.unreadable(data, at: Swift.max(invalid, failure.offset))
        }
    }

    /// The line and byte of offset `offset` of `data`.
    private static func unreadable(_ data: Data, at offset: Int) -> UnreadableText {
        data.withUnsafeBytes { raw in
            let before = raw.bindMemory(to: UInt8.self)[..<offset]
            let lineStart = (before.lastIndex(of: 0x0A) ?? -1) + 1
            return UnreadableText(line: before.count(where: { $0 == 0x0A }) + 1, byte: offset - lineStart + 1)
        }
    }

    /// How `bytes` read as UTF-8: the offset of the first byte that does not begin a valid
    /// sequence (overlong forms, surrogates and values beyond U+10FFFF included; nil if there
    /// is none), how many such bytes there are, and how many valid sequences of more than one byte.
    static func scanUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> (firstInvalid: Int?, invalid: Int, validMultibyte: Int) {
        var index = 0, invalid = 0, multibyte = 0
        var first: Int?
        let count = bytes.count
        func bad() {
            if first == nil { first = index }
            invalid += 1
            index += 1
        }
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: bad(); continue
            }
            guard index + length <= count, (index + 1..<index + length).allSatisfy({ bytes[$0] & 0xC0 == 0x80 }) else { bad(); continue }
            let second = bytes[index + 1]
            if (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F)
                || (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F) {
                bad()
                continue
            }
            multibyte += 1
            index += length
        }
        return (first, invalid, multibyte)
    }

    /// Where a GB18030 conversion stopped: the offset of the first byte it could not take.
    private struct GB18030Failure: Error {
        var offset: Int
    }

    /// `data` read as GB18030, in UTF-8 (through the C library's iconv).
    private static func utf8(fromGB18030 data: Data) throws -> Data {
        let converter = iconv_open("UTF-8", "GB18030")
        guard let converter, converter != iconv_t(bitPattern: -1) else { throw GB18030Failure(offset: 0) }
        defer { iconv_close(converter) }
        // A GB18030 character of one, two or four bytes is one, at most three, or four bytes of
        // UTF-8: at most half as long again.
        var output = Data(count: data.count + data.count / 2 + 4)
        let written = try data.withUnsafeBytes { input -> Int in
            try output.withUnsafeMutableBytes { out -> Int in
                var inPointer = UnsafeMutablePointer(mutating: input.bindMemory(to: CChar.self).baseAddress)
                var inLeft = input.count
                var outPointer = out.bindMemory(to: CChar.self).baseAddress
                var outLeft = out.count
                if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 || inLeft > 0 {
                    throw GB18030Failure(offset: input.count - inLeft)
                }
                return out.count - outLeft
            }
        }
        output.count = written
        return output
    }

    func makeIterator() -> Iterator { Iterator(bytes: bytes) }

    struct Iterator: IteratorProtocol {
        private let bytes: Data
        private var position: Int
        private var line = 1
        /// Set when the file is malformed; iteration then ends.
        private(set) var failure: MalformedCSV?

        init(bytes: Data) {
            self.bytes = bytes
            position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        }

        mutating func next() -> Record? {
            guard failure == nil, position < bytes.count else { return nil }
            return bytes.withUnsafeBytes { raw in
                nextRecord(raw.bindMemory(to: UInt8.self))
            }
        }

        private mutating func nextRecord(_ buffer: UnsafeBufferPointer<UInt8>) -> Record? {
            let start = line
            var fields: [String] = []
            var field: [UInt8] = []
            var quoted = false
            var i = position
            while i < buffer.count {
                let byte = buffer[i]
                if quoted {
                    if byte == 0x22 {  // "
                        if i + 1 < buffer.count && buffer[i + 1] == 0x22 {
                            field.append(0x22)
                            i += 2
                            continue
                        }
                        quoted = false
                    } else {
                        if byte == 0x0A { line += 1 }
                        field.append(byte)
                    }
                    i += 1
                    continue
                }
                switch byte {
                case 0x22 where field.isEmpty:
                    quoted = true
                case 0x2C:  // ,
                    fields.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                case 0x0D where i + 1 < buffer.count && buffer[i + 1] == 0x0A:
                    break
                case 0x0A:
                    fields.append(String(decoding: field, as: UTF8.self))
                    position = i + 1
                    line += 1
                    return Record(line: start, fields: fields)
                default:
                    field.append(byte)
                }
                i += 1
            }
            position = buffer.count
            if quoted {
                failure = MalformedCSV(line: start, reason: .unclosedQuote)
                return nil
            }
            fields.append(String(decoding: field, as: UTF8.self))
            return Record(line: start, fields: fields)
        }
    }
}
