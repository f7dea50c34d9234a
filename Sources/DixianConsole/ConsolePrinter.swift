import DixianCore
import DixianSheets
import LuaHost

/// How the console prints what a chunk returns: strings and numbers as the standard `lua`
/// console does, households and lists of them as officials read a register, findings one to a
/// line, and other tables nested with their keys aligned (Chinese text counted two columns
/// wide, so it lines up in a terminal).
public struct ConsolePrinter: Sendable {
    /// The language of labels and terms.
    public let language: Language

    /// A printer in `language`.
    public init(language: Language) { self.language = language }

    /// The values of one evaluation, as printed (nothing for none). Control characters in
    /// registry or script text are shown escaped, never sent to the terminal.
    public func format(_ values: [LuaValue]) -> String {
        if values.allSatisfy({ $0.tableValue == nil }) { return values.map(\.displayText.terminalEscaped).joined(separator: "\t") }
        return values.map { format($0) }.joined(separator: "\n")
    }

    /// One value, its control characters escaped.
    public func format(_ value: LuaValue) -> String { unescaped(value).terminalEscaped }

    private func unescaped(_ value: LuaValue) -> String {
        guard let table = value.tableValue else { return value.displayText }
        if isHousehold(value) { return household(value) }
        if !table.array.isEmpty && table.fields.isEmpty {
            if table.array.allSatisfy(isHousehold) { return householdList(table.array) }
            if table.array.allSatisfy(isFinding) { return findingList(table.array) }
        }
        return nested(value, indent: 0)
    }

    private func isHousehold(_ value: LuaValue) -> Bool {
        value["number"].stringValue != nil && value["head_name"].stringValue != nil && value["members"].tableValue != nil
    }

    private func isFinding(_ value: LuaValue) -> Bool {
        value["check"].stringValue != nil && value["message"].stringValue != nil
    }

    // MARK: Households

    private func household(_ h: LuaValue) -> String {
        var lines = [summary(h)]
        let members = h["members"].tableValue?.array ?? []
        let header = ConsoleMessage.memberColumns.text(in: language).split(separator: "\t").map(String.init)
        let rows = members.map { m in
            [m["name"].displayText, m["relation"].displayText, m["age"].displayText,
             m["sex"].stringValue.map { ConsoleMessage.sex($0).text(in: language) } ?? m["sex"].displayText,
             term(m["labor_capacity"], LaborCapacity.self), term(m["health"], HealthCondition.self), text(m["disability_grade"]),
             [term(m["school_stage"], SchoolStage.self), term(m["school_status"], SchoolStatus.self)].filter { !$0.isEmpty }
                .joined(separator: " ")]
        }
        lines += aligned([header] + rows).map { "  " + $0 }
        let incomes = (h["incomes"].tableValue?.fields ?? [:]).sorted { $0.key.displayText < $1.key.displayText }
        for (year, income) in incomes {
            lines.append("  " + ConsoleMessage.income(year: year.displayText, net: income["net"].displayText,
                                                      perHead: income["per_capita"].displayText).text(in: language))
        }
        for episode in h["episodes"].tableValue?.array ?? [] {
            let risks = (episode["risk_types"].tableValue?.array ?? []).map { term($0, RiskType.self) }
                .joined(separator: ConsoleMessage.listSeparator.text(in: language))
            lines.append("  " + ConsoleMessage.episode(id: episode["id"].displayText, status: term(episode["status"], MonitoringStatus.self),
                                                       reportedOn: episode["reported_on"].displayText, risks: risks).text(in: language))
        }
        return lines.joined(separator: "\n")
    }

    private func summary(_ h: LuaValue) -> String {
        ConsoleMessage.household(number: h["number"].displayText, head: h["head_name"].displayText, category: category(h),
                                 size: h["size"].displayText, village: h["village"].displayText,
                                 helper: h["helper"].stringValue).text(in: language)
    }

    private func householdList(_ list: [LuaValue]) -> String {
        aligned(list.map { h in
            [h["number"].displayText, h["head_name"].displayText, category(h), h["size"].displayText, h["village"].displayText]
        }).joined(separator: "\n")
    }

    private func findingList(_ list: [LuaValue]) -> String {
        aligned(list.map { f in
            [text(f["household"]), f["check"].displayText, f["message"].displayText].filter { !$0.isEmpty }
        }).joined(separator: "\n")
    }

    // MARK: Tables

    private func nested(_ value: LuaValue, indent: Int) -> String {
        guard let table = value.tableValue else { return scalar(value) }
        if table.array.isEmpty && table.fields.isEmpty { return "{}" }
        let inline = value.description
        if inline.displayColumns + indent <= 100 && !inline.contains("\n") { return inline }
        let pad = String(repeating: " ", count: indent + 2)
        var entries: [(String, LuaValue)] = table.array.map { ("", $0) }
        let keys = table.fields.keys.sorted { $0.displayText < $1.displayText }
        entries += keys.map { key in
            (key.stringValue.map { $0.range(of: #"^[A-Za-z_][A-Za-z0-9_]*$"#, options: .regularExpression) != nil ? $0 : "[\(key.description)]" }
                ?? "[\(key.description)]", table.fields[key]!)
        }
        let width = entries.map(\.0.displayColumns).max() ?? 0
        let lines = entries.map { key, item -> String in
            let label = key.isEmpty ? "" : key + String(repeating: " ", count: width - key.displayColumns) + " = "
            return pad + label + nested(item, indent: indent + 2 + label.displayColumns) + ","
        }
        return "{\n" + lines.joined(separator: "\n") + "\n" + String(repeating: " ", count: indent) + "}"
    }

    private func scalar(_ value: LuaValue) -> String { value.description }

    /// 脱贫户, or 监测户/边缘易致贫户 (the identifiers in English).
    private func category(_ h: LuaValue) -> String {
        term(h["category"], HouseholdCategory.self) + (h["monitored_kind"] == .nil ? "" : "/" + term(h["monitored_kind"], MonitoredKind.self))
    }

    /// An official term by its Chinese name for a Chinese plugin, else its identifier.
    private func term<T: OfficialTerm>(_ value: LuaValue, _: T.Type) -> String {
        guard let raw = value.stringValue else { return text(value) }
        return T(rawValue: raw)?.name(in: language) ?? raw
    }

    private func text(_ value: LuaValue) -> String {
        value == .nil ? "" : value.displayText
    }

    /// Rows of cells padded to their columns' widths (Chinese counted two wide).
    private func aligned(_ rows: [[String]]) -> [String] {
        var widths: [Int] = []
        for row in rows {
            for (index, cell) in row.enumerated() {
                if index == widths.count { widths.append(0) }
                widths[index] = max(widths[index], cell.displayColumns)
            }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.displayColumns)
            }.joined(separator: "  ")
        }
    }
}
