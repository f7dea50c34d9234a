import DixianCore

/// A spreadsheet that could not be written or read, and why.
public struct SheetError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in English.
    public let description: String
    /// What went wrong as a catalogue message, when there is one: shown in the language of
    /// whoever reads it (`text(in:)`).
    public let said: SheetMessage?

    /// An error saying `description`.
    public init(_ description: String) {
        self.description = description
        said = nil
    }

    /// An error the catalogue words.
    public init(_ said: SheetMessage) {
        description = said.english
        self.said = said
    }

    /// What went wrong in `language` (`description` when there is no catalogue message).
    public func text(in language: Language) -> String { said?.text(in: language) ?? description }
}
