import DixianCore

// The key and references of the hospital-stay file (layout: Layout+HospitalStays.swift). A stay
// refers to its household, checked like every household reference; its member's ID number is
// not looked up (members' keys are not held during an import, as for department warnings),
// and a view names the member only when the household holds that ID number.

extension HospitalStay: InterchangeRecord {
    var key: String { String(id) }
    var references: [Reference] { [Reference(file: Household.file, key: householdNumber, column: "household_number")] }
}
