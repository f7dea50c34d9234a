import DixianCore
import DixianPlugins

/// Minqin's household checks (Plugins/minqin/checks) written in Swift with the plugin's
/// parameter values for 2024: the compiled reference the screening benchmark compares the Lua
/// plugin with. It must find exactly what the plugin finds; the benchmark checks the counts.
struct MinqinReference {
    let asOf: LocalDate
    /// The working-day calendar (the plugin's `cn`).
    let calendar: CalendarDeclaration
    let line = 780_000  // fen
    let severeGrades: Set<Int> = [1, 2]
    let chronicShare = 0.3
    let elderlyAge = 60
    let recentEventDays = 365

    /// One finding: the check's id and the message officials read.
    struct Finding {
        var check: String
        var message: String
    }

    /// Yuan as the plugin writes them: no decimals when whole.
    private func yuan(_ fen: Int64) -> String {
        fen % 100 == 0 ? "\(fen / 100)元" : String(format: "%.2f元", Double(fen) / 100)
    }

    /// The names of the members that pass `test`, joined with 、.
    private func names(_ view: HouseholdView, _ test: (Member) -> Bool) -> String {
        view.members.filter(test).map(\.name).joined(separator: "、")
    }

    /// The findings on `view`, in the plugin's words.
    func findings(_ view: HouseholdView) -> [Finding] {
        var found: [Finding] = []
        let household = view.household
        let lastYear = view.incomes.last { $0.year < asOf.year }
        let size = view.members.count
        func perCapita(_ income: IncomeRecord) -> Int64? { size > 0 ? income.netIncome.fen / Int64(size) : nil }
        let open = view.episodes.last { $0.status == .identified }

        // minqin.no-labor-eliminated
        if household.flags.contains(.noMemberAbleToWork), view.episodes.last?.status == .eliminated {
            found.append(Finding(check: "minqin.no-labor-eliminated", message:
                "整户无劳动能力，\(view.episodes.last?.eliminatedOn?.description ?? "?")已标注风险消除；应暂不标注消除，持续跟踪监测并纳入兜底保障"))
        }
        // minqin.income-below-line
        if household.category != .monitored, let income = lastYear, let value = perCapita(income), value < line {
            found.append(Finding(check: "minqin.income-below-line", message:
                "\(income.year)年家庭人均纯收入\(yuan(value))，低于\(asOf.year)年监测范围\(yuan(Int64(line)))，应入户核实并按程序研判纳入监测"))
        }
        // minqin.income-fell
        if household.category == .lifted, let now = lastYear, let before = view.incomes.first(where: { $0.year == now.year - 1 }),
            let a = perCapita(now), let b = perCapita(before), a < b
        {
            found.append(Finding(check: "minqin.income-fell", message:
                "\(now.year)年家庭人均纯收入\(yuan(a))，比\(before.year)年的\(yuan(b))下降\(yuan(b - a))，应健全管理台账、落实帮扶措施、核实收入变化"))
        }
        // minqin.self-report-overdue and minqin.plan-missing: the clocks of lib/minqin.lua, overdue.
        func overdue(_ check: String, _ due: LocalDate, _ message: String) {
            if due < asOf {
                found.append(Finding(check: check, message: "已逾期\(due.days(until: asOf))天（应于\(due)前）：\(message)"))
            }
        }
        func latestStep(_ episode: MonitoringEpisode, _ transition: MonitoringTransition) -> MonitoringStep? {
            view.steps.last { $0.episodeID == episode.id && $0.transition == transition }
        }
        for episode in view.episodes where episode.channel == .selfReport
            && [.reported, .verified, .accepted].contains(episode.status)
        {
            let check = "minqin.self-report-overdue", reported = episode.reportedOn
            if episode.status == .reported {
                overdue(check, reported.adding(days: 5), "\(reported)一键报贫，自申报日起5天内完成家庭状况核查")
            }
            if episode.status == .verified, let verify = latestStep(episode, .verify),
                let due = try? calendar.adding(workingDays: 5, to: verify.takenOn)
            {
                overdue(check, due, "\(verify.takenOn)核查完成，5个工作日内反馈核查结果")
            }
            if episode.status == .accepted, let answer = latestStep(episode, .answer),
                let due = try? calendar.adding(workingDays: 5, to: answer.takenOn)
            {
                overdue(check, due, "\(answer.takenOn)反馈符合认定标准，5个工作日内完成审批")
            }
            overdue(check, reported.adding(days: 15), "\(reported)一键报贫，从申报到完成认定不超过15天")
        }
        for episode in view.episodes where episode.status == .identified {
            let check = "minqin.plan-missing"
            var start = episode.identifiedOn
            for step in view.steps where step.episodeID == episode.id && (step.transition == .approve || step.transition == .relabel) {
                if start == nil || step.takenOn > start! { start = step.takenOn }
            }
            guard let start else { continue }
            let latest = view.plans.filter { $0.episodeID == nil || $0.episodeID == episode.id }.map { $0.adjustedOn ?? $0.madeOn }.max()
            let yearStart = LocalDate(year: asOf.year, month: 1, day: 1)!
            if latest == nil || latest! < start {
                overdue(check, start.adding(days: 10), "\(start)识别认定或标注风险，10日内制定\"一户一策\"帮扶计划")
            } else if start < yearStart, latest! < yearStart {
                let by = LocalDate(year: asOf.year, month: 3, day: 31)!
                overdue(check, by, "帮扶计划最近一次制定或调整于\(latest!)，风险未消除，\(by)前完成年度动态调整")
            }
        }
        if let open, let identified = open.identifiedOn {
            // minqin.identified-over-two-years
            if asOf > identified.addingMonths(24) {
                found.append(Finding(check: "minqin.identified-over-two-years", message:
                    "\(identified)识别认定，超过2年尚未消除风险，应建立管理台账、剖析症结、调整帮扶措施"))
            }
        }
        // minqin.visit-frequency
        if open != nil {
            let monthStart = LocalDate(year: asOf.year, month: asOf.month, day: 1)!
            let quarterStart = LocalDate(year: asOf.year, month: asOf.month - (asOf.month - 1) % 3, day: 1)!
            let month = monthStart.addingMonths(-1)...monthStart.adding(days: -1)
            let quarter = quarterStart.addingMonths(-3)...quarterStart.adding(days: -1)
            if !view.visits.contains(where: { $0.role == .residentTeam && month.contains($0.visitedOn) }) {
                found.append(Finding(check: "minqin.visit-frequency", message:
                    "驻村工作队\(month.lowerBound)至\(month.upperBound)未走访（\"三类户\"每月至少走访1次）"))
            }
            if !view.visits.contains(where: { $0.role == .helper && quarter.contains($0.visitedOn) }) {
                found.append(Finding(check: "minqin.visit-frequency", message:
                    "帮扶责任人\(quarter.lowerBound)至\(quarter.upperBound)未入户走访（每季度至少1次）"))
            }
        }
        // minqin.six-must-visit
        var reasons: [String] = []
        let serious = names(view) { $0.health == .seriousIllness }
        if !serious.isEmpty { reasons.append("大病重病患者（\(serious)）") }
        if let income = lastYear, income.netIncome.fen > 0,
            Double(income.medicalSpending.fen) > Double(income.netIncome.fen) * chronicShare
        {
            let chronic = names(view) { $0.health == .chronicIllness }
            if !chronic.isEmpty { reasons.append("负担较重的慢性病患者（\(chronic)）") }
        }
        let disabled = names(view) { $0.disabilityGrade.map(severeGrades.contains) ?? false }
        if !disabled.isEmpty { reasons.append("重度残疾人（\(disabled)）") }
        if household.flags.contains(.leftBehind) { reasons.append("留守老人妇女儿童") }
        let frail = names(view) {
            $0.age(on: asOf) >= elderlyAge && $0.laborCapacity == .none && ($0.health != .healthy || $0.disabilityGrade != nil)
        }
        if !frail.isEmpty { reasons.append("失能老年人（\(frail)）") }
        if let event = view.episodes.first(where: {
            $0.reportedOn.days(until: asOf) <= recentEventDays && ($0.riskTypes.contains(.naturalDisaster) || $0.riskTypes.contains(.accident))
        }) {
            reasons.append("遭遇重大变故或自然灾害（\(event.reportedOn)）")
        }
        if !reasons.isEmpty { found.append(Finding(check: "minqin.six-must-visit", message: "六必访：" + reasons.joined(separator: "；"))) }
        // minqin.six-must-check
        if household.category != .monitored {
            var items: [String] = []
            if household.flags.contains(.minimumLivingAllowance) { items.append("农村低保对象") }
            if household.flags.contains(.extremePovertySupport) { items.append("特困供养对象") }
            let students = names(view) { $0.schoolStatus == .enrolled && [.seniorSecondary, .secondaryVocational, .higherVocational, .tertiary].contains($0.schoolStage) }
            if !students.isEmpty { items.append("供养高中和大专学生（\(students)）") }
            let disabledMembers = names(view) { $0.disabilityGrade != nil }
            if !disabledMembers.isEmpty { items.append("残疾人家庭（\(disabledMembers)）") }
            for episode in view.episodes where episode.riskTypes.contains(.accident) { items.append("突发意外（\(episode.reportedOn)）") }
            if !items.isEmpty {
                found.append(Finding(check: "minqin.six-must-check", message: "六必查：" + items.joined(separator: "；") + "，应严格核查，符合条件的纳入监测"))
            }
        }
        return found
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
