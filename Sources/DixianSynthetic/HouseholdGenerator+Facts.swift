import DixianCore

/// The registry facts drawn after a household's other records (issue 18): hospital stays and
/// complaints. They
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

    /// The hospital of the prefecture-level city the seriously ill are sent to.
    static let cityHospital = "市人民医院"
}
