import DixianCore

/// Reads findings from rows whose first columns are a finding's (`household_number, asset_id,
/// township_code, check_id, severity, risk_types, message`): current findings, their events
/// and the findings runs stored before them. The risk types of each distinct text are split
/// once (findings mostly repeat their check's).
struct FindingReader {
    /// What separates the risk types (runs stored before the record layouts used ',').
    let separator: Character
    private var risks: [String: [RiskType]] = [:]
    private let severities = TermMatcher<Severity>()

    /// A reader of risk types separated by `separator`.
    init(separator: Character = ";") {
        self.separator = separator
    }

    /// The finding in the row `row` stands on.
    mutating func finding(_ row: StatementCursor) throws -> Finding {
        let text = row.string(5)
        let riskTypes = risks[text] ?? {
            let split = text.split(separator: separator).compactMap { RiskType(rawValue: String($0)) }
            risks[text] = split
            return split
        }()
        return Finding(
            householdNumber: row.optionalString(0), assetID: row.optionalInt(1).map(Int64.init), townshipCode: row.string(2),
            checkID: row.string(3), severity: try row.term(4, column: "severity", severities), riskTypes: riskTypes,
            message: row.string(6))
    }
}

extension DeadlineItem {
    /// The deadline item in the row `row` stands on, whose first columns are an item's
    /// (`household_number, township_code, deadline_id, title, responsible, person, due_on,
    /// done_on, message`).
    init(_ row: StatementCursor) throws {
        self.init(
            deadlineID: row.string(2), title: row.string(3), householdNumber: row.string(0), townshipCode: row.string(1),
            responsible: row.string(4), person: row.optionalString(5), dueOn: try row.date(6, column: "due_on"),
            doneOn: try row.optionalDate(7, column: "done_on"), message: row.string(8))
    }
}
