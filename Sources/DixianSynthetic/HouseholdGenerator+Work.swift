import DixianCore

extension HouseholdGenerator {
    /// The 两不愁三保障 survey of the spring 大排查: each gap as rare as a county reports it,
    /// and consistent with the members (a dropout is a member who dropped out; basic medical
    /// insurance is unmet when a member is uninsured).
    mutating func makeSurvey(_ number: String, _ draft: Draft) -> GuaranteeSurvey {
        let dropout = draft.members.contains { $0.schoolStatus == .droppedOut }
        let uninsured = draft.members.contains { !$0.medicalInsurance }
        let unsafeHousing = random.chance(calibration.unsafeHousing)
        let water = random.chance(calibration.unsafeWater)
        var notes: [String] = []
        if dropout { notes.append("义务教育阶段学生辍学") }
        if uninsured { notes.append("有家庭成员未参加基本医疗保险") }
        if unsafeHousing { notes.append("住房存在安全隐患") }
        if water { notes.append("饮水水量不足") }
        return GuaranteeSurvey(
            householdNumber: number, surveyedOn: LocalDate(year: asOf.year, month: 4, day: 1)!.adding(days: random.int(0...59)),
            compulsoryEducation: !dropout, basicMedical: !uninsured, safeHousing: !unsafeHousing,
            housingAssessed: random.chance(0.6), waterQuantity: !water, notes: notes.joined(separator: "；"))
    }

    /// Department warnings about a few members: high medical spending, a new disability
    /// certificate, a dropout. Most are verified within the days the rules give; those
    /// received in the last weeks are still open, and a few older ones too.
    mutating func makeWarnings(_ members: [Member]) -> [DepartmentWarning] {
        members.sorted { $0.residentID < $1.residentID }.compactMap { member -> DepartmentWarning? in
            let (department, reason): (Department, String)
            if member.health == .seriousIllness && random.chance(0.1) {
                (department, reason) = (.medicalInsurance, "个人自付医疗费用较高")
            } else if member.disabilityGrade != nil && random.chance(0.03) {
                (department, reason) = (.disabilityFederation, "新办残疾证")
            } else if member.schoolStatus == .droppedOut {
                (department, reason) = (.education, "义务教育阶段辍学")
            } else {
                return nil
            }
            let received = asOf.adding(days: -random.int(2...170))
            let closedOn: LocalDate? = switch drawTiming() {
            case .onTime: received.adding(days: random.int(2...10))
            case .late: received.adding(days: random.int(16...30))
            case .open: nil
            }
            let closed = closedOn.flatMap { $0 <= asOf ? $0 : nil }
            return DepartmentWarning(id: nextID(&nextWarning), department: department, residentID: member.residentID,
                                     receivedOn: received, reason: reason, result: closed == nil ? nil : "已核实，落实相应帮扶措施",
                                     closedOn: closed)
        }
    }

    /// The visits of the profile's duties from the start of the reference year to the
    /// reference day: each role once in each of its periods, at a day of the period, by the
    /// village's own people, with the profile's share missed.
    mutating func makeVisits(_ household: Household, _ draft: Draft) -> [Visit] {
        var marks: Set<String> = [draft.category.rawValue]
        if draft.flags.contains(.minimumLivingAllowance) { marks.insert("minimum_living_allowance") }
        if draft.disabled { marks.insert("disability") }
        if draft.flags.contains(.leftBehind) { marks.insert("left_behind") }
        if household.helper != nil { marks.insert("helper") }
        // Each role keeps the most frequent of its duties that apply: monthly visits do the quarterly's work too.
        var every: [VisitorRole: Int] = [:]
        for duty in profile.visits where !duty.households.isDisjoint(with: marks) {
            every[duty.role] = min(every[duty.role] ?? 12, duty.months)
        }
        var visits: [Visit] = []
        for role in VisitorRole.allCases {
            guard let months = every[role] else { continue }
            for start in stride(from: 1, through: asOf.month, by: months) {
                guard !random.chance(profile.missedVisitShare) else { continue }
                let first = LocalDate(year: asOf.year, month: start, day: 1)!
                let last = min(asOf, LocalDate(year: asOf.year, month: start + months - 1,
                                               day: LocalDate.daysIn(month: start + months - 1, year: asOf.year))!)
                let visitor = switch role {
                case .helper: household.helper ?? random.pick(villageStaff.cadres)
                case .residentTeam: random.pick(villageStaff.team)
                case .villageCadre, .townshipStaff: random.pick(villageStaff.cadres)
                }
                visits.append(Visit(id: 0, householdNumber: household.number, visitedOn: random.day(from: first, to: last),
                                    visitor: visitor, role: role,
                                    notes: random.pick(["了解家庭收支情况", "宣讲帮扶政策", "核实两不愁三保障情况", "查看产业发展情况"])))
            }
        }
        return visits.sorted { $0.visitedOn < $1.visitedOn }.map { visit in
            var numbered = visit
            numbered.id = nextID(&nextVisit)
            return numbered
        }
    }

    /// Problems the survey found (or a later check), with a deadline: most fixed in time, a
    /// few late, a few still open.
    mutating func makeProblems(_ number: String, _ survey: GuaranteeSurvey) -> [Problem] {
        guard !survey.allGuaranteesMet || random.chance(0.002) else { return [] }
        let description = survey.notes.isEmpty ? "帮扶措施落实不到位" : survey.notes
        let deadline = survey.surveyedOn.adding(days: 30)
        let closed: LocalDate? = switch drawTiming() {
        case .onTime: deadline.adding(days: -random.int(0...20))
        case .late: deadline.adding(days: random.int(1...20))
        case .open: nil
        }
        let fixed = closed.flatMap { $0 <= asOf ? $0 : nil }
        return [Problem(id: nextID(&nextProblem), householdNumber: number, foundBy: "入户大排查", foundOn: survey.surveyedOn,
                        description: description, responsibleUnit: "乡镇人民政府", responsiblePerson: random.pick(villageStaff.cadres),
                        measure: "逐项制定整改措施，限期整改", deadline: deadline, closedOn: fixed, fix: fixed == nil ? nil : "已整改到位")]
    }
}
