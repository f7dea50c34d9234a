import DixianCore
import DixianPlugins

/// Minqin's household checks (Plugins/minqin/checks, with lib/minqin.lua) written in Swift with
/// the plugin's parameter values for 2024: the compiled reference the screening benchmark
/// compares the Lua plugin with. It must find exactly what the plugin finds, in the same words;
/// the benchmark checks the counts per check. The clocks (一键报贫, 一户一策, visits) are in
/// MinqinReference+Clocks.swift.
struct MinqinReference {
    let asOf: LocalDate
    /// The working-day calendar (the plugin's `cn`).
    let calendar: CalendarDeclaration
    let line = 780_000  // fen
    let severeGrades: Set<Int> = [1, 2]
    let chronicShare = 0.3
    let elderlyAge = 60
    let recentEventDays = 365
    /// six_must_visit.single_parent_child_age.
    let singleParentChildAge = 18
    /// six_must_check.accident_days.
    let accidentDays = 365
    /// six_must_check.hospital_days.
    let hospitalDays = 365
    /// six_must_check.complaint_days.
    let complaintDays = 365

    /// One finding: the check's id and the message officials read.
    struct Finding {
        var check: String
        var message: String
    }

    /// Yuan as the plugin writes them: no decimals when whole.
    func yuan(_ fen: Int64) -> String {
        fen % 100 == 0 ? "\(fen / 100)元" : String(format: "%.2f元", Double(fen) / 100)
    }

    /// Yuan as `M.yuan` writes an amount the plugin computed in Lua numbers (the view's yuan
    /// are doubles, fen / 100): a difference such as 17021.40 − 15481.40 is not quite whole
    /// there, and is written 1540.00元.
    func yuan(_ amount: Double) -> String {
        amount == amount.rounded(.down) ? "\(Int64(amount))元" : String(format: "%.2f元", amount)
    }

    /// The names of the members that pass `test`, joined with 、.
    func names(_ view: HouseholdView, _ test: (Member) -> Bool) -> String {
        view.members.filter(test).map(\.name).joined(separator: "、")
    }

    /// The first day of the assessment year (`M.late_since`, the year start the checks compare with).
    var yearStart: LocalDate { LocalDate(year: asOf.year, month: 1, day: 1)! }

    /// The episode that makes the household monitored now (`M.open_episode`): the latest identified.
    func openEpisode(_ view: HouseholdView) -> MonitoringEpisode? {
        view.episodes.last { $0.status == .identified }
    }

    /// The episodes reported within `days` days before the assessment date carrying one of `risks`.
    func recentEpisodes(_ view: HouseholdView, within days: Int, _ risks: Set<RiskType>) -> [MonitoringEpisode] {
        view.episodes.filter { episode in
            let age = episode.reportedOn.days(until: asOf)
            return age >= 0 && age <= days && !episode.riskTypes.isDisjoint(with: risks)
        }
    }

    /// The findings on `view`, in the plugin's words.
    func findings(_ view: HouseholdView) -> [Finding] {
        var found: [Finding] = []
        incomeFindings(view, into: &found)
        found += clockFindings(view)
        sixMustFindings(view, into: &found)
        guaranteeFindings(view, into: &found)
        return found
    }

    /// minqin.no-labor-eliminated, income-below-line, income-fell, no-labor-without-social-security.
    private func incomeFindings(_ view: HouseholdView, into found: inout [Finding]) {
        let household = view.household
        let lastYear = view.incomes.filter { $0.year < asOf.year }.max { $0.year < $1.year }
        let size = view.members.count
        func perCapita(_ income: IncomeRecord) -> Int64? { size > 0 ? income.perCapitaNetIncome(size: size).fen : nil }

        if household.flags.contains(.noMemberAbleToWork), view.episodes.last?.status == .eliminated {
            found.append(Finding(check: "minqin.no-labor-eliminated", message:
                "整户无劳动能力，\(view.episodes.last?.eliminatedOn?.description ?? "?")已标注风险消除；应暂不标注消除，持续跟踪监测并纳入兜底保障"))
        }
        if household.category != .monitored, let income = lastYear, let value = perCapita(income), value < line {
            found.append(Finding(check: "minqin.income-below-line", message:
                "\(income.year)年家庭人均纯收入\(yuan(value))，低于\(asOf.year)年监测范围\(yuan(Int64(line)))，应入户核实并按程序研判纳入监测"))
        }
        // 脱贫人口: 脱贫户 and 脱贫不稳定户.
        let liftedOut = household.category == .lifted || (household.category == .monitored && household.monitoredKind == .unstable)
        if liftedOut, let now = lastYear, let before = view.incomes.first(where: { $0.year == now.year - 1 }),
            let a = perCapita(now), let b = perCapita(before), a < b
        {
            found.append(Finding(check: "minqin.income-fell", message:
                "\(now.year)年家庭人均纯收入\(yuan(a))，比\(before.year)年的\(yuan(b))下降\(yuan(Double(b) / 100 - Double(a) / 100))，应健全管理台账、落实帮扶措施、核实收入变化"))
        }
        if household.flags.contains(.noMemberAbleToWork), household.category != .general,
            !household.flags.contains(.minimumLivingAllowance), !household.flags.contains(.extremePovertySupport)
        {
            found.append(Finding(check: "minqin.no-labor-without-social-security", message:
                "整户无劳动能力，未纳入农村低保或特困供养，应由民政部门牵头核查，符合条件的及时纳入，做好兜底保障"))
        }
    }

    /// The names of the household's single parents (`M.single_parents`): the head with a child
    /// under `childAge` and no spouse; the head's only grown child with a grandchild under it
    /// and no child-in-law.
    static func singleParents(_ view: HouseholdView, asOf: LocalDate, childAge: Int) -> [String] {
        let headChildren: Set = ["之子", "之女", "子", "女", "儿子", "女儿", "长子", "次子", "长女", "次女"]
        let headPartners: Set = ["配偶", "妻", "夫", "妻子", "丈夫"]
        let grandchildren: Set = ["之孙子", "之孙女", "孙子", "孙女"]
        let childPartners: Set = ["之儿媳", "儿媳", "之女婿", "女婿"]
        let others = view.members.filter { !$0.isHead }
        let head = view.members.first { $0.isHead }
        let minors = others.contains { headChildren.contains($0.relation) && $0.age(on: asOf) < childAge }
        let grown = others.filter { headChildren.contains($0.relation) && $0.age(on: asOf) >= childAge }
        var parents: [String] = []
        if let head, minors, !others.contains(where: { headPartners.contains($0.relation) }) { parents.append(head.name) }
        if grown.count == 1, !others.contains(where: { childPartners.contains($0.relation) }),
            others.contains(where: { grandchildren.contains($0.relation) && $0.age(on: asOf) < childAge }) {
            parents.append(grown[0].name)
        }
        return parents
    }

    /// minqin.six-must-visit and minqin.six-must-check (`M.six_must_visit`, `M.six_must_check`).
    private func sixMustFindings(_ view: HouseholdView, into found: inout [Finding]) {
        let household = view.household
        var reasons: [String] = []
        let serious = names(view) { $0.health == .seriousIllness }
        if !serious.isEmpty { reasons.append("大病重病患者（\(serious)）") }
        let lastYear = view.incomes.filter { $0.year < asOf.year }.max { $0.year < $1.year }
        if let income = lastYear, income.netIncome.fen > 0,
            Double(income.medicalSpending.fen) > Double(income.netIncome.fen) * chronicShare
        {
            let chronic = names(view) { $0.health == .chronicIllness }
            if !chronic.isEmpty { reasons.append("负担较重的慢性病患者（\(chronic)）") }
        }
        let disabled = names(view) { $0.disabilityGrade.map(severeGrades.contains) ?? false }
        if !disabled.isEmpty { reasons.append("重度残疾人（\(disabled)）") }
        if household.flags.contains(.leftBehind) { reasons.append("留守老人妇女儿童") }
        let singleParents = Self.singleParents(view, asOf: asOf, childAge: singleParentChildAge)
        if !singleParents.isEmpty { reasons.append("单亲（" + singleParents.joined(separator: "、") + "）") }
        let frail = names(view) {
            $0.age(on: asOf) >= elderlyAge && $0.laborCapacity == .none && ($0.health != .healthy || $0.disabilityGrade != nil)
        }
        if !frail.isEmpty { reasons.append("失能老年人（\(frail)）") }
        if let event = recentEpisodes(view, within: recentEventDays, [.naturalDisaster, .accident]).last {
            reasons.append("遭遇重大变故或自然灾害（\(event.reportedOn)）")
        }
        if !reasons.isEmpty { found.append(Finding(check: "minqin.six-must-visit", message: "六必访：" + reasons.joined(separator: "；"))) }

        guard household.category != .monitored else { return }
        var items: [String] = []
        if household.flags.contains(.minimumLivingAllowance) { items.append("农村低保对象") }
        if household.flags.contains(.extremePovertySupport) { items.append("特困供养对象") }
        let stays = view.hospitalStays.filter { stay in
            stay.admittedOn <= asOf && (stay.dischargedOn.map { $0.days(until: asOf) <= hospitalDays } ?? true)
        }
        if !stays.isEmpty {
            items.append("有病人住院（" + stays.map { stay in
                (view.members.first { $0.residentID == stay.residentID }?.name ?? "家庭成员") + " \(stay.admittedOn)入院"
            }.joined(separator: "、") + "）")
        }
        let students = names(view) {
            $0.schoolStatus == .enrolled
                && [.seniorSecondary, .secondaryVocational, .higherVocational, .tertiary].contains($0.schoolStage)
        }
        if !students.isEmpty { items.append("供养高中和大专学生（\(students)）") }
        let disabledMembers = names(view) { $0.disabilityGrade != nil }
        if !disabledMembers.isEmpty { items.append("残疾人家庭（\(disabledMembers)）") }
        let accidents = recentEpisodes(view, within: accidentDays, [.accident])
        if !accidents.isEmpty { items.append(accidents.map { "突发意外（\($0.reportedOn)）" }.joined(separator: "；")) }
        let complaints = view.complaints.filter {
            $0.receivedOn <= asOf && ($0.closedOn.map { asOf < $0 } ?? true || $0.receivedOn.days(until: asOf) <= complaintDays)
        }
        if !complaints.isEmpty {
            items.append("有投诉举报（" + complaints.map { "\($0.receivedOn)（\($0.channel.chineseName)）" }.joined(separator: "、") + "）")
        }
        if !items.isEmpty {
            found.append(Finding(check: "minqin.six-must-check", message: "六必查：" + items.joined(separator: "；") + "，应严格核查，符合条件的纳入监测"))
        }
    }

    /// minqin.guarantee-unmet (`M.unmet_guarantees`): the latest survey's unmet guarantees and
    /// children of compulsory-school age who dropped out.
    private func guaranteeFindings(_ view: HouseholdView, into found: inout [Finding]) {
        var unmet: [String] = []
        if let survey = view.latestSurvey {
            if !survey.foodAndClothing { unmet.append("吃穿（两不愁）未保障") }
            if !survey.compulsoryEducation { unmet.append("义务教育未保障") }
            if !survey.basicMedical { unmet.append("基本医疗未保障") }
            if !survey.safeHousing { unmet.append("住房安全未保障") }
            if !(survey.waterQuantity && survey.waterQuality) { unmet.append("饮水安全未保障") }
        }
        let dropouts = names(view) { $0.schoolStatus == .droppedOut && (6...15).contains($0.age(on: asOf)) }
        if !dropouts.isEmpty { unmet.append("义务教育阶段辍学（\(dropouts)）") }
        if !unmet.isEmpty {
            found.append(Finding(check: "minqin.guarantee-unmet", message:
                unmet.joined(separator: "；") + "，应动态清零（落实帮扶措施，符合条件的纳入监测）"))
        }
    }
}

extension LocalDate {
    /// The same day `months` months later, clamped to the month's end (as dixian.date.add_months).
    func addingMonths(_ months: Int) -> LocalDate {
        let index = year * 12 + (month - 1) + months
        let (newYear, newMonth) = (index.quotientAndRemainder(dividingBy: 12).quotient, index % 12 + 1)
        var clamped = day
        while LocalDate(year: newYear, month: newMonth, day: clamped) == nil { clamped -= 1 }
        return LocalDate(year: newYear, month: newMonth, day: clamped)!
    }
}
