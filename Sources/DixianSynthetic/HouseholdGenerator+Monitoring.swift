import DixianCore

extension HouseholdGenerator {
    /// The household's monitoring episodes with the steps of their lifecycle, their plans and
    /// measures: the open episode of a monitored household (identified in a year drawn from the
    /// profile), an eliminated one for a household whose risk was eliminated, or one still
    /// being decided. Most steps are done in time; the profile's share is late, a smaller one
    /// not done yet.
    mutating func makeMonitoring(_ household: Household, _ draft: Draft, _ income: IncomeRecord) -> [RegistryRecord] {
        let status: MonitoringStatus
        switch (draft.category, draft.history) {
        case (.monitored, _): status = .identified
        case (_, .eliminated): status = .eliminated
        case (_, .pending(let pending)): status = pending
        default: return []
        }
        var risks: Set<RiskType> = []
        if draft.members.contains(where: { $0.health == .seriousIllness }) { risks.insert(.illness) }
        if draft.members.contains(where: { ($0.disabilityGrade ?? 5) <= 2 }) { risks.insert(.disability) }
        if income.educationSpending.fen > 800_000 { risks.insert(.schooling) }
        if draft.flags.contains(.noMemberAbleToWork) { risks.insert(.lackOfLabor) }
        if risks.isEmpty || draft.kind == .suddenHardship {
            let events = RiskType.allCases
            risks.insert(events[random.weighted(events.map { profile.eventRisks[$0] ?? 0 })])
        }
        let decided = status == .identified || status == .eliminated
        let timing = drawTiming()
        let reported: LocalDate
        switch status {
        case .identified:
            let year = Array(profile.identifiedYears.keys).sorted()[random.weighted(profile.identifiedYears.keys.sorted().map { profile.identifiedYears[$0]! })]
            let identified = random.day(from: LocalDate(year: year, month: 1, day: 1)!,
                                        to: min(LocalDate(year: year, month: 12, day: 31)!, asOf.adding(days: -2)))
            reported = identified.adding(days: -random.int(6...14))
        case .eliminated: reported = random.day(from: LocalDate(year: 2020, month: 3, day: 1)!, to: LocalDate(year: 2023, month: 6, day: 30)!)
        case .rejected: reported = asOf.adding(days: -random.int(30...300))
        case .accepted: reported = asOf.adding(days: -random.int(7...12))
        case .verified: reported = asOf.adding(days: -random.int(4...8))
        default: reported = asOf.adding(days: -random.int(0...4))
        }
        let verified = min(asOf, reported.adding(days: timing == .late ? random.int(6...9) : random.int(1...4)))
        let answered = min(asOf, verified.adding(days: random.int(1...4)))
        let identified = decided
            ? min(asOf, max(answered.adding(days: 1), reported.adding(days: timing == .late ? random.int(16...25) : random.int(6...14))))
            : nil
        let eliminated = status == .eliminated
            ? min(identified!.adding(days: random.int(200...720)), asOf.adding(days: -random.int(30...90))) : nil
        let episode = MonitoringEpisode(
            id: nextID(&nextEpisode), householdNumber: household.number,
            channel: [.selfReport, .cadreVisit, .departmentWarning, .townshipCheck][random.weighted([15, 45, 25, 15])],
            reportedOn: reported, status: status, riskTypes: decided ? risks : [],
            identifiedOn: identified, eliminatedOn: eliminated)
        var records: [RegistryRecord] = [episode.registryRecord]
        let cadre = random.pick(villageStaff.cadres)
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
        guard decided, let identified else { return records }
        step(.approve, identified, risks: risks)

        // 一户一策 within days of identification; a household hit by a disaster gets its help
        // first, through the green channel, and the procedure follows.
        let plannedLate = timing == .late, open = timing == .open && identified.adding(days: 10) < asOf
        guard !open || status == .eliminated else { return records }
        let made = risks.contains(.naturalDisaster) ? identified.adding(days: -random.int(0...3))
            : identified.adding(days: plannedLate ? random.int(11...25) : random.int(1...9))
        var adjusted: LocalDate?
        if status == .identified && identified.year < asOf.year {
            let adjustment = drawTiming()
            adjusted = switch adjustment {
            case .onTime: random.day(from: LocalDate(year: asOf.year, month: 1, day: 5)!, to: LocalDate(year: asOf.year, month: 3, day: 28)!)
            case .late: random.day(from: LocalDate(year: asOf.year, month: 4, day: 2)!, to: asOf.adding(days: -5))
            case .open: nil
            }
        }
        let plan = AssistancePlan(id: nextID(&nextPlan), householdNumber: household.number, episodeID: episode.id,
                                  madeOn: min(made, asOf), adjustedOn: adjusted)
        records.append(plan.registryRecord)
        step(.plan, plan.madeOn, notes: "plan \(plan.id)")
        for risk in risks.sorted(by: { $0.rawValue < $1.rawValue }).prefix(3) {
            let (type, text, unit) = measure(for: risk)
            let due = plan.madeOn.adding(days: random.int(60...300))
            let done: LocalDate? = if let eliminated {
                min(due, eliminated.adding(days: -random.int(25...60)))
            } else if due < asOf {
                switch drawTiming() {
                case .onTime: max(plan.madeOn, due.adding(days: -random.int(0...40)))
                case .late: min(asOf, due.adding(days: random.int(1...30)))
                case .open: nil
                }
            } else {
                random.chance(0.3) ? random.day(from: plan.madeOn, to: asOf) : nil
            }
            let measure = Measure(
                id: nextID(&nextMeasure), planID: plan.id, type: type, description: text, responsibleUnit: unit,
                responsiblePerson: random.pick(villageStaff.cadres), startsOn: plan.madeOn, dueOn: due, doneOn: done)
            records.append(measure.registryRecord)
        }
        if let eliminated {
            for (offset, stage) in zip([-21, -14, -7, 0], EliminationStage.allCases) {
                step(.eliminate, eliminated.adding(days: offset), stage: stage)
            }
            // 回头看 every so many months after the elimination, where the county does them.
            if let months = profile.followUpMonths {
                var last = eliminated
                while case let due = last.adding(months: months), due <= asOf {
                    let timing = drawTiming()
                    guard timing != .open else { break }
                    let done = timing == .late ? due.adding(days: random.int(5...40)) : due.adding(days: -random.int(0...45))
                    guard done <= asOf else { break }
                    step(.followUp, done, notes: "回头看：收入稳定，无返贫风险")
                    last = done
                }
            }
        }
        return records
    }

    /// When a piece of work is done: in time, late, or not yet, in the profile's shares.
    enum Timing { case onTime, late, open }

    mutating func drawTiming() -> Timing {
        let draw = random.double(0...1)
        return draw < profile.openShare ? .open : (draw < profile.openShare + profile.lateShare ? .late : .onTime)
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
}
