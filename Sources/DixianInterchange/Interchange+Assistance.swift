import DixianCore

// The keys and references of the assistance records' files (layouts: Layout+Assistance.swift).

extension AssistancePlan: InterchangeRecord {
    var key: String { String(id) }
    var references: [Reference] {
        [Reference(file: Household.file, key: householdNumber, column: "household_number")]
            + (episodeID.map { [Reference(file: MonitoringEpisode.file, key: String($0), column: "episode_id")] } ?? [])
    }
}

extension Measure: InterchangeRecord {
    var key: String { String(id) }
    var references: [Reference] { [Reference(file: AssistancePlan.file, key: String(planID), column: "plan_id")] }
}

extension Visit: InterchangeRecord {
    var key: String { String(id) }
    var references: [Reference] { [Reference(file: Household.file, key: householdNumber, column: "household_number")] }
}

extension Problem: InterchangeRecord {
    var key: String { String(id) }
    var references: [Reference] {
        householdNumber.map { [Reference(file: Household.file, key: $0, column: "household_number")] } ?? []
    }
}
