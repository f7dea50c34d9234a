import DixianCore
import GRDB
import GRDBSQLite

/// A row's values on their way to SQLite, column after column: bound straight into a prepared
/// statement's parameters (an insert, which a county's import makes millions of: no array,
/// no boxed value, no argument list per row), or listed (keys, updates, messages).
struct ColumnValues {
    private let statement: OpaquePointer?
    /// The values added, when listing.
    private(set) var list: [DatabaseValue] = []
    /// How many values have been added.
    private var count: Int32 = 0
    /// The first value, when it is an integer: the id of a table keyed by id.
    private(set) var leadingInteger: Int64?

    /// Values bound to the parameters of `statement` in order, from the first (which must be reset).
    init(binding statement: OpaquePointer) { self.statement = statement }

    /// Values listed in `list`.
    init() { statement = nil }

    /// Adds the values of the next columns.
    mutating func add<each Value: ColumnValue>(_ values: repeat each Value) {
        for value in repeat each values { value.add(to: &self) }
    }

    /// Adds text, or NULL.
    mutating func addText(_ text: String?) {
        count += 1
        guard let statement else {
            list.append(text?.databaseValue ?? .null)
            return
        }
        guard var text else {
            sqlite3_bind_null(statement, count)
            return
        }
        text.withUTF8 { bytes in
            _ = sqlite3_bind_text(statement, count, bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                                  Int32(bytes.count), Self.transient)
        }
    }

    /// Adds an integer, or NULL.
    mutating func addInteger(_ integer: Int64?) {
        count += 1
        if count == 1 { leadingInteger = integer }
        guard let statement else {
            list.append(integer?.databaseValue ?? .null)
            return
        }
        if let integer {
            sqlite3_bind_int64(statement, count, integer)
        } else {
            sqlite3_bind_null(statement, count)
        }
    }

    /// SQLite's SQLITE_TRANSIENT (a macro Swift cannot import): SQLite copies the bound text.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// A value a registry column holds: text, an integer (flags are 0 or 1, amounts are in fen),
/// or NULL for an absent optional.
protocol ColumnValue {
    /// Adds this value as the next column of `values`.
    func add(to values: inout ColumnValues)
}

extension String: ColumnValue {
    func add(to values: inout ColumnValues) { values.addText(self) }
}

extension Int64: ColumnValue {
    func add(to values: inout ColumnValues) { values.addInteger(self) }
}

extension Int: ColumnValue {
    func add(to values: inout ColumnValues) { values.addInteger(Int64(self)) }
}

extension Bool: ColumnValue {
    func add(to values: inout ColumnValues) { values.addInteger(self ? 1 : 0) }
}

/// A date as `YYYY-MM-DD`.
extension LocalDate: ColumnValue {
    func add(to values: inout ColumnValues) { values.addText(description) }
}

/// An amount in fen.
extension Money: ColumnValue {
    func add(to values: inout ColumnValues) { values.addInteger(fen) }
}

/// A field's value as SQLite keeps it: amounts in fen, flags 0 or 1, dates `YYYY-MM-DD`.
extension FieldValue: ColumnValue {
    func add(to values: inout ColumnValues) {
        switch self {
        case .null: values.addText(nil)
        case .text(let text): values.addText(text)
        case .integer(let number): values.addInteger(number)
        case .money(let amount): values.addInteger(amount.fen)
        case .flag(let flag): values.addInteger(flag ? 1 : 0)
        case .date(let date): values.addText(date.description)
        }
    }
}

extension Optional: ColumnValue where Wrapped: ColumnValue {
    func add(to values: inout ColumnValues) {
        if let value = self {
            value.add(to: &values)
        } else {
            values.addText(nil)
        }
    }
}
