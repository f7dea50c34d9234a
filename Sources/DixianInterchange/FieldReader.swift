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
            throw FieldError(column: "", reason: "'\(text)' is not a date (YYYY-MM-DD) that exists")
        }
        if let bounds {
            guard date >= FieldBounds.earliestEvent else {
                throw FieldError(column: "", reason: "\(date) is before \(FieldBounds.earliestEvent), earlier than any record of the registry")
            }
            // Most dates are well before today: the column is looked at only for a later one.
            let latest = date <= bounds.latestEvent ? date : bounds.latestDate(names[position])
            guard date <= latest else {
                throw FieldError(column: "", reason: "\(date) is after \(latest), too far ahead of today (\(bounds.today))")
            }
        }
        return date
    }

    func money(at position: Int) throws(FieldError) -> Money? {
        guard let text = text(at: position) else { return nil }
        guard let amount = try Money.read(yuan: text) else { return nil }
        if bounds != nil, amount.fen.magnitude > FieldBounds.largestAmount.fen.magnitude {
            let shown = text.count > 40 ? "'\(text.prefix(20))…' (\(text.count) characters)" : "'\(text)'"
            throw FieldError(column: "", reason: "\(shown) is more than \(FieldBounds.largestAmount) yuan")
        }
        return amount
    }

    func residentID(at position: Int) throws(FieldError) -> ResidentID? {
        guard let text = text(at: position) else { return nil }
        let id: ResidentID
        do {
            id = try ResidentID(text)
        } catch {
            throw FieldError(column: "", reason: "ID number \(error)")
        }
        if let bounds, id.birthDate > bounds.today {
            throw FieldError(column: "", reason: "ID number has birth date \(id.birthDate), which is in the future")
        }
        return id
    }
}

extension Bool {
    /// How the interchange format writes a yes/no field.
    var field: String { self ? "true" : "false" }
}
