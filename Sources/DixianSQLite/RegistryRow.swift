import DixianCore
import GRDB
import GRDBSQLite

/// A registry record as a row of its SQLite table: its table, columns and statements are its
/// `RecordLayout`'s stored fields (amounts in fen, flags 0 or 1, dates `YYYY-MM-DD`, term lists
/// `;`-separated), key columns first.
protocol RegistryRow: RegistryRecordValue {}

extension RegistryRow {
    /// The table.
    static var table: String { layout.table }
    /// The stored columns, quoted, key columns first.
    static var columns: [String] { SQLiteLayout.of(layout).columns }
    /// How many of the leading columns form the key.
    static var keyCount: Int { SQLiteLayout.of(layout).keyCount }
    /// The columns that give the canonical order of the rows (by default the key), quoted.
    static var order: [String] { layout.order.map(SQLiteLayout.quoted) }

    static var insertSQL: String { SQLiteLayout.of(layout).insertSQL }
    static var updateSQL: String { SQLiteLayout.of(layout).updateSQL }
    static var deleteSQL: String { SQLiteLayout.of(layout).deleteSQL }
    static var selectSQL: String { SQLiteLayout.of(layout).selectSQL }

    /// Reads a record back from a row of `selectSQL`.
    init(row: Row) throws { try self.init(sqliteRow: row) }

    var keyValues: [DatabaseValue] { Array(databaseValues.prefix(Self.keyCount)) }

    /// The values for `updateSQL`: the other columns, then the key.
    var updateValues: [DatabaseValue] { Array(databaseValues.dropFirst(Self.keyCount)) + keyValues }
}

extension DescribedRecord {
    /// Adds the values of the stored columns, in order.
    func addColumns(to values: inout ColumnValues) {
        for field in Field.allCases where field.described.isStored { values.add(value(of: field)) }
    }

    /// The values of the stored columns, in order.
    var databaseValues: [DatabaseValue] {
        var values = ColumnValues()
        addColumns(to: &values)
        return values.list
    }

    /// Reads a record back from a row of its layout's `selectSQL`.
    init(sqliteRow row: Row) throws {
        do throws(FieldError) {
            try self.init(reading: StoredRow(row: row, columns: SQLiteLayout.of(Self.layout).positions))
        } catch {
            throw CorruptRow(table: Self.layout.table, column: error.column, reason: error.reason)
        }
    }
}

/// A layout's SQL for SQLite, made once per table.
struct SQLiteLayout: Sendable {
    let columns: [String]
    let keyCount: Int
    /// The column of each layout field in `selectSQL`'s rows (-1 for a field not stored).
    let positions: [Int32]
    let insertSQL, updateSQL, deleteSQL, selectSQL: String

    init(_ layout: RecordLayout) {
        let stored = layout.stored
        columns = stored.map { Self.quoted($0.storedName) }
        keyCount = stored.filter(\.isKey).count
        var next: Int32 = 0
        positions = layout.fields.map { field in
            guard field.isStored else { return -1 }
            defer { next += 1 }
            return next
        }
        let table = layout.table
        let keyCondition = columns.prefix(keyCount).map { "\($0) = ?" }.joined(separator: " AND ")
        insertSQL = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"
        updateSQL = "UPDATE \(table) SET \(columns.dropFirst(keyCount).map { "\($0) = ?" }.joined(separator: ", ")) WHERE \(keyCondition)"
        deleteSQL = "DELETE FROM \(table) WHERE \(keyCondition)"
        selectSQL = "SELECT \(columns.joined(separator: ", ")) FROM \(table)"
    }

    /// The column definitions of `layout`'s stored fields for `CREATE TABLE` (a new
    /// migration's table): amounts in fen and flags 0 or 1 as `INTEGER`, dates as `YYYY-MM-DD`
    /// text, closed lists and ranges checked, and the key.
    static func columnDefinitions(of layout: RecordLayout) -> [String] {
        let stored = layout.stored
        return stored.map { field in
            let name = quoted(field.storedName)
            let (type, check): (String, String?) = switch field.kind {
            case .text, .terms: ("TEXT", nil)
            case .residentID: ("TEXT", "length(\(name)) = 18")
            case .term(let terms): ("TEXT", "\(name) IN (" + terms.map { "'\($0)'" }.joined(separator: ", ") + ")")
            case .integer(let range): ("INTEGER", "\(name) BETWEEN \(range.lowerBound) AND \(range.upperBound)")
            case .identifier: ("INTEGER", "\(name) > 0")
            case .money: ("INTEGER", "\(name) >= 0")
            case .signedMoney: ("INTEGER", nil)
            case .flag: ("INTEGER", "\(name) IN (0, 1)")
            case .date: ("TEXT", "length(\(name)) = 10")
            }
            return "\(name) \(type)" + (field.isNullable ? "" : " NOT NULL") + (check.map { " CHECK (\($0))" } ?? "")
        } + ["PRIMARY KEY (" + stored.filter(\.isKey).map { quoted($0.storedName) }.joined(separator: ", ") + ")"]
    }

    /// `name` quoted as an SQL identifier (`group` is a keyword).
    static func quoted(_ name: String) -> String { "\"\(name)\"" }

    private static let all: [String: SQLiteLayout] = Dictionary(
        uniqueKeysWithValues: RegistryTable.allCases.map { ($0.rawValue, SQLiteLayout($0.valueType.layout)) })

    /// The SQL of `layout`'s table (a registry table's made once; another's made now).
    static func of(_ layout: RecordLayout) -> SQLiteLayout { all[layout.table] ?? SQLiteLayout(layout) }
}

/// A stored value that does not read back as its domain type.
struct CorruptRow: Error, CustomStringConvertible {
    let table: String
    let column: String
    let reason: String

    init(table: String, column: String, reason: String) {
        self.table = table
        self.column = column
        self.reason = reason
    }

    init(table: String, column: String, value: String) {
        self.init(table: table, column: column, reason: "holds '\(value)'")
    }

    var description: String { "\(table).\(column) \(reason), which Dixian cannot read" }
}

/// A GRDB row read as a record's fields: each field's column from `columns`, in SQLite's own
/// types (fen, 0 or 1, `YYYY-MM-DD`, identifiers of terms).
struct StoredRow: FieldSource {
    let row: Row
    let columns: [Int32]

    func text(at position: Int) -> String? {
        let column = Int(columns[position])
        guard column >= 0, let text: String = row[column], !text.isEmpty else { return nil }
        return text
    }

    func integer(at position: Int) -> Int64? {
        let column = Int(columns[position])
        return column >= 0 ? row[column] : nil
    }

    func money(at position: Int) -> Money? { integer(at: position).map(Money.init(fen:)) }

    func flag(at position: Int) -> Bool? { integer(at: position).map { $0 != 0 } }

    func term<T: OfficialTerm>(at position: Int, _: T.Type) throws(FieldError) -> T? {
        guard let text = text(at: position) else { return nil }
        guard let term = T(rawValue: text) else { throw FieldError(column: "", reason: "holds '\(text)'") }
        return term
    }
}
