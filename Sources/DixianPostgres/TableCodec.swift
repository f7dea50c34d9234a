import DixianCore

/// How records of one registry table cross to PostgreSQL, derived from the record's layout:
/// each stored field is sent as text and cast to its column's type in SQL (NULL for an absent
/// value; amounts in fen, flags `true`/`false`, dates `YYYY-MM-DD`), and read back as text. The
/// SQL types come from the database's catalogue, so the schema is the one place they are stated.
final class TableCodec: Sendable {
    /// A stored column: its position among the layout's fields, its name and SQL type.
    struct StoredColumn: Sendable {
        let field: Int
        let name: String
        let type: String

        var quoted: String { "\"\(name)\"" }
        /// The SQL value of parameter `$index`.
        func parameter(_ index: Int) -> String { "$\(index)::\(type)" }
    }

    /// The record layout, and the table's name, key and canonical order (the layout's).
    let layout: RecordLayout
    /// The registry table, if the layout is a registry record's.
    let registryTable: RegistryTable?
    let name: String
    let key: [String]
    let order: [String]
    /// The layout's fields, in order.
    let fieldCount: Int
    /// The layout's fields the table stores (a derived one, like a household's size, is not).
    let stored: [StoredColumn]
    /// The stored key columns, and the others, in stored order.
    private let keys: [StoredColumn], others: [StoredColumn]
    let insertSQL: String
    let updateSQL: String
    let replaceSQL: String
    let deleteSQL: String
    /// The layout's fields as one `text[]` (over the table aliased `t`): '' for NULL and for a
    /// field the table does not store.
    let fieldsArray: String

    /// The codec of registry table `table`, whose columns have the SQL types `types` (by name).
    convenience init(_ table: PostgresSchema.Table, types: [String: String]) throws {
        try self.init(layout: table.layout, types: types)
    }

    /// The codec of `layout`'s table, whose columns have the SQL types `types` (by name).
    init(layout: RecordLayout, types: [String: String]) throws {
        self.layout = layout
        registryTable = RegistryTable(rawValue: layout.table)
        name = layout.table
        let key = layout.stored.filter(\.isKey).map(\.storedName)
        self.key = key
        order = layout.order
        let fields = layout.fields
        fieldCount = fields.count
        let stored = fields.enumerated().compactMap { position, field -> StoredColumn? in
            guard field.isStored else { return nil }
            return types[field.storedName].map { StoredColumn(field: position, name: field.storedName, type: $0) }
        }
        guard stored.count == fields.filter(\.isStored).count else {
            let missing = fields.filter { $0.isStored && types[$0.storedName] == nil }.map(\.storedName)
            throw PostgresStoreError(message: "table \(layout.table) lacks the columns \(missing) its record layout stores")
        }
        self.stored = stored
        let keys = stored.filter { key.contains($0.name) }
        let others = stored.filter { !key.contains($0.name) }
        self.keys = keys
        self.others = others
        let name = layout.table
        insertSQL = Self.insertSQL(name, stored, rows: 1)
        // Update and replace: the other columns are $1..., then the key, then (replace) the
        // expected values of the other columns.
        let assignments = others.enumerated().map { "\($0.element.quoted) = \($0.element.parameter($0.offset + 1))" }
        let keyCondition = keys.enumerated().map { "\($0.element.quoted) = \($0.element.parameter(others.count + $0.offset + 1))" }
            .joined(separator: " AND ")
        updateSQL = "UPDATE \(name) SET \(assignments.joined(separator: ", ")) WHERE \(keyCondition)"
        let unchanged = others.enumerated().map {
            "\($0.element.quoted) IS NOT DISTINCT FROM \($0.element.parameter(others.count + keys.count + $0.offset + 1))"
        }
        replaceSQL = updateSQL + unchanged.map { " AND " + $0 }.joined()
        deleteSQL = "DELETE FROM \(name) WHERE "
            + keys.enumerated().map { "\($0.element.quoted) = \($0.element.parameter($0.offset + 1))" }.joined(separator: " AND ")
        fieldsArray = "ARRAY[" + fields.map { field in
            field.isStored ? "coalesce(t.\"\(field.storedName)\"::text, '')" : "''"
        }.joined(separator: ", ") + "]"
    }

    /// How many rows one INSERT takes (PostgreSQL allows 65,535 parameters a statement).
    var rowsPerInsert: Int { max(1, min(500, 65_535 / stored.count)) }

    /// An INSERT of `rows` rows, their stored fields one row after another as parameters.
    func insertSQL(rows: Int) -> String {
        rows == 1 ? insertSQL : Self.insertSQL(name, stored, rows: rows)
    }

    private static func insertSQL(_ table: String, _ stored: [StoredColumn], rows: Int) -> String {
        let values = (0..<rows).map { row in
            "(" + stored.enumerated().map { $0.element.parameter(row * stored.count + $0.offset + 1) }.joined(separator: ", ") + ")"
        }
        return "INSERT INTO \(table) (\(stored.map(\.quoted).joined(separator: ", "))) VALUES " + values.joined(separator: ", ")
    }

    /// A record's fields in layout order as PostgreSQL is sent them: nil for NULL, amounts in
    /// fen, flags `true`/`false`, dates `YYYY-MM-DD`.
    static func fields(of record: RegistryRecord) -> [String?] {
        fields(of: record.value.values)
    }

    /// `values` (a record's, in layout order) as PostgreSQL is sent them.
    static func fields(of values: [FieldValue]) -> [String?] {
        values.map { value in
            switch value {
            case .null: nil
            case .money(let amount): String(amount.fen)
            default: value.text
            }
        }
    }

    /// The stored fields of `fields` (a record's `fields(of:)`).
    func storedFields(_ fields: [String?]) -> [String?] {
        stored.map { fields[$0.field] }
    }

    /// The key fields of `fields`, in stored order.
    func keyFields(_ fields: [String?]) -> [String?] {
        keys.map { fields[$0.field] }
    }

    /// The other (non-key) fields of `fields`, in stored order.
    func otherFields(_ fields: [String?]) -> [String?] {
        others.map { fields[$0.field] }
    }

    /// The registry record read back from a row's `fieldsArray` (from `offset` on: a view's
    /// rows lead with the household number and the kind of record).
    func record(_ fields: [String], from offset: Int = 0) throws -> RegistryRecord {
        guard let table = registryTable else { preconditionFailure("\(name) is not a registry table") }
        return try record(table.valueType, fields, from: offset).registryRecord
    }

    /// A record of `type` (whose layout this is) read back from a row's `fieldsArray`.
    func record<R: DescribedRecord>(_ type: R.Type, _ fields: [String], from offset: Int = 0) throws -> R {
        do throws(FieldError) {
            return try R(reading: StoredText(fields: fields, offset: offset))
        } catch {
            throw PostgresStoreError(message: "\(name).\(error.column) \(error.reason), which Dixian cannot read")
        }
    }

    /// Whether new records take their id from the table's sequence.
    var hasSequence: Bool { key == ["id"] }

    /// The stored columns of `t`, in layout order, each in its own type (as `ViewColumns` finds them).
    var selectedColumns: String { stored.map { "t.\($0.quoted)" }.joined(separator: ", ") }

    /// `SELECT fieldsArray FROM table t`.
    var selectSQL: String { "SELECT \(fieldsArray) FROM \(name) t" }

    /// `ORDER BY` the table's canonical order.
    var orderSQL: String { "ORDER BY " + order.map { "t.\"\($0)\"" }.joined(separator: ", ") }

    /// The column definitions of `layout`'s stored fields for `CREATE TABLE` (a new
    /// migration's table): text compared byte by byte, amounts in fen as `bigint`, flags as
    /// `boolean`, dates as `date`, closed lists and ranges checked, and the key.
    static func columnDefinitions(of layout: RecordLayout) -> [String] {
        let stored = layout.stored
        return stored.map { field in
            let name = "\"\(field.storedName)\""
            let (type, check): (String, String?) = switch field.kind {
            case .text, .residentID: ("text COLLATE \"C\"", nil)
            case .term(let terms): ("text COLLATE \"C\"", "\(name) IN (" + terms.map { "'\($0)'" }.joined(separator: ", ") + ")")
            case .terms: ("text COLLATE \"C\"", nil)
            case .integer(let range): ("integer", "\(name) BETWEEN \(range.lowerBound) AND \(range.upperBound)")
            case .identifier: ("bigint", "\(name) > 0")
            case .money: ("bigint", "\(name) >= 0")
            case .signedMoney: ("bigint", nil)
            case .flag: ("boolean", nil)
            case .date: ("date", nil)
            }
            return "\(name) \(type)" + (field.isNullable ? "" : " NOT NULL") + (check.map { " CHECK (\($0))" } ?? "")
        } + ["PRIMARY KEY (" + stored.filter(\.isKey).map { "\"\($0.storedName)\"" }.joined(separator: ", ") + ")"]
    }
}

/// A row of PostgreSQL's `fieldsArray` read as a record's fields: text, with amounts in fen.
struct StoredText: FieldSource {
    let fields: [String]
    /// Where the record's first field is in `fields`.
    var offset = 0

    func text(at position: Int) -> String? {
        let text = fields[offset + position]
        return text.isEmpty ? nil : text
    }

    func money(at position: Int) throws(FieldError) -> Money? {
        guard let text = text(at: position) else { return nil }
        guard let fen = Int64(text) else { throw FieldError(column: "", reason: "holds '\(text)', not a whole number of fen") }
        return Money(fen: fen)
    }
}
