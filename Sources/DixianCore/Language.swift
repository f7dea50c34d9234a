/// The language of what a plugin shows officials (refusals, labels, headers), from the
/// `language` field of its `plugin.lua`.
public enum Language: Sendable, Hashable, CaseIterable {
    /// Chinese (`zh`, or `zh-CN`).
    case chinese
    /// English (`en`).
    case english

    /// The codes `plugin.lua` may give, as written there (letter case included).
    public static let codes = ["zh", "zh-CN", "en"]

    /// The language of `code`, one of `codes`; nil for any other text.
    public init?(code: String) {
        switch code {
        case "zh", "zh-CN": self = .chinese
        case "en": self = .english
        default: return nil
        }
    }
}
