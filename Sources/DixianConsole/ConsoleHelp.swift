import DixianCore

/// What each function and dot-command of the console does, in one line: the text of `.help`
/// (`ConsoleAPI`), and in English the table of docs/plugin-api.md.
public enum ConsoleHelp: String, MessageCatalogue, CaseIterable, Sendable {
    case household, find, check, screen, due, monitor, visit, closeProblem, report, commit, rollback, reload, today
    case help, quit

    public static var samples: [ConsoleHelp] { allCases }

    public var texts: (chinese: String, english: String) {
        switch self {
        case .household: ("一户在控制台日期（或 date）的视图，与检查项看到的相同",
                          "a household's view as of the console's date (or `date`), as checks see it")
        case .find: ("符合条件的户的视图（最多 limit 户，默认 100 户），以及符合条件的总户数",
                     "the households that match, as views (at most `limit`, 100 by default), and how many match in all")
        case .check: ("对一户（视图或户编号）运行插件的检查项：发现的问题", "the plugin's checks on one household (a view or a number): its findings")
        case .screen: ("对所有符合条件的户运行插件的检查项：发现的问题及户编号（不保存）",
                       "the plugin's checks on every matching household: the findings, with household numbers (not stored)")
        case .due: ("插件的时限规定一户应办的事项及到期日，以及逾期办结的事项（done_on，不算逾期）",
                    "what the plugin's deadlines say a household owes, with due dates, and what it did late (`done_on`, not overdue)")
        case .monitor: ("一个监测环节（report、verify、answer、approve、plan、eliminate、follow-up、send-back、relabel），与 dixian monitor 相同",
                        "a monitoring step (report, verify, answer, approve, plan, eliminate, follow-up, send-back, relabel), as `dixian monitor` takes it")
        case .visit: ("记录一次走访，返回其编号", "records a visit; returns its id")
        case .closeProblem: ("以整改措施办结问题台账中的一个问题", "closes a problem of the ledger with what fixed it")
        case .report: ("生成插件的一份报表：Markdown 文本，或写入 out 指定的文件（xlsx、csv、html、md；PDF 请用 dixian report --format pdf 打印）",
                       "renders one of the plugin's reports: Markdown text, or a file at `out` (xlsx, csv, html, md; a PDF is printed with `dixian report --format pdf`)")
        case .commit: ("使本次会话的修改生效（--write）", "makes this session's changes permanent (--write)")
        case .rollback: ("放弃本次会话的修改（--write）", "drops this session's changes (--write)")
        case .reload: ("修改脚本后重新加载插件", "loads the plugin's scripts again, after an edit")
        case .today: ("控制台的日期（--as-of，或今天），格式为 YYYY-MM-DD", "the console's date (--as-of, or today), as YYYY-MM-DD")
        case .help: ("本列表", "this list")
        case .quit: ("退出控制台（有未提交的修改时先询问；Ctrl-D 亦同）", "leaves the console (asks first when changes are not committed; so does Ctrl-D)")
        }
    }
}
