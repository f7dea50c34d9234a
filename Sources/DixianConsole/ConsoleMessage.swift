import DixianCore

/// What `dixian repl` says to an administrator: its banner, questions, refusals and labels.
/// Lua code (`monitor('report', {...})`), option names and dates stay as they are.
public enum ConsoleMessage: MessageCatalogue, Hashable {
    /// The banner: the plugin's name, id and version, the console's date, and the actor when
    /// changes may be made (nil: read-only).
    case banner(plugin: String, id: String, version: String, asOf: LocalDate, writingAs: String?)
    /// A chunk stopped by Ctrl-C.
    case interrupted(String)
    /// Leaving with `count` changes not committed.
    case dropChanges(count: Int)
    /// Input ended with changes not committed.
    case endOfInputDropped
    /// A chunk given to `eval` that is not a whole statement (an unclosed `do`, a string).
    case incompleteChunk
    /// The registry file does not exist.
    case registryMissing(String)
    /// `commit()` made the changes, but re-screening the households they changed failed.
    case rescreenFailed(String)
    /// `commit()` changed more households than it re-screens itself.
    case rescreenDeferred(Int)
    /// A script file that is not UTF-8 text.
    case unreadableScript(String)
    /// `close_problem` without its id or fix.
    case closeProblemNeedsIDAndFix
    /// A date argument not written YYYY-MM-DD.
    case notADate(field: String, text: String)
    /// No household with this number.
    case noHousehold(String)
    /// An argument that is neither a household's view nor its number.
    case notAHousehold
    /// A function that changes the registry, in a read-only console.
    case readOnly(function: String)
    /// `monitor('report', ...)` without household or channel.
    case reportNeedsHouseholdAndChannel
    /// `monitor(action, ...)` without the episode.
    case actionNeedsEpisode(String)
    /// `monitor('approve', ...)` without a kind.
    case approveNeedsKind
    /// `monitor('eliminate', ...)` without a stage.
    case eliminateNeedsStage
    /// `monitor` with an action it does not know.
    case unknownAction(String)
    /// `visit{...}` without household, visitor or role.
    case visitNeedsHouseholdVisitorRole
    /// `report(id, { format = 'pdf' })`: PDFs are printed by the command line.
    case pdfFromCommandLine(report: String, out: String)
    /// A `township` or `village` filter that is not an area code.
    case notAnAreaCode(function: String, field: String)
    /// A `limit` that is not a positive integer.
    case limitNotPositive(function: String)
    /// A filter the function does not know.
    case unknownFilter(function: String, field: String)
    /// The column headers of a household's members, separated by tabs.
    case memberColumns
    /// A member's sex (`female`, `male`).
    case sex(String)
    /// A year's income: net and per head, in yuan.
    case income(year: String, net: String, perHead: String)
    /// The separator of a list of terms.
    case listSeparator
    /// A monitoring episode: id, status, date reported, risk types.
    case episode(id: String, status: String, reportedOn: String, risks: String)
    /// A household in one line: number, head, category, size, village, and its helper if any.
    case household(number: String, head: String, category: String, size: String, village: String, helper: String?)

    public static var samples: [ConsoleMessage] {
        let day = LocalDate(year: 2024, month: 6, day: 30)!
        return [
            .rescreenFailed("2026-12-03 的监测范围参数未设定"), .rescreenDeferred(25_000),
            .incompleteChunk,
            .banner(plugin: "民勤县", id: "minqin", version: "1.0.0", asOf: day, writingAs: nil),
            .banner(plugin: "民勤县", id: "minqin", version: "1.0.0", asOf: day, writingAs: "wang"),
            .interrupted("console:1"), .dropChanges(count: 2), .endOfInputDropped, .registryMissing("/tmp/r.sqlite"),
            .unreadableScript("/tmp/s.lua"), .closeProblemNeedsIDAndFix, .notADate(field: "on", text: "2024/6/30"),
            .noHousehold("6206211000010001"), .notAHousehold, .readOnly(function: "visit"), .reportNeedsHouseholdAndChannel,
            .actionNeedsEpisode("verify"), .approveNeedsKind, .eliminateNeedsStage, .unknownAction("close"),
            .visitNeedsHouseholdVisitorRole, .pdfFromCommandLine(report: "self-inspection", out: "r.pdf"),
            .notAnAreaCode(function: "find", field: "township"), .limitNotPositive(function: "find"),
            .unknownFilter(function: "find", field: "size"), .memberColumns, .sex("female"), .sex("male"),
            .income(year: "2023", net: "24000", perHead: "6000"), .listSeparator,
            .episode(id: "3", status: "已识别", reportedOn: "2024-05-01", risks: "因病"),
            .household(number: "6206211000010001", head: "张三", category: "监测户", size: "4", village: "620621100001", helper: "李四"),
        ]
    }

    public var texts: (chinese: String, english: String) {
        switch self {
        case .banner(let plugin, let id, let version, let asOf, let actor):
            ("底线 Dixian 控制台：\(plugin)（\(id) \(version)），日期 \(asOf)，"
                + (actor.map { "可写（修改在 commit() 前不生效，审计记为 \($0)）" } ?? "只读") + "。输入 .help 查看可用函数，.quit 退出。",
             "Dixian console: \(plugin) (\(id) \(version)), as of \(asOf), "
                + (actor.map { "writable (changes take effect at commit(), audited as \($0))" } ?? "read-only")
                + ". .help lists the functions, .quit leaves.")
        case .interrupted(let message): ("已中断（\(message)）", "interrupted (\(message))")
        case .dropChanges(let count):
            ("有 \(count) 项修改尚未提交（commit()）。放弃这些修改并退出？(y/N) ", "\(count) changes are not committed (commit()). Drop them and leave? (y/N) ")
        case .endOfInputDropped: ("\n输入已结束：未提交的修改已放弃。", "\nend of input: the uncommitted changes are dropped.")
        case .incompleteChunk: ("console: 语句不完整（缺少 end、右括号或引号？）", "console: the chunk is not complete")
        case .registryMissing(let path): ("--db \(path) 不存在", "--db \(path) does not exist")
        case .rescreenFailed(let why):
            ("已提交；但重新筛查所涉农户未能完成（\(why)），这些农户留待 dixian screen --changed 筛查",
             "Committed; but re-screening the households it changed failed (\(why)): they wait for dixian screen --changed")
        case .rescreenDeferred(let count):
            ("已提交；所涉 \(count) 户较多，留待 dixian screen --changed 筛查",
             "Committed; the \(count) households it changed are many: they wait for dixian screen --changed")
        case .unreadableScript(let path): ("无法按 UTF-8 文本读取 \(path)", "cannot read \(path) as UTF-8 text")
        case .closeProblemNeedsIDAndFix: ("close_problem 需要 id 和 fix（问题编号和整改措施）", "close_problem needs id and fix")
        case .notADate(let field, let text): ("\(field) 须为 YYYY-MM-DD 格式的日期，而不是“\(text)”", "\(field) must be a date written YYYY-MM-DD, got '\(text)'")
        case .noHousehold(let number): ("没有户编号为 \(number) 的户", "no household \(number)")
        case .notAHousehold: ("应为一户：户的视图或户编号", "expected a household: a view or a household number")
        case .readOnly(let function):
            ("\(function)：控制台为只读；要修改登记库，请用 --write 启动", "\(function): the console is read-only; start it with --write to change the registry")
        case .reportNeedsHouseholdAndChannel:
            ("monitor('report', { household =, channel =, on = }) 需要 household（户编号）和 channel（发现渠道）",
             "monitor('report', { household =, channel =, on = }) needs household and a channel")
        case .actionNeedsEpisode(let action):
            ("monitor('\(action)', { episode =, on = ... }) 需要监测记录编号 episode", "monitor('\(action)', { episode =, on = ... }) needs the episode's id")
        case .approveNeedsKind:
            ("monitor('approve', ...) 需要监测对象类别 kind（unstable、marginal、sudden-hardship）",
             "monitor('approve', ...) needs kind (unstable, marginal, sudden-hardship)")
        case .eliminateNeedsStage:
            ("monitor('eliminate', ...) 需要风险消除环节 stage（household-check、public-review、village-review、county-approval）",
             "monitor('eliminate', ...) needs stage (household-check, public-review, village-review, county-approval)")
        case .unknownAction(let name):
            ("monitor：没有操作“\(name)”（可用：report、verify、answer、approve、plan、eliminate、follow-up、send-back、relabel）",
             "monitor: unknown action '\(name)' (report, verify, answer, approve, plan, eliminate, follow-up, send-back, relabel)")
        case .visitNeedsHouseholdVisitorRole:
            ("visit{ household =, visitor =, role =, on = } 需要 household（户编号）、visitor（走访人）和 role（身份）",
             "visit{ household =, visitor =, role =, on = } needs household, visitor and role")
        case .pdfFromCommandLine(let report, let out):
            ("PDF 须在命令行打印：dixian report \(report) --format pdf --out \(out)",
             "a PDF is printed from the command line: dixian report \(report) --format pdf --out \(out)")
        case .notAnAreaCode(let function, let field): ("\(function)：\(field) 须为区划代码", "\(function): \(field) must be an area code")
        case .limitNotPositive(let function): ("\(function)：limit 须为正整数", "\(function): limit must be a positive integer")
        case .unknownFilter(let function, let field):
            ("\(function)：没有筛选项“\(field)”（可用：township、village、category、kind、status、risk_type、limit）",
             "\(function): unknown field '\(field)' (township, village, category, kind, status, risk_type, limit)")
        case .memberColumns:
            ("姓名\t关系\t年龄\t性别\t劳动能力\t健康\t残疾等级\t在校", "name\trelation\tage\tsex\tlabor\thealth\tdisability\tschool")
        case .sex(let sex): (sex == "female" ? "女" : "男", sex)
        case .income(let year, let net, let perHead):
            ("\(year)年 纯收入 \(net) 元，人均 \(perHead) 元", "\(year): net \(net), per head \(perHead)")
        case .listSeparator: ("、", ",")
        case .episode(let id, let status, let reportedOn, let risks):
            ("监测 \(id)  \(status)  \(reportedOn)  \(risks)", "episode \(id)  \(status)  \(reportedOn)  \(risks)")
        case .household(let number, let head, let category, let size, let village, let helper):
            ("户 \(number)  \(head)  \(category)  \(size)人  村 \(village)" + (helper.map { "  帮扶责任人 \($0)" } ?? ""),
             "household \(number)  \(head)  \(category)  \(size) people  village \(village)" + (helper.map { "  helper \($0)" } ?? ""))
        }
    }
}
