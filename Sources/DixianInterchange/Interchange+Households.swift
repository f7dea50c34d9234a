import DixianCore

// The keys and references of the household records' files; their columns and codecs are the
// records' layouts (DixianCore, Layout+Households.swift).

extension Household: InterchangeRecord {
    var key: String { number }
    var references: [Reference] { [] }
}

extension Member: InterchangeRecord {
    var key: String { residentID.rawValue }
    var references: [Reference] { [Reference(file: Household.file, key: householdNumber, column: "household_number")] }
}

extension IncomeRecord: InterchangeRecord {
    var key: String { "\(householdNumber)/\(year)" }
    var references: [Reference] { [Reference(file: Household.file, key: householdNumber, column: "household_number")] }
}

extension MonthlyIncome: InterchangeRecord {
    var key: String { "\(householdNumber)/\(year)/\(month)" }
    var references: [Reference] { [Reference(file: Household.file, key: householdNumber, column: "household_number")] }
}

extension GuaranteeSurvey: InterchangeRecord {
    var key: String { "\(householdNumber)/\(surveyedOn)" }
    var references: [Reference] { [Reference(file: Household.file, key: householdNumber, column: "household_number")] }
}
