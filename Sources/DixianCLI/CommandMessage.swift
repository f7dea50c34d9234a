import DixianCore
import DixianServer

/// What `dixian`'s commands say besides their help: refused arguments (`ValidationError`),
/// what a command did, and why it stopped, in the language of the run (`CommandLanguage`).
/// Option names, paths, ids and dates stay as they are.
enum CommandMessage: MessageCatalogue, Hashable {
    /// A SQLite registry that does not exist.
    case registryMissing(String)
    /// A SQLite registry that cannot be opened, and what SQLite (or the system) said.
    case registryUnopenable(path: String, reason: String)
    /// Both `--db` and `--postgres`.
    case twoRegistries
    /// An option that must be a positive number.
    case mustBePositive(option: String)
    /// An option that must be 0 or more.
    case mustNotBeNegative(option: String)
    /// An option that must lie in a range (`unit`: seconds, or none).
    case outOfRange(option: String, from: Int, to: Int, inSeconds: Bool)
    /// A date not written YYYY-MM-DD.
    case notADate(option: String, value: String)
    /// An `--area` that is not 2 to 12 digits.
    case notAnAreaCode(String)
    /// `screen --verify` with `--changed`.
    case verifyOrChanged
    /// A workflow command's change is committed but re-screening its households failed.
    case rescreenFailed(String)
    /// A workflow command changed more households than it re-screens itself.
    case rescreenDeferred(Int)
    /// What `screen --changed` re-screened: the households changed (on the state's date) or
    /// changed and woken (on a later one, `advanced`), the rest standing.
    case rescreened(Int, advanced: Bool)
    /// A checklist asked for in a report's format.
    case checklistFormat
    /// A registry that keeps no chained audit trail.
    case noChainedTrail(String)
    /// `eval --db` without `--plugin`.
    case registryWithoutPlugin
    /// `eval --plugin` without a registry.
    case pluginWithoutRegistry
    /// `eval` with neither `--plugin-dir` nor `--db` and `--plugin`.
    case evalNeedsPluginDirectory
    /// A `--plugin-dir` that is not a folder.
    case notAFolder(String)
    /// A size that is not bytes or a number with K, M or G.
    case notASize(String)
    /// A file that cannot be written.
    /// A file that cannot be read.
    case cannotRead(String)
    case cannotWrite(String)
    /// A `--public-url` that is not an http(s) address.
    case publicURL
    /// A user name that is empty or holds `.` or `:`.
    case userName
    /// `user add` without `--area`.
    case areaNeeded
    /// An `--area` no household of the registry lies in.
    case areaNotInRegistry(code: String, registry: String)
    /// No user of that name.
    case noUser(String)
    /// What an import checked or imported: rows in all, then `file rows` of each file.
    case imported(dryRun: Bool, rows: Int, files: [String])
    /// An import refused for its problems.
    case importRefused(problems: Int)
    /// Warnings imported: how many, matched and not.
    case warningsImported(Int, matched: Int, unmatched: Int)
    /// An unmatched warning: file and line, id, ID number (masked), department, reason.
    case unmatchedWarning(file: String, line: Int, id: Int64, residentID: String, department: String, reason: String)
    /// More unmatched warnings than are listed.
    case moreUnmatched
    /// An episode opened: id, household, channel (its identifier and Chinese name), date.
    case episodeOpened(Int64, household: String, channel: String, channelName: String, on: LocalDate)
    /// A plan made: id, episode, date.
    case planMade(Int64, episode: Int64, on: LocalDate)
    /// A plan adjusted.
    case planAdjusted(Int64, on: LocalDate)
    /// A measure added to a plan, with its deadline.
    case measureAdded(Int64, plan: Int64, due: LocalDate)
    /// A measure done.
    case measureDone(Int64, on: LocalDate)
    /// A visit recorded: id, household, role (identifier and Chinese name), visitor, date.
    case visitRecorded(Int64, household: String, role: String, roleName: String, visitor: String, on: LocalDate)
    /// A problem opened, with its deadline.
    case problemOpened(Int64, deadline: LocalDate)
    /// Problems opened from a screening run.
    case problemsFromRun(count: Int, run: Int64)
    /// A problem closed.
    case problemClosed(Int64, on: LocalDate)
    /// A warning verified and closed, and the episode it opened, if any.
    case warningClosed(Int64, episode: Int64?)
    /// A checklist written: its title, households, file.
    case checklistWritten(title: String, households: Int, to: String)
    /// A report written: its title, file.
    case reportWritten(title: String, to: String)
    /// An export written: rows, folder, and whether ID numbers were masked.
    case exported(rows: Int, to: String, masked: Bool)
    /// A registry copied: rows and seconds.
    case copied(rows: Int, seconds: String)
    /// No disclosures in the registry.
    case noDisclosures
    /// The audit chain is intact.
    case chainIntact(entries: Int)
    /// The audit chain is broken at an entry.
    case chainBroken(at: String, intactBefore: Int)
    /// A script that ended with changes it did not commit.
    case uncommittedScript
    /// The server started.
    case serving(registry: String, plugin: String, address: String)
    /// A user added, and until when the token is good.
    case userAdded(name: String, role: String, areas: String, until: LocalDate)
    /// A user revoked.
    case userRevoked(String)
    /// A user's password set (or replaced).
    case passwordSet(String)
    /// A user added without a password: they cannot sign in to the pages until one is set.
    case noPasswordGiven(String)
    /// A password refused (too short or too long), as the server says it.
    case passwordRefused(ServerMessage)
    /// The password typed twice at the terminal differs.
    case passwordsDiffer
    /// The prompts for a password at the terminal.
    case passwordPrompt(name: String, again: Bool)
    /// In `plugin list`: the plugin a listed plugin extends.
    case pluginExtends(String)
    /// In `plugin list`: a plugin of the same id as one found earlier in the search path.
    case pluginHidden
    /// In `plugin list`: a plugin that cannot be read, and why.
    case pluginBroken(String)
    /// `plugin list` found no plugin in the folders it searched.
    case noPlugins(searched: String)
    /// `audit disclosures`: one disclosure of unmasked data (the action as stored, in English).
    case disclosure(at: String, actor: String, action: String, records: Int, destination: String)
    /// `user list`: one user, with the role's identifier and Chinese name.
    case user(name: String, role: String, roleName: String, areas: String, until: LocalDate, revoked: Bool)

    /// The Chinese name of a disclosure's action, as `RegistryExport` and `copy` record it.
    private static func chineseAction(_ action: String) -> String {
        switch action {
        case "unmasked export": "未打码导出"
        case "copy to PostgreSQL": "复制到 PostgreSQL"
        default: action
        }
    }

    static var samples: [CommandMessage] {
        let day = LocalDate(year: 2024, month: 6, day: 30)!
        return [
            .registryMissing("/tmp/r.sqlite"), .registryUnopenable(path: "/tmp/r.sqlite", reason: "SQLITE_CANTOPEN"), .twoRegistries, .mustBePositive(option: "--workers"),
            .mustNotBeNegative(option: "--within"), .outOfRange(option: "--idle-timeout", from: 1, to: 3600, inSeconds: true),
            .outOfRange(option: "--max-connections", from: 1, to: 100_000, inSeconds: false), .notADate(option: "--as-of", value: "2024-13-01"), .verifyOrChanged,
            .rescreenFailed("2026-12-03 的监测范围参数未设定"), .rescreenDeferred(25_000), .rescreened(12, advanced: true),
            .rescreened(3, advanced: false),
            .notAnAreaCode("62x"), .checklistFormat, .noChainedTrail("/tmp/r.sqlite"), .registryWithoutPlugin, .pluginWithoutRegistry,
            .evalNeedsPluginDirectory, .notAFolder("/tmp/x"), .notASize("12Q"), .cannotWrite("/tmp/x.csv"), .cannotRead("/tmp/password"), .publicURL, .userName,
            .areaNeeded, .areaNotInRegistry(code: "620621", registry: "/tmp/r.sqlite"), .noUser("wang"),
            .imported(dryRun: false, rows: 12, files: ["households.csv 4", "members.csv 8"]),
            .imported(dryRun: true, rows: 12, files: ["households.csv 4", "members.csv 8"]), .importRefused(problems: 3),
            .warningsImported(5, matched: 4, unmatched: 1),
            .unmatchedWarning(file: "w.csv", line: 3, id: 7, residentID: "620621********1234", department: "医保", reason: "住院"),
            .moreUnmatched, .episodeOpened(3, household: "6206211000010001", channel: "self-report", channelName: "农户自主申报", on: day),
            .planMade(2, episode: 3, on: day), .planAdjusted(2, on: day), .measureAdded(5, plan: 2, due: day), .measureDone(5, on: day),
            .visitRecorded(9, household: "6206211000010001", role: "helper", roleName: "帮扶责任人", visitor: "李四", on: day),
            .problemOpened(4, deadline: day), .problemsFromRun(count: 6, run: 1), .problemClosed(4, on: day),
            .warningClosed(7, episode: nil), .checklistWritten(title: "六必访名单", households: 870, to: "六必访.xlsx"),
            .reportWritten(title: "自查报告", to: "自查报告.html"), .warningClosed(7, episode: 3), .exported(rows: 40, to: "/tmp/out", masked: true),
            .exported(rows: 40, to: "/tmp/out", masked: false), .copied(rows: 40, seconds: "1.2"), .noDisclosures,
            .chainIntact(entries: 40), .chainBroken(at: "entry 12", intactBefore: 11), .uncommittedScript,
            .serving(registry: "/tmp/r.sqlite", plugin: "minqin", address: "http://127.0.0.1:8080"),
            .userAdded(name: "wang", role: "township-staff", areas: "620621100", until: day), .userRevoked("wang"),
            .passwordSet("wang"), .noPasswordGiven("wang"), .passwordRefused(.passwordTooShort(minimum: 8)), .passwordsDiffer,
            .passwordPrompt(name: "wang", again: false), .passwordPrompt(name: "wang", again: true),
            .pluginExtends("national"), .pluginHidden, .pluginBroken("minqin/plugin.lua:3: api_version"), .noPlugins(searched: "/tmp/Plugins"),
            .disclosure(at: "2024-06-30T08:00:00Z", actor: "admin", action: "unmasked export", records: 120, destination: "/srv/out"),
            .user(name: "wang", role: "village", roleName: "村级", areas: "620621100201", until: day, revoked: true),
        ]
    }

    var texts: (chinese: String, english: String) {
        switch self {
        case .registryMissing(let path): ("--db \(path) 不存在", "--db \(path) does not exist")
        case .registryUnopenable(let path, let reason): ("无法打开登记库 \(path)：\(reason)", "cannot open the registry \(path): \(reason)")
        case .twoRegistries: ("--db 与 --postgres 只能给出一个", "give --db or --postgres, not both")
        case .verifyOrChanged: ("--verify 与 --changed 不能同时使用", "--verify and --changed cannot be used together")
        case .rescreenFailed(let why):
            ("已记录；但重新筛查所涉农户未能完成（\(why)），这些农户留待 dixian screen --changed 筛查",
             "Recorded; but re-screening the households it changed failed (\(why)): they wait for dixian screen --changed")
        case .rescreenDeferred(let count):
            ("已记录；所涉 \(count) 户较多，留待 dixian screen --changed 筛查",
             "Recorded; the \(count) households it changed are many: they wait for dixian screen --changed")
        case .rescreened(let count, let advanced) where advanced:
            ("只重新筛查了有变更或到期需复查的 \(count) 户，其余农户的结果不受日期变化影响，保持不变",
             "Re-screened only the \(count) households changed or due again on this date; the others' answers stand")
        case .rescreened(let count, _):
            ("只重新筛查了有变更的 \(count) 户", "Re-screened only the \(count) households changed")
        case .mustBePositive(let option): ("\(option) 须为正数", "\(option) must be positive")
        case .mustNotBeNegative(let option): ("\(option) 不能小于 0", "\(option) must be 0 or more")
        case .outOfRange(let option, let from, let to, let seconds):
            ("\(option) 须在 \(from) 至 \(to)\(seconds ? " 秒" : "") 之间", "\(option) must be from \(from) to \(to)\(seconds ? " seconds" : "")")
        case .notADate(let option, let value): ("\(option) \(value) 不是 YYYY-MM-DD 格式的日期", "\(option) \(value) is not a date written YYYY-MM-DD")
        case .notAnAreaCode(let area): ("--area \(area) 不是区划代码（2 至 12 位数字）", "--area \(area) is not an area code (2 to 12 digits)")
        case .checklistFormat: ("台账的 --format 须为 xlsx、csv 或 pdf", "--format must be xlsx, csv or pdf for a checklist")
        case .noChainedTrail(let registry): ("\(registry) 没有链式审计日志", "\(registry) does not keep a chained audit trail")
        case .registryWithoutPlugin: ("--db 或 --postgres 须与 --plugin 同用", "--db or --postgres goes with --plugin")
        case .pluginWithoutRegistry:
            ("--plugin 需要登记库：--db FILE 或 --postgres URL（或 DIXIAN_POSTGRES）",
             "--plugin needs the registry: --db FILE or --postgres URL (or DIXIAN_POSTGRES)")
        case .evalNeedsPluginDirectory: ("请给出 --plugin-dir，或 --db 和 --plugin", "give --plugin-dir, or --db and --plugin")
        case .notAFolder(let path): ("--plugin-dir \(path) 不是文件夹", "--plugin-dir \(path) is not a directory")
        case .notASize(let text): ("“\(text)”不是大小（以字节计，或数字加 K、M、G）", "'\(text)' is not a size (use bytes, or a number with K, M or G)")
        case .cannotWrite(let path): ("无法写入 \(path)", "cannot write \(path)")
        case .cannotRead(let path): ("无法读取 \(path)", "cannot read \(path)")
        case .publicURL:
            ("--public-url 须为 http:// 或 https:// 地址，如 https://dixian.example.gov.cn",
             "--public-url must be an http:// or https:// address, such as https://dixian.example.gov.cn")
        case .userName: ("--name 不能为空，也不能含 . 或 :", "--name must not be empty or hold '.' or ':'")
        case .areaNeeded: ("请至少给出一个 --area，每个都是区划代码（数字）", "give at least one --area, each an area code (digits)")
        case .areaNotInRegistry(let code, let registry):
            ("--area \(code) 不是 \(registry) 中的县（6 位）、乡镇（9 位）或村（12 位）代码：没有哪户的村级代码以它开头",
             "--area \(code) is not a county (6 digits), township (9) or village (12) code of \(registry): "
                + "no household's village code begins with it")
        case .noUser(let name): ("没有用户 \(name)", "no user \(name)")
        case .imported(let dryRun, let rows, let files):
            ("\(dryRun ? "已检查" : "已导入") \(rows) 行：\(files.joined(separator: "，"))",
             "\(dryRun ? "checked" : "imported") \(rows) rows: \(files.joined(separator: ", "))")
        case .importRefused(let problems): ("共 \(problems) 个问题；未导入任何数据", "\(problems) problems; nothing was imported")
        case .warningsImported(let count, let matched, let unmatched):
            ("已导入预警\(count)条：匹配到农户\(matched)条，未匹配\(unmatched)条（均已建立乡镇核实任务）",
             "imported \(count) warnings: \(matched) matched, \(unmatched) unmatched (each is a verification task)")
        case .unmatchedWarning(let file, let line, let id, let residentID, let department, let reason):
            ("  \(file):\(line)  预警 \(id)  \(residentID)  \(department)  \(reason)",
             "  \(file):\(line)  warning \(id)  \(residentID)  \(department)  \(reason)")
        case .moreUnmatched: ("  ……全部未匹配记录请加 --all-unmatched", "  ... (all of them: --all-unmatched)")
        case .episodeOpened(let id, let household, let channel, let channelName, let on):
            ("已建立监测记录\(id)（户\(household)，\(channelName)，\(on)）", "opened episode \(id) (household \(household), \(channel), \(on))")
        case .planMade(let id, let episode, let on): ("已制定帮扶计划\(id)（监测记录\(episode)，\(on)）", "made plan \(id) (episode \(episode), \(on))")
        case .planAdjusted(let plan, let on): ("帮扶计划\(plan)已于\(on)调整", "plan \(plan) adjusted on \(on)")
        case .measureAdded(let id, let plan, let due):
            ("已添加帮扶措施\(id)（帮扶计划\(plan)，\(due)前完成）", "added measure \(id) to plan \(plan), due \(due)")
        case .measureDone(let measure, let on): ("帮扶措施\(measure)已于\(on)完成", "measure \(measure) done on \(on)")
        case .visitRecorded(let id, let household, let role, let roleName, let visitor, let on):
            ("已记录走访\(id)（户\(household)，\(roleName)\(visitor)，\(on)）",
             "recorded visit \(id) (household \(household), \(role) \(visitor), \(on))")
        case .problemOpened(let id, let deadline): ("已建立问题\(id)，整改时限\(deadline)", "opened problem \(id), due \(deadline)")
        case .problemsFromRun(let count, let run): ("由筛查\(run)建立问题\(count)条", "opened \(count) problems from screening run \(run)")
        case .problemClosed(let problem, let on): ("问题\(problem)已于\(on)办结", "problem \(problem) closed on \(on)")
        case .warningClosed(let warning, let episode):
            ("预警\(warning)已核实办结" + (episode.map { "，已建立监测记录\($0)" } ?? ""),
             "warning \(warning) verified and closed" + (episode.map { "; opened episode \($0)" } ?? ""))
        case .checklistWritten(let title, let households, let out):
            ("\(title)：共 \(households) 户，已写入 \(out)", "\(title): \(households) households written to \(out)")
        case .reportWritten(let title, let out): ("\(title)：已写入 \(out)", "\(title): written to \(out)")
        case .exported(let rows, let out, let masked):
            ("已导出 \(rows) 行到 \(out)\(masked ? "（身份证号已脱敏）" : "")", "exported \(rows) rows to \(out)\(masked ? " (ID numbers masked)" : "")")
        case .copied(let rows, let seconds): ("已复制 \(rows) 行，用时 \(seconds) 秒", "copied \(rows) rows in \(seconds) s")
        case .noDisclosures: ("没有披露记录", "no disclosures recorded")
        case .chainIntact(let entries): ("共 \(entries) 条记录，审计链完好", "\(entries) entries, chain intact")
        case .chainBroken(let at, let before):
            ("审计链在 \(at) 处被破坏（之前的 \(before) 条记录完好）", "chain broken at \(at) (\(before) entries before it are intact)")
        case .uncommittedScript:
            ("dixian：脚本结束时没有 commit()：其修改已放弃", "dixian: the script ended without commit(): its changes were dropped")
        case .serving(let registry, let plugin, let address):
            ("dixian：正在以插件 \(plugin) 提供登记库 \(registry) 的服务，地址 \(address)", "dixian: serving \(registry) with \(plugin) on \(address)")
        case .userAdded(let name, let role, let areas, let until):
            ("dixian：\(name)（\(role)，\(areas)）有效期至 \(until)；上面的令牌只显示这一次",
             "dixian: \(name) (\(role), \(areas)) until \(until); the token above is shown only once")
        case .userRevoked(let name): ("已撤销 \(name)", "revoked \(name)")
        case .passwordSet(let name): ("dixian：已为 \(name) 设置登录密码", "dixian: \(name)'s password is set")
        case .noPasswordGiven(let name):
            ("dixian：\(name) 未设置登录密码，暂不能登录网页；请用 dixian user password \(name) 设置",
             "dixian: \(name) has no password and cannot sign in to the pages yet: set one with dixian user password \(name)")
        case .passwordRefused(let problem): problem.texts
        case .passwordsDiffer: ("两次输入的密码不一致", "the two passwords differ")
        case .passwordPrompt(let name, let again):
            again ? ("再次输入 \(name) 的新密码：", "\(name)'s new password again: ") : ("\(name) 的新密码：", "\(name)'s new password: ")
        case .pluginExtends(let base): ("扩展 \(base)", "extends \(base)")
        case .pluginHidden: ("（被上面的同名插件遮蔽）", "(hidden by the one above)")
        case .pluginBroken(let problem): ("无法读取：\(problem)", "broken: \(problem)")
        case .noPlugins(let searched): ("在 \(searched) 中没有插件", "no plugins in \(searched)")
        case .disclosure(let at, let actor, let action, let records, let destination):
            ("\(at)  \(actor)  \(Self.chineseAction(action))  \(records) 条记录  → \(destination)",
             "\(at)  \(actor)  \(action)  \(records) records  → \(destination)")
        case .user(let name, let role, let roleName, let areas, let until, let revoked):
            ("\(name)  \(roleName)  \(areas)  有效期至 \(until)\(revoked ? "  已撤销" : "")",
             "\(name)  \(role)  \(areas)  until \(until)\(revoked ? "  revoked" : "")")
        }
    }
}
