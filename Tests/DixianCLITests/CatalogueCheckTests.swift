import ArgumentParser
import DixianConsole
import DixianCore
import DixianInterchange
import DixianPlugins
import DixianScreening
import DixianServer
import DixianTestSupport
import Foundation
import Testing

@testable import DixianCLI

/// Chinese throughout for a Chinese plugin: no `--help` of any command, and no error of a bad
/// invocation, holds an English sentence (`EnglishSentence`: three English words in a row that
/// are not an option, a placeholder, a file name, a URL or an identifier) when the plugin is
/// Chinese and the locale names no language (`C.UTF-8`, as on the counties' servers); with
/// `LANG=en_US.UTF-8` the same are in English. And every message of every catalogue has a
/// Chinese text with no English sentence in it.
struct CatalogueCheckTests {
    /// The Chinese plugin and a locale that names no language.
    static let chinese = ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]
    /// The same, with an English locale.
    static let english = ["LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]

    /// Every command and subcommand of `dixian`, as the words that name it (the root is `[]`).
    static func commands(of command: any ParsableCommand.Type = Dixian.self, named path: [String] = []) -> [[String]] {
        [path] + command.configuration.subcommands.flatMap { commands(of: $0, named: path + [$0._commandName]) }
    }

    /// The output of `arguments` in `environment`, standard output and error together.
    static func run(_ arguments: [String], _ environment: [String: String]) async throws -> (status: Int32, text: String) {
        let inherited = DixianTestEnvironment.isolated.merging(environment) { $1 }.filter { !$0.value.isEmpty }
        let outcome = try await DixianProcess.run(arguments, environment: inherited)
        return (outcome.status, outcome.output + outcome.errorOutput)
    }

    @Test func everyCommandsHelpIsChineseForAChinesePluginAndEnglishUnderAnEnglishLocale() async throws {
        let commands = Self.commands()
        #expect(commands.count > 50)
        for command in commands {
            let arguments = command + ["--help", "--plugin", "minqin"]
            let chinese = try await Self.run(arguments, Self.chinese)
            #expect(chinese.status == 0, "\(command): \(chinese.text)")
            #expect(chinese.text.contains("用法："), "\(command)")
            #expect(EnglishSentence.first(in: chinese.text) == nil,
                    "dixian \(command.joined(separator: " ")) --help: \(EnglishSentence.first(in: chinese.text) ?? "")")
            let english = try await Self.run(arguments, Self.english)
            #expect(english.text.contains("USAGE:") && english.text.contains("Show help information."), "\(command)")
            #expect(EnglishSentence.first(in: english.text) != nil, "\(command)")
        }
    }

    /// The run's language: the locale's when it names one, else the plugin's that `--plugin` (or
    /// the configuration file) names, read from its `plugin.lua` alone, else English.
    @Test func theLanguageIsDecidedBeforeParsing() {
        func decide(_ arguments: [String], _ environment: [String: String], configured: String? = nil) -> Language {
            CommandLanguage.decide(arguments: arguments, environment: environment, configuredPlugin: configured, configuredFolders: [])
        }
        #expect(decide(["screen", "--plugin", "minqin"], ["LANG": "C.UTF-8"]) == .chinese)
        #expect(decide(["screen", "--plugin=minqin", "--help"], [:]) == .chinese)
        #expect(decide(["screen", "--plugin", "minqin"], ["LANG": "en_US.UTF-8"]) == .english)
        #expect(decide(["screen", "--plugin", "Plugins/minqin"], ["LANG": "POSIX"]) == .chinese)
        #expect(decide(["screen", "--plugin", "no-such-plugin"], ["LANG": "C.UTF-8"]) == .english)
        #expect(decide(["screen", "--help"], ["LANG": "C.UTF-8"], configured: "minqin") == .chinese)
        #expect(decide(["screen", "--help"], ["LANG": "C.UTF-8"]) == .english)
        #expect(decide(["run", "script.lua", "--", "--plugin", "minqin"], ["LANG": "C.UTF-8"]) == .english)
        #expect(decide(["screen"], ["LANG": "zh_CN.UTF-8"]) == .chinese)
    }

    /// A configuration file that names a Chinese plugin makes the help Chinese without
    /// `--plugin`; no plugin anywhere leaves it English.
    @Test func aConfigurationNamingAChinesePluginGivesChineseHelp() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-catalogue-\(UUID().uuidString).toml")
        try Data("plugin = \"minqin\"\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let configured = try await Self.run(["screen", "--help"], Self.chinese.merging(["DIXIAN_CONFIG": file.path]) { $1 })
        #expect(configured.text.hasPrefix("概述：对范围内每一户") && EnglishSentence.first(in: configured.text) == nil, "\(configured.text)")
        let english = try await Self.run(["screen", "--help"], Self.english.merging(["DIXIAN_CONFIG": file.path]) { $1 })
        #expect(english.text.hasPrefix("OVERVIEW: Run a plugin's checks"))
        let none = try await Self.run(["screen", "--help"], Self.chinese)
        #expect(none.text.hasPrefix("OVERVIEW: Run a plugin's checks"))
    }

    /// Bad invocations: a missing option, an unknown one, a bad value, a missing registry; each
    /// refused in Chinese, and in English under an English locale.
    @Test(arguments: [
        ["screen", "--plugin", "minqin"],
        ["screen", "--plugin", "minqin", "--as-of", "2024-06-30", "--db", "x.sqlite", "--bogus"],
        ["screen", "--plugin", "minqin", "--as-of", "2024-06-30", "--db", "x.sqlite", "--format", "xml"],
        ["screen", "--plugin", "minqin", "--as-of", "2024-06-30", "--db", "x.sqlite", "--limit", "many"],
        ["screen", "--plugin", "minqin", "--as-of", "2024-06-30"],
        ["screen", "--plugin", "minqin", "--as-of", "2024-06-30", "--db", "/nonexistent/registry.sqlite"],
        ["screen", "--plugin", "minqin", "--as-of", "2024-13-01", "--db", "x.sqlite"],
        ["screen", "--plugin", "minqin", "--as-of"],
        ["monitor", "answer", "--plugin", "minqin", "--episode", "1", "--db", "x.sqlite"],
        ["monitor", "report", "--plugin", "minqin", "--db", "/nonexistent/registry.sqlite", "--channel", "self-report"],
        ["checklist", "--plugin", "minqin", "--db", "x.sqlite"],
        ["due", "--plugin", "minqin", "--db", "x.sqlite", "--within", "-1"],
        ["serve", "--plugin", "minqin", "--db", "x.sqlite", "--idle-timeout", "0"],
        ["monitor", "--plugin", "minqin"],
        ["nonsense", "--plugin", "minqin"],
    ])
    func aBadInvocationIsRefusedInChinese(_ arguments: [String]) async throws {
        let chinese = try await Self.run(arguments, Self.chinese)
        #expect(chinese.status != 0)
        #expect(chinese.text.contains("错误："), "\(chinese.text)")
        #expect(EnglishSentence.first(in: chinese.text) == nil, "\(arguments): \(chinese.text)")
        let english = try await Self.run(arguments, Self.english)
        #expect(english.status == chinese.status)
        #expect(english.text.contains("Error: ") && EnglishSentence.first(in: english.text) != nil, "\(english.text)")
    }

    /// Import files with Excel's traps, refused in Chinese under a Chinese locale (`dixian
    /// import` names no plugin) and in English under an English one.
    @Test func badImportFilesAreRefusedInChinese() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-catalogue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var households = Data("民勤县监测户信息表,,,\nnumber,village_code,head_name,category\n6206211002019001,620621100201,张".utf8)
        households.append(Data([0xFF]) + Data("三,general\n".utf8))
        try households.write(to: folder.appendingPathComponent("households.csv"))
        try Data("resident_id,household_number,name,relation,labor_capacity\n6.20621199001011E+17,6206211002019001,王芳,配偶\n".utf8)
            .write(to: folder.appendingPathComponent("members.csv"))
        try Data("household_number,year,wage,wages\n6206211002019001,2024,3428.571428571428,1\n".utf8)
            .write(to: folder.appendingPathComponent("incomes.csv"))
        let arguments = ["import", folder.path, "--db", folder.appendingPathComponent("registry.sqlite").path, "--dry-run"]
        let chinese = try await Self.run(arguments, ["LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(chinese.status == 1)
        #expect(chinese.text.contains("未导入任何数据") && chinese.text.contains("GB18030"), "\(chinese.text)")
        #expect(EnglishSentence.first(in: chinese.text) == nil, "\(chinese.text)")
        let english = try await Self.run(arguments, Self.english)
        #expect(english.text.contains("nothing was imported"), "\(english.text)")
    }

    /// Every message of every catalogue has its Chinese text, with no English sentence in it.
    @Test func everyCatalogueMessageIsChineseWithoutAnEnglishSentence() {
        let catalogues: [(String, [any CatalogueMessage])] = [
            ("CommandHelp", CommandHelp.samples), ("OptionHelp", OptionHelp.samples), ("CommandMessage", CommandMessage.samples),
            ("ParserPhrase", ParserPhrase.samples), ("FieldMessage", FieldMessage.samples), ("ImportMessage", ImportMessage.samples),
            ("ConsoleMessage", ConsoleMessage.samples), ("ConsoleHelp", ConsoleHelp.samples), ("ServerMessage", ServerMessage.samples),
            ("PluginMessage", PluginMessage.samples), ("ScreeningMessage", ScreeningMessage.samples), ("DossierLabel", DossierLabel.samples),
            ("ConfigurationMessage", ConfigurationMessage.samples), ("ProgressMessage", ProgressMessage.samples),
        ]
        for (name, messages) in catalogues {
            #expect(!messages.isEmpty, "\(name)")
            for message in messages {
                let chinese = message.text(in: .chinese)
                #expect(chinese.unicodeScalars.contains { (0x3000...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) } || chinese == message.english,
                        "\(name): \(message) has no Chinese")
                #expect(EnglishSentence.first(in: chinese) == nil, "\(name): \(chinese)")
            }
        }
        // The sentence finder itself: what is and is not an English sentence.
        #expect(EnglishSentence.first(in: "Show help information.") == "Show help information.")
        #expect(EnglishSentence.first(in: "请用 dixian help <subcommand> 查看 households.csv，--db FILE 或 --postgres URL") == nil)
        #expect(EnglishSentence.first(in: "postgres://USER[:PASSWORD]@HOST/DATABASE（默认：$DIXIAN_POSTGRES）") == nil)
    }
}
