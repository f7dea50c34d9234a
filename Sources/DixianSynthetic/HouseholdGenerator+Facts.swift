import DixianCore

/// The registry facts drawn after a household's other records (issue 18): hospital stays,
/// complaints and microcredit loans. They
/// are drawn from a stream of their own (`factsRandom`), so that adding them left every other
/// record of a generated county as it was.
extension HouseholdGenerator {
    /// How likely a member is to have been in hospital in the year before `asOf`: mostly the
    /// seriously ill, some of the chronically ill and the old (2 to 4 households in a hundred).
    static func hospitalStayChance(_ member: Member, age: Int) -> Double {
        switch member.health {
        case .seriousIllness: 0.25
        case .chronicIllness: 0.04
        case .healthy: age >= 65 ? 0.015 : 0.002
        }
    }

    /// The members' hospital stays of the year before `asOf`: a week or two at the county
    /// hospital, a township health centre or the city's hospital; most reimbursed within a
    /// month or two of discharge, a few not yet, a few still in hospital on `asOf`.
    mutating func makeHospitalStays(_ household: Household, _ members: [Member]) -> [HospitalStay] {
        var stays: [HospitalStay] = []
        let yearBefore = asOf.adding(days: -364)
        let township = geography.townships[Int(household.area.villageCode.dropFirst(6).prefix(3))! - 100]
        for member in members {
            let age = member.age(on: asOf)
            guard factsRandom.chance(Self.hospitalStayChance(member, age: age)) else { continue }
            let admitted = factsRandom.day(from: yearBefore, to: asOf)
            let days = factsRandom.int(3...(member.health == .seriousIllness ? 30 : 14))
            let discharge = admitted.adding(days: days)
            let discharged: LocalDate? = discharge <= asOf ? discharge : nil
            let serious = member.health == .seriousIllness
            let hospital = serious && factsRandom.chance(0.4) ? Self.cityHospital
                : factsRandom.chance(0.7) ? geography.name + "人民医院" : township + "卫生院"
            let cost = Money(yuan: Int64(factsRandom.int(serious ? 8000...60000 : 1500...12000)))
            // Reimbursed about a month after discharge, at 55% to 85%; a few are late.
            var reimbursed = Money.zero
            if let discharged, discharged.adding(days: 30) <= asOf, !factsRandom.chance(0.06) {
                reimbursed = Money(fen: cost.fen * Int64(factsRandom.int(55...85)) / 100)
            }
            stays.append(HospitalStay(
                id: 0, householdNumber: household.number, residentID: member.residentID, admittedOn: admitted,
                dischargedOn: discharged, hospital: hospital, cost: cost, reimbursed: reimbursed))
        }
        return stays.sorted { $0.admittedOn < $1.admittedOn }.map { stay in
            var numbered = stay
            numbered.id = nextID(&nextHospitalStay)
            return numbered
        }
    }

    /// The complaints about the household in the year before `asOf` (投诉举报): fewer than one
    /// household in a hundred, likelier for one whose application was rejected or whose income
    /// is below the line unmonitored; most closed within weeks.
    mutating func makeComplaints(_ household: Household, _ draft: Draft) -> [Complaint] {
        let likelier = draft.history == .pending(.rejected) || draft.missed
        guard factsRandom.chance(likelier ? 0.04 : 0.004) else { return [] }
        let received = factsRandom.day(from: asOf.adding(days: -364), to: asOf)
        let closed = received.adding(days: factsRandom.int(3...45))
        let (channel, summary) = factsRandom.pick(likelier ? Self.rejectedComplaints : Self.complaints)
        return [Complaint(id: nextID(&nextComplaint), householdNumber: household.number, receivedOn: received, channel: channel,
                          summary: summary, closedOn: closed <= asOf ? closed : nil)]
    }

    static let complaints: [(ComplaintChannel, String)] = [
        (.hotline, "反映帮扶政策落实不到位"), (.petition, "反映低保评定不公"), (.online, "反映危房改造补助未到位"),
        (.hotline, "反映产业奖补资金未发放"), (.inspection, "督查发现帮扶措施不精准"), (.other, "反映邻里宅基地纠纷"),
    ]
    static let rejectedComplaints: [(ComplaintChannel, String)] = [
        (.hotline, "反映申报监测对象未被纳入"), (.petition, "对监测对象认定结果有异议"), (.online, "反映家庭困难未得到帮扶"),
    ]

    /// A microcredit loan (小额信贷) for a fifth of 脱贫 and monitored households that can work:
    /// 50,000 yuan or less, for three years (a few for one), lent from 2021 on; most used by
    /// the household (户贷户用), a few lent on to an enterprise (户贷企用); most due ones repaid
    /// in time, a few overdue.
    mutating func makeLoans(_ household: Household, _ draft: Draft) -> [MicrocreditLoan] {
        guard draft.category != .general, !draft.flags.contains(.noMemberAbleToWork), factsRandom.chance(0.2) else { return [] }
        let borrowed = factsRandom.day(from: LocalDate(year: 2021, month: 1, day: 1)!, to: asOf.adding(days: -30))
        let due = borrowed.adding(months: factsRandom.chance(0.15) ? 12 : 36).adding(days: -1)
        var repaid: LocalDate?
        if due <= asOf, !factsRandom.chance(0.04) { repaid = min(asOf, due.adding(days: -factsRandom.int(0...60))) }
        else if factsRandom.chance(0.05) { repaid = factsRandom.day(from: borrowed.adding(days: 30), to: asOf) }
        return [MicrocreditLoan(id: nextID(&nextLoan), householdNumber: household.number, borrowedOn: borrowed, dueOn: due,
                                amount: Money(yuan: Int64(factsRandom.pick([10_000, 20_000, 30_000, 50_000, 50_000]))),
                                purpose: factsRandom.chance(0.06) ? .enterpriseUse : .householdUse, repaidOn: repaid)]
    }

    /// The hospital of the prefecture-level city the seriously ill are sent to.
    static let cityHospital = "市人民医院"
}
