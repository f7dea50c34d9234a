import DixianCore

extension AssistancePlan: InterchangeRecord {
    static let file = "assistance_plans.csv"
    static let columns = [
        Column("id", "编号"), Column("household_number", "户编号"), Column("episode_id", "监测编号", required: false),
        Column("made_on", "制定日期"), Column("adjusted_on", "调整日期", required: false),
    ]

    init(reading row: FieldReader) throws(FieldError) {
        self.init(id: try row.identifier("id"), householdNumber: try row.text("household_number"),
                  episodeID: try row.optionalIdentifier("episode_id"), madeOn: try row.date("made_on"),
                  adjustedOn: try row.optionalDate("adjusted_on"))
    }

    var fields: [String] {
        [String(id), householdNumber, episodeID.map { String($0) } ?? "", madeOn.description, LocalDate.field(adjustedOn)]
    }

    var key: String { String(id) }
    var references: [Reference] {
        [Reference(file: Household.file, key: householdNumber, column: "household_number")]
            + (episodeID.map { [Reference(file: MonitoringEpisode.file, key: String($0), column: "episode_id")] } ?? [])
    }
}

extension Measure: InterchangeRecord {
    static let file = "measures.csv"
    static let columns = [
        Column("id", "编号"), Column("plan_id", "计划编号"), Column("type", "措施类型"), Column("description", "措施内容"),
        Column("responsible_unit", "责任单位"), Column("responsible_person", "责任人"), Column("starts_on", "开始日期"),
        Column("due_on", "完成时限"), Column("done_on", "完成日期", required: false),
    ]

    init(reading row: FieldReader) throws(FieldError) {
        let starts = try row.date("starts_on")
        let due = try row.date("due_on")
        guard due >= starts else { throw FieldError(column: "due_on", reason: "\(due) is before the start, \(starts)") }
        self.init(id: try row.identifier("id"), planID: try row.identifier("plan_id"), type: try row.term("type"),
                  description: try row.text("description"), responsibleUnit: try row.text("responsible_unit"),
                  responsiblePerson: try row.text("responsible_person"), startsOn: starts, dueOn: due,
                  doneOn: try row.optionalDate("done_on"))
    }

    var fields: [String] {
        [String(id), String(planID), type.rawValue, description, responsibleUnit, responsiblePerson,
         startsOn.description, dueOn.description, LocalDate.field(doneOn)]
    }

    var key: String { String(id) }
    var references: [Reference] { [Reference(file: AssistancePlan.file, key: String(planID), column: "plan_id")] }
}

extension Visit: InterchangeRecord {
    static let file = "visits.csv"
    static let columns = [
        Column("id", "编号"), Column("household_number", "户编号"), Column("visited_on", "走访日期"),
        Column("visitor", "走访人"), Column("role", "走访人身份"), Column("notes", "走访情况", required: false),
    ]

    init(reading row: FieldReader) throws(FieldError) {
        self.init(id: try row.identifier("id"), householdNumber: try row.text("household_number"),
                  visitedOn: try row.date("visited_on"), visitor: try row.text("visitor"), role: try row.term("role"),
                  notes: row.raw("notes"))
    }

    var fields: [String] { [String(id), householdNumber, visitedOn.description, visitor, role.rawValue, notes] }
    var key: String { String(id) }
    var references: [Reference] { [Reference(file: Household.file, key: householdNumber, column: "household_number")] }
}

extension Problem: InterchangeRecord {
    static let file = "problems.csv"
    static let columns = [
        Column("id", "编号"), Column("household_number", "户编号", required: false), Column("found_by", "发现单位"),
        Column("found_on", "发现日期"), Column("description", "问题描述"), Column("responsible_unit", "责任单位"),
        Column("responsible_person", "责任人"), Column("measure", "整改措施"), Column("deadline", "整改时限"),
        Column("closed_on", "销号日期", required: false), Column("fix", "整改情况", required: false),
    ]

    init(reading row: FieldReader) throws(FieldError) {
        let closed = try row.optionalDate("closed_on")
        let fix = row.optionalText("fix")
        if (closed == nil) != (fix == nil) {
            throw FieldError(column: "fix", reason: "a problem is closed exactly when its fix is recorded")
        }
        self.init(id: try row.identifier("id"), householdNumber: row.optionalText("household_number"),
                  foundBy: try row.text("found_by"), foundOn: try row.date("found_on"),
                  description: try row.text("description"), responsibleUnit: try row.text("responsible_unit"),
                  responsiblePerson: try row.text("responsible_person"), measure: try row.text("measure"),
                  deadline: try row.date("deadline"), closedOn: closed, fix: fix)
    }

    var fields: [String] {
        [String(id), householdNumber ?? "", foundBy, foundOn.description, description, responsibleUnit,
         responsiblePerson, measure, deadline.description, LocalDate.field(closedOn), fix ?? ""]
    }

    var key: String { String(id) }
    var references: [Reference] {
        householdNumber.map { [Reference(file: Household.file, key: $0, column: "household_number")] } ?? []
    }
}
