import DixianCore
import Foundation

/// Writes CSV the way Dixian's interchange format spells it: UTF-8 with a byte-order mark
/// (without one, Excel reads the Chinese as the local code page), LF line ends, a field quoted only when it holds a comma, a quote or a line break, and
/// a field a spreadsheet would take for a formula neutralised (`String.formulaNeutralised`).
final class CSVWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    /// Creates (or truncates) `file`.
    init(creating file: URL) throws {
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
        handle = try FileHandle(forWritingTo: file)
        buffer.reserveCapacity(1 << 20)
        buffer.append(contentsOf: [0xEF, 0xBB, 0xBF])
    }

    /// Appends one record.
    func write(_ fields: [String]) throws {
        for (index, value) in fields.enumerated() {
            let field = value.formulaNeutralised
            if index > 0 { buffer.append(0x2C) }
            if field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                buffer.append(0x22)
                for byte in field.utf8 {
                    if byte == 0x22 { buffer.append(0x22) }
                    buffer.append(byte)
                }
                buffer.append(0x22)
            } else {
                buffer.append(contentsOf: field.utf8)
            }
        }
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes out what is buffered and closes the file.
    func close() throws {
        try flush()
        try handle.close()
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
