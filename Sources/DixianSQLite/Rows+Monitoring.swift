import DixianCore
import GRDB

extension MonitoringEpisode: RegistryRow {
    static let table = "monitoring_episode"
    static let columns = [
        "id", "household_number", "channel", "reported_on", "status", "risk_types", "identified_on", "eliminated_on",
    ]
    static let keyCount = 1

    func addColumns(to values: inout ColumnValues) {
        values.add(id, householdNumber, channel.rawValue, reportedOn.description, status.rawValue,
                   riskTypes.map(\.rawValue).sorted().joined(separator: ","), identifiedOn?.description, eliminatedOn?.description)
    }

    init(row: Row) throws {
        self.init(
            id: row["id"], householdNumber: row["household_number"], channel: try row.term("channel", in: Self.table),
            reportedOn: try row.date("reported_on", in: Self.table), status: try row.term("status", in: Self.table),
            riskTypes: try row.riskTypes("risk_types", in: Self.table), identifiedOn: try row.optionalDate("identified_on", in: Self.table),
            eliminatedOn: try row.optionalDate("eliminated_on", in: Self.table))
    }
}

extension DepartmentWarning: RegistryRow {
    static let table = "department_warning"
    static let columns = ["id", "department", "resident_id", "received_on", "reason", "result", "closed_on"]
    static let keyCount = 1

    func addColumns(to values: inout ColumnValues) {
        values.add(id, department.rawValue, residentID.rawValue, receivedOn.description, reason, result, closedOn?.description)
    }

    init(row: Row) throws {
        let text: String = row["resident_id"]
        guard let residentID = try? ResidentID(text) else {
            throw CorruptRow(table: Self.table, column: "resident_id", value: text)
        }
        self.init(
            id: row["id"], department: try row.term("department", in: Self.table), residentID: residentID,
            receivedOn: try row.date("received_on", in: Self.table), reason: row["reason"], result: row["result"],
            closedOn: try row.optionalDate("closed_on", in: Self.table))
    }
}

extension MonitoringStep: RegistryRow {
    static let table = "monitoring_step"
    static let columns = [
        "id", "episode_id", "household_number", "transition", "taken_on", "actor", "stage", "accepted", "risk_types",
        "notes",
    ]
    static let keyCount = 1

    func addColumns(to values: inout ColumnValues) {
        values.add(id, episodeID, householdNumber, transition.rawValue, takenOn.description, actor, stage?.rawValue, accepted,
                   riskTypes.map(\.rawValue).sorted().joined(separator: ","), notes)
    }

    init(row: Row) throws {
        self.init(
            id: row["id"], episodeID: row["episode_id"], householdNumber: row["household_number"],
            transition: try row.term("transition", in: Self.table), takenOn: try row.date("taken_on", in: Self.table),
            actor: row["actor"], stage: try row.optionalTerm("stage", in: Self.table), accepted: row["accepted"],
            riskTypes: try row.riskTypes("risk_types", in: Self.table), notes: row["notes"])
    }
}
