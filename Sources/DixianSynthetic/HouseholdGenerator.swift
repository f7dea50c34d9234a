import DixianCore

/// Makes one household at a time, with everything that hangs from it, and the assets of a
/// village. Identifiers count up in the order records are made, so every file comes out in
/// canonical order.
struct HouseholdGenerator {
    let geography: CountyGeography
    var random: SplitMix64
    private var usedIDs: Set<Int> = []
    var nextEpisode: Int64 = 1, nextStep: Int64 = 1, nextWarning: Int64 = 1, nextPlan: Int64 = 1, nextMeasure: Int64 = 1
    var nextVisit: Int64 = 1, nextProblem: Int64 = 1, nextAsset: Int64 = 1
    private let asOf = SyntheticCounty.asOf

    init(geography: CountyGeography, seed: UInt64) {
        self.geography = geography
        self.random = SplitMix64(seed: seed)
    }

    /// The household and its records; the household comes with its size.
    mutating func household(number: String, villageCode: String) -> [(RegistryRecord, Int?)] {
        let category: HouseholdCategory = [.monitored, .lifted, .general][random.weighted([5, 20, 75])]
        let kind: MonitoredKind? = category == .monitored ? [.unstable, .marginal, .suddenHardship][random.weighted([30, 45, 25])] : nil
        let members = makeMembers(number: number, category: category)
        let head = members.first { $0.isHead }!
        var flags: Household.Flags = []
        if random.chance(category == .lifted ? 0.15 : 0.03) { flags.insert(.relocated) }
        if random.chance(category == .monitored ? 0.4 : 0.05) { flags.insert(.minimumLivingAllowance) }
        if random.chance(category == .monitored ? 0.06 : 0.008) { flags.insert(.extremePovertySupport) }
        if members.allSatisfy({ $0.laborCapacity == .none }) { flags.insert(.noMemberAbleToWork) }
        if random.chance(0.05) { flags.insert(.leftBehind) }
        let helper = category == .general ? nil : Names.person(surname: random.pick(Names.surnames), male: random.chance(0.6), using: &random)
        let household = Household(
            number: number, area: Area(villageCode: villageCode, group: "\(random.int(1...9))组")!, headName: head.name,
            category: category, monitoredKind: kind, flags: flags, helper: helper)

        var records: [(RegistryRecord, Int?)] = [(household.registryRecord, members.count)]
        records += members.sorted { $0.residentID < $1.residentID }.map { ($0.registryRecord, nil) }
        let incomes = makeIncomes(household, members)
        records += incomes.map { ($0.registryRecord, nil) }
        if category == .monitored { records += makeMonthlyIncomes(number, incomes.last!).map { ($0.registryRecord, nil) } }
        let survey = makeSurvey(number, members)
        records.append((survey.registryRecord, nil))
        records += makeMonitoring(household, members, incomes.last!).map { ($0, nil) }
        records += makeWarnings(members).map { ($0.registryRecord, nil) }
        records += makeVisits(household).map { ($0.registryRecord, nil) }
        if !survey.allGuaranteesMet || random.chance(0.005) {
            records.append((makeProblem(number, survey).registryRecord, nil))
        }
        return records
    }

    // MARK: Members

    private mutating func makeMembers(number: String, category: HouseholdCategory) -> [Member] {
        let size = 1 + random.weighted([12, 22, 24, 22, 13, 7])
        let headAge = random.int(28...82)
        let headMale = random.chance(0.82)
        let surname = random.pick(Names.surnames)
        var people: [(relation: String, age: Int, male: Bool, surname: Character)] = [
            (Member.headRelation, headAge, headMale, surname),
        ]
        if size >= 2 && random.chance(0.85) {
            people.append(("配偶", max(18, headAge + random.int(-6...4)), !headMale, random.pick(Names.surnames)))
        }
        if size - people.count >= 2 && headAge < 70 && random.chance(0.25) {
            let male = random.chance(0.5)
            people.append((male ? "之父" : "之母", min(98, headAge + random.int(22...32)), male, male ? surname : random.pick(Names.surnames)))
        }
        while people.count < size {
            let male = random.chance(0.52)
            let age = max(0, headAge - random.int(20...38))
            people.append((male ? "之子" : "之女", age, male, surname))
        }
        let ill = category == .monitored ? 0.18 : 0.025
        return people.map { person in
            let age = person.age
            let health: HealthCondition = random.chance(ill) ? .seriousIllness : (random.chance(0.09) ? .chronicIllness : .healthy)
            let disabled = random.chance(category == .monitored ? 0.14 : 0.035)
            let labor: LaborCapacity =
                age < 16 || age > 75 ? .none
                : age > 60 || health == .seriousIllness || disabled ? (random.chance(0.6) ? .partial : .none)
                : (random.chance(0.92) ? .full : .partial)
            let stage = schoolStage(age: age)
            let migrantMonths = labor == .full && (18...55).contains(age) && random.chance(0.45) ? random.int(3...12) : 0
            return Member(
                residentID: residentID(age: age, male: person.male), householdNumber: number,
                name: Names.person(surname: person.surname, male: person.male, using: &random), relation: person.relation,
                laborCapacity: labor, health: health, disabilityGrade: disabled ? random.int(1...4) : nil,
                schoolStage: stage, schoolStatus: stage.map { $0.isCompulsory && random.chance(0.003) ? .droppedOut : .enrolled },
                medicalInsurance: random.chance(0.985), migrantWorkMonths: migrantMonths,
                localWork: labor != .none && migrantMonths == 0 && (18...65).contains(age) && random.chance(0.3),
                publicWelfarePost: category != .general && labor == .partial && random.chance(0.1))
        }
    }

    /// A member's school stage at `age`: at 15 to 17 most at 高中, a quarter at 中职 (中专、职高、
    /// 技校), a tenth out of school; at 18 to 22 a third at a 高校, 高职 (three years, from 18)
    /// somewhat more often than 本科 (four) while both run, 本科 mostly after. One draw each,
    /// whatever the stage, so that the rest of a county does not change with the shares.
    private mutating func schoolStage(age: Int) -> SchoolStage? {
        switch age {
        case 3...5: random.chance(0.85) ? .preschool : nil
        case 6...11: .primary
        case 12...14: .juniorSecondary
        case 15...17: [.seniorSecondary, .secondaryVocational, nil][random.weighted([65, 25, 10])]
        case 18...20: [.higherVocational, .tertiary, nil][random.weighted([19, 16, 65])]
        case 21...22: [.higherVocational, .tertiary, nil][random.weighted([5, 30, 65])]
        default: nil
        }
    }

    /// A valid, unused ID number for someone of `age` on the reference day.
    private mutating func residentID(age: Int, male: Bool) -> ResidentID {
        var birthday = asOf.adding(days: -(age * 365 + random.int(0...364)))
        var sequence = random.int(1...499) * 2 - (male ? 1 : 0)
        var tries = 0
        while !usedIDs.insert(birthday.dayNumber * 1000 + sequence).inserted {
            tries += 1
            if tries % 499 == 0 { birthday = birthday.adding(days: -1) }  // every number of the day is taken
            sequence = sequence + 2 > 999 ? (male ? 1 : 2) : sequence + 2
        }
        return try! ResidentID(areaCode: geography.code, birthDate: birthday, sequence: sequence)
    }

    // MARK: Income and guarantees

    private mutating func makeIncomes(_ household: Household, _ members: [Member]) -> [IncomeRecord] {
        let poorer = household.category == .monitored ? 0.45 : (household.category == .lifted ? 0.8 : 1)
        let migrant = members.reduce(0) { $0 + $1.migrantWorkMonths } * random.int(3200...5200)
        let local = members.filter(\.localWork).count * random.int(9000...22000)
        let operating = Double(random.int(3000...28000)) * poorer
        let allowance = household.flags.contains(.minimumLivingAllowance) ? members.count * random.int(3600...4800) : 0
        let pensions = members.filter { $0.age(on: asOf) >= 60 }.count * random.int(1300...2200)
        let ill = members.filter { $0.health == .seriousIllness }.count
        let chronic = members.filter { $0.health == .chronicIllness }.count
        let schooling = members.filter { [.seniorSecondary, .higherVocational, .tertiary].contains($0.schoolStage) }.count
        // The last two complete years before the assessment date; most households gain a little
        // from one year to the next, some lose, and sudden hardship cuts the latest year.
        let growth = Double(random.int(90...116)) / 100
        return [2022, 2023].map { year in
            var scale = year == 2023 ? growth : 1
            if year == 2023 && household.monitoredKind == .suddenHardship { scale *= 0.55 }
            return IncomeRecord(
                householdNumber: household.number, year: year,
                wage: Money(yuan: Int64(Double(migrant + local) * poorer * scale)),
                operating: Money(yuan: Int64(operating * scale)), property: random.yuan(0...1200),
                transfer: Money(yuan: Int64(allowance + pensions + random.int(0...1500))),
                productionCosts: Money(yuan: Int64(operating * scale * Double(random.int(20...40)) / 100)),
                medicalSpending: Money(yuan: Int64(ill * random.int(12000...60000) + chronic * random.int(1500...8000))),
                educationSpending: Money(yuan: Int64(schooling * random.int(2500...9000))))
        }
    }

    private mutating func makeMonthlyIncomes(_ number: String, _ income: IncomeRecord) -> [MonthlyIncome] {
        let monthly = income.netIncome.fen / 12
        return (0..<12).map { offset in
            let month = (6 + offset) % 12 + 1  // July 2023 to June 2024
            let noise = Int64(random.int(-30...30)) * monthly / 100
            return MonthlyIncome(householdNumber: number, year: month >= 7 ? 2023 : 2024, month: month,
                                 netIncome: Money(fen: (monthly + noise) / 100 * 100))
        }
        .sorted { ($0.year, $0.month) < ($1.year, $1.month) }
    }

    private mutating func makeSurvey(_ number: String, _ members: [Member]) -> GuaranteeSurvey {
        let dropout = members.contains { $0.schoolStatus == .droppedOut }
        let uninsured = members.contains { !$0.medicalInsurance }
        let unsafeHousing = random.chance(0.006)
        let water = random.chance(0.004)
        var notes: [String] = []
        if dropout { notes.append("义务教育阶段学生辍学") }
        if uninsured { notes.append("有家庭成员未参加基本医疗保险") }
        if unsafeHousing { notes.append("住房存在安全隐患") }
        if water { notes.append("饮水水量不足") }
        return GuaranteeSurvey(
            householdNumber: number, surveyedOn: LocalDate(year: 2024, month: 4, day: 1)!.adding(days: random.int(0...59)),
            compulsoryEducation: !dropout, basicMedical: !uninsured, safeHousing: !unsafeHousing,
            housingAssessed: random.chance(0.6), waterQuantity: !water, notes: notes.joined(separator: "；"))
    }
}
