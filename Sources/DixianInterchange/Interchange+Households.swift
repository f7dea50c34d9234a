import DixianCore

extension Household: InterchangeRecord {
    static let file = "households.csv"
    static let columns = [
        Column("number", "户编号"), Column("village_code", "村级区划代码", "行政区划代码"),
        Column("group", "村民小组", required: false), Column("head_name", "户主姓名"),
        Column("category", "户属性", "户类型"), Column("monitored_kind", "监测对象类别", required: false),
        Column("size", "家庭人口数", required: false),
        Column("relocated", "是否易地扶贫搬迁", required: false), Column("minimum_living_allowance", "是否低保户", required: false),
        Column("extreme_poverty_support", "是否特困供养", required: false),
        Column("no_member_able_to_work", "是否整户无劳动能力", required: false),
        Column("left_behind", "是否留守户", required: false), Column("helper", "帮扶责任人", required: false),
    ]

    init(reading row: FieldReader) throws(FieldError) {
        let village = try row.text("village_code")
        guard let area = Area(villageCode: village, group: row.optionalText("group")) else {
            throw FieldError(column: "village_code", reason: "'\(village)' is not a 12-digit village code")
        }
        let category: HouseholdCategory = try row.term("category")
        let kind: MonitoredKind? = try row.optionalTerm("monitored_kind")
        if category == .monitored && kind == nil {
            throw FieldError(column: "monitored_kind", reason: "is empty, but a monitored household needs its kind")
        }
        if category != .monitored, let kind {
            throw FieldError(column: "monitored_kind", reason: "is \(kind.rawValue), but the household is not monitored")
        }
        var flags: Flags = []
        if try row.flag("relocated") { flags.insert(.relocated) }
        if try row.flag("minimum_living_allowance") { flags.insert(.minimumLivingAllowance) }
        if try row.flag("extreme_poverty_support") { flags.insert(.extremePovertySupport) }
        if try row.flag("no_member_able_to_work") { flags.insert(.noMemberAbleToWork) }
        if try row.flag("left_behind") { flags.insert(.leftBehind) }
        self.init(number: try row.text("number"), area: area, headName: try row.text("head_name"), category: category,
                  monitoredKind: kind, flags: flags, helper: row.optionalText("helper"))
    }

    /// The fields; `size` is filled in by the exporter from the members.
    var fields: [String] {
        [number, area.villageCode, area.group ?? "", headName, category.rawValue, monitoredKind?.rawValue ?? "", "",
         flags.contains(.relocated).field, flags.contains(.minimumLivingAllowance).field,
         flags.contains(.extremePovertySupport).field, flags.contains(.noMemberAbleToWork).field,
         flags.contains(.leftBehind).field, helper ?? ""]
    }

    var key: String { number }
    var references: [Reference] { [] }
}

extension Member: InterchangeRecord {
    static let file = "members.csv"
    static let columns = [
        Column("resident_id", "身份证号", "证件号码"), Column("household_number", "户编号"), Column("name", "姓名"),
        Column("relation", "与户主关系"), Column("labor_capacity", "劳动能力"),
        Column("health", "健康状况", required: false), Column("disability_grade", "残疾等级", required: false),
        Column("school_stage", "在校生状况", "学段", required: false), Column("school_status", "在校状态", required: false),
        Column("medical_insurance", "是否参加基本医疗保险", required: false),
        Column("migrant_work_months", "务工时间（月）", "务工月数", required: false),
        Column("local_work", "是否本地务工", required: false), Column("public_welfare_post", "是否公益岗位", required: false),
    ]

    /// The school stages of files written before 中职 and 高职 were told apart, refused with what
    /// to write instead rather than read as one of the new stages (as the stores' migration
    /// had to): the file does not say which school a `vocational` member attends, the one who
    /// made it knows, and a guess decides whether Ningxia counts them a 全日制普通高校 student
    /// (seed 001 名词解释3②). `tertiary` is still read, as 本科及以上.
    static let retiredSchoolStages: [String: String] = [
        "vocational": "'vocational' is no longer a school stage: write secondary-vocational (中职: 中专、职高、技校) or higher-vocational (高职: 大专)",
        "职业教育": "'职业教育' is no longer a school stage: write 中职 (secondary-vocational: 中专、职高、技校) or 高职 (higher-vocational: 大专)",
        "大专及以上": "'大专及以上' is no longer a school stage: write 高职 (higher-vocational) for 大专, 本科及以上 (tertiary) for 本科 and above",
    ]

    init(reading row: FieldReader) throws(FieldError) {
        if let retired = row.optionalText("school_stage").flatMap({ Self.retiredSchoolStages[$0] }) {
            throw FieldError(column: "school_stage", reason: retired)
        }
        let stage: SchoolStage? = try row.optionalTerm("school_stage")
        let status: SchoolStatus? = try row.optionalTerm("school_status")
        if status != nil && stage == nil {
            throw FieldError(column: "school_status", reason: "is set, but the member has no school stage")
        }
        self.init(
            residentID: try row.residentID("resident_id"), householdNumber: try row.text("household_number"),
            name: try row.text("name"), relation: try row.text("relation"), laborCapacity: try row.term("labor_capacity"),
            health: try row.optionalTerm("health") ?? .healthy,
            disabilityGrade: try row.optionalInteger("disability_grade", in: 1...4), schoolStage: stage, schoolStatus: status,
            medicalInsurance: try row.flag("medical_insurance"),
            migrantWorkMonths: try row.optionalInteger("migrant_work_months", in: 0...12) ?? 0,
            localWork: try row.flag("local_work"), publicWelfarePost: try row.flag("public_welfare_post"))
    }

    var fields: [String] {
        [residentID.rawValue, householdNumber, name, relation, laborCapacity.rawValue, health.rawValue,
         disabilityGrade.map(String.init) ?? "", schoolStage?.rawValue ?? "", schoolStatus?.rawValue ?? "",
         medicalInsurance.field, String(migrantWorkMonths), localWork.field, publicWelfarePost.field]
    }

    var key: String { residentID.rawValue }
    var references: [Reference] { [Reference(file: Household.file, key: householdNumber, column: "household_number")] }
}

extension IncomeRecord: InterchangeRecord {
    static let file = "incomes.csv"
    static let columns = [
        Column("household_number", "户编号"), Column("year", "年度"), Column("wage", "工资性收入", required: false),
        Column("operating", "经营性收入", required: false), Column("property", "财产性收入", required: false),
        Column("transfer", "转移性收入", required: false), Column("production_costs", "生产经营性支出", required: false),
        Column("medical_spending", "医疗支出", required: false), Column("education_spending", "教育支出", required: false),
    ]

    init(reading row: FieldReader) throws(FieldError) {
        self.init(
            householdNumber: try row.text("household_number"), year: try row.integer("year", in: 2000...2100),
            wage: try row.money("wage"), operating: try row.money("operating"), property: try row.money("property"),
            transfer: try row.money("transfer"), productionCosts: try row.money("production_costs"),
            medicalSpending: try row.money("medical_spending"), educationSpending: try row.money("education_spending"))
    }

    var fields: [String] {
        [householdNumber, String(year), wage.description, operating.description, property.description,
         transfer.description, productionCosts.description, medicalSpending.description, educationSpending.description]
    }

    var key: String { "\(householdNumber)/\(year)" }
    var references: [Reference] { [Reference(file: Household.file, key: householdNumber, column: "household_number")] }
}

extension MonthlyIncome: InterchangeRecord {
    static let file = "monthly_incomes.csv"
    static let columns = [
        Column("household_number", "户编号"), Column("year", "年度"), Column("month", "月份"), Column("net_income", "纯收入"),
    ]

    init(reading row: FieldReader) throws(FieldError) {
        self.init(householdNumber: try row.text("household_number"), year: try row.integer("year", in: 2000...2100),
                  month: try row.integer("month", in: 1...12), netIncome: try row.signedMoney("net_income"))
    }

    var fields: [String] { [householdNumber, String(year), String(month), netIncome.description] }
    var key: String { "\(householdNumber)/\(year)/\(month)" }
    var references: [Reference] { [Reference(file: Household.file, key: householdNumber, column: "household_number")] }
}

extension GuaranteeSurvey: InterchangeRecord {
    static let file = "guarantee_surveys.csv"
    static let columns = [
        Column("household_number", "户编号"), Column("surveyed_on", "排查日期"), Column("food_and_clothing", "不愁吃不愁穿"),
        Column("compulsory_education", "义务教育有保障"), Column("basic_medical", "基本医疗有保障"),
        Column("safe_housing", "住房安全有保障"), Column("housing_assessed", "住房是否经过鉴定"),
        Column("water_quantity", "饮水水量达标"), Column("water_quality", "饮水水质达标"),
        Column("notes", "备注", required: false),
    ]

    init(reading row: FieldReader) throws(FieldError) {
        self.init(
            householdNumber: try row.text("household_number"), surveyedOn: try row.date("surveyed_on"),
            foodAndClothing: try row.flag("food_and_clothing"), compulsoryEducation: try row.flag("compulsory_education"),
            basicMedical: try row.flag("basic_medical"), safeHousing: try row.flag("safe_housing"),
            housingAssessed: try row.flag("housing_assessed"), waterQuantity: try row.flag("water_quantity"),
            waterQuality: try row.flag("water_quality"), notes: row.raw("notes"))
    }

    var fields: [String] {
        [householdNumber, surveyedOn.description, foodAndClothing.field, compulsoryEducation.field, basicMedical.field,
         safeHousing.field, housingAssessed.field, waterQuantity.field, waterQuality.field, notes]
    }

    var key: String { "\(householdNumber)/\(surveyedOn)" }
    var references: [Reference] { [Reference(file: Household.file, key: householdNumber, column: "household_number")] }
}
