import DixianCore
import DixianPlugins

/// Makes one household at a time, with everything that hangs from it, and the assets of a
/// village. Members come first and the household's circumstances follow from them (illness
/// and disability make monitoring and 低保 likelier; 特困 only where no one can work), then
/// incomes, the monitoring history and the record of work done. Identifiers count up in the
/// order records are made, so every file comes out in canonical order.
struct HouseholdGenerator {
    let geography: CountyGeography
    let profile: CountyProfile
    let calibration: Calibration
    var random: SplitMix64
    private var usedIDs: Set<Int> = []
    var nextEpisode: Int64 = 1, nextStep: Int64 = 1, nextWarning: Int64 = 1, nextPlan: Int64 = 1, nextMeasure: Int64 = 1
    var nextVisit: Int64 = 1, nextProblem: Int64 = 1, nextAsset: Int64 = 1, nextHospitalStay: Int64 = 1
    var nextComplaint: Int64 = 1, nextLoan: Int64 = 1
    /// The stream the registry facts added later are drawn from (`HouseholdGenerator+Facts.swift`).
    var factsRandom: SplitMix64
    /// The stream the days idle and lost assets' statuses began are drawn from, so that dating
    /// them left every other record of a generated county as it was.
    var assetStatusRandom: SplitMix64
    /// The staff of the village being generated: its resident team, cadres and helpers.
    var villageStaff = VillageStaff()
    let asOf = SyntheticCounty.asOf

    init(geography: CountyGeography, profile: CountyProfile, calibration: Calibration, seed: UInt64) {
        self.geography = geography
        self.profile = profile
        self.calibration = calibration
        self.random = SplitMix64(seed: seed)
        self.factsRandom = SplitMix64(seed: seed ^ 0x5EED_FAC7_0000_0018)
        self.assetStatusRandom = SplitMix64(seed: seed ^ 0xA55E_7DA7_0000_0018)
    }

    /// The household and its records; the household comes with its size.
    mutating func household(number: String, villageCode: String) -> [(RegistryRecord, Int?)] {
        let draft = drawHousehold(number: number)
        let household = Household(
            number: number, area: Area(villageCode: villageCode, group: "\(random.int(1...9))组")!,
            headName: draft.members.first { $0.isHead }!.name, category: draft.category,
            monitoredKind: draft.kind, flags: draft.flags,
            helper: draft.category == .general && draft.history != .eliminated ? nil : villageStaff.helper(using: &random))
        var records: [(RegistryRecord, Int?)] = [(household.registryRecord, draft.members.count)]
        records += draft.members.sorted { $0.residentID < $1.residentID }.map { ($0.registryRecord, nil) }
        let incomes = makeIncomes(household, draft)
        records += incomes.map { ($0.registryRecord, nil) }
        if draft.category == .monitored { records += makeMonthlyIncomes(number, incomes.last!).map { ($0.registryRecord, nil) } }
        let survey = makeSurvey(number, draft)
        records.append((survey.registryRecord, nil))
        records += makeMonitoring(household, draft, incomes.last!).map { ($0, nil) }
        records += makeWarnings(draft.members).map { ($0.registryRecord, nil) }
        records += makeVisits(household, draft).map { ($0.registryRecord, nil) }
        records += makeProblems(number, survey).map { ($0.registryRecord, nil) }
        records += makeHospitalStays(household, draft.members).map { ($0.registryRecord, nil) }
        records += makeComplaints(household, draft).map { ($0.registryRecord, nil) }
        records += makeLoans(household, draft).map { ($0.registryRecord, nil) }
        return records
    }

    // MARK: Circumstances

    /// What a household is before its records are written.
    struct Draft {
        var members: [Member]
        var category: HouseholdCategory
        var kind: MonitoredKind?
        var flags: Household.Flags
        var history: History
        /// Its income is below the line and it is not monitored: a real problem for the 排查.
        var missed: Bool
        /// A member is seriously ill, severely disabled, or no one can work.
        var atRisk: Bool { members.contains(where: Self.atRisk) || flags.contains(.noMemberAbleToWork) }
        var disabled: Bool { members.contains { $0.disabilityGrade != nil } }

        static func atRisk(_ member: Member) -> Bool {
            member.health == .seriousIllness || (member.disabilityGrade ?? 5) <= 2
        }
    }

    /// A household's monitoring history apart from the open episode of a monitored household.
    enum History: Equatable { case none, eliminated, pending(MonitoringStatus) }

    /// Draws the members, then the category, kind, 低保 and 特困, and the history.
    mutating func drawHousehold(number: String) -> Draft {
        let members = makeMembers(number: number)
        var draft = Draft(members: members, category: .general, kind: nil, flags: [], history: .none, missed: false)
        if members.allSatisfy({ $0.laborCapacity == .none }) { draft.flags.insert(.noMemberAbleToWork) }
        if random.chance(calibration.leftBehind) { draft.flags.insert(.leftBehind) }
        if random.chance(draft.atRisk ? calibration.monitoredGivenRisk : calibration.monitoredOtherwise) {
            draft.category = .monitored
            let kinds = MonitoredKind.allCases
            draft.kind = kinds[random.weighted(kinds.map { profile.monitoredKinds[$0] ?? 0 })]
        } else if random.chance(draft.atRisk ? calibration.liftedGivenRisk : calibration.liftedOtherwise) {
            draft.category = .lifted
        }
        if random.chance(calibration.tekunGivenEligible), Self.tekunEligible(members) {
            draft.flags.insert(.extremePovertySupport)
        } else if draft.category != .general && draft.atRisk ? random.chance(0.97)
                    : random.chance(min(0.95, calibration.allowanceFactor * allowanceWeight(draft))) {
            draft.flags.insert(.minimumLivingAllowance)
        }
        if draft.category != .monitored {
            if !draft.flags.contains(.noMemberAbleToWork) && random.chance(calibration.eliminatedGivenNotMonitored) {
                draft.history = .eliminated
            } else if random.chance(calibration.pending) {
                draft.history = .pending([.reported, .verified, .accepted, .rejected, .rejected][random.int(0...4)])
            } else if random.chance(profile.missedShare / max(0.01, 1 - profile.target(.monitoredHouseholds))) {
                draft.missed = true
            }
        }
        if random.chance(draft.category == .lifted ? 0.15 : 0.02) { draft.flags.insert(.relocated) }
        if draft.category != .general {
            // 乡村公益性岗位 go to 脱贫 and monitored people who can work a little.
            for index in draft.members.indices where draft.members[index].laborCapacity == .partial
                && draft.members[index].age(on: asOf) < 65 && random.chance(0.12) {
                draft.members[index].publicWelfarePost = true
            }
        }
        return draft
    }

    /// 特困: no one who can work, one or two people, each elderly or severely disabled, and no
    /// child or working-age relative obliged to support them in the household.
    static func tekunEligible(_ members: [Member]) -> Bool {
        members.count <= 2 && members.allSatisfy { member in
            member.laborCapacity == .none && (member.age(on: SyntheticCounty.asOf) >= 60 || (member.disabilityGrade ?? 5) <= 2)
        }
    }

    /// How likely 低保 is before scaling, for households not already kept by 兜底 (a 脱贫 or
    /// monitored household where no one can work, or with a member seriously ill or severely
    /// disabled, nearly always has 低保: 单人保 and 整户保): likelier for the poor and the old.
    func allowanceWeight(_ draft: Draft) -> Double {
        let weak = draft.atRisk || draft.members.allSatisfy { $0.age(on: asOf) >= 60 }
        switch draft.category {
        case .monitored: return weak ? 0.9 : 0.45
        case .lifted: return weak ? 0.5 : 0.12
        case .general: return weak ? 0.25 : 0.004
        }
    }

    // MARK: Members

    private struct Person {
        var relation: String
        var age: Int
        var male: Bool
        var surname: Character
    }

    /// The people of a household of the profile's sizes: the elderly alone or in couples, young
    /// families, and three generations in the larger households.
    private mutating func makeMembers(number: String) -> [Member] {
        let size = 1 + random.weighted(profile.householdSizes)
        let surname = random.pick(Names.surnames)
        let headMale = random.chance(0.85)
        var people: [Person] = []
        func add(_ relation: String, _ age: Int, _ male: Bool, own: Bool = true) {
            people.append(Person(relation: relation, age: max(0, min(99, age)), male: male,
                                 surname: own ? surname : random.pick(Names.surnames)))
        }
        // A child is a minor as often as the county's share of children asks, else grown up.
        func children(_ count: Int, parentAge: Int, relation: (Bool) -> String) {
            for _ in 0..<count {
                let male = random.chance(calibration.boyShare)
                let youngest = max(0, parentAge - 40), oldest = max(youngest, parentAge - 22)
                let age = random.chance(calibration.minorChildren) ? random.int(youngest...min(oldest, max(youngest, 14)))
                    : random.int(min(oldest, max(youngest, 15))...oldest)
                add(relation(male), age, male)
            }
        }
        let elderly = random.chance(calibration.elderlyHeads)
        switch size {
        case 1:
            add(Member.headRelation, elderly ? random.int(60...90) : random.int(22...59), random.chance(calibration.boyShare + 0.1))
        case 2 where elderly || random.chance(0.5):
            let age = elderly ? random.int(60...86) : random.int(45...64)
            add(Member.headRelation, age, headMale)
            add("配偶", age + random.int(-5...3), !headMale, own: false)
        case 2:
            let age = random.int(38...62)
            add(Member.headRelation, age, headMale)
            children(1, parentAge: age) { $0 ? "之子" : "之女" }
        case 3, 4:
            let age = elderly ? random.int(55...75) : random.int(28...56)
            add(Member.headRelation, age, headMale)
            add("配偶", age + random.int(-5...3), !headMale, own: false)
            if elderly {
                let sonAge = age - random.int(24...32)
                add("之子", sonAge, true)
                if size == 4 { children(1, parentAge: sonAge) { $0 ? "之孙子" : "之孙女" } }
            } else {
                children(size - 2, parentAge: age) { $0 ? "之子" : "之女" }
            }
        default:
            // Three generations: the grandparents, their son and his wife, grandchildren.
            let age = random.int(52...78)
            add(Member.headRelation, age, headMale)
            if random.chance(0.8) { add("配偶", age + random.int(-5...3), !headMale, own: false) }
            let sonAge = age - random.int(24...32)
            add("之子", sonAge, true)
            add("之儿媳", sonAge + random.int(-4...2), false, own: false)
            children(size - people.count, parentAge: sonAge) { $0 ? "之孙子" : "之孙女" }
        }
        return people.map { makeMember(number: number, $0) }
    }

    private mutating func makeMember(number: String, _ person: Person) -> Member {
        let age = person.age
        let health: HealthCondition = random.chance(Self.seriousIllness(age: age)) ? .seriousIllness
            : (random.chance(Self.chronicIllness(age: age)) ? .chronicIllness : .healthy)
        let disabled = random.chance(calibration.disabilityRate(age: age))
        let grade = disabled ? 1 + random.weighted(profile.disabilityGrades) : nil
        let severe = (grade ?? 5) <= 2
        let labor: LaborCapacity =
            age < 16 || age > 75 || severe ? .none
            : health == .seriousIllness ? (random.chance(0.5) ? .partial : .none)
            : age >= 65 || grade != nil || health == .chronicIllness ? .partial
            : age >= 60 ? (random.chance(0.5) ? .full : .partial)
            : (random.chance(0.97) ? .full : .partial)
        let (stage, status) = school(age: age, severe: severe)
        let migrant = labor == .full && (18...55).contains(age) && random.chance(calibration.migrantGivenAble)
        return Member(
            residentID: residentID(age: age, male: person.male), householdNumber: number,
            name: Names.person(surname: person.surname, male: person.male, using: &random), relation: person.relation,
            laborCapacity: labor, health: health, disabilityGrade: grade, schoolStage: stage, schoolStatus: status,
            medicalInsurance: !random.chance(calibration.uninsured), migrantWorkMonths: migrant ? random.int(6...12) : 0,
            localWork: labor != .none && !migrant && (18...64).contains(age) && stage == nil && random.chance(0.35),
            publicWelfarePost: false)
    }

    /// 大病: rare in the young, some 3% of the old. No public figure for a county; the shares
    /// of 因病 among monitored households follow from them with the monitoring odds.
    static func seriousIllness(age: Int) -> Double { age < 40 ? 0.003 : (age < 60 ? 0.012 : 0.03) }

    /// 长期慢性病: a tenth of adults, a quarter of the old.
    static func chronicIllness(age: Int) -> Double { age < 18 ? 0.005 : (age < 60 ? 0.08 : 0.25) }

    /// A member's school stage and status at `age` on the reference day (30 June, the end of a
    /// school year): 6 to 11 in primary school, 12 to 14 in junior secondary, 15 at the end of
    /// junior secondary or the start of senior secondary, 16 to 17 at 高中 or 中职 for most,
    /// 18 to 22 at 高职 or 本科 for a third. A severely disabled child of compulsory age is taught
    /// at home (送教上门) and counts as enrolled. A handful drop out (控辍保学 keeps it near 0).
    private mutating func school(age: Int, severe: Bool) -> (SchoolStage?, SchoolStatus?) {
        let stage: SchoolStage?
        switch age {
        case 3...5: stage = random.chance(0.9) ? .preschool : nil
        case 6...11: stage = .primary
        case 12...14: stage = .juniorSecondary
        case 15: stage = random.chance(0.5) ? .juniorSecondary : .seniorSecondary
        case 16...17: stage = [.seniorSecondary, .secondaryVocational, nil][random.weighted([62, 30, 8])]
        case 18...20: stage = [.higherVocational, .tertiary, nil][random.weighted([20, 16, 64])]
        case 21...22: stage = [.higherVocational, .tertiary, nil][random.weighted([5, 30, 65])]
        default: stage = nil
        }
        guard let stage else { return (nil, nil) }
        if stage.isCompulsory && !severe && random.chance(calibration.dropout) { return (stage, .droppedOut) }
        return (stage, .enrolled)
    }

    /// A valid, unused ID number for someone of `age` on the reference day.
    private mutating func residentID(age: Int, male: Bool) -> ResidentID {
        var birthday = asOf.adding(months: -12 * age).adding(days: -random.int(0...364))
        var sequence = random.int(1...499) * 2 - (male ? 1 : 0)
        var tries = 0
        while !usedIDs.insert(birthday.dayNumber * 1000 + sequence).inserted {
            tries += 1
            if tries % 499 == 0 { birthday = birthday.adding(days: -1) }  // every number of the day is taken
            sequence = sequence + 2 > 999 ? (male ? 1 : 2) : sequence + 2
        }
        return try! ResidentID(areaCode: geography.code, birthDate: birthday, sequence: sequence)
    }

    func nextID(_ counter: inout Int64) -> Int64 {
        defer { counter += 1 }
        return counter
    }
}

/// The people who work in a village: two or three of the resident team (驻村工作队), two
/// cadres, and helpers (帮扶责任人) who each take a handful of households.
struct VillageStaff {
    var team: [String] = []
    var cadres: [String] = []
    private var helpers: [String] = []
    private var current: (name: String, left: Int)?

    init() {}

    /// New staff for a new village.
    init(using random: inout SplitMix64) {
        team = (0..<random.int(2...3)).map { _ in Self.person(&random) }
        cadres = (0..<2).map { _ in Self.person(&random) }
    }

    /// The helper of the next assisted household: each takes three to eight households.
    mutating func helper(using random: inout SplitMix64) -> String {
        if let current, current.left > 0 {
            self.current = (current.name, current.left - 1)
            return current.name
        }
        let name = Self.person(&random)
        current = (name, random.int(2...7))
        return name
    }

    private static func person(_ random: inout SplitMix64) -> String {
        Names.person(surname: random.pick(Names.surnames), male: random.chance(0.6), using: &random)
    }
}
