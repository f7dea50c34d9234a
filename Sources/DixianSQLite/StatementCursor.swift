import DixianCore
import Foundation
import GRDB
import GRDBSQLite

/// A prepared statement stepped directly through SQLite's C API, for the reads where GRDB's
/// row decoding would dominate (screening reads every row of a county; a run's recording, its
/// current findings, deadline items and wake-up dates).
///
/// Cursors merged household by household (`compareHousehold(with:)`) must have their rows
/// ordered by the household number in column 0: they are compared without making a string per row.
final class StatementCursor {
    private let statement: OpaquePointer
    private let table: String
    /// Whether the cursor stands on a row.
    private(set) var hasRow = false

    /// Prepares `sql` on `db` (once per connection: the statement is cached and reset for the
    /// next cursor; a server reads one household after another), binds `arguments` (text or
    /// integers) and steps to the first row. A connection runs one cursor per SQL text at a time.
    convenience init(_ db: Database, table: String, sql: String, arguments: [any DatabaseValueConvertible]) throws {
        try self.init(db, table: table, sql: sql, arguments: StatementArguments(arguments))
    }

    /// Prepares `sql` on `db` with `arguments`, as above; with `cached` false, anew for this
    /// cursor and not kept (a statement whose text holds values, such as a date).
    init(_ db: Database, table: String, sql: String, arguments: StatementArguments, cached: Bool = true) throws {
        let prepared = try cached ? db.cachedStatement(sql: sql) : db.makeStatement(sql: sql)
        sqlite3_reset(prepared.sqliteStatement)
        try prepared.setArguments(arguments)
        self.prepared = prepared
        statement = prepared.sqliteStatement
        self.table = table
        try advance()
    }

    /// Keeps the statement alive while the cursor steps through it (the connection's cache finalizes it).
    private let prepared: Statement

    /// Resets the cached statement, so that it holds no read snapshot once the cursor is gone
    /// (a statement left mid-way would keep the WAL from being checkpointed).
    deinit {
        sqlite3_reset(statement)
    }

    /// Steps to the next row.
    func advance() throws {
        let status = sqlite3_step(statement)
        switch status {
        case SQLITE_ROW: hasRow = true
        case SQLITE_DONE: hasRow = false
        default:
            // Interrupted, an I/O error, a full disk: SQLite's own error, as GRDB reports it.
            throw DatabaseError(resultCode: ResultCode(rawValue: status), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(statement))))
        }
    }

    /// Compares the current row's household number (column 0) with `number`'s UTF-8 bytes:
    /// negative when the row's household comes before, 0 when it is that household.
    func compareHousehold(with number: UnsafeRawBufferPointer) -> Int32 {
        guard let text = sqlite3_column_text(statement, 0) else { return -1 }
        let length = Int(sqlite3_column_bytes(statement, 0))  // after _text, as SQLite asks
        let common = min(length, number.count)
        let order = common == 0 ? 0 : memcmp(text, number.baseAddress!, common)
        if order != 0 { return order }
        return Int32(length - number.count)
    }

    /// Column `index` as text; "" for NULL.
    func string(_ index: Int32) -> String {
        guard let text = sqlite3_column_text(statement, index) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// Column `index` as text, nil for NULL.
    func optionalString(_ index: Int32) -> String? {
        isNull(index) ? nil : string(index)
    }

    /// Column `index` as an integer.
    func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(statement, index)) }

    /// Column `index` as an integer, nil for NULL.
    func optionalInt(_ index: Int32) -> Int? { isNull(index) ? nil : int(index) }

    /// Column `index` as a flag stored as 0 or 1.
    func bool(_ index: Int32) -> Bool { sqlite3_column_int64(statement, index) != 0 }

    /// Whether column `index` is NULL.
    func isNull(_ index: Int32) -> Bool { sqlite3_column_type(statement, index) == SQLITE_NULL }

    /// An official term stored as its identifier, matched on the bytes without making a string.
    func term<T: OfficialTerm>(_ index: Int32, column: String, _ matcher: TermMatcher<T>) throws -> T {
        guard let text = sqlite3_column_text(statement, index) else {
            throw CorruptRow(table: table, column: column, value: "NULL")
        }
        let bytes = UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, index)))
        if let term = matcher.term(matching: bytes) { return term }
        throw CorruptRow(table: table, column: column, value: string(index))
    }

    /// An optional official term.
    func optionalTerm<T: OfficialTerm>(_ index: Int32, column: String, _ matcher: TermMatcher<T>) throws -> T? {
        isNull(index) ? nil : try term(index, column: column, matcher)
    }

    /// A date stored as `YYYY-MM-DD`, parsed from the bytes.
    func date(_ index: Int32, column: String) throws -> LocalDate {
        guard let text = sqlite3_column_text(statement, index), sqlite3_column_bytes(statement, index) == 10,
            let date = Self.parseDate(text)
        else { throw CorruptRow(table: table, column: column, value: string(index)) }
        return date
    }

    /// An optional date.
    func optionalDate(_ index: Int32, column: String) throws -> LocalDate? {
        isNull(index) ? nil : try date(index, column: column)
    }

    /// Column `index` parsed as a `YYYY-MM-DD` date, nil if it is not one.
    func parsedDate(_ index: Int32) -> LocalDate? {
        guard let text = sqlite3_column_text(statement, index), sqlite3_column_bytes(statement, index) == 10 else { return nil }
        return Self.parseDate(text)
    }

    private static func parseDate(_ text: UnsafePointer<UInt8>) -> LocalDate? {
        func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for offset in from..<(from + count) {
                let byte = text[offset]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard text[4] == 0x2D, text[7] == 0x2D, let year = digits(0, 4), let month = digits(5, 2),
            let day = digits(8, 2)
        else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }
}

/// The identifiers of an official term's cases as bytes, for matching stored text quickly.
struct TermMatcher<T: OfficialTerm> {
    private let cases: [([UInt8], T)] = T.allCases.map { (Array($0.rawValue.utf8), $0) }

    /// The term whose identifier is exactly `bytes`.
    func term(matching bytes: UnsafeRawBufferPointer) -> T? {
        for (raw, term) in cases where raw.count == bytes.count {
            if raw.withUnsafeBytes({ memcmp($0.baseAddress!, bytes.baseAddress!, raw.count) }) == 0 { return term }
        }
        return nil
    }
}
