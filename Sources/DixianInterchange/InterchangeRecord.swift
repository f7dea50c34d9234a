import DixianCore

/// A kind of record as one CSV file of the interchange format: its columns, how a row reads
/// into the record and how the record writes back, its key, and the records it refers to.
protocol InterchangeRecord: RegistryRecordValue {
    /// The file name (`households.csv`).
    static var file: String { get }
    /// The columns in the order the format writes them.
    static var columns: [Column] { get }
    /// Reads a row.
    init(reading row: FieldReader) throws(FieldError)
    /// The fields in `columns` order, as the format writes them.
    var fields: [String] { get }
    /// The key that must be unique in the file.
    var key: String { get }
    /// The records this one refers to, as (file, key, column).
    var references: [Reference] { get }
}

extension InterchangeRecord {
    /// Where `column` is among the fields.
    static func position(of column: String) -> Int {
        columns.firstIndex { $0.name == column }!
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

extension LocalDate {
    /// An optional date as a field: empty when nil.
    static func field(_ date: LocalDate?) -> String { date?.description ?? "" }
}
