/// The one description of a kind of record: its fields, in the order every store, file and
/// view lists them. The interchange format's headers and codecs, SQLite's bound statements,
/// PostgreSQL's codec, the `CREATE TABLE` column lists of new migrations and the Lua view's
/// field names are all derived from it, so adding a field is one edit here (and a migration per
/// store).
public struct RecordLayout: Sendable {
    /// The table in both stores (`household`).
    public let table: String
    /// The interchange file (`households.csv`).
    public let file: String
    /// The fields, in their one order.
    public let fields: [FieldDescription]
    /// The stored columns giving the rows' canonical order (by default the key).
    public let order: [String]

    public init(table: String, file: String, fields: [FieldDescription], order: [String]? = nil) {
        self.table = table
        self.file = file
        self.fields = fields
        self.order = order ?? fields.filter(\.isKey).map(\.storedName)
    }

    /// The fields a store keeps (a derived one, like a household's size, is not).
    public var stored: [FieldDescription] { fields.filter(\.isStored) }

    /// Where the field named `name` is among `fields`.
    public func position(of name: String) -> Int? { fields.firstIndex { $0.name == name } }

    /// The fields a Lua view shows, with their positions among `fields`.
    public var viewFields: [(position: Int, name: String)] {
        fields.enumerated().compactMap { position, field in field.view.map { (position, $0) } }
    }
}

/// One field of a record.
public struct FieldDescription: Hashable, Sendable {
    /// The English name: the column of both stores and of the interchange file.
    public let name: String
    /// The Chinese header an interchange file is written with.
    public let header: String
    /// Other headers an imported file may use for it.
    public let aliases: [String]
    /// How it is kept.
    public let kind: FieldKind
    /// Whether it is part of the record's key.
    public let isKey: Bool
    /// Whether it must be given, may be absent (NULL in a store), or reads as zero, no or
    /// empty text when absent (never NULL in a store).
    public let presence: Presence
    /// The name of the field in a Lua view, or nil when views do not show it.
    public let view: String?
    /// Whether the stores keep it (false for one derived from other records).
    public let isStored: Bool

    /// Whether a field must be given.
    public enum Presence: Hashable, Sendable {
        /// A file must have it; a store holds it NOT NULL.
        case required
        /// A file may leave it empty; a store holds NULL.
        case optional
        /// A file may leave it empty, which reads as zero, no, or empty text; a store holds that.
        case defaulted
    }

    public init(
        _ name: String, _ header: String, _ kind: FieldKind, _ presence: Presence = .required, key: Bool = false,
        view: String? = nil, aliases: [String] = [], stored: Bool = true
    ) {
        self.name = name
        self.header = header
        self.aliases = aliases
        self.kind = kind
        self.presence = presence
        self.isKey = key
        self.view = view
        self.isStored = stored
    }

    /// Whether a store may hold NULL in it.
    public var isNullable: Bool { presence == .optional }

    /// The column the stores keep it in: amounts are whole fen, in `<name>_fen`.
    public var storedName: String {
        switch kind {
        case .money, .signedMoney: name + "_fen"
        default: name
        }
    }
}

/// How a field is kept, the same in every store and file.
public enum FieldKind: Hashable, Sendable {
    /// Free text.
    case text
    /// One of a closed list of official terms (their identifiers), kept as its identifier.
    case term([String])
    /// Official terms of a closed list, kept as their identifiers joined by `;`.
    case terms([String])
    /// A whole number within a range.
    case integer(ClosedRange<Int>)
    /// A record's id: a positive whole number a store assigns.
    case identifier
    /// A non-negative amount: yuan with two decimals in a file, whole fen in a store.
    case money
    /// An amount that may be negative.
    case signedMoney
    /// Yes or no.
    case flag
    /// A calendar date, `YYYY-MM-DD`.
    case date
    /// An 18-character resident ID number.
    case residentID

    /// A closed list of `T`'s identifiers.
    public static func term<T: OfficialTerm>(_: T.Type) -> FieldKind { .term(T.allCases.map(\.rawValue)) }

    /// Terms of `T` joined by `;`.
    public static func terms<T: OfficialTerm>(_: T.Type) -> FieldKind { .terms(T.allCases.map(\.rawValue)) }
}

/// The separator of a list of terms in one field, in every store and file.
public let termListSeparator: Character = ";"

/// The value of one field of a record, as every store and file is given it.
public enum FieldValue: Hashable, Sendable {
    case null
    case text(String)
    case integer(Int64)
    case money(Money)
    case flag(Bool)
    case date(LocalDate)

    /// Text, or null when nil.
    public static func optional(_ text: String?) -> FieldValue { text.map(FieldValue.text) ?? .null }
    /// An integer, or null when nil.
    public static func optional(_ number: Int?) -> FieldValue { number.map { .integer(Int64($0)) } ?? .null }
    /// An id, or null when nil.
    public static func optional(_ id: Int64?) -> FieldValue { id.map(FieldValue.integer) ?? .null }
    /// A date, or null when nil.
    public static func optional(_ date: LocalDate?) -> FieldValue { date.map(FieldValue.date) ?? .null }
    /// A flag, or null when nil.
    public static func optional(_ flag: Bool?) -> FieldValue { flag.map(FieldValue.flag) ?? .null }
    /// A term's identifier, or null when nil.
    public static func optional<T: OfficialTerm>(_ term: T?) -> FieldValue { term.map { .text($0.rawValue) } ?? .null }
    /// A whole number.
    public static func integer(_ number: Int) -> FieldValue { .integer(Int64(number)) }
    /// Terms' identifiers in alphabetical order joined by `;` (empty text when there are none).
    public static func terms<T: OfficialTerm>(_ terms: Set<T>) -> FieldValue {
        .text(terms.map(\.rawValue).sorted().joined(separator: String(termListSeparator)))
    }

    /// The value as an interchange file writes it: empty when null, amounts in yuan, flags
    /// `true`/`false`, dates `YYYY-MM-DD`.
    public var text: String {
        switch self {
        case .null: ""
        case .text(let text): text
        case .integer(let number): String(number)
        case .money(let amount): amount.description
        case .flag(let flag): flag ? "true" : "false"
        case .date(let date): date.description
        }
    }
}

/// A kind of record described once by a `RecordLayout`: its fields' values in layout order,
/// and how it reads from any store's or file's row.
public protocol DescribedRecord: Hashable, Sendable {
    /// The fields, one case per field in layout order.
    associatedtype Field: RecordField
    /// The description.
    static var layout: RecordLayout { get }
    /// The value of `field`.
    func value(of field: Field) -> FieldValue
    /// Reads a record from a row, validating it as an import would.
    init(reading row: some FieldSource) throws(FieldError)
}

extension DescribedRecord {
    /// The values of every field, in layout order.
    public var values: [FieldValue] { Field.allCases.map(value(of:)) }

    /// The layout made of `Field`'s cases.
    public static func makeLayout(table: String, file: String, order: [String]? = nil) -> RecordLayout {
        RecordLayout(table: table, file: file, fields: Field.fields, order: order)
    }
}

/// A field of one kind of record: a case whose raw value is its position in the layout.
public protocol RecordField: RawRepresentable<Int>, CaseIterable, Sendable {
    /// What the field is.
    var description: FieldDescription { get }
    /// Every case's description, in order, made once (`static let fields = describeAll()`):
    /// reading millions of rows looks a field's kind up here.
    static var fields: [FieldDescription] { get }
}

extension RecordField {
    /// Every case's description, in order.
    public static func describeAll() -> [FieldDescription] { allCases.map(\.description) }

    /// This field's description, from `fields`.
    public var described: FieldDescription { Self.fields[rawValue] }
}

/// What is wrong with one field of a row.
public struct FieldError: Error, Hashable, Sendable {
    /// The field's name.
    public let column: String
    /// What is wrong.
    public let message: FieldMessage

    public init(column: String, _ message: FieldMessage) {
        self.column = column
        self.message = message
    }

    /// A value a store holds that Dixian cannot read, described for developers (`holds 'x'`).
    public init(column: String, reason: String) {
        self.init(column: column, .unreadableStoredValue(reason))
    }

    /// What is wrong, in English.
    public var reason: String { message.english }
}
