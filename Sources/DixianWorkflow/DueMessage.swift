import DixianCore

/// What a due list says around its items (`DueOutput`): its heading, counts, statuses and
/// notes. Plugin names, titles, dates and household numbers stay as they are.
public enum DueMessage: MessageCatalogue, Hashable {
    /// The heading: the plugin's name, id and version, and the date.
    case heading(name: String, id: String, version: String, asOf: LocalDate)
    /// Items in all and overdue.
    case counts(items: Int, overdue: Int)
    /// The overdue ones among the items of one kind (after its title and count).
    case overdueOfKind(Int)
    /// How many were done after their due dates.
    case moreDoneLate(Int)
    /// The heading of the section of work done late.
    case doneLateHeading(Int)
    /// The day an item was done.
    case doneOn(LocalDate)
    /// The day it was due.
    case dueBy(LocalDate)
    /// How many days late it was done.
    case daysLate(Int)
    /// How many days overdue it is.
    case daysOverdue(Int)
    /// An item due, not yet overdue.
    case due
    /// An item with no deadline yet, to be verified.
    case open
    /// The household an item is about (before its number).
    case household
    /// Only the first `shown` done-late items are listed.
    case firstDoneLate(Int)
    /// Only the first `shown` of `all` items are listed.
    case firstItems(shown: Int, all: Int)
    /// Deadlines that failed: the list is incomplete.
    case incomplete(failures: Int)
    /// More failures than are listed.
    case moreFailures
    /// The group of items of no township.
    case countyLevel
    /// The CSV header.
    case header

    public static var samples: [DueMessage] {
        let day = LocalDate(year: 2024, month: 6, day: 30)!
        return [.heading(name: "民勤县防止返贫动态监测", id: "minqin", version: "1.0.0", asOf: day), .counts(items: 12, overdue: 3),
                .overdueOfKind(2), .moreDoneLate(4), .doneLateHeading(4), .doneOn(day), .dueBy(day), .daysLate(5), .daysOverdue(6),
                .due, .open, .household, .firstDoneLate(200), .firstItems(shown: 200, all: 870), .incomplete(failures: 3),
                .moreFailures, .countyLevel, .header]
    }

    public var texts: (chinese: String, english: String) {
        switch self {
        case .heading(let name, let id, let version, let asOf):
            ("\(name) 待办和逾期事项（插件 \(id) \(version)，日期 \(asOf)）", "\(name): work due and overdue (plugin \(id) \(version), as of \(asOf))")
        case .counts(let items, let overdue): ("共 \(items) 项，其中已逾期 \(overdue) 项：", "\(items) items, \(overdue) overdue:")
        case .overdueOfKind(let overdue): ("（已逾期 \(overdue)）", " (\(overdue) overdue)")
        case .moreDoneLate(let count): ("另有逾期完成 \(count) 项（见“逾期完成”）。", "\(count) more done after their due dates (see \"Done late\").")
        case .doneLateHeading(let count): ("逾期完成（\(count) 项）", "Done late (\(count))")
        case .doneOn(let day): ("\(day)完成", "done \(day)")
        case .dueBy(let day): ("应于\(day)前", "due \(day)")
        case .daysLate(let days): ("逾期\(days)天", "\(days) days late")
        case .daysOverdue(let days): ("逾期\(days)天", "\(days) days overdue")
        case .due: ("待办", "due")
        case .open: ("待核实", "open")
        case .household: ("户 ", "household ")
        case .firstDoneLate(let limit): ("  仅列出前 \(limit) 项（全部请用 --format csv 或 json）", "  The first \(limit) (all of them: --format csv or json)")
        case .firstItems(let shown, let all):
            ("仅列出前 \(shown) 项（共 \(all) 项；全部请用 --format csv 或 json）", "The first \(shown) of \(all) items (all of them: --format csv or json)")
        case .incomplete(let failures):
            ("清单不完整：以下时限规则出错（共 \(failures) 处）。", "The list is incomplete: these deadlines failed (\(failures) times).")
        case .moreFailures: ("  ……全部请用 --format json", "  ... (all of them: --format json)")
        case .countyLevel: ("县级及未匹配事项", "County level and unmatched")
        case .header:
            ("来源,事项,户编号,乡镇代码,乡镇,责任单位,责任人,时限,逾期天数,内容,完成日期",
             "source,title,household,township,township_name,responsible,person,due_on,days_overdue,message,done_on")
        }
    }
}
