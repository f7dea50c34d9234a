import DixianCore
import Foundation

/// ArgumentParser's own words in the help and errors it writes (`USAGE:`, `Show help
/// information.`, `Missing value for '--db <db>'` …), which it offers no way to translate:
/// `Dixian.main` renders its text and puts each phrase into the language of the run. Each
/// case is a regular expression over ArgumentParser's English (`pattern`; a space in it matches
/// any run of spaces and line breaks, where ArgumentParser wrapped the line) and the texts that
/// replace it, `$1`, `$2` standing for what it matched.
enum ParserPhrase: String, MessageCatalogue, CaseIterable {
    case overview, usageHeading, optionsHeading, argumentsHeading, subcommandsHeading
    case showHelp, showVersion, showSubcommandHelp, seeSubcommandHelp, seeMoreInformation
    case error, help, usage, missingArgument, missingValue, missingOneOf, missingSubcommand
    case unknownOptionSuggestion, unknownOption, invalidValueWithChoices, invalidValue, unexpectedArgument, unexpectedArguments
    case optionTakesNoValue, setTwice, valuesAndDefault, values, defaultValue, defaultSubcommand, orInAList

    static var samples: [ParserPhrase] { allCases }

    /// ArgumentParser's English, as a regular expression.
    var pattern: String {
        switch self {
        case .overview: #"^OVERVIEW: "#
        case .usageHeading: #"^USAGE: "#
        case .optionsHeading: #"^OPTIONS:$"#
        case .argumentsHeading: #"^ARGUMENTS:$"#
        case .subcommandsHeading: #"^SUBCOMMANDS:$"#
        case .showHelp: #"Show help information\."#
        case .showVersion: #"Show the version\."#
        case .showSubcommandHelp: #"Show subcommand help information\."#
        case .seeSubcommandHelp: #"See '([^']+) <subcommand>' for detailed help\."#
        case .seeMoreInformation: #"See '([^']+)' for more information\."#
        case .error: #"^Error: "#
        case .help: #"^Help: "#
        case .usage: #"^Usage: "#
        case .missingArgument: #"Missing expected argument '([^']+)'"#
        case .missingValue: #"Missing value for '([^']+)'"#
        case .missingOneOf: #"Missing one of: (.+)$"#
        case .missingSubcommand: #"Missing required subcommand\."#
        case .unknownOptionSuggestion: #"Unknown option '([^']+)'\. Did you mean '([^']+)'\?"#
        case .unknownOption: #"Unknown option '([^']+)'"#
        case .invalidValueWithChoices: #"The value '([^']*)' is invalid for '([^']+)'\. Please provide one of (.+)\.$"#
        case .invalidValue: #"The value '([^']*)' is invalid for '([^']+)'"#
        case .unexpectedArgument: #"Unexpected argument '([^']*)'"#
        case .unexpectedArguments: #"(\d+) unexpected arguments: (.+)$"#
        case .optionTakesNoValue: #"The option '([^']+)' does not take any value, but '([^']*)' was specified\."#
        case .setTwice: #"Value to be set with (.+) had already been set with (.+)$"#
        case .valuesAndDefault: #"\(values: ([^;)]*); default: ([^)]*)\)"#
        case .values: #"\(values: ([^)]*)\)"#
        case .defaultValue: #"\(default: ([^)]*)\)"#
        case .defaultSubcommand: #" \(default\)"#
        case .orInAList: #"' or '"#
        }
    }

    var texts: (chinese: String, english: String) {
        switch self {
        case .overview: ("概述：", "OVERVIEW: ")
        case .usageHeading: ("用法：", "USAGE: ")
        case .optionsHeading: ("选项：", "OPTIONS:")
        case .argumentsHeading: ("参数：", "ARGUMENTS:")
        case .subcommandsHeading: ("子命令：", "SUBCOMMANDS:")
        case .showHelp: ("显示帮助信息。", "Show help information.")
        case .showVersion: ("显示版本号。", "Show the version.")
        case .showSubcommandHelp: ("显示子命令的帮助信息。", "Show subcommand help information.")
        case .seeSubcommandHelp: ("子命令的详细帮助请用 '$1 <subcommand>'。", "See '$1 <subcommand>' for detailed help.")
        case .seeMoreInformation: ("更多信息请用 '$1'。", "See '$1' for more information.")
        case .error: ("错误：", "Error: ")
        case .help: ("帮助：", "Help: ")
        case .usage: ("用法：", "Usage: ")
        case .missingArgument: ("缺少参数 '$1'", "Missing expected argument '$1'")
        case .missingValue: ("'$1' 缺少取值", "Missing value for '$1'")
        case .missingOneOf: ("须给出以下之一：$1", "Missing one of: $1")
        case .missingSubcommand: ("缺少子命令。", "Missing required subcommand.")
        case .unknownOptionSuggestion: ("没有选项 '$1'。是否应为 '$2'？", "Unknown option '$1'. Did you mean '$2'?")
        case .unknownOption: ("没有选项 '$1'", "Unknown option '$1'")
        case .invalidValueWithChoices:
            ("'$1' 不是 '$2' 的有效取值。可选值：$3。", "The value '$1' is invalid for '$2'. Please provide one of $3.")
        case .invalidValue: ("'$1' 不是 '$2' 的有效取值", "The value '$1' is invalid for '$2'")
        case .unexpectedArgument: ("多余的参数 '$1'", "Unexpected argument '$1'")
        case .unexpectedArguments: ("$1 个多余的参数：$2", "$1 unexpected arguments: $2")
        case .optionTakesNoValue: ("选项 '$1' 不接受取值，却给出了 '$2'。", "The option '$1' does not take any value, but '$2' was specified.")
        case .setTwice: ("$1 与 $2 重复设置了同一项", "Value to be set with $1 had already been set with $2")
        case .valuesAndDefault: ("（可选值：$1；默认：$2）", "(values: $1; default: $2)")
        case .values: ("（可选值：$1）", "(values: $1)")
        case .defaultValue: ("（默认：$1）", "(default: $1)")
        case .defaultSubcommand: ("（默认）", " (default)")
        case .orInAList: ("' 或 '", "' or '")
        }
    }

    /// The groups of the pattern that hold a list of values (`table, json, csv`), which Chinese
    /// separates with 、.
    private var listGroups: Set<Int> {
        switch self {
        case .valuesAndDefault, .values: [1]
        case .invalidValueWithChoices: [3]
        default: []
        }
    }

    /// `text`, as ArgumentParser wrote it, with every phrase in `language`.
    static func translate(_ text: String, into language: Language) -> String {
        guard language != .english else { return text }
        var result = text
        for phrase in allCases {
            // Where ArgumentParser wrapped a phrase, its spaces became a line break and indentation.
            let pattern = phrase.pattern.replacingOccurrences(of: " ", with: #"\s+"#)
            guard let expression = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines]) else { continue }
            let source = result as NSString
            var translated = "", end = 0
            for match in expression.matches(in: result, range: NSRange(location: 0, length: source.length)) {
                translated += source.substring(with: NSRange(location: end, length: match.range.location - end))
                var replacement = phrase.text(in: language)
                for group in stride(from: match.numberOfRanges - 1, through: 1, by: -1) {
                    var value = source.substring(with: match.range(at: group))
                    if phrase.listGroups.contains(group) {
                        value = value.replacingOccurrences(of: #",\s+"#, with: "、", options: .regularExpression)
                    }
                    replacement = replacement.replacingOccurrences(of: "$\(group)", with: value)
                }
                translated += replacement
                end = match.range.location + match.range.length
            }
            result = translated + source.substring(from: end)
        }
        // Chinese needs no space before its full-width brackets.
        return result.replacingOccurrences(of: " （", with: "（")
    }
}
