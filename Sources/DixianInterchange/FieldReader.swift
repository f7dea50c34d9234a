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
}

/// What is wrong with one field of a row.
struct FieldError: Error {
    let column: String
    let reason: String
}

/// Reads the typed fields of one CSV row by column name.
struct FieldReader {
    let fields: [String]
    /// Column name → position in the row, from the file's header.
    let positions: [String: Int]
    /// The bounds of an import, or nil for fields read back from a store, which are taken as
    /// they were stored.
    var bounds: FieldBounds? = nil

    /// The raw text of `column`, trimmed of spaces and tabs; empty if the column is absent. In
    /// an import, a formula an export neutralised (`'=1+2`) reads as it was (`=1+2`).
    func raw(_ column: String) -> String {
        guard let position = positions[column], position < fields.count else { return "" }
        let text = fields[position].trimmingBlanks
        return bounds == nil ? text : text.formulaRestored
    }

    func text(_ column: String) throws(FieldError) -> String {
        let value = raw(column)
        guard !value.isEmpty else { throw FieldError(column: column, reason: "is empty") }
        return value
    }

    func optionalText(_ column: String) -> String? {
        let value = raw(column)
        return value.isEmpty ? nil : value
    }

    func term<T: OfficialTerm>(_ column: String) throws(FieldError) -> T {
        let value = try text(column)
        guard let term = T(term: value) else { throw unknown(column, value, T.self) }
        return term
    }

    func optionalTerm<T: OfficialTerm>(_ column: String) throws(FieldError) -> T? {
        guard let value = optionalText(column) else { return nil }
        guard let term = T(term: value) else { throw unknown(column, value, T.self) }
        return term
    }

    func date(_ column: String) throws(FieldError) -> LocalDate {
        let value = try text(column)
        guard let date = LocalDate(iso: value) else {
            throw FieldError(column: column, reason: "'\(value)' is not a date (YYYY-MM-DD) that exists")
        }
        if let bounds {
            guard date >= FieldBounds.earliestEvent else {
                throw FieldError(column: column, reason: "\(date) is before \(FieldBounds.earliestEvent), earlier than any record of the registry")
            }
            // Most dates are well before today: the column is looked at only for a later one.
            let latest = date <= bounds.latestEvent ? date : bounds.latestDate(column)
            guard date <= latest else {
                throw FieldError(column: column, reason: "\(date) is after \(latest), too far ahead of today (\(bounds.today))")
            }
        }
        return date
    }

    func optionalDate(_ column: String) throws(FieldError) -> LocalDate? {
        guard optionalText(column) != nil else { return nil }
        return try date(column)
    }

    /// A non-negative amount in yuan.
    func money(_ column: String) throws(FieldError) -> Money {
        let value = raw(column)
        guard !value.isEmpty else { return .zero }
        let amount = try amount(column, value)
        guard amount >= .zero else { throw FieldError(column: column, reason: "is negative (\(value))") }
        return amount
    }

    /// An amount that may be negative (a month's net income).
    func signedMoney(_ column: String) throws(FieldError) -> Money {
        try amount(column, try text(column))
    }

    /// `value` read as an amount, within the bounds of an import.
    private func amount(_ column: String, _ value: String) throws(FieldError) -> Money {
        let shown = value.count > 40 ? "'\(value.prefix(20))…' (\(value.count) characters)" : "'\(value)'"
        switch Money.parse(yuan: value) {
        case .amount(let amount):
            if bounds != nil, amount.fen.magnitude > FieldBounds.largestAmount.fen.magnitude {
                throw FieldError(column: column, reason: "\(shown) is more than \(FieldBounds.largestAmount) yuan")
            }
            return amount
        case .notANumber: throw FieldError(column: column, reason: "\(shown) is not an amount in yuan (at most two decimals)")
        case .tooLarge: throw FieldError(column: column, reason: "\(shown) is too large for an amount in yuan")
        case .tooManyDecimals:
            throw FieldError(column: column, reason: "\(shown) has more than two decimals (fen are the smallest unit)")
        }
    }

    func integer(_ column: String, in range: ClosedRange<Int>) throws(FieldError) -> Int {
        let value = try text(column)
        guard let number = Int(value), range.contains(number) else {
            throw FieldError(column: column, reason: "'\(value)' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    func optionalInteger(_ column: String, in range: ClosedRange<Int>) throws(FieldError) -> Int? {
        guard optionalText(column) != nil else { return nil }
        return try integer(column, in: range)
    }

    func identifier(_ column: String) throws(FieldError) -> Int64 {
        Int64(try integer(column, in: 1...Int.max))
    }

    func optionalIdentifier(_ column: String) throws(FieldError) -> Int64? {
        try optionalInteger(column, in: 1...Int.max).map(Int64.init)
    }

    /// A yes/no field: `true`/`false`, `1`/`0`, `是`/`否`, `Y`/`N`; empty is no.
    func flag(_ column: String) throws(FieldError) -> Bool {
        switch raw(column).lowercased() {
        case "true", "1", "是", "y", "yes": return true
        case "false", "0", "否", "n", "no", "": return false
        case let value: throw FieldError(column: column, reason: "'\(value)' is not yes or no (true/false, 是/否)")
        }
    }

    /// An optional yes/no field: empty is unknown.
    func optionalFlag(_ column: String) throws(FieldError) -> Bool? {
        optionalText(column) == nil ? nil : try flag(column)
    }

    /// Risk types separated by `;` (or `、` as officials write them), as identifiers or Chinese names.
    func riskTypes(_ column: String) throws(FieldError) -> Set<RiskType> {
        var risks: Set<RiskType> = []
        for name in raw(column).split(whereSeparator: { $0 == ";" || $0 == "、" }) {
            let trimmed = String(name).trimmingBlanks
            guard let risk = RiskType(term: trimmed) else {
                throw FieldError(column: column, reason: "'\(trimmed)' is not a risk type")
            }
            risks.insert(risk)
        }
        return risks
    }

    func residentID(_ column: String) throws(FieldError) -> ResidentID {
        let value = try text(column)
        let id: ResidentID
        do {
            id = try ResidentID(value)
        } catch {
            throw FieldError(column: column, reason: "ID number \(error)")
        }
        if let bounds, id.birthDate > bounds.today {
            throw FieldError(column: column, reason: "ID number has birth date \(id.birthDate), which is in the future")
        }
        return id
    }

    private func unknown<T: OfficialTerm>(_ column: String, _ value: String, _: T.Type) -> FieldError {
        let allowed = T.allCases.map { "\($0.rawValue) (\($0.chineseName))" }.joined(separator: ", ")
        return FieldError(column: column, reason: "'\(value)' is not one of \(allowed)")
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and ideographic spaces.
    var trimmingBlanks: String {
        func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\u{3000}" }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isBlank(first) || isBlank(last) else { return self }
        guard let start = scalars.firstIndex(where: { !isBlank($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !isBlank($0) })!
        return String(scalars[start...end])
    }
}

extension Bool {
    /// How the interchange format writes a yes/no field.
    var field: String { self ? "true" : "false" }
}
