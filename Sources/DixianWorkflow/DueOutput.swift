import DixianCore
import DixianPlugins
import Foundation

/// Writes a due list: a table grouped by township and by responsible unit and person for
/// people, or every item as JSON or CSV. What officials read follows the plugin's language.
public struct DueOutput {
    /// The output formats of `dixian due`.
    public enum Format: String, CaseIterable, Sendable {
        /// Grouped by township, then responsible unit and person.
        case table
        /// `{ "as_of", "plugin", "complete", "failures", "items": [...], "done_late": [...] }`.
        case json
        /// One item per row, with a header row.
        case csv
    }

    let list: DueList
    let plugin: PluginManifest
    let townshipNames: [String: String]
    let zh: Bool

    /// An output of `list`, made with `plugin`; townships are shown with their names where
    /// `townshipNames` (code → name) has them.
    public init(list: DueList, plugin: PluginManifest, townshipNames: [String: String] = [:]) {
        self.list = list
        self.plugin = plugin
        self.townshipNames = townshipNames
        zh = plugin.language == .chinese
    }

    /// Writes the output in `format` to `write`, piece by piece (a county's list can hold
    /// millions of items); the table lists at most `limit` items.
    public func write(_ format: Format, limit: Int = 200, to write: (String) throws -> Void) throws {
        switch format {
        case .table: try write(table(limit: limit).terminalEscaped)  // registry text, shown on a terminal
        case .json: try json(write)
        case .csv: try csv(write)
        }
    }

    /// How many items are overdue.
    public var overdueCount: Int { list.items.filter(list.isOverdue).count }

    /// The heading and the count of items and of overdue items of each kind of work.
    public func summary() -> String {
        var lines = [
            zh ? "\(plugin.name) 待办和逾期事项（插件 \(plugin.id) \(plugin.version)，日期 \(list.asOf)）"
                : "\(plugin.name): work due and overdue (plugin \(plugin.id) \(plugin.version), as of \(list.asOf))",
            zh ? "共 \(list.items.count) 项，其中已逾期 \(overdueCount) 项：" : "\(list.items.count) items, \(overdueCount) overdue:",
        ]
        var counts: [String: (all: Int, overdue: Int)] = [:]
        var titles: [String] = []
        for item in list.items {
            if counts[item.title] == nil { titles.append(item.title) }
            counts[item.title, default: (0, 0)].all += 1
            if list.isOverdue(item) { counts[item.title, default: (0, 0)].overdue += 1 }
        }
        for title in titles.sorted() {
            let count = counts[title]!
            lines.append("  \(title) \(count.all)" + (zh ? "（已逾期 \(count.overdue)）" : " (\(count.overdue) overdue)"))
        }
        if !list.doneLate.isEmpty {
            lines.append(zh ? "另有逾期完成 \(list.doneLate.count) 项（见“逾期完成”）。"
                : "\(list.doneLate.count) more done after their due dates (see \"Done late\").")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The section of work done after its due date: each with the date it was due, the date
    /// it was done and how many days late, by township.
    private func doneLateSection(limit: Int) -> [String] {
        guard !list.doneLate.isEmpty else { return [] }
        var lines = ["", zh ? "逾期完成（\(list.doneLate.count) 项）" : "Done late (\(list.doneLate.count))"]
        var township: String?? = .none
        for item in list.doneLate.prefix(limit) {
            if township != .some(item.township) {
                township = .some(item.township)
                lines.append("  " + townshipLabel(item.township))
            }
            let days = DueList.daysLate(item)
            lines.append("    " + [
                zh ? "\(item.doneOn!)完成" : "done \(item.doneOn!)", zh ? "应于\(item.dueOn!)前" : "due \(item.dueOn!)",
                zh ? "逾期\(days)天" : "\(days) days late", item.title,
                item.householdNumber.map { (zh ? "户 " : "household ") + $0 } ?? "", item.message,
            ].filter { !$0.isEmpty }.joined(separator: "  "))
        }
        if list.doneLate.count > limit {
            lines.append(zh ? "  仅列出前 \(limit) 项（全部请用 --format csv 或 json）" : "  The first \(limit) (all of them: --format csv or json)")
        }
        return lines
    }

    private func table(limit: Int) -> String {
        var lines = [String(summary().dropLast())]
        var shown = 0
        var township: String?? = .none
        var group: String?
        for item in list.items {
            guard shown < limit else { break }
            if township != .some(item.township) {
                township = .some(item.township)
                group = nil
                lines.append("")
                lines.append(townshipLabel(item.township))
            }
            let responsible = item.responsible + (item.person.map { " / \($0)" } ?? "")
            if group != responsible {
                group = responsible
                lines.append("  " + responsible)
            }
            lines.append("    " + [status(item), item.dueOn?.description ?? "          ", item.title,
                                   item.householdNumber.map { (zh ? "户 " : "household ") + $0 } ?? "", item.message]
                .filter { !$0.isEmpty }.joined(separator: "  "))
            shown += 1
        }
        if shown < list.items.count {
            lines.append("")
            lines.append(zh ? "仅列出前 \(shown) 项（共 \(list.items.count) 项；全部请用 --format csv 或 json）"
                : "The first \(shown) of \(list.items.count) items (all of them: --format csv or json)")
        }
        lines += doneLateSection(limit: limit)
        if !list.failures.isEmpty {
            lines.append("")
            lines.append(zh ? "清单不完整：以下时限规则出错（共 \(list.failures.count) 处）。"
                : "The list is incomplete: these deadlines failed (\(list.failures.count) times).")
            lines += list.failures.prefix(20).map { "  " + $0 }
            if list.failures.count > 20 {
                lines.append(zh ? "  ……全部请用 --format json" : "  ... (all of them: --format json)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func townshipLabel(_ code: String?) -> String {
        guard let code else { return zh ? "县级及未匹配事项" : "County level and unmatched" }
        return townshipNames[code].map { "\($0)（\(code)）" } ?? code
    }

    private func status(_ item: DueList.Item) -> String {
        guard item.dueOn != nil else { return zh ? "待核实" : "open" }
        let days = list.daysOverdue(item)
        if list.isOverdue(item) { return zh ? "逾期\(days)天" : "\(days) days overdue" }
        return zh ? "待办" : "due"
    }

    private var header: [String] {
        zh ? ["来源", "事项", "户编号", "乡镇代码", "乡镇", "责任单位", "责任人", "时限", "逾期天数", "内容", "完成日期"]
            : ["source", "title", "household", "township", "township_name", "responsible", "person", "due_on", "days_overdue", "message",
               "done_on"]
    }

    /// A byte-order mark and a header, then one row per item, then one per item done late (its
    /// done_on set, days_overdue the days it was late).
    private func csv(_ write: (String) throws -> Void) throws {
        // A byte-order mark, so that Excel reads the Chinese as UTF-8.
        try write("\u{FEFF}" + header.map(\.csvField).joined(separator: ",") + "\n")
        for item in list.items + list.doneLate {
            let late = item.doneOn != nil
            let days = late ? String(DueList.daysLate(item)) : list.isOverdue(item) ? String(list.daysOverdue(item)) : ""
            let fields = [
                item.source.text, item.title, item.householdNumber ?? "", item.township ?? "",
                item.township.flatMap { townshipNames[$0] } ?? "", item.responsible, item.person ?? "",
                item.dueOn?.description ?? "", days, item.message, item.doneOn?.description ?? "",
            ]
            try write(fields.map(\.csvField).joined(separator: ",") + "\n")
        }
    }

    private func json(_ write: (String) throws -> Void) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func encoded(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        try write("{\"as_of\":\(try encoded(list.asOf.description)),\"plugin\":\(try encoded(plugin.id)),"
            + "\"plugin_version\":\(try encoded(plugin.version)),\"complete\":\(list.failures.isEmpty),"
            + "\"failures\":\(try encoded(list.failures)),\"overdue\":\(overdueCount),\"items\":[")
        var first = true
        for item in list.items {
            let json = ItemJSON(
                source: item.source.text, title: item.title, household: item.householdNumber, township: item.township,
                responsible: item.responsible, person: item.person, dueOn: item.dueOn?.description,
                overdue: list.isOverdue(item), daysOverdue: list.daysOverdue(item), message: item.message)
            try write((first ? "\n" : ",\n") + (try encoded(json)))
            first = false
        }
        try write("\n],\"done_late\":[")
        first = true
        for item in list.doneLate {
            let json = DoneLateJSON(
                source: item.source.text, title: item.title, household: item.householdNumber, township: item.township,
                responsible: item.responsible, person: item.person, dueOn: item.dueOn?.description ?? "",
                doneOn: item.doneOn?.description ?? "", daysLate: DueList.daysLate(item), message: item.message)
            try write((first ? "\n" : ",\n") + (try encoded(json)))
            first = false
        }
        try write("\n]}\n")
    }

    private struct DoneLateJSON: Encodable {
        let source: String, title: String, household: String?, township: String?, responsible: String, person: String?
        let dueOn: String, doneOn: String, daysLate: Int, message: String

        enum CodingKeys: String, CodingKey {
            case source, title, household, township, responsible, person, dueOn = "due_on", doneOn = "done_on"
            case daysLate = "days_late", message
        }
    }

    private struct ItemJSON: Encodable {
        let source: String, title: String, household: String?, township: String?, responsible: String, person: String?
        let dueOn: String?, overdue: Bool, daysOverdue: Int, message: String

        enum CodingKeys: String, CodingKey {
            case source, title, household, township, responsible, person, dueOn = "due_on", overdue
            case daysOverdue = "days_overdue", message
        }
    }
}
