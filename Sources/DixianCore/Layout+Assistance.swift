// The layouts of the assistance records: 一户一策 plans, their measures, visits, and the
// problems found by inspections.

extension AssistancePlan: DescribedRecord {
    public enum Field: Int, RecordField {
        case id, householdNumber, episodeID, madeOn, adjustedOn

        public static let fields = describeAll()

        public var description: FieldDescription {
            switch self {
            case .id: FieldDescription("id", "编号", .identifier, key: true, view: "id")
            case .householdNumber: FieldDescription("household_number", "户编号", .text)
            case .episodeID: FieldDescription("episode_id", "监测编号", .identifier, .optional, view: "episode_id")
            case .madeOn: FieldDescription("made_on", "制定日期", .date, view: "made_on")
            case .adjustedOn: FieldDescription("adjusted_on", "调整日期", .date, .optional, view: "adjusted_on")
            }
        }
    }

    public static let layout = makeLayout(table: "assistance_plan", file: "assistance_plans.csv")

    public func value(of field: Field) -> FieldValue {
        switch field {
        case .id: .integer(id)
        case .householdNumber: .text(householdNumber)
        case .episodeID: .optional(episodeID)
        case .madeOn: .date(madeOn)
        case .adjustedOn: .optional(adjustedOn)
        }
    }

    public init(reading row: some FieldSource) throws(FieldError) {
        self.init(id: try row.identifier(Field.id), householdNumber: try row.text(Field.householdNumber),
                  episodeID: try row.optionalIdentifier(Field.episodeID), madeOn: try row.date(Field.madeOn),
                  adjustedOn: try row.optionalDate(Field.adjustedOn))
    }
}

extension Measure: DescribedRecord {
    public enum Field: Int, RecordField {
        case id, planID, type, description, responsibleUnit, responsiblePerson, startsOn, dueOn, doneOn

        public static let fields = describeAll()

        public var description: FieldDescription {
            switch self {
            case .id: FieldDescription("id", "编号", .identifier, key: true)
            case .planID: FieldDescription("plan_id", "计划编号", .identifier)
            case .type: FieldDescription("type", "措施类型", .term(MeasureType.self))
            case .description: FieldDescription("description", "措施内容", .text)
            case .responsibleUnit: FieldDescription("responsible_unit", "责任单位", .text)
            case .responsiblePerson: FieldDescription("responsible_person", "责任人", .text)
            case .startsOn: FieldDescription("starts_on", "开始日期", .date)
            case .dueOn: FieldDescription("due_on", "完成时限", .date)
            case .doneOn: FieldDescription("done_on", "完成日期", .date, .optional)
            }
        }
    }

    public static let layout = makeLayout(table: "measure", file: "measures.csv")

    public func value(of field: Field) -> FieldValue {
        switch field {
        case .id: .integer(id)
        case .planID: .integer(planID)
        case .type: .text(type.rawValue)
        case .description: .text(description)
        case .responsibleUnit: .text(responsibleUnit)
        case .responsiblePerson: .text(responsiblePerson)
        case .startsOn: .date(startsOn)
        case .dueOn: .date(dueOn)
        case .doneOn: .optional(doneOn)
        }
    }

    public init(reading row: some FieldSource) throws(FieldError) {
        let starts = try row.date(Field.startsOn)
        let due = try row.date(Field.dueOn)
        guard due >= starts else { throw FieldError(column: "due_on", .dueBeforeStart(due, starts: starts)) }
        self.init(id: try row.identifier(Field.id), planID: try row.identifier(Field.planID), type: try row.term(Field.type),
                  description: try row.text(Field.description), responsibleUnit: try row.text(Field.responsibleUnit),
                  responsiblePerson: try row.text(Field.responsiblePerson), startsOn: starts, dueOn: due,
                  doneOn: try row.optionalDate(Field.doneOn))
    }
}

extension Visit: DescribedRecord {
    public enum Field: Int, RecordField {
        case id, householdNumber, visitedOn, visitor, role, notes

        public static let fields = describeAll()

        public var description: FieldDescription {
            switch self {
            case .id: FieldDescription("id", "编号", .identifier, key: true)
            case .householdNumber: FieldDescription("household_number", "户编号", .text)
            case .visitedOn: FieldDescription("visited_on", "走访日期", .date, view: "visited_on")
            case .visitor: FieldDescription("visitor", "走访人", .text)
            case .role: FieldDescription("role", "走访人身份", .term(VisitorRole.self), view: "role")
            case .notes: FieldDescription("notes", "走访情况", .text, .defaulted)
            }
        }
    }

    public static let layout = makeLayout(table: "visit", file: "visits.csv")

    public func value(of field: Field) -> FieldValue {
        switch field {
        case .id: .integer(id)
        case .householdNumber: .text(householdNumber)
        case .visitedOn: .date(visitedOn)
        case .visitor: .text(visitor)
        case .role: .text(role.rawValue)
        case .notes: .text(notes)
        }
    }

    public init(reading row: some FieldSource) throws(FieldError) {
        self.init(id: try row.identifier(Field.id), householdNumber: try row.text(Field.householdNumber),
                  visitedOn: try row.date(Field.visitedOn), visitor: try row.text(Field.visitor), role: try row.term(Field.role),
                  notes: try row.optionalText(Field.notes) ?? "")
    }
}

extension Problem: DescribedRecord {
    public enum Field: Int, RecordField {
        case id, householdNumber, foundBy, foundOn, description, responsibleUnit, responsiblePerson, measure, deadline
        case closedOn, fix

        public static let fields = describeAll()

        public var description: FieldDescription {
            switch self {
            case .id: FieldDescription("id", "编号", .identifier, key: true)
            case .householdNumber: FieldDescription("household_number", "户编号", .text, .optional)
            case .foundBy: FieldDescription("found_by", "发现单位", .text)
            case .foundOn: FieldDescription("found_on", "发现日期", .date)
            case .description: FieldDescription("description", "问题描述", .text)
            case .responsibleUnit: FieldDescription("responsible_unit", "责任单位", .text)
            case .responsiblePerson: FieldDescription("responsible_person", "责任人", .text)
            case .measure: FieldDescription("measure", "整改措施", .text)
            case .deadline: FieldDescription("deadline", "整改时限", .date)
            case .closedOn: FieldDescription("closed_on", "销号日期", .date, .optional)
            case .fix: FieldDescription("fix", "整改情况", .text, .optional)
            }
        }
    }

    public static let layout = makeLayout(table: "problem", file: "problems.csv")

    public func value(of field: Field) -> FieldValue {
        switch field {
        case .id: .integer(id)
        case .householdNumber: .optional(householdNumber)
        case .foundBy: .text(foundBy)
        case .foundOn: .date(foundOn)
        case .description: .text(description)
        case .responsibleUnit: .text(responsibleUnit)
        case .responsiblePerson: .text(responsiblePerson)
        case .measure: .text(measure)
        case .deadline: .date(deadline)
        case .closedOn: .optional(closedOn)
        case .fix: .optional(fix)
        }
    }

    public init(reading row: some FieldSource) throws(FieldError) {
        let closed = try row.optionalDate(Field.closedOn)
        let fix = try row.optionalText(Field.fix)
        if (closed == nil) != (fix == nil) {
            throw FieldError(column: "fix", .fixMismatch)
        }
        self.init(id: try row.identifier(Field.id), householdNumber: try row.optionalText(Field.householdNumber),
                  foundBy: try row.text(Field.foundBy), foundOn: try row.date(Field.foundOn),
                  description: try row.text(Field.description), responsibleUnit: try row.text(Field.responsibleUnit),
                  responsiblePerson: try row.text(Field.responsiblePerson), measure: try row.text(Field.measure),
                  deadline: try row.date(Field.deadline), closedOn: closed, fix: fix)
    }
}
