import DixianCore

// The key and references of the complaint file (layout: Layout+Complaints.swift): a complaint
// concerns a household.

extension Complaint: InterchangeRecord {
    var key: String { String(id) }
    var references: [Reference] { [Reference(file: Household.file, key: householdNumber, column: "household_number")] }
}
