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

extension Language {
    /// The variables that name the locale of messages, strongest first.
    public static let localeVariables = ["LC_ALL", "LC_MESSAGES", "LANG"]

    /// The language the locale names: that of the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// that is set and not empty, when it is Chinese (`zh…`) or English (`en…`); nil for any
    /// other locale (none, `C`, `POSIX`, `C.UTF-8`, …).
    public static func ofLocale(_ environment: [String: String]) -> Language? {
        let locale = localeVariables.lazy.compactMap { environment[$0] }.first { !$0.isEmpty }?.lowercased() ?? ""
        if locale.hasPrefix("zh") { return .chinese }
        if locale.hasPrefix("en") { return .english }
        return nil
    }

    /// The language messages are shown in: the locale's (`ofLocale`), else the plugin's, else
    /// English.
    public static func shown(environment: [String: String], plugin: Language?) -> Language {
        ofLocale(environment) ?? plugin ?? .english
    }
}
