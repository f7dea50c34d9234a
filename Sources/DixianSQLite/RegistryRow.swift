import DixianCore
import GRDB

/// How a domain record maps to a row of its table: the columns in order, the key columns,
/// and the values. The SQL to insert, update and delete is derived from the columns.
protocol RegistryRow: RegistryRecordValue {
    /// The table.
    static var table: String { get }
    /// All columns, key columns first.
    static var columns: [String] { get }
    /// How many of the leading columns form the key.
    static var keyCount: Int { get }
    /// The columns that give the canonical order of the rows (by default the key).
    static var order: [String] { get }
    /// Adds the values of `columns`, in order.
    func addColumns(to values: inout ColumnValues)
    /// Reads a record back from a row of the table.
    init(row: Row) throws
}

extension RegistryRow {
    static var order: [String] { Array(columns.prefix(keyCount)) }

    static var insertSQL: String {
        "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders(columns.count)))"
    }

    static var updateSQL: String {
        let assignments = columns.dropFirst(keyCount).map { "\($0) = ?" }.joined(separator: ", ")
        return "UPDATE \(table) SET \(assignments) WHERE \(keyCondition)"
    }

    static var deleteSQL: String { "DELETE FROM \(table) WHERE \(keyCondition)" }

    static var selectSQL: String { "SELECT \(columns.joined(separator: ", ")) FROM \(table)" }

    /// The values of `columns`, in order.
    var values: [DatabaseValue] {
        var values = ColumnValues()
        addColumns(to: &values)
        return values.list
    }

    var keyValues: [DatabaseValue] { Array(values.prefix(Self.keyCount)) }

    /// The values for `updateSQL`: the other columns, then the key.
    var updateValues: [DatabaseValue] { Array(values.dropFirst(Self.keyCount)) + keyValues }

    private static var keyCondition: String {
        columns.prefix(keyCount).map { "\($0) = ?" }.joined(separator: " AND ")
    }

    private static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}

/// A stored value that does not read back as its domain type.
struct CorruptRow: Error, CustomStringConvertible {
    let table: String
    let column: String
    let value: String
    var description: String { "\(table).\(column) holds '\(value)', which Dixian cannot read" }
}

extension Row {
    /// An official term stored as its identifier.
    func term<T: OfficialTerm>(_ column: String, in table: String) throws -> T {
        let text: String = self[column]
        guard let term = T(rawValue: text) else { throw CorruptRow(table: table, column: column, value: text) }
        return term
    }

    /// An optional official term.
    func optionalTerm<T: OfficialTerm>(_ column: String, in table: String) throws -> T? {
        guard let text: String = self[column] else { return nil }
        guard let term = T(rawValue: text) else { throw CorruptRow(table: table, column: column, value: text) }
        return term
    }

    /// A date stored as `YYYY-MM-DD`.
    func date(_ column: String, in table: String) throws -> LocalDate {
        let text: String = self[column]
        guard let date = LocalDate(iso: text) else { throw CorruptRow(table: table, column: column, value: text) }
        return date
    }

    /// An optional date.
    func optionalDate(_ column: String, in table: String) throws -> LocalDate? {
        guard let text: String = self[column] else { return nil }
        guard let date = LocalDate(iso: text) else { throw CorruptRow(table: table, column: column, value: text) }
        return date
    }

    /// Risk types stored comma-separated.
    func riskTypes(_ column: String, in table: String) throws -> Set<RiskType> {
        try RiskType.stored(self[column], table: table)
    }

    /// An amount stored in fen.
    func money(_ column: String) -> Money { Money(fen: self[column]) }
}

extension RiskType {
    /// Risk types as a table stores them, comma-separated.
    static func stored(_ text: String, table: String) throws -> Set<RiskType> {
        var risks: Set<RiskType> = []
        for name in text.split(separator: ",") {
            guard let risk = RiskType(rawValue: String(name)) else {
                throw CorruptRow(table: table, column: "risk_types", value: text)
            }
            risks.insert(risk)
        }
        return risks
    }
}
