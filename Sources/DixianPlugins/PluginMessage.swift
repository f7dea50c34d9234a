import DixianCore

/// What the plugin runtime itself says to officials: a run that cannot start for unset
/// parameters, a plugin or a checklist or report that is not there (`PluginError.said`), and the
/// yes and no of checklist and report cells.
public enum PluginMessage: MessageCatalogue, Hashable {
    /// A run on `date` that cannot start: one line per parameter unset then.
    case runCannotStart(LocalDate, [UnsetParameter])
    /// A true cell.
    case yes
    /// A false cell.
    case no
    /// A calendar that lists no holidays for `year`, which counts will soon need: the file to add them to.
    case calendarRunsOut(calendar: String, year: Int, file: String)
    /// No installed plugin is `reference`: the ids installed, the folders searched.
    case noPlugin(String, installed: [String], searched: [String])
    /// `plugin` declares no checklist `id`; it has `known`.
    case noChecklist(plugin: String, id: String, known: [String])
    /// `plugin` declares no report `id`; it has `known`.
    case noReport(plugin: String, id: String, known: [String])

    /// A parameter a run reads that is declared unset on its date.
    public struct UnsetParameter: Sendable, Hashable {
        /// Its id, and its title when that differs.
        public let id: String, title: String
        /// Since when it is unset, and why (the plugin's words).
        public let from: String, reason: String
        /// The plugin file and line to set it in.
        public let location: String

        /// `id（title）`, or the id alone when the title is the id.
        var name: String { title == id ? id : "\(id)（\(title)）" }
    }

    public static var samples: [PluginMessage] {
        let day = LocalDate(year: 2025, month: 1, day: 1)!
        return [.runCannotStart(day, [UnsetParameter(id: "income_line", title: "监测收入线", from: "2025-01-01", reason: "尚未公布",
                                                     location: "Plugins/minqin/parameters.lua:12")]), .yes, .no,
                .noPlugin("minqn", installed: ["minqin", "gulang"], searched: ["/usr/local/share/dixian/plugins"]),
                .noPlugin("minqn", installed: [], searched: []),
                .noChecklist(plugin: "minqin", id: "household-ledger", known: ["six-visits"]),
                .noReport(plugin: "minqin", id: "ledger", known: []),
                .calendarRunsOut(calendar: "cn", year: 2027, file: "national/calendars/cn.lua")]
    }

    public var texts: (chinese: String, english: String) {
        switch self {
        case .runCannotStart(let date, let gaps):
            ("\(date) 的运行无法开始：" + gaps.map {
                "参数 \($0.name) 自 \($0.from) 起未设置取值（\($0.reason)），请在 \($0.location) 为 \(date) 设置取值"
            }.joined(separator: "；"),
             "a run on \(date) cannot start: " + gaps.map {
                "parameter \($0.name) has no value from \($0.from) (\($0.reason)): set one for \(date) at \($0.location)"
             }.joined(separator: "; "))
        case .yes: ("是", "yes")
        case .no: ("否", "no")
        case .noPlugin(let reference, let installed, let searched):
            ("没有插件“\(reference)”（已安装：\(installed.isEmpty ? "无" : installed.joined(separator: "、"))；"
                + "查找了 \(searched.isEmpty ? "无" : searched.joined(separator: "、"))）",
             "no plugin '\(reference)' (installed: \(installed.isEmpty ? "none" : installed.joined(separator: ", ")); "
                + "searched \(searched.joined(separator: ", ")))")
        case .noChecklist(let plugin, let id, let known):
            ("插件 \(plugin) 没有声明台账“\(id)”（已有：\(known.isEmpty ? "无" : known.joined(separator: "、"))）",
             "\(plugin) declares no checklist '\(id)' (it has: \(known.isEmpty ? "none" : known.joined(separator: ", ")))")
        case .noReport(let plugin, let id, let known):
            ("插件 \(plugin) 没有声明报告“\(id)”（已有：\(known.isEmpty ? "无" : known.joined(separator: "、"))）",
             "\(plugin) declares no report '\(id)' (it has: \(known.isEmpty ? "none" : known.joined(separator: ", ")))")
        case .calendarRunsOut(let calendar, let year, let file):
            ("日历“\(calendar)”未列出 \(year) 年的节假日：计算到 \(year) 年的工作日将会失败；该年节假日和调休上班日公布后，请添加到 \(file)",
             "calendar '\(calendar)' lists no holidays for \(year): working days counted into \(year) fail "
                + "until its holidays and adjusted working days, once published, are added to \(file)")
        }
    }
}
