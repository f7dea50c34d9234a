import DixianCore

// The keys and references of the monitoring records' files (layouts: Layout+Monitoring.swift).

extension MonitoringEpisode: InterchangeRecord {
    var key: String { String(id) }
    var references: [Reference] { [Reference(file: Household.file, key: householdNumber, column: "household_number")] }
}

extension MonitoringStep: InterchangeRecord {
    var key: String { String(id) }
    var references: [Reference] {
        [Reference(file: MonitoringEpisode.file, key: String(episodeID), column: "episode_id"),
         Reference(file: Household.file, key: householdNumber, column: "household_number")]
    }
}

extension DepartmentWarning: InterchangeRecord {
    var key: String { String(id) }
    /// Warnings may name residents the registry does not hold: those stay listed as unmatched.
    var references: [Reference] { [] }
}
