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

    /// The raw text of `column`, trimmed of spaces and tabs; empty if the column is absent.
    func raw(_ column: String) -> String {
        guard let position = positions[column], position < fields.count else { return "" }
        return fields[position].trimmingBlanks
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
        guard let amount = Money(yuan: value) else {
            throw FieldError(column: column, reason: "'\(value)' is not an amount in yuan (at most two decimals)")
        }
        guard amount >= .zero else { throw FieldError(column: column, reason: "is negative (\(value))") }
        return amount
    }

    /// An amount that may be negative (a month's net income).
    func signedMoney(_ column: String) throws(FieldError) -> Money {
        let value = try text(column)
        guard let amount = Money(yuan: value) else {
            throw FieldError(column: column, reason: "'\(value)' is not an amount in yuan (at most two decimals)")
        }
        return amount
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
        do {
            return try ResidentID(value)
        } catch {
            throw FieldError(column: column, reason: "ID number \(error)")
        }
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
