import DixianCore
import GRDB

extension Row {
    /// An official term stored as its identifier.
    func term<T: OfficialTerm>(_ column: String, in table: String) throws -> T {
        let text: String = self[column]
        guard let term = T(rawValue: text) else { throw CorruptRow(table: table, column: column, value: text) }
        return term
    }

    /// An optional official term.
    func optionalTerm<T: OfficialTerm>(_ column: String, in table: String) throws -> T? {
        guard let text: String = self[column] else { return nil }
        guard let term = T(rawValue: text) else { throw CorruptRow(table: table, column: column, value: text) }
        return term
    }

    /// A date stored as `YYYY-MM-DD`.
    func date(_ column: String, in table: String) throws -> LocalDate {
        let text: String = self[column]
        guard let date = LocalDate(iso: text) else { throw CorruptRow(table: table, column: column, value: text) }
        return date
    }

    /// An optional date.
    func optionalDate(_ column: String, in table: String) throws -> LocalDate? {
        guard let text: String = self[column] else { return nil }
        guard let date = LocalDate(iso: text) else { throw CorruptRow(table: table, column: column, value: text) }
        return date
    }

    /// An amount stored in fen.
    func money(_ column: String) -> Money { Money(fen: self[column]) }
}
