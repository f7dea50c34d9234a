import DixianCore

/// Records as the interchange format's text fields, for stores that keep them in typed
/// columns of the same names (PostgreSQL): one mapping between the domain and its columns,
/// the one the CSV files use, instead of one per store.
public enum RecordCodec {
    /// The columns of `table`'s interchange file, in the order `fields(of:)` gives them.
    public static func columns(of table: RegistryTable) -> [String] {
        table.interchangeKind.columns.map(\.name)
    }

    /// The record's fields in `columns(of:)` order, as the interchange format writes them
    /// (empty for an absent value; dates `YYYY-MM-DD`; amounts in yuan; flags `true`/`false`).
    public static func fields(of record: RegistryRecord) -> [String] {
        record.interchange.fields
    }

    /// Each table's column positions in `fields(of:)` order, made once (reading a county's
    /// views reads millions of records).
    private static let positions = Dictionary(uniqueKeysWithValues: RegistryTable.allCases.map { table in
        (table, Dictionary(uniqueKeysWithValues: table.interchangeKind.columns.enumerated().map { ($0.element.name, $0.offset) }))
    })

    /// Reads a record of `table` from `fields` in `columns(of:)` order, validating it as an
    /// import would.
    /// - Throws: `RecordCodecError` naming the table and the column at fault.
    public static func record(of table: RegistryTable, fields: [String]) throws(RecordCodecError) -> RegistryRecord {
        do {
            return try table.interchangeKind.init(reading: FieldReader(fields: fields, positions: positions[table]!)).registryRecord
        } catch {
            throw RecordCodecError(table: table, column: error.column, reason: error.reason)
        }
    }
}

/// Stored fields that do not read as a record.
public struct RecordCodecError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The table.
    public var table: RegistryTable
    /// The column at fault.
    public var column: String
    /// What is wrong with it.
    public var reason: String

    public var description: String { "\(table.rawValue).\(column) \(reason)" }
}
