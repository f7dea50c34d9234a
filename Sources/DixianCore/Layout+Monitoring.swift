// The layouts of the monitoring records: episodes, their steps, and departments' warnings.

extension MonitoringEpisode: DescribedRecord {
    public enum Field: Int, RecordField {
        case id, householdNumber, channel, reportedOn, status, riskTypes, identifiedOn, eliminatedOn

        public static let fields = describeAll()

        public var description: FieldDescription {
            switch self {
            case .id: FieldDescription("id", "编号", .identifier, key: true, view: "id")
            case .householdNumber: FieldDescription("household_number", "户编号", .text)
            case .channel: FieldDescription("channel", "发现方式", .term(DiscoveryChannel.self), view: "channel")
            case .reportedOn: FieldDescription("reported_on", "上报日期", .date, view: "reported_on")
            case .status: FieldDescription("status", "状态", .term(MonitoringStatus.self), view: "status")
            case .riskTypes: FieldDescription("risk_types", "风险类别", .terms(RiskType.self), .defaulted, view: "risk_types")
            case .identifiedOn: FieldDescription("identified_on", "识别日期", .date, .optional, view: "identified_on")
            case .eliminatedOn: FieldDescription("eliminated_on", "风险消除日期", .date, .optional, view: "eliminated_on")
            }
        }
    }

    public static let layout = makeLayout(table: "monitoring_episode", file: "monitoring_episodes.csv")

    public func value(of field: Field) -> FieldValue {
        switch field {
        case .id: .integer(id)
        case .householdNumber: .text(householdNumber)
        case .channel: .text(channel.rawValue)
        case .reportedOn: .date(reportedOn)
        case .status: .text(status.rawValue)
        case .riskTypes: .terms(riskTypes)
        case .identifiedOn: .optional(identifiedOn)
        case .eliminatedOn: .optional(eliminatedOn)
        }
    }

    public init(reading row: some FieldSource) throws(FieldError) {
        let risks: Set<RiskType> = try row.terms(Field.riskTypes)
        let status: MonitoringStatus = try row.term(Field.status)
        let identified = try row.optionalDate(Field.identifiedOn)
        if (status == .identified || status == .eliminated) && identified == nil {
            throw FieldError(column: "identified_on", .identifiedOnMissing(status))
        }
        if (status == .identified || status == .eliminated) && risks.isEmpty {
            throw FieldError(column: "risk_types", .riskTypesMissing)
        }
        let eliminated = try row.optionalDate(Field.eliminatedOn)
        if (status == .eliminated) != (eliminated != nil) {
            throw FieldError(column: "eliminated_on", .eliminatedOnMismatch)
        }
        self.init(id: try row.identifier(Field.id), householdNumber: try row.text(Field.householdNumber),
                  channel: try row.term(Field.channel), reportedOn: try row.date(Field.reportedOn), status: status,
                  riskTypes: risks, identifiedOn: identified, eliminatedOn: eliminated)
    }
}

extension MonitoringStep: DescribedRecord {
    public enum Field: Int, RecordField {
        case id, episodeID, householdNumber, transition, takenOn, actor, stage, accepted, riskTypes, notes

        public static let fields = describeAll()

        public var description: FieldDescription {
            switch self {
            case .id: FieldDescription("id", "编号", .identifier, key: true)
            case .episodeID: FieldDescription("episode_id", "监测记录编号", .identifier)
            case .householdNumber: FieldDescription("household_number", "户编号", .text)
            case .transition: FieldDescription("transition", "环节", .term(MonitoringTransition.self), view: "transition")
            case .takenOn: FieldDescription("taken_on", "日期", .date, view: "taken_on")
            case .actor: FieldDescription("actor", "经办人", .text, view: "actor")
            case .stage: FieldDescription("stage", "消除程序", .term(EliminationStage.self), .optional, view: "stage")
            case .accepted: FieldDescription("accepted", "是否符合认定标准", .flag, .optional, view: "accepted")
            case .riskTypes: FieldDescription("risk_types", "风险类别", .terms(RiskType.self), .defaulted, view: "risk_types")
            case .notes: FieldDescription("notes", "情况说明", .text, .defaulted)
            }
        }
    }

    public static let layout = makeLayout(table: "monitoring_step", file: "monitoring_steps.csv")

    public func value(of field: Field) -> FieldValue {
        switch field {
        case .id: .integer(id)
        case .episodeID: .integer(episodeID)
        case .householdNumber: .text(householdNumber)
        case .transition: .text(transition.rawValue)
        case .takenOn: .date(takenOn)
        case .actor: .text(actor)
        case .stage: .optional(stage)
        case .accepted: .optional(accepted)
        case .riskTypes: .terms(riskTypes)
        case .notes: .text(notes)
        }
    }

    public init(reading row: some FieldSource) throws(FieldError) {
        let transition: MonitoringTransition = try row.term(Field.transition)
        let stage: EliminationStage? = try row.optionalTerm(Field.stage)
        if (transition == .eliminate) != (stage != nil) {
            throw FieldError(column: "stage", .stageMismatch)
        }
        let accepted = try row.optionalFlag(Field.accepted)
        if (transition == .answer) != (accepted != nil) {
            throw FieldError(column: "accepted", .acceptedMismatch)
        }
        self.init(id: try row.identifier(Field.id), episodeID: try row.identifier(Field.episodeID),
                  householdNumber: try row.text(Field.householdNumber), transition: transition,
                  takenOn: try row.date(Field.takenOn), actor: try row.text(Field.actor), stage: stage, accepted: accepted,
                  riskTypes: try row.terms(Field.riskTypes), notes: try row.optionalText(Field.notes) ?? "")
    }
}

extension DepartmentWarning: DescribedRecord {
    public enum Field: Int, RecordField {
        case id, department, residentID, receivedOn, reason, result, closedOn

        public static let fields = describeAll()

        public var description: FieldDescription {
            switch self {
            case .id: FieldDescription("id", "编号", .identifier, key: true)
            case .department: FieldDescription("department", "预警部门", .term(Department.self))
            case .residentID: FieldDescription("resident_id", "身份证号", .residentID)
            case .receivedOn: FieldDescription("received_on", "预警日期", .date)
            case .reason: FieldDescription("reason", "预警原因", .text)
            case .result: FieldDescription("result", "核实结果", .text, .optional)
            case .closedOn: FieldDescription("closed_on", "办结日期", .date, .optional)
            }
        }
    }

    public static let layout = makeLayout(table: "department_warning", file: "department_warnings.csv")

    public func value(of field: Field) -> FieldValue {
        switch field {
        case .id: .integer(id)
        case .department: .text(department.rawValue)
        case .residentID: .text(residentID.rawValue)
        case .receivedOn: .date(receivedOn)
        case .reason: .text(reason)
        case .result: .optional(result)
        case .closedOn: .optional(closedOn)
        }
    }

    public init(reading row: some FieldSource) throws(FieldError) {
        let result = try row.optionalText(Field.result)
        let closed = try row.optionalDate(Field.closedOn)
        if closed != nil && result == nil {
            throw FieldError(column: "result", .warningResultMissing)
        }
        self.init(id: try row.identifier(Field.id), department: try row.term(Field.department),
                  residentID: try row.residentID(Field.residentID), receivedOn: try row.date(Field.receivedOn),
                  reason: try row.text(Field.reason), result: result, closedOn: closed)
    }
}
