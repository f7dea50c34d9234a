/// A closed list of terms from the national documents (household categories, risk types,
/// measure types...). Each term has an English identifier, used in code, files and the
/// database, and the Chinese name officials write, accepted wherever the identifier is.
public protocol OfficialTerm: RawRepresentable<String>, CaseIterable, Hashable, Sendable {
    /// The Chinese name used in the documents and on forms.
    var chineseName: String { get }
}

extension OfficialTerm {
    /// The term written either as its identifier or as its Chinese name.
    public init?(term: some StringProtocol) {
        let text = String(term)
        guard let match = Self.allCases.first(where: { $0.rawValue == text || $0.chineseName == text }) else {
            return nil
        }
        self = match
    }

    /// The term as officials read it in `language`: its Chinese name, or its identifier.
    public func name(in language: Language) -> String {
        switch language {
        case .chinese: chineseName
        case .english: rawValue
        }
    }
}
