import DixianCore

extension HouseholdGenerator {
    /// Monitoring episodes with the steps of their lifecycle, their plans and measures: an
    /// identified episode for every monitored household, eliminated ones for a few others, and
    /// some still being decided.
    mutating func makeMonitoring(_ household: Household, _ members: [Member], _ income: IncomeRecord) -> [RegistryRecord] {
        let status: MonitoringStatus
        switch household.category {
        case .monitored: status = .identified
        case .lifted where random.chance(0.04), .general where random.chance(0.01): status = .eliminated
        case .general where random.chance(0.002): status = [.reported, .verified, .accepted, .rejected][random.int(0...3)]
        default: return []
        }
        let decided = status == .identified || status == .eliminated
        let reported = decided
            ? LocalDate(year: 2022, month: 1, day: 1)!.adding(days: random.int(0...(status == .eliminated ? 500 : 880)))
            : SyntheticCounty.asOf.adding(days: -random.int(1...20))
        var risks: Set<RiskType> = []
        if members.contains(where: { $0.health == .seriousIllness }) { risks.insert(.illness) }
        if members.contains(where: { $0.disabilityGrade != nil }) { risks.insert(.disability) }
        if income.educationSpending.fen > 500_000 { risks.insert(.schooling) }
        if household.flags.contains(.noMemberAbleToWork) { risks.insert(.lackOfLabor) }
        if risks.isEmpty { risks.insert(random.pick([.unstableEmployment, .naturalDisaster, .accident, .failedBusiness, .other])) }
        // Verification and answer within days of the report, never after the as-of date.
        let verified = min(reported.adding(days: random.int(1...4)), SyntheticCounty.asOf)
        let answered = min(verified.adding(days: random.int(1...4)), SyntheticCounty.asOf)
        let identified = max(answered.adding(days: 1), reported.adding(days: random.int(5...15)))
        let eliminated = status == .eliminated ? identified.adding(days: random.int(180...540)) : nil
        let episode = MonitoringEpisode(
            id: nextID(&nextEpisode), householdNumber: household.number,
            channel: [.selfReport, .cadreVisit, .departmentWarning, .townshipCheck][random.weighted([20, 45, 20, 15])],
            reportedOn: reported, status: status, riskTypes: decided ? risks : [],
            identifiedOn: decided ? identified : nil, eliminatedOn: eliminated)
        var records: [RegistryRecord] = [episode.registryRecord]
        let cadre = Names.person(surname: random.pick(Names.surnames), male: random.chance(0.6), using: &random)
        func step(_ transition: MonitoringTransition, _ on: LocalDate, stage: EliminationStage? = nil, accepted: Bool? = nil,
                  risks: Set<RiskType> = [], notes: String = "") {
            records.append(MonitoringStep(
                id: nextID(&nextStep), episodeID: episode.id, householdNumber: household.number, transition: transition,
                takenOn: on, actor: cadre, stage: stage, accepted: accepted, riskTypes: risks, notes: notes).registryRecord)
        }
        step(.report, reported)
        if status != .reported { step(.verify, verified, notes: "已入户核查家庭收支和两不愁三保障情况") }
        if status == .rejected { step(.answer, answered, accepted: false, notes: "家庭人均纯收入高于监测范围，不符合认定标准") }
        if status == .accepted || decided { step(.answer, answered, accepted: true) }
        guard decided else { return records }
        step(.approve, identified, risks: risks)

        let plan = AssistancePlan(id: nextID(&nextPlan), householdNumber: household.number, episodeID: episode.id,
                                  madeOn: identified.adding(days: random.int(1...10)),
                                  adjustedOn: status == .identified && identified.year < 2024
                                      ? LocalDate(year: 2024, month: 3, day: random.int(1...31)) : nil)
        records.append(plan.registryRecord)
        step(.plan, plan.madeOn, notes: "plan \(plan.id)")
        for risk in risks.sorted(by: { $0.rawValue < $1.rawValue }).prefix(3) {
            let (type, text, unit) = measure(for: risk)
            let due = plan.madeOn.adding(days: random.int(60...300))
            let measure = Measure(
                id: nextID(&nextMeasure), planID: plan.id, type: type, description: text, responsibleUnit: unit,
                responsiblePerson: Names.person(surname: random.pick(Names.surnames), male: random.chance(0.6), using: &random),
                startsOn: plan.madeOn, dueOn: due,
                doneOn: eliminated != nil || due < SyntheticCounty.asOf ? min(due, eliminated ?? due) : nil)
            records.append(measure.registryRecord)
        }
        if let eliminated {
            for (offset, stage) in zip([-21, -14, -7, 0], EliminationStage.allCases) {
                step(.eliminate, eliminated.adding(days: offset), stage: stage)
            }
        }
        return records
    }

    private func measure(for risk: RiskType) -> (MeasureType, String, String) {
        switch risk {
        case .illness: (.medical, "落实基本医保、大病保险和医疗救助", "县医疗保障局")
        case .disability: (.socialSecurity, "落实残疾人两项补贴", "县残疾人联合会")
        case .schooling: (.education, "落实教育资助政策", "县教育局")
        case .lackOfLabor: (.socialSecurity, "纳入低保兜底保障", "县民政局")
        case .unstableEmployment: (.employment, "推荐稳定就业岗位", "县人力资源和社会保障局")
        case .failedBusiness: (.industry, "发展特色种养殖产业", "县农业农村局")
        case .housing: (.housing, "实施农村危房改造", "县住房和城乡建设局")
        case .drinkingWater: (.drinkingWater, "解决饮水安全问题", "县水务局")
        case .naturalDisaster, .accident, .other: (.socialSecurity, "实施临时救助", "县民政局")
        }
    }

    /// Department warnings about a few members: high medical spending, disability, dropouts.
    mutating func makeWarnings(_ members: [Member]) -> [DepartmentWarning] {
        members.sorted { $0.residentID < $1.residentID }.compactMap { member -> DepartmentWarning? in
            let (department, reason): (Department, String)
            if member.health == .seriousIllness && random.chance(0.15) {
                (department, reason) = (.medicalInsurance, "个人自付医疗费用较高")
            } else if member.disabilityGrade != nil && random.chance(0.05) {
                (department, reason) = (.disabilityFederation, "新办残疾证")
            } else if member.schoolStatus == .droppedOut {
                (department, reason) = (.education, "义务教育阶段辍学")
            } else {
                return nil
            }
            let received = SyntheticCounty.asOf.adding(days: -random.int(5...170))
            let closed = random.chance(0.6)
            return DepartmentWarning(id: nextID(&nextWarning), department: department, residentID: member.residentID,
                                     receivedOn: received, reason: reason, result: closed ? "已核实，落实相应帮扶措施" : nil,
                                     closedOn: closed ? received.adding(days: random.int(3...20)) : nil)
        }
    }

    /// Visits in the first half of 2024: monthly-ish to monitored households, now and then to lifted ones.
    mutating func makeVisits(_ household: Household) -> [Visit] {
        let count = switch household.category {
        case .monitored: random.int(4...6)
        case .lifted: random.int(1...2)
        case .general: random.chance(0.05) ? 1 : 0
        }
        let days = (0..<count).map { _ in random.int(0...180) }.sorted()
        return days.map { day in
            let role: VisitorRole = household.helper != nil && random.chance(0.6) ? .helper : [.residentTeam, .villageCadre][random.int(0...1)]
            let visitor = role == .helper ? household.helper!
                : Names.person(surname: random.pick(Names.surnames), male: random.chance(0.6), using: &random)
            return Visit(id: nextID(&nextVisit), householdNumber: household.number,
                         visitedOn: LocalDate(year: 2024, month: 1, day: 1)!.adding(days: day), visitor: visitor, role: role,
                         notes: random.pick(["了解家庭收支情况", "宣讲帮扶政策", "核实两不愁三保障情况", "查看产业发展情况"]))
        }
    }

    /// A problem found by the survey (or by a later check), with its deadline.
    mutating func makeProblem(_ number: String, _ survey: GuaranteeSurvey) -> Problem {
        let description = survey.notes.isEmpty ? "帮扶措施落实不到位" : survey.notes
        let deadline = survey.surveyedOn.adding(days: 30)
        let closed = deadline < SyntheticCounty.asOf && random.chance(0.6)
        return Problem(id: nextID(&nextProblem), householdNumber: number, foundBy: "入户大排查", foundOn: survey.surveyedOn,
                       description: description, responsibleUnit: "乡镇人民政府",
                       responsiblePerson: Names.person(surname: random.pick(Names.surnames), male: true, using: &random),
                       measure: "逐项制定整改措施，限期整改", deadline: deadline,
                       closedOn: closed ? deadline.adding(days: -random.int(0...20)) : nil, fix: closed ? "已整改到位" : nil)
    }

    /// One to three assets in a village, with income and its uses for operating ones.
    mutating func assets(villageCode: String) -> [RegistryRecord] {
        var records: [RegistryRecord] = []
        for _ in 0..<random.int(1...3) {
            let assetClass: AssetClass = [.publicWelfare, .operating, .household][random.weighted([50, 35, 15])]
            let project = switch assetClass {
            case .publicWelfare: random.pick(["村组道路硬化", "高标准农田灌溉渠", "村级饮水工程", "村卫生室"])
            case .operating: random.pick(["村级光伏电站", "日光温室", "农产品冷链仓储", "肉牛养殖基地"])
            case .household: random.pick(["到户基础母牛", "到户养殖圈舍", "到户果树苗木"])
            }
            let status: AssetStatus = [.inUse, .idle, .lost][random.weighted([92, 6, 2])]
            let asset = Asset(
                id: nextID(&nextAsset), project: project, assetClass: assetClass, value: Money(yuan: Int64(random.int(50...2000) * 1000)),
                villageCode: villageCode, custodian: random.chance(0.95) ? "村股份经济合作社" : nil,
                ownershipRegistered: random.chance(0.9), status: status,
                formedOn: LocalDate(year: random.int(2016...2021), month: random.int(1...12), day: random.int(1...28))!)
            records.append(asset.registryRecord)
            guard assetClass == .operating, status == .inUse else { continue }
            for year in [2022, 2023] {
                let income = random.int(20...150) * 1000
                records.append(AssetIncome(assetID: asset.id, year: year, income: Money(yuan: Int64(income))).registryRecord)
                let shares = [("公益岗位工资", 40), ("村级公益事业", 25), ("管护维修", 15), ("奖励补助", 10)]
                for (purpose, percent) in shares.sorted(by: { $0.0 < $1.0 }) {
                    records.append(AssetDistribution(assetID: asset.id, year: year, purpose: purpose,
                                                     amount: Money(yuan: Int64(income * percent / 100))).registryRecord)
                }
            }
        }
        return records
    }

    private func nextID(_ counter: inout Int64) -> Int64 {
        defer { counter += 1 }
        return counter
    }
}
