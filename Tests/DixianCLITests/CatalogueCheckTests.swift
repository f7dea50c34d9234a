import ArgumentParser
import DixianConsole
import DixianCore
import DixianInterchange
import DixianPlugins
import DixianPostgres
import DixianReports
import DixianScreening
import DixianServer
import DixianSheets
import DixianWorkflow
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
            let wide = chinese.text.split(separator: "\n").first { $0.reduce(0) { $0 + ChineseWrap.columns($1) } > 80 }
            #expect(wide == nil, "dixian \(command.joined(separator: " ")) --help: \(wide ?? "")")
            let english = try await Self.run(arguments, Self.english)
            #expect(english.text.contains("USAGE:") && english.text.contains("Show help information."), "\(command)")
            #expect(EnglishSentence.first(in: english.text) != nil, "\(command)")
        }
    }

    /// Chinese lines are broken at a CJK character or a space to the width in columns (a CJK
    /// character takes two), never before closing or after opening punctuation; an option's help
    /// continues in its column; lines ArgumentParser broke at a space are joined first.
    @Test func chineseHelpIsWrappedAtCharacters() {
        let option = "  --as-of <as-of>         评估日期（YYYY-MM-DD）：按此日期适用参数、计算年龄、读取截至此日的记录。"
        #expect(ChineseWrap.wrap(option, width: 60) == "  --as-of <as-of>         评估日期（YYYY-MM-DD）：按此日期适\n"
                    + "                          用参数、计算年龄、读取截至此日的记\n"
                    + "                          录。")
        // Joined where ArgumentParser broke by characters (14 + 1 + 3 > 16), then broken by columns.
        #expect(ChineseWrap.wrap("一二三四五六七八九十 Lua\n状态。", width: 16) == "一二三四五六七八\n九十 Lua 状态。")
        #expect(ChineseWrap.wrap("每个工作线程有自己的\nLua 状态。", width: 20) == "每个工作线程有自己的\nLua 状态。")
        #expect(ChineseWrap.wrap("共（一二三四五六七）", width: 6) == "共（一\n二三四\n五六\n七）")
        #expect(ChineseWrap.wrap("短行。\n另一行。", width: 80) == "短行。\n另一行。")
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

    /// Text a program reads is not re-flowed as Chinese help is: the shell's completion script
    /// and the JSON of `--experimental-dump-help` come out the same whatever the language.
    @Test func completionScriptsAndDumpedHelpAreNotReflowed() async throws {
        for arguments in [["--generate-completion-script", "bash"], ["--generate-completion-script", "fish"], ["--experimental-dump-help"]] {
            let chinese = try await Self.run(arguments + ["--plugin", "minqin"], Self.chinese)
            let english = try await Self.run(arguments + ["--plugin", "minqin"], Self.english)
            #expect(chinese.status == 0 && chinese.text.split(separator: "\n").count == english.text.split(separator: "\n").count,
                    "\(arguments): \(chinese.text.prefix(300))")
        }
        let dumped = try await Self.run(["--experimental-dump-help", "--plugin", "minqin"], Self.chinese)
        #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(dumped.text.utf8)) }
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

    /// Failures a run meets after its arguments were accepted: a checklist or report the plugin
    /// does not declare, a registry SQLite cannot open (its own words kept), a plugin that is not
    /// installed. In Chinese for a Chinese plugin, in English under an English locale.
    @Test func aRunsFailureIsShownInChinese() async throws {
        let folder = TemporaryFolder("dixian-catalogue-run")
        let county = folder.path("county"), db = folder.path("r.sqlite"), unopenable = folder.path("folder.sqlite")
        #expect(try await DixianProcess.run(["generate", "--county", "minqin", "--households", "20", "--seed", "3", "--out", county,
                                             "--plugins", RegistryCommandTests.plugins]).status == 0)
        #expect(try await DixianProcess.run(["import", county, "--db", db]).status == 0)
        try FileManager.default.createDirectory(atPath: unopenable, withIntermediateDirectories: true)
        let runs: [(arguments: [String], chinese: String, english: String)] = [
            (["checklist", "household-ledger", "--plugin", "minqin", "--db", db, "--as-of", "2024-06-30", "--out", folder.path("x.xlsx")],
             "没有声明台账“household-ledger”", "minqin declares no checklist 'household-ledger'"),
            (["report", "ledger", "--plugin", "minqin", "--db", db, "--as-of", "2024-06-30", "--out", folder.path("x.html")],
             "没有声明报告“ledger”", "minqin declares no report 'ledger'"),
            (["screen", "--plugin", "minqin", "--db", unopenable, "--as-of", "2024-06-30"],
             "无法打开登记库 \(unopenable)：unable to open database file", "cannot open the registry \(unopenable): unable to open database file"),
            // The PostgreSQL store's own words; the system's reason for refusing is quoted as it is.
            (["screen", "--plugin", "minqin", "--postgres", "postgres://dixian@127.0.0.1:1/x", "--as-of", "2024-06-30"],
             "无法连接 PostgreSQL 服务器 127.0.0.1:1/x：", "cannot connect to the PostgreSQL server 127.0.0.1:1/x: "),
            (["screen", "--plugin", "minqin", "--postgres", "postgres://dixian@127.0.0.1:1/x?pool_size=0", "--as-of", "2024-06-30"],
             "pool_size 须为 1 至 100 的整数，不能是“0”", "pool_size must be a whole number from 1 to 100, not '0'"),
        ]
        for run in runs {
            let chinese = try await Self.run(run.arguments, Self.chinese)
            #expect(chinese.status == 1 && chinese.text.contains("错误：") && chinese.text.contains(run.chinese), "\(chinese.text)")
            let english = try await Self.run(run.arguments, Self.english)
            #expect(english.status == 1 && english.text.contains("Error: " + run.english), "\(english.text)")
        }
        // A plugin not found has no language of its own: a Chinese locale shows it in Chinese.
        let missing = try await Self.run(["screen", "--plugin", "minqn", "--db", db, "--as-of", "2024-06-30"],
                                         ["LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(missing.text.contains("没有插件“minqn”（已安装：") && EnglishSentence.first(in: missing.text) == nil, "\(missing.text)")
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

    /// The sandbox's stops (a budget spent, a library withheld) and a chunk left open reach an
    /// administrator in the plugin's language, still naming the chunk and line; Lua's own
    /// messages and the script's `error` texts are the script's words and stay as they are.
    @Test func aSandboxStopIsShownInThePluginsLanguage() async throws {
        let folder = TemporaryFolder("dixian-catalogue-sandbox")
        let county = folder.path("county"), db = folder.path("r.sqlite")
        #expect(try await DixianProcess.run(["generate", "--county", "minqin", "--households", "5", "--seed", "3", "--out", county,
                                             "--plugins", RegistryCommandTests.plugins]).status == 0)
        #expect(try await DixianProcess.run(["import", county, "--db", db]).status == 0)
        let eval = ["eval", "--db", db, "--plugin", "minqin", "--plugins", RegistryCommandTests.plugins, "--as-of", "2024-06-30",
                    "--instruction-budget", "100000"]
        let stops: [(chunk: String, chinese: String, english: String)] = [
            ("while true do end", "console:1: 超出指令预算（100000 条指令）", "console:1: instruction budget of 100000 instructions exceeded"),
            ("return io.open('/etc/passwd')", "console:1: 沙箱中不提供“io”", "console:1: 'io' is not available in the Dixian sandbox"),
            ("do x = 1", "console: 语句不完整", "console: the chunk is not complete"),
        ]
        for stop in stops {
            let chinese = try await Self.run(eval + [stop.chunk], Self.chinese)
            #expect(chinese.status == 1 && chinese.text.contains(stop.chinese), "\(chinese.text)")
            #expect(EnglishSentence.first(in: chinese.text) == nil, "\(chinese.text)")
            let english = try await Self.run(eval + [stop.chunk], Self.english)
            #expect(english.status == 1 && english.text.contains(stop.english), "\(english.text)")
        }
    }

    /// Every message of every catalogue has its Chinese text, with no English sentence in it.
    @Test func everyCatalogueMessageIsChineseWithoutAnEnglishSentence() {
        let catalogues: [(String, [any CatalogueMessage])] = [
            ("CommandHelp", CommandHelp.samples), ("OptionHelp", OptionHelp.samples), ("CommandMessage", CommandMessage.samples),
            ("ParserPhrase", ParserPhrase.samples), ("FieldMessage", FieldMessage.samples), ("ImportMessage", ImportMessage.samples),
            ("ConsoleMessage", ConsoleMessage.samples), ("ConsoleHelp", ConsoleHelp.samples), ("ServerMessage", ServerMessage.samples),
            ("PluginMessage", PluginMessage.samples), ("ScreeningMessage", ScreeningMessage.samples), ("DossierLabel", DossierLabel.samples),
            ("ConfigurationMessage", ConfigurationMessage.samples), ("ProgressMessage", ProgressMessage.samples),
            ("SheetMessage", SheetMessage.samples), ("DueMessage", DueMessage.samples),
            ("MonitoringRefusal", MonitoringRefusal.samples), ("WorkflowError", WorkflowError.samples),
            ("ReportLabel", ReportLabel.samples), ("SpecProblem", SpecProblem.samples), ("PluginCommandMessage", PluginCommandMessage.samples),
            ("PostgresMessage", PostgresMessage.samples), ("SandboxMessage", SandboxMessage.samples),
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
