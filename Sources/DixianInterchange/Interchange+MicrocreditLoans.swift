import DixianCore

// The key and references of the microcredit file (layout: Layout+MicrocreditLoans.swift): a
// loan is a household's.

extension MicrocreditLoan: InterchangeRecord {
    var key: String { String(id) }
    var references: [Reference] { [Reference(file: Household.file, key: householdNumber, column: "household_number")] }
}
