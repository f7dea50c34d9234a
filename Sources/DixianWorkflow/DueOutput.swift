import DixianCore
import DixianPlugins
import Foundation

/// Writes a due list: a table grouped by township and by responsible unit and person for
/// people, or every item as JSON or CSV. What officials read is in `language` (`DueMessage`).
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
    let placeNames: [String: String]
    let language: Language

    /// An output of `list`, made with `plugin`, in `language` (unless given, the locale's or
    /// else the plugin's: `Language.shown`);
    /// townships and households' villages are shown with their names where `placeNames`
    /// (code → name) has them.
    public init(list: DueList, plugin: PluginManifest, placeNames: [String: String] = [:], language: Language? = nil) {
        self.list = list
        self.plugin = plugin
        self.placeNames = placeNames
        self.language = language ?? Language.shown(environment: ProcessInfo.processInfo.environment, plugin: plugin.language)
    }

    /// `message` in the output's language.
    private func say(_ message: DueMessage) -> String { message.text(in: language) }

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
            say(.heading(name: plugin.name, id: plugin.id, version: plugin.version, asOf: list.asOf)),
            say(.counts(items: list.items.count, overdue: overdueCount)),
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
            lines.append("  \(title) \(count.all)" + say(.overdueOfKind(count.overdue)))
        }
        if !list.doneLate.isEmpty {
            lines.append(say(.moreDoneLate(list.doneLate.count)))
        }
        lines += failuresSection()
        return lines.joined(separator: "\n") + "\n"
    }

    /// The section of work done after its due date: each with the date it was due, the date
    /// it was done and how many days late, by township.
    private func doneLateSection(limit: Int) -> [String] {
        guard !list.doneLate.isEmpty else { return [] }
        var lines = ["", say(.doneLateHeading(list.doneLate.count))]
        var township: String?? = .none
        for item in list.doneLate.prefix(limit) {
            if township != .some(item.township) {
                township = .some(item.township)
                lines.append("  " + townshipLabel(item.township))
            }
            let days = DueList.daysLate(item)
            lines.append("    " + [
                say(.doneOn(item.doneOn!)), say(.dueBy(item.dueOn!)), say(.daysLate(days)), item.title,
                item.householdNumber.map(householdLabel) ?? "", item.message,
            ].filter { !$0.isEmpty }.joined(separator: "  "))
        }
        if list.doneLate.count > limit {
            lines.append(say(.firstDoneLate(limit)))
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
                                   item.householdNumber.map(householdLabel) ?? "", item.message]
                .filter { !$0.isEmpty }.joined(separator: "  "))
            shown += 1
        }
        if shown < list.items.count {
            lines.append("")
            lines.append(say(.firstItems(shown: shown, all: list.items.count)))
        }
        lines += doneLateSection(limit: limit)
        lines += failuresSection()
        return lines.joined(separator: "\n") + "\n"
    }

    /// The deadlines that failed, when any: the list is then incomplete, and says so.
    private func failuresSection() -> [String] {
        guard !list.failures.isEmpty else { return [] }
        var lines = ["", say(.incomplete(failures: list.failures.count))]
        lines += list.failures.prefix(20).map { "  " + $0 }
        if list.failures.count > 20 {
            lines.append(say(.moreFailures))
        }
        return lines
    }

    private func townshipLabel(_ code: String?) -> String {
        guard let code else { return say(.countyLevel) }
        return placeNames[code].map { "\($0)（\(code)）" } ?? code
    }

    /// A household's number, with its village's name after it when the names hold it.
    private func householdLabel(_ number: String) -> String {
        say(.household) + number + (placeNames[String(number.prefix(12))].map { "（\($0)）" } ?? "")
    }

    private func status(_ item: DueList.Item) -> String {
        guard item.dueOn != nil else { return say(.open) }
        let days = list.daysOverdue(item)
        if list.isOverdue(item) { return say(.daysOverdue(days)) }
        return say(.due)
    }

    private var header: [String] { say(.header).split(separator: ",").map(String.init) }

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
                item.township.flatMap { placeNames[$0] } ?? "", item.responsible, item.person ?? "",
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
