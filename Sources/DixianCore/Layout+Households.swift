// The layouts of the household records: the household, its members, yearly and monthly
// incomes, and the 两不愁三保障 surveys.

extension Household: DescribedRecord {
    public enum Field: Int, RecordField {
        case number, villageCode, group, headName, category, monitoredKind, size, relocated, minimumLivingAllowance
        case extremePovertySupport, noMemberAbleToWork, leftBehind, helper

        public static let fields = describeAll()

        public var description: FieldDescription {
            switch self {
            case .number: FieldDescription("number", "户编号", .text, key: true, view: "number")
            case .villageCode: FieldDescription("village_code", "村级区划代码", .text, view: "village", aliases: ["行政区划代码"])
            case .group: FieldDescription("group", "村民小组", .text, .optional, view: "group")
            case .headName: FieldDescription("head_name", "户主姓名", .text, view: "head_name")
            case .category: FieldDescription("category", "户属性", .term(HouseholdCategory.self), view: "category", aliases: ["户类型"])
            case .monitoredKind: FieldDescription("monitored_kind", "监测对象类别", .term(MonitoredKind.self), .optional, view: "monitored_kind")
            // Counted from the members by whoever writes a file; never stored.
            case .size: FieldDescription("size", "家庭人口数", .integer(1...99), .defaulted, view: "size", stored: false)
            case .relocated: FieldDescription("relocated", "是否易地扶贫搬迁", .flag, .defaulted, view: "relocated")
            case .minimumLivingAllowance:
                FieldDescription("minimum_living_allowance", "是否低保户", .flag, .defaulted, view: "minimum_living_allowance")
            case .extremePovertySupport:
                FieldDescription("extreme_poverty_support", "是否特困供养", .flag, .defaulted, view: "extreme_poverty_support")
            case .noMemberAbleToWork:
                FieldDescription("no_member_able_to_work", "是否整户无劳动能力", .flag, .defaulted, view: "no_member_able_to_work")
            case .leftBehind: FieldDescription("left_behind", "是否留守户", .flag, .defaulted, view: "left_behind")
            case .helper: FieldDescription("helper", "帮扶责任人", .text, .optional, view: "helper")
            }
        }
    }

    public static let layout = makeLayout(table: "household", file: "households.csv")

    /// The values; `size` is empty (a writer counts the members).
    public func value(of field: Field) -> FieldValue {
        switch field {
        case .number: .text(number)
        case .villageCode: .text(area.villageCode)
        case .group: .optional(area.group)
        case .headName: .text(headName)
        case .category: .text(category.rawValue)
        case .monitoredKind: .optional(monitoredKind)
        case .size: .null
        case .relocated: .flag(flags.contains(.relocated))
        case .minimumLivingAllowance: .flag(flags.contains(.minimumLivingAllowance))
        case .extremePovertySupport: .flag(flags.contains(.extremePovertySupport))
        case .noMemberAbleToWork: .flag(flags.contains(.noMemberAbleToWork))
        case .leftBehind: .flag(flags.contains(.leftBehind))
        case .helper: .optional(helper)
        }
    }

    public init(reading row: some FieldSource) throws(FieldError) {
        let village = try row.text(Field.villageCode)
        guard let area = Area(villageCode: village, group: try row.optionalText(Field.group)) else {
            throw FieldError(column: "village_code", .notAVillageCode(village))
        }
        let category: HouseholdCategory = try row.term(Field.category)
        let kind: MonitoredKind? = try row.optionalTerm(Field.monitoredKind)
        if category == .monitored && kind == nil {
            throw FieldError(column: "monitored_kind", .monitoredKindMissing)
        }
        if category != .monitored, let kind {
            throw FieldError(column: "monitored_kind", .monitoredKindUnmonitored(kind))
        }
        var flags: Flags = []
        if try row.flag(Field.relocated) { flags.insert(.relocated) }
        if try row.flag(Field.minimumLivingAllowance) { flags.insert(.minimumLivingAllowance) }
        if try row.flag(Field.extremePovertySupport) { flags.insert(.extremePovertySupport) }
        if try row.flag(Field.noMemberAbleToWork) { flags.insert(.noMemberAbleToWork) }
        if try row.flag(Field.leftBehind) { flags.insert(.leftBehind) }
        self.init(number: try row.text(Field.number), area: area, headName: try row.text(Field.headName), category: category,
                  monitoredKind: kind, flags: flags, helper: try row.optionalText(Field.helper))
    }
}

extension Member: DescribedRecord {
    public enum Field: Int, RecordField {
        case residentID, householdNumber, name, relation, laborCapacity, health, disabilityGrade, schoolStage, schoolStatus
        case medicalInsurance, migrantWorkMonths, localWork, publicWelfarePost

        public static let fields = describeAll()

        public var description: FieldDescription {
            switch self {
            case .residentID: FieldDescription("resident_id", "身份证号", .residentID, key: true, aliases: ["证件号码"])
            case .householdNumber: FieldDescription("household_number", "户编号", .text)
            case .name: FieldDescription("name", "姓名", .text, view: "name")
            case .relation: FieldDescription("relation", "与户主关系", .text, view: "relation")
            case .laborCapacity: FieldDescription("labor_capacity", "劳动能力", .term(LaborCapacity.self), view: "labor_capacity")
            case .health: FieldDescription("health", "健康状况", .term(HealthCondition.self), .defaulted, view: "health")
            case .disabilityGrade: FieldDescription("disability_grade", "残疾等级", .integer(1...4), .optional, view: "disability_grade")
            case .schoolStage:
                FieldDescription("school_stage", "在校生状况", .term(SchoolStage.self), .optional, view: "school_stage", aliases: ["学段"])
            case .schoolStatus: FieldDescription("school_status", "在校状态", .term(SchoolStatus.self), .optional, view: "school_status")
            case .medicalInsurance: FieldDescription("medical_insurance", "是否参加基本医疗保险", .flag, .defaulted, view: "medical_insurance")
            case .migrantWorkMonths:
                FieldDescription("migrant_work_months", "务工时间（月）", .integer(0...12), .defaulted, view: "migrant_work_months",
                                 aliases: ["务工月数"])
            case .localWork: FieldDescription("local_work", "是否本地务工", .flag, .defaulted, view: "local_work")
            case .publicWelfarePost: FieldDescription("public_welfare_post", "是否公益岗位", .flag, .defaulted, view: "public_welfare_post")
            }
        }
    }

    public static let layout = makeLayout(table: "member", file: "members.csv", order: ["household_number", "resident_id"])

    /// The school stages of files written before 中职 and 高职 were told apart, refused with what
    /// to write instead rather than read as one of the new stages (as the stores' migration
    /// had to): the file does not say which school a `vocational` member attends, the one who
    /// made it knows, and a guess decides whether Ningxia counts them a 全日制普通高校 student
    /// (seed 001 名词解释3②). `tertiary` is still read, as 本科及以上.
    /// What to write instead is `FieldMessage.retiredSchoolStage`.
    public static let retiredSchoolStages: Set<String> = ["vocational", "职业教育", "大专及以上"]

    public func value(of field: Field) -> FieldValue {
        switch field {
        case .residentID: .text(residentID.rawValue)
        case .householdNumber: .text(householdNumber)
        case .name: .text(name)
        case .relation: .text(relation)
        case .laborCapacity: .text(laborCapacity.rawValue)
        case .health: .text(health.rawValue)
        case .disabilityGrade: .optional(disabilityGrade)
        case .schoolStage: .optional(schoolStage)
        case .schoolStatus: .optional(schoolStatus)
        case .medicalInsurance: .flag(medicalInsurance)
        case .migrantWorkMonths: .integer(migrantWorkMonths)
        case .localWork: .flag(localWork)
        case .publicWelfarePost: .flag(publicWelfarePost)
        }
    }

    public init(reading row: some FieldSource) throws(FieldError) {
        if let text = try row.optionalText(Field.schoolStage), Self.retiredSchoolStages.contains(text) {
            throw FieldError(column: "school_stage", .retiredSchoolStage(text))
        }
        let stage: SchoolStage? = try row.optionalTerm(Field.schoolStage)
        let status: SchoolStatus? = try row.optionalTerm(Field.schoolStatus)
        if status != nil && stage == nil {
            throw FieldError(column: "school_status", .schoolStatusWithoutStage)
        }
        self.init(
            residentID: try row.residentID(Field.residentID), householdNumber: try row.text(Field.householdNumber),
            name: try row.text(Field.name), relation: try row.text(Field.relation), laborCapacity: try row.term(Field.laborCapacity),
            health: try row.optionalTerm(Field.health) ?? .healthy,
            disabilityGrade: try row.optionalInteger(Field.disabilityGrade), schoolStage: stage, schoolStatus: status,
            medicalInsurance: try row.flag(Field.medicalInsurance),
            migrantWorkMonths: try row.optionalInteger(Field.migrantWorkMonths) ?? 0,
            localWork: try row.flag(Field.localWork), publicWelfarePost: try row.flag(Field.publicWelfarePost))
    }
}

extension IncomeRecord: DescribedRecord {
    public enum Field: Int, RecordField {
        case householdNumber, year, wage, operating, property, transfer, productionCosts, medicalSpending, educationSpending

        public static let fields = describeAll()

        public var description: FieldDescription {
            switch self {
            case .householdNumber: FieldDescription("household_number", "户编号", .text, key: true)
            case .year: FieldDescription("year", "年度", .integer(2000...2100), key: true, view: "year")
            case .wage: FieldDescription("wage", "工资性收入", .money, .defaulted, view: "wage")
            case .operating: FieldDescription("operating", "经营性收入", .money, .defaulted, view: "operating")
            case .property: FieldDescription("property", "财产性收入", .money, .defaulted, view: "property")
            case .transfer: FieldDescription("transfer", "转移性收入", .money, .defaulted, view: "transfer")
            case .productionCosts: FieldDescription("production_costs", "生产经营性支出", .money, .defaulted, view: "production_costs")
            case .medicalSpending: FieldDescription("medical_spending", "医疗支出", .money, .defaulted, view: "medical_spending")
            case .educationSpending: FieldDescription("education_spending", "教育支出", .money, .defaulted, view: "education_spending")
            }
        }
    }

    public static let layout = makeLayout(table: "income", file: "incomes.csv")

    public func value(of field: Field) -> FieldValue {
        switch field {
        case .householdNumber: .text(householdNumber)
        case .year: .integer(year)
        case .wage: .money(wage)
        case .operating: .money(operating)
        case .property: .money(property)
        case .transfer: .money(transfer)
        case .productionCosts: .money(productionCosts)
        case .medicalSpending: .money(medicalSpending)
        case .educationSpending: .money(educationSpending)
        }
    }

    public init(reading row: some FieldSource) throws(FieldError) {
        self.init(
            householdNumber: try row.text(Field.householdNumber), year: try row.integer(Field.year),
            wage: try row.money(Field.wage), operating: try row.money(Field.operating), property: try row.money(Field.property),
            transfer: try row.money(Field.transfer), productionCosts: try row.money(Field.productionCosts),
            medicalSpending: try row.money(Field.medicalSpending), educationSpending: try row.money(Field.educationSpending))
    }
}

extension MonthlyIncome: DescribedRecord {
    public enum Field: Int, RecordField {
        case householdNumber, year, month, netIncome

        public static let fields = describeAll()

        public var description: FieldDescription {
            switch self {
            case .householdNumber: FieldDescription("household_number", "户编号", .text, key: true)
            case .year: FieldDescription("year", "年度", .integer(2000...2100), key: true, view: "year")
            case .month: FieldDescription("month", "月份", .integer(1...12), key: true, view: "month")
            case .netIncome: FieldDescription("net_income", "纯收入", .signedMoney, view: "net")
            }
        }
    }

    public static let layout = makeLayout(table: "monthly_income", file: "monthly_incomes.csv")

    public func value(of field: Field) -> FieldValue {
        switch field {
        case .householdNumber: .text(householdNumber)
        case .year: .integer(year)
        case .month: .integer(month)
        case .netIncome: .money(netIncome)
        }
    }

    public init(reading row: some FieldSource) throws(FieldError) {
        self.init(householdNumber: try row.text(Field.householdNumber), year: try row.integer(Field.year),
                  month: try row.integer(Field.month), netIncome: try row.requiredMoney(Field.netIncome))
    }
}

extension GuaranteeSurvey: DescribedRecord {
    public enum Field: Int, RecordField {
        case householdNumber, surveyedOn, foodAndClothing, compulsoryEducation, basicMedical, safeHousing, housingAssessed
        case waterQuantity, waterQuality, notes

        public static let fields = describeAll()

        public var description: FieldDescription {
            switch self {
            case .householdNumber: FieldDescription("household_number", "户编号", .text, key: true)
            case .surveyedOn: FieldDescription("surveyed_on", "排查日期", .date, key: true, view: "surveyed_on")
            case .foodAndClothing: FieldDescription("food_and_clothing", "不愁吃不愁穿", .flag, view: "food_and_clothing")
            case .compulsoryEducation: FieldDescription("compulsory_education", "义务教育有保障", .flag, view: "compulsory_education")
            case .basicMedical: FieldDescription("basic_medical", "基本医疗有保障", .flag, view: "basic_medical")
            case .safeHousing: FieldDescription("safe_housing", "住房安全有保障", .flag, view: "safe_housing")
            case .housingAssessed: FieldDescription("housing_assessed", "住房是否经过鉴定", .flag, view: "housing_assessed")
            case .waterQuantity: FieldDescription("water_quantity", "饮水水量达标", .flag, view: "water_quantity")
            case .waterQuality: FieldDescription("water_quality", "饮水水质达标", .flag, view: "water_quality")
            case .notes: FieldDescription("notes", "备注", .text, .defaulted, view: "notes")
            }
        }
    }

    public static let layout = makeLayout(table: "guarantee_survey", file: "guarantee_surveys.csv")

    public func value(of field: Field) -> FieldValue {
        switch field {
        case .householdNumber: .text(householdNumber)
        case .surveyedOn: .date(surveyedOn)
        case .foodAndClothing: .flag(foodAndClothing)
        case .compulsoryEducation: .flag(compulsoryEducation)
        case .basicMedical: .flag(basicMedical)
        case .safeHousing: .flag(safeHousing)
        case .housingAssessed: .flag(housingAssessed)
        case .waterQuantity: .flag(waterQuantity)
        case .waterQuality: .flag(waterQuality)
        case .notes: .text(notes)
        }
    }

    public init(reading row: some FieldSource) throws(FieldError) {
        self.init(
            householdNumber: try row.text(Field.householdNumber), surveyedOn: try row.date(Field.surveyedOn),
            foodAndClothing: try row.flag(Field.foodAndClothing), compulsoryEducation: try row.flag(Field.compulsoryEducation),
            basicMedical: try row.flag(Field.basicMedical), safeHousing: try row.flag(Field.safeHousing),
            housingAssessed: try row.flag(Field.housingAssessed), waterQuantity: try row.flag(Field.waterQuantity),
            waterQuality: try row.flag(Field.waterQuality), notes: try row.optionalText(Field.notes) ?? "")
    }
}
