import DixianCore
import Foundation
import NIOCore
import PostgresNIO

/// Where a layout's fields are among the fields of a view query's records: field 0 is the
/// household number, the layout's stored fields follow in layout order.
struct ViewColumns: Sendable {
    /// The column of each layout field, -1 for one the table does not store.
    let columns: [Int]
    /// The layout position of the household number (the household's own `number`), or -1.
    let household: Int

    init(_ layout: RecordLayout) {
        var next = 1
        columns = layout.fields.map { field in
            guard field.isStored else { return -1 }
            defer { next += 1 }
            return next
        }
        household = layout.position(of: layout.table == "household" ? "number" : "household_number") ?? -1
    }
}

/// One row of a view query as PostgreSQL sent it: a single cell, the `ROW(...)` of the record's
/// columns in its binary format (a count of fields, then each field's type, length and bytes),
/// so that numbers, flags and dates are never turned into text on either side, and the client
/// handles one cell a record rather than one a field.
struct BinaryCells {
    /// The row's one cell.
    private var bytes = ByteBuffer()
    /// Where each field's bytes start in `bytes` (from its reader index), -1 for NULL; and how
    /// many there are. Kept from row to row to spare an allocation each.
    private var starts: [Int32] = [], lengths: [Int32] = []
    /// Each field's type.
    private(set) var types: [PostgresDataType] = []

    /// Stands on the record in `cell`, or throws if it is not one in the binary format.
    mutating func load(_ cell: ByteBuffer?) throws(FieldError) {
        guard let cell else { throw FieldError(column: "", reason: "is a row with no record") }
        bytes = cell
        starts.removeAll(keepingCapacity: true)
        lengths.removeAll(keepingCapacity: true)
        types.removeAll(keepingCapacity: true)
        let complete = cell.withUnsafeReadableBytes { raw -> Bool in
            var offset = 4
            guard raw.count >= 4 else { return false }
            let count = Int(Int32(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: Int32.self)))
            for _ in 0..<max(0, count) {
                guard offset + 8 <= raw.count else { return false }
                let type = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                let length = Int32(bigEndian: raw.loadUnaligned(fromByteOffset: offset + 4, as: Int32.self))
                offset += 8
                types.append(PostgresDataType(type))
                starts.append(length < 0 ? -1 : Int32(offset))
                lengths.append(max(0, length))
                offset += Int(max(0, length))
                guard offset <= raw.count else { return false }
            }
            return true
        }
        guard complete else { throw FieldError(column: "", reason: "is a record PostgreSQL sent cut short") }
    }

    /// Where field `column`'s bytes are in `bytes` and how many, nil for NULL.
    @inline(__always)
    private func place(_ column: Int) -> (at: Int, length: Int)? {
        guard column < starts.count, starts[column] >= 0 else { return nil }
        return (bytes.readerIndex + Int(starts[column]), Int(lengths[column]))
    }

    /// The whole number of `T` at `place`, if the field is exactly that long.
    @inline(__always)
    private func fixed<T: FixedWidthInteger>(_ place: (at: Int, length: Int), _: T.Type) -> T? {
        place.length == MemoryLayout<T>.size ? bytes.getInteger(at: place.at, as: T.self) : nil
    }

    /// Field `column`'s text (a number, flag or date as PostgreSQL writes it), nil for NULL.
    func text(_ column: Int) throws(FieldError) -> String? {
        guard let place = place(column) else { return nil }
        switch types[column] {
        case .text, .varchar, .bpchar, .name: return bytes.getString(at: place.at, length: place.length)
        case .int2, .int4, .int8: return try integer(column).map { String($0) }
        case .bool: return try flag(column).map { $0 ? "true" : "false" }
        case .date: return try date(column)?.description
        default: throw Self.unreadable(types[column])
        }
    }

    /// Field `column`'s whole number (or the whole number its text holds), nil for NULL.
    func integer(_ column: Int) throws(FieldError) -> Int64? {
        guard let place = place(column) else { return nil }
        let value: Int64? = switch types[column] {
        case .int8: fixed(place, Int64.self)
        case .int4: fixed(place, Int32.self).map(Int64.init)
        case .int2: fixed(place, Int16.self).map(Int64.init)
        case .text, .varchar: bytes.getString(at: place.at, length: place.length).flatMap { Int64($0) }
        default: throw Self.unreadable(types[column])
        }
        guard let value else {
            throw FieldError(column: "", reason: "holds '\(bytes.getString(at: place.at, length: place.length) ?? "")', not a whole number")
        }
        return value
    }

    /// Field `column`'s flag, nil for NULL.
    func flag(_ column: Int) throws(FieldError) -> Bool? {
        guard let place = place(column) else { return nil }
        guard types[column] == .bool else { throw Self.unreadable(types[column]) }
        guard let byte = fixed(place, UInt8.self) else { throw FieldError(column: "", reason: "holds a flag of \(place.length) bytes") }
        return byte != 0
    }

    /// Field `column`'s date (days from 2000-01-01 on the wire), nil for NULL.
    func date(_ column: Int) throws(FieldError) -> LocalDate? {
        guard let place = place(column) else { return nil }
        guard types[column] == .date else { throw Self.unreadable(types[column]) }
        // ±infinity are the extremes of the range; Dixian stores neither.
        guard let days = fixed(place, Int32.self), days != .max, days != .min else {
            throw FieldError(column: "", reason: "holds a date that is not a day of the calendar")
        }
        return LocalDate(dayNumber: Int(days) + Self.daysFrom1970To2000)
    }

    /// How field `column`'s bytes order against `key` (a household number's): negative before,
    /// 0 equal, positive after; NULL comes first.
    func compare(_ column: Int, with key: UnsafeRawBufferPointer) -> Int {
        guard column < starts.count, starts[column] >= 0 else { return -1 }
        let start = Int(starts[column]), length = Int(lengths[column])
        return bytes.withUnsafeReadableBytes { raw in
            let common = min(length, key.count)
            let order = common == 0 ? 0 : memcmp(raw.baseAddress! + start, key.baseAddress!, common)
            return order != 0 ? Int(order) : length - key.count
        }
    }

    private static let daysFrom1970To2000 = 10_957

    private static func unreadable(_ type: PostgresDataType) -> FieldError {
        FieldError(column: "", reason: "is of type \(type), which Dixian does not store there")
    }
}

/// The row a view query stands on, read as a record's fields.
struct BinaryRow: FieldSource {
    let cells: BinaryCells
    let columns: ViewColumns
    /// The household number, shared by every record of the household.
    let household: String?

    func text(at position: Int) throws(FieldError) -> String? {
        if position == columns.household, let household { return household }
        let column = columns.columns[position]
        guard column >= 0, let text = try cells.text(column) else { return nil }
        return text.isEmpty ? nil : text
    }

    func integer(at position: Int) throws(FieldError) -> Int64? {
        let column = columns.columns[position]
        return column < 0 ? nil : try cells.integer(column)
    }

    /// Amounts are stored in fen.
    func money(at position: Int) throws(FieldError) -> Money? { try integer(at: position).map(Money.init(fen:)) }

    func flag(at position: Int) throws(FieldError) -> Bool? {
        let column = columns.columns[position]
        return column < 0 ? nil : try cells.flag(column)
    }

    func date(at position: Int) throws(FieldError) -> LocalDate? {
        let column = columns.columns[position]
        return column < 0 ? nil : try cells.date(column)
    }

    /// Terms are stored by identifier.
    func term<T: OfficialTerm>(at position: Int, _: T.Type) throws(FieldError) -> T? {
        guard let text = try text(at: position) else { return nil }
        guard let term = T(rawValue: text) else { throw FieldError(column: "", reason: "holds '\(text)'") }
        return term
    }
}
