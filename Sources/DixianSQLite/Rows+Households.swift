import DixianCore
import GRDB

extension Household: RegistryRow {
    static let table = "household"
    static let columns = [
        "number", "village_code", "group_name", "head_name", "category", "monitored_kind", "relocated",
        "minimum_living_allowance", "extreme_poverty_support", "no_member_able_to_work", "left_behind", "helper",
    ]
    static let keyCount = 1

    func addColumns(to values: inout ColumnValues) {
        values.add(number, area.villageCode, area.group, headName, category.rawValue, monitoredKind?.rawValue,
                   flags.contains(.relocated), flags.contains(.minimumLivingAllowance), flags.contains(.extremePovertySupport),
                   flags.contains(.noMemberAbleToWork), flags.contains(.leftBehind), helper)
    }

    init(row: Row) throws {
        let village: String = row["village_code"]
        guard let area = Area(villageCode: village, group: row["group_name"]) else {
            throw CorruptRow(table: Self.table, column: "village_code", value: village)
        }
        var flags: Flags = []
        if row["relocated"] { flags.insert(.relocated) }
        if row["minimum_living_allowance"] { flags.insert(.minimumLivingAllowance) }
        if row["extreme_poverty_support"] { flags.insert(.extremePovertySupport) }
        if row["no_member_able_to_work"] { flags.insert(.noMemberAbleToWork) }
        if row["left_behind"] { flags.insert(.leftBehind) }
        self.init(
            number: row["number"], area: area, headName: row["head_name"],
            category: try row.term("category", in: Self.table),
            monitoredKind: try row.optionalTerm("monitored_kind", in: Self.table), flags: flags, helper: row["helper"])
    }
}

extension Member: RegistryRow {
    static let table = "member"
    static let columns = [
        "resident_id", "household_number", "name", "relation", "labor_capacity", "health", "disability_grade",
        "school_stage", "school_status", "medical_insurance", "migrant_work_months", "local_work", "public_welfare_post",
    ]
    static let keyCount = 1
    /// Members are listed household by household (the index on household_number holds this order).
    static let order = ["household_number", "resident_id"]

    func addColumns(to values: inout ColumnValues) {
        values.add(residentID.rawValue, householdNumber, name, relation, laborCapacity.rawValue, health.rawValue, disabilityGrade,
                   schoolStage?.rawValue, schoolStatus?.rawValue, medicalInsurance, migrantWorkMonths, localWork, publicWelfarePost)
    }

    init(row: Row) throws {
        let text: String = row["resident_id"]
        guard let residentID = try? ResidentID(text) else {
            throw CorruptRow(table: Self.table, column: "resident_id", value: text)
        }
        self.init(
            residentID: residentID, householdNumber: row["household_number"], name: row["name"],
            relation: row["relation"], laborCapacity: try row.term("labor_capacity", in: Self.table),
            health: try row.term("health", in: Self.table), disabilityGrade: row["disability_grade"],
            schoolStage: try row.optionalTerm("school_stage", in: Self.table),
            schoolStatus: try row.optionalTerm("school_status", in: Self.table),
            medicalInsurance: row["medical_insurance"], migrantWorkMonths: row["migrant_work_months"],
            localWork: row["local_work"], publicWelfarePost: row["public_welfare_post"])
    }
}

extension IncomeRecord: RegistryRow {
    static let table = "income"
    static let columns = [
        "household_number", "year", "wage_fen", "operating_fen", "property_fen", "transfer_fen", "production_costs_fen",
        "medical_spending_fen", "education_spending_fen",
    ]
    static let keyCount = 2

    func addColumns(to values: inout ColumnValues) {
        values.add(householdNumber, year, wage.fen, operating.fen, property.fen, transfer.fen, productionCosts.fen,
                   medicalSpending.fen, educationSpending.fen)
    }

    init(row: Row) throws {
        self.init(
            householdNumber: row["household_number"], year: row["year"], wage: row.money("wage_fen"),
            operating: row.money("operating_fen"), property: row.money("property_fen"),
            transfer: row.money("transfer_fen"), productionCosts: row.money("production_costs_fen"),
            medicalSpending: row.money("medical_spending_fen"), educationSpending: row.money("education_spending_fen"))
    }
}

extension MonthlyIncome: RegistryRow {
    static let table = "monthly_income"
    static let columns = ["household_number", "year", "month", "net_income_fen"]
    static let keyCount = 3

    func addColumns(to values: inout ColumnValues) { values.add(householdNumber, year, month, netIncome.fen) }

    init(row: Row) throws {
        self.init(householdNumber: row["household_number"], year: row["year"], month: row["month"],
                  netIncome: row.money("net_income_fen"))
    }
}

extension GuaranteeSurvey: RegistryRow {
    static let table = "guarantee_survey"
    static let columns = [
        "household_number", "surveyed_on", "food_and_clothing", "compulsory_education", "basic_medical", "safe_housing",
        "housing_assessed", "water_quantity", "water_quality", "notes",
    ]
    static let keyCount = 2

    func addColumns(to values: inout ColumnValues) {
        values.add(householdNumber, surveyedOn.description, foodAndClothing, compulsoryEducation, basicMedical, safeHousing,
                   housingAssessed, waterQuantity, waterQuality, notes)
    }

    init(row: Row) throws {
        self.init(
            householdNumber: row["household_number"], surveyedOn: try row.date("surveyed_on", in: Self.table),
            foodAndClothing: row["food_and_clothing"], compulsoryEducation: row["compulsory_education"],
            basicMedical: row["basic_medical"], safeHousing: row["safe_housing"],
            housingAssessed: row["housing_assessed"], waterQuantity: row["water_quantity"],
            waterQuality: row["water_quality"], notes: row["notes"])
    }
}
