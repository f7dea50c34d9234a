import Foundation
import DixianCore

extension MonitoringEpisode: InterchangeRecord {
    static let file = "monitoring_episodes.csv"
    static let columns = [
        Column("id", "编号"), Column("household_number", "户编号"), Column("channel", "发现方式"),
        Column("reported_on", "上报日期"), Column("status", "状态"), Column("risk_types", "风险类别", required: false),
        Column("identified_on", "识别日期", required: false), Column("eliminated_on", "风险消除日期", required: false),
    ]

    init(reading row: FieldReader) throws(FieldError) {
        let risks = try row.riskTypes("risk_types")
        let status: MonitoringStatus = try row.term("status")
        let identified = try row.optionalDate("identified_on")
        if (status == .identified || status == .eliminated) && identified == nil {
            throw FieldError(column: "identified_on", reason: "is empty, but the episode is \(status.rawValue)")
        }
        if (status == .identified || status == .eliminated) && risks.isEmpty {
            throw FieldError(column: "risk_types", reason: "is empty, but an identified household has risk types")
        }
        let eliminated = try row.optionalDate("eliminated_on")
        if (status == .eliminated) != (eliminated != nil) {
            throw FieldError(column: "eliminated_on", reason: "must be set exactly when the status is eliminated")
        }
        self.init(id: try row.identifier("id"), householdNumber: try row.text("household_number"),
                  channel: try row.term("channel"), reportedOn: try row.date("reported_on"), status: status,
                  riskTypes: risks, identifiedOn: identified, eliminatedOn: eliminated)
    }

    var fields: [String] {
        [String(id), householdNumber, channel.rawValue, reportedOn.description, status.rawValue,
         riskTypes.map(\.rawValue).sorted().joined(separator: ";"), LocalDate.field(identifiedOn),
         LocalDate.field(eliminatedOn)]
    }

    var key: String { String(id) }
    var references: [Reference] { [Reference(file: Household.file, key: householdNumber, column: "household_number")] }
}

extension MonitoringStep: InterchangeRecord {
    static let file = "monitoring_steps.csv"
    static let columns = [
        Column("id", "编号"), Column("episode_id", "监测记录编号"), Column("household_number", "户编号"),
        Column("transition", "环节"), Column("taken_on", "日期"), Column("actor", "经办人"),
        Column("stage", "消除程序", required: false), Column("accepted", "是否符合认定标准", required: false),
        Column("risk_types", "风险类别", required: false), Column("notes", "情况说明", required: false),
    ]

    init(reading row: FieldReader) throws(FieldError) {
        let transition: MonitoringTransition = try row.term("transition")
        let stage: EliminationStage? = try row.optionalTerm("stage")
        if (transition == .eliminate) != (stage != nil) {
            throw FieldError(column: "stage", reason: "must be set exactly when the transition is eliminate")
        }
        let accepted = try row.optionalFlag("accepted")
        if (transition == .answer) != (accepted != nil) {
            throw FieldError(column: "accepted", reason: "must be set exactly when the transition is answer")
        }
        self.init(id: try row.identifier("id"), episodeID: try row.identifier("episode_id"),
                  householdNumber: try row.text("household_number"), transition: transition,
                  takenOn: try row.date("taken_on"), actor: try row.text("actor"), stage: stage, accepted: accepted,
                  riskTypes: try row.riskTypes("risk_types"), notes: row.raw("notes"))
    }

    var fields: [String] {
        [String(id), String(episodeID), householdNumber, transition.rawValue, takenOn.description, actor,
         stage?.rawValue ?? "", accepted.map { $0 ? "true" : "false" } ?? "",
         riskTypes.map(\.rawValue).sorted().joined(separator: ";"), notes]
    }

    var key: String { String(id) }
    var references: [Reference] {
        [Reference(file: MonitoringEpisode.file, key: String(episodeID), column: "episode_id"),
         Reference(file: Household.file, key: householdNumber, column: "household_number")]
    }
}

extension DepartmentWarning: InterchangeRecord {
    static let file = "department_warnings.csv"
    static let columns = [
        Column("id", "编号"), Column("department", "预警部门"), Column("resident_id", "身份证号"),
        Column("received_on", "预警日期"), Column("reason", "预警原因"), Column("result", "核实结果", required: false),
        Column("closed_on", "办结日期", required: false),
    ]

    init(reading row: FieldReader) throws(FieldError) {
        let result = row.optionalText("result")
        let closed = try row.optionalDate("closed_on")
        if closed != nil && result == nil {
            throw FieldError(column: "result", reason: "is empty, but a closed warning needs its recorded result")
        }
        self.init(id: try row.identifier("id"), department: try row.term("department"),
                  residentID: try row.residentID("resident_id"), receivedOn: try row.date("received_on"),
                  reason: try row.text("reason"), result: result, closedOn: closed)
    }

    var fields: [String] {
        [String(id), department.rawValue, residentID.rawValue, receivedOn.description, reason, result ?? "",
         LocalDate.field(closedOn)]
    }

    var key: String { String(id) }
    /// Warnings may name residents the registry does not hold: those stay listed as unmatched.
    var references: [Reference] { [] }
}
