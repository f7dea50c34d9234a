import Foundation
import DixianCore

/// A column of an interchange file: its English name and the Chinese headers officials use for it.
struct Column: Sendable {
    let name: String
    let aliases: [String]
    let required: Bool

    init(_ name: String, _ aliases: String..., required: Bool = true) {
        self.name = name
        self.aliases = aliases
        self.required = required
    }

    /// The column of a described field: its name, its Chinese header and aliases; required
    /// when the field must be given.
    init(_ field: FieldDescription) {
        name = field.name
        aliases = [field.header] + field.aliases
        required = field.presence == .required
    }
}

/// One CSV row read as a record's fields (`layout`'s, by name through the file's header). In an
/// import, `bounds` holds dates, amounts and birth dates to what a registry can hold.
struct FieldReader: FieldSource {
    let fields: [String]
    /// Column name → position in the row, from the file's header.
    let positions: [String: Int]
    /// The names of the fields read, by their position in the record's layout.
    let names: [String]
    /// The bounds of an import, or nil for fields read back from a store, which are taken as
    /// they were stored.
    var bounds: FieldBounds? = nil

    init(fields: [String], positions: [String: Int], layout: RecordLayout, bounds: FieldBounds? = nil) {
        self.fields = fields
        self.positions = positions
        self.names = layout.fields.map(\.name)
        self.bounds = bounds
    }

    /// The raw text of `column`, trimmed of spaces and tabs; empty if the column is absent. In
    /// an import, a formula an export neutralised (`'=1+2`) reads as it was (`=1+2`).
    func raw(_ column: String) -> String {
        guard let position = positions[column], position < fields.count else { return "" }
        let text = fields[position].trimmingBlanks
        return bounds == nil ? text : text.formulaRestored
    }

    func text(at position: Int) -> String? {
        let value = raw(names[position])
        return value.isEmpty ? nil : value
    }

    func date(at position: Int) throws(FieldError) -> LocalDate? {
        guard let text = text(at: position) else { return nil }
        guard let date = LocalDate(iso: text) else {
            throw FieldError(column: "", .notADate(text))
        }
        if let bounds {
            guard date >= FieldBounds.earliestEvent else {
                throw FieldError(column: "", .dateTooEarly(date, earliest: FieldBounds.earliestEvent))
            }
            // Most dates are well before today: the column is looked at only for a later one.
            let latest = date <= bounds.latestEvent ? date : bounds.latestDate(names[position])
            guard date <= latest else {
                throw FieldError(column: "", .dateTooLate(date, latest: latest, today: bounds.today))
            }
        }
        return date
    }

    func money(at position: Int) throws(FieldError) -> Money? {
        guard let text = text(at: position) else { return nil }
        guard let amount = try Self.amount(text) else { return nil }
        if bounds != nil, amount.fen.magnitude > FieldBounds.largestAmount.fen.magnitude {
            let shown = text.count > 40 ? "'\(text.prefix(20))…' (\(text.count) characters)" : "'\(text)'"
            throw FieldError(column: "", .amountOverLimit(shown, largest: FieldBounds.largestAmount))
        }
        return amount
    }

    /// An amount in yuan; one a spreadsheet wrote with floating-point noise past the fen
    /// (`1234.5600000000001`) is rounded to the fen it stands for.
    static func amount(_ text: String) throws(FieldError) -> Money? {
        do {
            return try Money.read(yuan: text)
        } catch {
            // Noise is far below a fen: within a millionth of one of a whole number of fen.
            guard case .tooManyDecimals = Money.parse(yuan: text), let value = Double(text), value.isFinite else { throw error }
            let fen = (value * 100).rounded()
            guard abs(value * 100 - fen) < 1e-6 else {
                throw FieldError(column: "", .unroundedAmount(text))
            }
            return Money(fen: Int64(fen))
        }
    }

    func residentID(at position: Int) throws(FieldError) -> ResidentID? {
        guard let text = text(at: position) else { return nil }
        let id: ResidentID
        do {
            id = try ResidentID(text)
        } catch {
            // A spreadsheet column of numbers, not text: 18 digits never survive as a number (a
            // spreadsheet keeps 15, a double about 16), and a rounded one may still pass the
            // check character, so none is taken.
            guard Self.isSpreadsheetNumber(text) else { throw FieldError(column: "", .residentID(error.reason)) }
            throw FieldError(column: "", .residentIDStoredAsNumber(text))
        }
        if let bounds, id.birthDate > bounds.today {
            throw FieldError(column: "", .residentIDBornInFuture(id.birthDate))
        }
        return id
    }
}

extension FieldReader {
    /// Whether `text` is a number as a spreadsheet writes one (`6.20621199001011E+17`,
    /// `620621199001011234.0`).
    static func isSpreadsheetNumber(_ text: String) -> Bool {
        text.contains(where: { $0 == "E" || $0 == "e" || $0 == "." })
            && text.allSatisfy({ $0.isASCII && ($0.isNumber || "Ee+.".contains($0)) }) && Double(text) != nil
    }
}

extension Bool {
    /// How the interchange format writes a yes/no field.
    var field: String { self ? "true" : "false" }
}
