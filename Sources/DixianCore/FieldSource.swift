/// One row of a store or a file, its fields read by their position in a `RecordLayout`. Each
/// store reads its own types (SQLite's integers, PostgreSQL's booleans); a file reads text. The
/// defaults read text, as a file does. A failure's `FieldError` may leave the column empty: the
/// typed readers below name the field.
public protocol FieldSource {
    /// The field's text, nil when it is empty or NULL.
    func text(at position: Int) throws(FieldError) -> String?
    /// A whole number, nil when absent.
    func integer(at position: Int) throws(FieldError) -> Int64?
    /// An amount, nil when absent.
    func money(at position: Int) throws(FieldError) -> Money?
    /// Yes or no, nil when absent.
    func flag(at position: Int) throws(FieldError) -> Bool?
    /// A date, nil when absent.
    func date(at position: Int) throws(FieldError) -> LocalDate?
    /// An official term, nil when absent.
    func term<T: OfficialTerm>(at position: Int, _: T.Type) throws(FieldError) -> T?
    /// A resident ID number, nil when absent.
    func residentID(at position: Int) throws(FieldError) -> ResidentID?
}

extension FieldSource {
    public func integer(at position: Int) throws(FieldError) -> Int64? {
        guard let value = try text(at: position) else { return nil }
        guard let number = Int64(value) else { throw FieldError(column: "", .notWholeNumber(value)) }
        return number
    }

    public func money(at position: Int) throws(FieldError) -> Money? {
        guard let value = try text(at: position) else { return nil }
        return try Money.read(yuan: value)
    }

    /// `true`/`false`, `1`/`0`, `是`/`否`, `Y`/`N`.
    public func flag(at position: Int) throws(FieldError) -> Bool? {
        guard let value = try text(at: position) else { return nil }
        switch value.lowercased() {
        case "true", "1", "是", "y", "yes": return true
        case "false", "0", "否", "n", "no": return false
        default: throw FieldError(column: "", .notYesOrNo(value))
        }
    }

    public func date(at position: Int) throws(FieldError) -> LocalDate? {
        guard let value = try text(at: position) else { return nil }
        guard let date = LocalDate(iso: value) else { throw FieldError(column: "", .notADate(value)) }
        return date
    }

    /// The term's identifier or its Chinese name.
    public func term<T: OfficialTerm>(at position: Int, _: T.Type) throws(FieldError) -> T? {
        guard let value = try text(at: position) else { return nil }
        guard let term = T(term: value) else { throw FieldError.unknown(value, T.self) }
        return term
    }

    public func residentID(at position: Int) throws(FieldError) -> ResidentID? {
        guard let value = try text(at: position) else { return nil }
        do {
            return try ResidentID(value)
        } catch {
            throw FieldError(column: "", .residentID(error.reason))
        }
    }
}

extension FieldError {
    /// `value` is not one of `T`'s terms.
    public static func unknown<T: OfficialTerm>(_ value: String, _: T.Type) -> FieldError {
        FieldError(column: "", .notATerm(value, allowed: T.termNames))
    }

    /// This error, naming `field`.
    func naming(_ field: some RecordField) -> FieldError {
        column.isEmpty ? FieldError(column: field.described.name, message) : self
    }
}

/// The typed readers records are read with: each names the field in its error.
extension FieldSource {
    /// Runs `read`, naming `field` in its error.
    @inline(__always)
    private func reading<F: RecordField, T>(_ field: F, _ read: () throws(FieldError) -> T) throws(FieldError) -> T {
        do {
            return try read()
        } catch {
            throw error.naming(field)
        }
    }

    public func text(_ field: some RecordField) throws(FieldError) -> String {
        guard let value = try reading(field, { () throws(FieldError) in try text(at: field.rawValue) }) else {
            throw FieldError(column: field.described.name, .empty)
        }
        return value
    }

    public func optionalText(_ field: some RecordField) throws(FieldError) -> String? {
        try reading(field) { () throws(FieldError) in try text(at: field.rawValue) }
    }

    public func term<T: OfficialTerm>(_ field: some RecordField) throws(FieldError) -> T {
        guard let value = try reading(field, { () throws(FieldError) in try term(at: field.rawValue, T.self) }) else {
            throw FieldError(column: field.described.name, .empty)
        }
        return value
    }

    public func optionalTerm<T: OfficialTerm>(_ field: some RecordField) throws(FieldError) -> T? {
        try reading(field) { () throws(FieldError) in try term(at: field.rawValue, T.self) }
    }

    /// Terms of `T` separated by `;` (or `、`, as officials write them); none when absent.
    public func terms<T: OfficialTerm>(_ field: some RecordField) throws(FieldError) -> Set<T> {
        guard let value = try optionalText(field) else { return [] }
        var terms: Set<T> = []
        for name in value.split(whereSeparator: { $0 == termListSeparator || $0 == "、" }) {
            let trimmed = String(name).trimmingBlanks
            guard let term = T(term: trimmed) else {
                throw FieldError(column: field.described.name, FieldError.unknown(trimmed, T.self).message)
            }
            terms.insert(term)
        }
        return terms
    }

    public func date(_ field: some RecordField) throws(FieldError) -> LocalDate {
        guard let value = try optionalDate(field) else { throw FieldError(column: field.described.name, .empty) }
        return value
    }

    public func optionalDate(_ field: some RecordField) throws(FieldError) -> LocalDate? {
        try reading(field) { () throws(FieldError) in try date(at: field.rawValue) }
    }

    /// An amount: zero when absent; negative only where the field's kind allows it.
    public func money(_ field: some RecordField) throws(FieldError) -> Money {
        guard let amount = try reading(field, { () throws(FieldError) in try money(at: field.rawValue) }) else { return .zero }
        if amount < .zero, case .money = field.described.kind {
            throw FieldError(column: field.described.name, .negative(amount))
        }
        return amount
    }

    /// An amount that must be given.
    public func requiredMoney(_ field: some RecordField) throws(FieldError) -> Money {
        guard let amount = try reading(field, { () throws(FieldError) in try money(at: field.rawValue) }) else {
            throw FieldError(column: field.described.name, .empty)
        }
        if amount < .zero, case .money = field.described.kind {
            throw FieldError(column: field.described.name, .negative(amount))
        }
        return amount
    }

    /// A whole number within the field's range.
    public func integer(_ field: some RecordField) throws(FieldError) -> Int {
        guard let value = try optionalInteger(field) else { throw FieldError(column: field.described.name, .empty) }
        return value
    }

    public func optionalInteger(_ field: some RecordField) throws(FieldError) -> Int? {
        guard let number = try reading(field, { () throws(FieldError) in try integer(at: field.rawValue) }) else { return nil }
        let range: ClosedRange<Int> = switch field.described.kind {
        case .integer(let range): range
        default: 1...Int.max
        }
        guard let value = Int(exactly: number), range.contains(value) else {
            throw FieldError(column: field.described.name,
                             .outOfRange("\(number)", lower: range.lowerBound, upper: range.upperBound))
        }
        return value
    }

    /// A record's id (a positive whole number).
    public func identifier(_ field: some RecordField) throws(FieldError) -> Int64 {
        Int64(try integer(field))
    }

    public func optionalIdentifier(_ field: some RecordField) throws(FieldError) -> Int64? {
        try optionalInteger(field).map(Int64.init)
    }

    /// Yes or no; absent is no.
    public func flag(_ field: some RecordField) throws(FieldError) -> Bool {
        try reading(field) { () throws(FieldError) in try flag(at: field.rawValue) } ?? false
    }

    /// Yes, no, or unknown (absent).
    public func optionalFlag(_ field: some RecordField) throws(FieldError) -> Bool? {
        try reading(field) { () throws(FieldError) in try flag(at: field.rawValue) }
    }

    public func residentID(_ field: some RecordField) throws(FieldError) -> ResidentID {
        guard let id = try reading(field, { () throws(FieldError) in try residentID(at: field.rawValue) }) else {
            throw FieldError(column: field.described.name, .empty)
        }
        return id
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and ideographic spaces.
    public var trimmingBlanks: String {
        func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\u{3000}" }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isBlank(first) || isBlank(last) else { return self }
        guard let start = scalars.firstIndex(where: { !isBlank($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !isBlank($0) })!
        return String(scalars[start...end])
    }
}

extension Money {
    /// `text` read as an amount in yuan.
    /// - Throws: `FieldError` (naming no column) saying what is wrong with it.
    public static func read(yuan text: String) throws(FieldError) -> Money? {
        let shown = text.count > 40 ? "'\(text.prefix(20))…' (\(text.count) characters)" : "'\(text)'"
        switch parse(yuan: text) {
        case .amount(let amount): return amount
        case .notANumber: throw FieldError(column: "", .notAnAmount(shown))
        case .tooLarge: throw FieldError(column: "", .amountTooLarge(shown))
        case .tooManyDecimals: throw FieldError(column: "", .tooManyDecimals(shown))
        }
    }
}
