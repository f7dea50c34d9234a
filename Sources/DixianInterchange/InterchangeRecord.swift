import DixianCore

/// A kind of record as one CSV file of the interchange format. Its file, columns and how a
/// row reads and writes come from the record's `RecordLayout`; what is the format's own is the
/// key that must be unique in the file and the records it refers to.
protocol InterchangeRecord: RegistryRecordValue {
    /// The key that must be unique in the file.
    var key: String { get }
    /// The records this one refers to, as (file, key, column).
    var references: [Reference] { get }
}

extension InterchangeRecord {
    /// The file name (`households.csv`).
    static var file: String { layout.file }
    /// The columns in the order the format writes them.
    static var columns: [Column] { layout.fields.map(Column.init) }
    /// The fields in `columns` order, as the format writes them.
    var fields: [String] { values.map(\.text) }

    /// Where `column` is among the fields.
    static func position(of column: String) -> Int {
        layout.position(of: column)!
    }
}

/// A reference from one record to another by key.
struct Reference {
    let file: String
    let key: String
    let column: String
}

/// Every kind of interchange file, in the order an import applies them (referenced first).
let interchangeKinds = RegistryTable.allCases.map(\.interchangeKind)
