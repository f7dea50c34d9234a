import Foundation

/// Reads an RFC 4180 CSV file (UTF-8, with or without a byte-order mark; CRLF or LF; quoted
/// fields with `""` for a quote, which may span lines) one record at a time, knowing the line
/// each record starts on. The file is memory-mapped, so large files cost no heap.
struct CSVReader: Sequence {
    /// One record: its fields and the line (1-based) it starts on.
    struct Record {
        var line: Int
        var fields: [String]
    }

    /// A file that is not well-formed CSV.
    struct MalformedCSV: Error {
        var line: Int
        var reason: String
    }

    let bytes: Data

    init(contentsOf file: URL) throws {
        bytes = try Data(contentsOf: file, options: .alwaysMapped)
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
                failure = MalformedCSV(line: start, reason: "a quoted field is not closed")
                return nil
            }
            fields.append(String(decoding: field, as: UTF8.self))
            return Record(line: start, fields: fields)
        }
    }
}
