import DixianCore
import DixianInterchange

/// How records of one registry table cross to PostgreSQL: the interchange fields are sent as
/// text and cast to the column's type in SQL (an empty field is NULL), and read back as text.
/// The types come from the database's catalogue, so the schema is the one place they are stated.
struct TableCodec: Sendable {
    /// A stored column: its position among the interchange fields, its name and SQL type.
    struct StoredColumn: Sendable {
        let field: Int
        let name: String
        let type: String

        var quoted: String { "\"\(name)\"" }
        /// The SQL value of parameter `$index`.
        func parameter(_ index: Int) -> String { "NULLIF($\(index), '')::\(type)" }
    }

    let layout: PostgresSchema.Table
    /// The interchange columns, in field order.
    let fieldCount: Int
    /// The interchange columns the table stores (a derived one, like a household's size, is not).
    let stored: [StoredColumn]
    /// The stored key columns, and the others, in stored order.
    private let keys: [StoredColumn], others: [StoredColumn]
    let insertSQL: String
    let updateSQL: String
    let replaceSQL: String
    let deleteSQL: String
    /// The stored columns as one `text[]` of interchange fields (over the table aliased `t`).
    let fieldsArray: String

    /// The codec of `layout`'s table, whose columns have the SQL types `types` (by name).
    init(_ layout: PostgresSchema.Table, types: [String: String]) throws {
        self.layout = layout
        let columns = RecordCodec.columns(of: layout.table)
        fieldCount = columns.count
        let stored = columns.enumerated().compactMap { position, name in
            types[name].map { StoredColumn(field: position, name: name, type: $0) }
        }
        self.stored = stored
        guard layout.key.allSatisfy({ key in stored.contains { $0.name == key } }) else {
            throw PostgresStoreError(message: "table \(layout.name) lacks its key columns \(layout.key)")
        }
        let keys = stored.filter { layout.key.contains($0.name) }
        let others = stored.filter { !layout.key.contains($0.name) }
        self.keys = keys
        self.others = others
        let table = layout.name
        insertSQL = Self.insertSQL(table, stored, rows: 1)
        // Update and replace: the other columns are $1..., then the key, then (replace) the
        // expected values of the other columns.
        let assignments = others.enumerated().map { "\($0.element.quoted) = \($0.element.parameter($0.offset + 1))" }
        let keyCondition = keys.enumerated().map { "\($0.element.quoted) = \($0.element.parameter(others.count + $0.offset + 1))" }
            .joined(separator: " AND ")
        updateSQL = "UPDATE \(table) SET \(assignments.joined(separator: ", ")) WHERE \(keyCondition)"
        let unchanged = others.enumerated().map {
            "\($0.element.quoted) IS NOT DISTINCT FROM \($0.element.parameter(others.count + keys.count + $0.offset + 1))"
        }
        replaceSQL = updateSQL + unchanged.map { " AND " + $0 }.joined()
        deleteSQL = "DELETE FROM \(table) WHERE "
            + keys.enumerated().map { "\($0.element.quoted) = \($0.element.parameter($0.offset + 1))" }.joined(separator: " AND ")
        fieldsArray = "ARRAY[" + columns.map { name in
            types[name] == nil ? "''" : "coalesce(t.\"\(name)\"::text, '')"
        }.joined(separator: ", ") + "]"
    }

    /// How many rows one INSERT takes (PostgreSQL allows 65,535 parameters a statement).
    var rowsPerInsert: Int { max(1, min(500, 65_535 / stored.count)) }

    /// An INSERT of `rows` rows, their stored fields one row after another as parameters.
    func insertSQL(rows: Int) -> String {
        rows == 1 ? insertSQL : Self.insertSQL(layout.name, stored, rows: rows)
    }

    private static func insertSQL(_ table: String, _ stored: [StoredColumn], rows: Int) -> String {
        let values = (0..<rows).map { row in
            "(" + stored.enumerated().map { $0.element.parameter(row * stored.count + $0.offset + 1) }.joined(separator: ", ") + ")"
        }
        return "INSERT INTO \(table) (\(stored.map(\.quoted).joined(separator: ", "))) VALUES " + values.joined(separator: ", ")
    }

    /// The stored fields of `fields` (a record's interchange fields).
    func storedFields(_ fields: [String]) -> [String?] {
        stored.map { fields[$0.field] }
    }

    /// The key fields of `fields`, in stored order.
    func keyFields(_ fields: [String]) -> [String?] {
        keys.map { fields[$0.field] }
    }

    /// The other (non-key) fields of `fields`, in stored order.
    func otherFields(_ fields: [String]) -> [String?] {
        others.map { fields[$0.field] }
    }

    /// The record read back from a row's `fieldsArray`.
    func record(_ fields: [String]) throws -> RegistryRecord {
        do {
            return try RecordCodec.record(of: layout.table, fields: fields)
        } catch {
            throw PostgresStoreError(message: "\(error.description), which Dixian cannot read")
        }
    }

    /// `SELECT fieldsArray FROM table t`.
    var selectSQL: String { "SELECT \(fieldsArray) FROM \(layout.name) t" }

    /// `ORDER BY` the table's canonical order.
    var orderSQL: String { "ORDER BY " + layout.order.map { "t.\"\($0)\"" }.joined(separator: ", ") }
}
