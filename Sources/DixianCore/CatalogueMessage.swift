/// A message officials read, written once in Chinese and once in English. Each concern keeps its
/// messages as the cases of one enum in a catalogue file (`FieldMessage`, `ImportMessage`,
/// `ConsoleMessage`, `ServerMessage`, the command line's), so that no call site chooses between
/// two texts.
public protocol CatalogueMessage: Sendable {
    /// The message in Chinese and in English. Names of files, options, columns and codes, and
    /// numbers, stay as they are in both.
    var texts: (chinese: String, english: String) { get }
}

extension CatalogueMessage {
    /// The message in `language`.
    public func text(in language: Language) -> String {
        switch language {
        case .chinese: texts.chinese
        case .english: texts.english
        }
    }

    /// The message in English, for developers and logs.
    public var english: String { texts.english }
}

/// A catalogue of messages that can list one of each of its messages, for the tests that hold
/// every message to its language.
public protocol MessageCatalogue: CatalogueMessage {
    /// Every case, with sample values where it has any.
    static var samples: [Self] { get }
}
