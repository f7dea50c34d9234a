import DixianCore
import LuaHost

/// A household-sized record for the benchmarks: about 40 fields and a members array, the
/// shape a screening check reads. Not the registry's model; only its size and mix.
struct SampleHousehold: LuaPushable {
    struct Member: LuaPushable {
        var idNumber: String
        var name: String
        var relation: String
        var age: Int
        var sex: String
        var laborCapacity: String
        var seriousIllness: Bool
        var chronicIllness: Bool
        var disabilityGrade: Int?
        var schoolStage: String?
        var droppedOut: Bool
        var medicalInsurance: Bool
        var migrantMonths: Int

        func push(onto stack: LuaStack) {
            stack.pushTable(fieldCount: 13)
            stack.setField("id_number", idNumber)
            stack.setField("name", name)
            stack.setField("relation", relation)
            stack.setField("age", age)
            stack.setField("sex", sex)
            stack.setField("labor_capacity", laborCapacity)
            stack.setField("serious_illness", seriousIllness)
            stack.setField("chronic_illness", chronicIllness)
            stack.setField("disability_grade", disabilityGrade)
            stack.setField("school_stage", schoolStage)
            stack.setField("dropped_out", droppedOut)
            stack.setField("medical_insurance", medicalInsurance)
            stack.setField("migrant_months", migrantMonths)
        }
    }

    var id: Int
    var number: String
    var province: String, city: String, county: String, township: String, village: String, group: String
    var headName: String
    var category: String
    var monitoredKind: String?
    var relocated: Bool, minimumLiving: Bool, extremePoverty: Bool, noLabor: Bool, leftBehind: Bool
    var helper: String?
    var size: Int
    var wage: Double, operating: Double, property: Double, transfer: Double, productionCosts: Double
    var medicalSpending: Double, educationSpending: Double
    var previousNetIncome: Double
    var foodAndClothing: Bool, compulsoryEducation: Bool, basicMedical: Bool, safeHousing: Bool, safeWater: Bool
    var housingAssessed: Bool
    var identifiedOn: String?
    var riskTypes: [String]
    var lastVisit: String?
    var visitsThisYear: Int
    var phone: String
    var bankAccount: String
    var address: String
    var members: [Member]

    func push(onto stack: LuaStack) {
        stack.pushTable(fieldCount: 40)
        stack.setField("id", id)
        stack.setField("number", number)
        stack.setField("province", province)
        stack.setField("city", city)
        stack.setField("county", county)
        stack.setField("township", township)
        stack.setField("village", village)
        stack.setField("group", group)
        stack.setField("head_name", headName)
        stack.setField("category", category)
        stack.setField("monitored_kind", monitoredKind)
        stack.setField("relocated", relocated)
        stack.setField("minimum_living", minimumLiving)
        stack.setField("extreme_poverty", extremePoverty)
        stack.setField("no_labor", noLabor)
        stack.setField("left_behind", leftBehind)
        stack.setField("helper", helper)
        stack.setField("size", size)
        stack.setField("wage", wage)
        stack.setField("operating", operating)
        stack.setField("property", property)
        stack.setField("transfer", transfer)
        stack.setField("production_costs", productionCosts)
        stack.setField("medical_spending", medicalSpending)
        stack.setField("education_spending", educationSpending)
        stack.setField("previous_net_income", previousNetIncome)
        stack.setField("food_and_clothing", foodAndClothing)
        stack.setField("compulsory_education", compulsoryEducation)
        stack.setField("basic_medical", basicMedical)
        stack.setField("safe_housing", safeHousing)
        stack.setField("safe_water", safeWater)
        stack.setField("housing_assessed", housingAssessed)
        stack.setField("identified_on", identifiedOn)
        stack.setField("risk_types", riskTypes)
        stack.setField("last_visit", lastVisit)
        stack.setField("visits_this_year", visitsThisYear)
        stack.setField("phone", phone)
        stack.setField("bank_account", bankAccount)
        stack.setField("address", address)
        stack.setField("members", members)
    }
}

extension SampleHousehold {
    /// `count` varied households from a fixed seed, so every run measures the same data.
    static func generate(count: Int) -> [SampleHousehold] {
        var random = SplitMix64(seed: 20_241_001)
        let surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "马"]
        let relations = ["户主", "配偶", "之子", "之女", "之孙子", "之母"]
        return (0..<count).map { index in
            let size = 1 + Int(random.next() % 6)
            let members = (0..<size).map { position -> Member in
                let age = position == 0 ? 35 + Int(random.next() % 45) : Int(random.next() % 80)
                return Member(
                    idNumber: "62062119\(String(format: "%02d", age % 100))0101\(String(format: "%03d", position))X",
                    name: surnames[Int(random.next() % 8)] + "某\(position)",
                    relation: relations[position % relations.count], age: age,
                    sex: random.next() % 2 == 0 ? "男" : "女",
                    laborCapacity: age < 16 || age > 70 ? "none" : (random.next() % 5 == 0 ? "partial" : "full"),
                    seriousIllness: random.next() % 20 == 0, chronicIllness: random.next() % 8 == 0,
                    disabilityGrade: random.next() % 15 == 0 ? 1 + Int(random.next() % 4) : nil,
                    schoolStage: (6...15).contains(age) ? "compulsory" : nil,
                    droppedOut: (6...15).contains(age) && random.next() % 50 == 0,
                    medicalInsurance: random.next() % 30 != 0, migrantMonths: Int(random.next() % 13))
            }
            let wage = Double(random.next() % 40_000)
            return SampleHousehold(
                id: index + 1, number: "620621\(String(format: "%010d", index))",
                province: "620000", city: "620600", county: "620621", township: "620621\(100 + index % 18)",
                village: "620621\(100 + index % 18)\(String(format: "%03d", index % 40))", group: "\(index % 9 + 1)组",
                headName: members[0].name, category: ["lifted", "monitored", "general"][index % 3],
                monitoredKind: index % 3 == 1 ? "marginal" : nil,
                relocated: random.next() % 10 == 0, minimumLiving: random.next() % 12 == 0,
                extremePoverty: random.next() % 40 == 0, noLabor: members.allSatisfy { $0.laborCapacity == "none" },
                leftBehind: random.next() % 15 == 0, helper: index % 3 == 1 ? "帮扶人\(index % 50)" : nil,
                size: size, wage: wage, operating: Double(random.next() % 15_000), property: Double(random.next() % 2_000),
                transfer: Double(random.next() % 6_000), productionCosts: Double(random.next() % 5_000),
                medicalSpending: Double(random.next() % 20_000), educationSpending: Double(random.next() % 8_000),
                previousNetIncome: wage * 1.1, foodAndClothing: true, compulsoryEducation: random.next() % 60 != 0,
                basicMedical: random.next() % 40 != 0, safeHousing: random.next() % 30 != 0,
                safeWater: random.next() % 35 != 0, housingAssessed: random.next() % 3 != 0,
                identifiedOn: index % 3 == 1 ? "2023-0\(1 + index % 9)-15" : nil,
                riskTypes: index % 3 == 1 ? ["因病", "因学"] : [], lastVisit: "2024-09-\(10 + index % 18)",
                visitsThisYear: Int(random.next() % 12), phone: "1390000\(String(format: "%04d", index % 10_000))",
                bankAccount: "6228\(String(format: "%012d", index))", address: "某县某镇某村\(index % 40)号",
                members: members)
        }
    }
}
