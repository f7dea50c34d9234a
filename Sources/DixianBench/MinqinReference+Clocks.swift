import DixianCore
import DixianPlugins

/// The checks of Minqin's clocks (checks/monitoring.lua and checks/disaster.lua, counted as
/// lib/minqin.lua counts them): 一键报贫 overdue and done late, 一户一策 plans, visits, the
/// two-year review and the disaster 绿色通道.
extension MinqinReference {
    /// One stage of the 一键报贫 clock of a self-reported episode (`self_report_stages`).
    struct Stage {
        var dueOn: LocalDate
        var doneOn: LocalDate?
        var open: Bool
        var message: String
    }

    /// The latest step of `episode` with `transition`.
    private func latestStep(_ view: HouseholdView, _ episode: MonitoringEpisode, _ transition: MonitoringTransition) -> MonitoringStep? {
        view.steps.last { $0.episodeID == episode.id && $0.transition == transition }
    }

    /// The stages of the 一键报贫 clock (seed 003 附件2 二.4), in order; with `since`, the
    /// working-day clocks started before it are left out. A working-day clock the calendar
    /// cannot count is left out too.
    func selfReportStages(_ view: HouseholdView, _ episode: MonitoringEpisode, since: LocalDate?) -> [Stage] {
        let status = episode.status, reported = episode.reportedOn
        let waiting = [.reported, .verified, .accepted].contains(status)
        let verify = latestStep(view, episode, .verify), answer = latestStep(view, episode, .answer)
        let approve = latestStep(view, episode, .approve)
        let identifiedOn = status == .identified || status == .eliminated ? episode.identifiedOn ?? approve?.takenOn : nil
        var stages = [Stage(dueOn: reported.adding(days: 5), doneOn: verify?.takenOn, open: status == .reported,
                            message: "\(reported)一键报贫，自申报日起5天内完成家庭状况核查")]
        if let verify, since.map({ verify.takenOn >= $0 }) ?? true,
            let due = try? calendar.adding(workingDays: 5, to: verify.takenOn)
        {
            stages.append(Stage(dueOn: due, doneOn: answer?.takenOn, open: status == .verified,
                                message: "\(verify.takenOn)核查完成，5个工作日内反馈核查结果"))
        }
        if let answer, answer.accepted != false, since.map({ answer.takenOn >= $0 }) ?? true,
            let due = try? calendar.adding(workingDays: 5, to: answer.takenOn)
        {
            stages.append(Stage(dueOn: due, doneOn: identifiedOn, open: status == .accepted,
                                message: "\(answer.takenOn)反馈符合认定标准，5个工作日内完成审批"))
        }
        stages.append(Stage(dueOn: reported.adding(days: 15), doneOn: identifiedOn, open: waiting,
                            message: "\(reported)一键报贫，从申报到完成认定不超过15天"))
        return stages
    }

    /// The findings of the clock checks on `view`.
    func clockFindings(_ view: HouseholdView) -> [Finding] {
        var found: [Finding] = []
        func overdue(_ check: String, _ due: LocalDate, _ message: String) {
            if due < asOf {
                found.append(Finding(check: check, message: "已逾期\(due.days(until: asOf))天（应于\(due)前）：\(message)"))
            }
        }
        // minqin.self-report-overdue: the open stages of episodes waiting.
        for episode in view.episodes where episode.channel == .selfReport && [.reported, .verified, .accepted].contains(episode.status) {
            for stage in selfReportStages(view, episode, since: nil) where stage.open {
                overdue("minqin.self-report-overdue", stage.dueOn, stage.message)
            }
        }
        // minqin.self-report-late: stages done late this year.
        for episode in view.episodes where episode.channel == .selfReport {
            let last = view.steps.filter { $0.episodeID == episode.id }.map(\.takenOn).reduce(episode.identifiedOn) { latest, day in
                latest.map { max($0, day) } ?? day
            }
            guard let last, last >= yearStart else { continue }
            for stage in selfReportStages(view, episode, since: yearStart) {
                if let done = stage.doneOn, done > stage.dueOn, done >= yearStart {
                    found.append(Finding(check: "minqin.self-report-late", message:
                        "逾期\(stage.dueOn.days(until: done))天办结（应于\(stage.dueOn)前，\(done)办结）：\(stage.message)"))
                }
            }
        }
        // minqin.plan-missing
        for episode in view.episodes where episode.status == .identified {
            var start = episode.identifiedOn
            for step in view.steps where step.episodeID == episode.id && (step.transition == .approve || step.transition == .relabel) {
                if start == nil || step.takenOn > start! { start = step.takenOn }
            }
            guard let start else { continue }
            let latest = view.plans.filter { $0.episodeID == nil || $0.episodeID == episode.id }.map { $0.adjustedOn ?? $0.madeOn }.max()
            if latest == nil || latest! < start {
                overdue("minqin.plan-missing", start.adding(days: 10), "\(start)识别认定或标注风险，10日内制定\"一户一策\"帮扶计划")
            } else if start < yearStart, latest! < yearStart {
                let by = LocalDate(year: asOf.year, month: 3, day: 31)!
                overdue("minqin.plan-missing", by, "帮扶计划最近一次制定或调整于\(latest!)，风险未消除，\(by)前完成年度动态调整")
            }
        }
        let open = openEpisode(view)
        // minqin.identified-over-two-years
        if let open, let identified = open.identifiedOn, asOf > identified.addingMonths(24) {
            found.append(Finding(check: "minqin.identified-over-two-years", message:
                "\(identified)识别认定，超过2年尚未消除风险，应建立管理台账、剖析症结、调整帮扶措施"))
        }
        // minqin.visit-frequency: visit_frequency.checked = 'monitored', every village with a team.
        if let open {
            let household = view.household
            let since = open.identifiedOn
            let always = household.flags.contains(.minimumLivingAllowance) || household.flags.contains(.leftBehind)
                || view.members.contains { $0.disabilityGrade != nil }
            for (role, months, from) in [
                (VisitorRole.residentTeam, 1, always ? nil : since),
                // A 脱贫不稳定户 was a 脱贫户 with a helper before: its helper's duty did not start at
                // identification (lib/minqin.lua, helper_quarterly includes lifted households).
                (VisitorRole.helper, 3, household.monitoredKind == .unstable ? nil : since),
            ] {
                let first = LocalDate(year: asOf.year, month: asOf.month - (asOf.month - 1) % months, day: 1)!
                let previousFirst = first.addingMonths(-months), previousLast = first.adding(days: -1)
                guard from.map({ $0 <= previousLast }) ?? true,
                    !view.visits.contains(where: { $0.role == role && $0.visitedOn >= previousFirst && $0.visitedOn <= previousLast })
                else { continue }
                let who = role == .helper ? "帮扶责任人" : "驻村工作队", every = months == 1 ? "每月1次" : "每季度1次"
                overdue("minqin.visit-frequency", previousLast, "\(who)\(previousFirst)至\(previousLast)未走访（\(every)）")
            }
        }
        // minqin.disaster-green-channel: the first episode that shows it.
        for episode in view.episodes where episode.riskTypes.contains(.naturalDisaster)
            && [.reported, .verified, .accepted, .identified].contains(episode.status)
        {
            let first = view.plans.filter { plan in
                plan.episodeID.map { $0 == episode.id } ?? (plan.madeOn >= episode.reportedOn)
            }.map(\.madeOn).min()
            if episode.status != .identified, first == nil {
                found.append(Finding(check: "minqin.disaster-green-channel", message:
                    "\(episode.reportedOn)报告因灾风险，认定程序未完成，尚未落实帮扶措施：应通过\"绿色通道\"先落实帮扶措施再履行程序"))
                break
            } else if episode.status == .identified, let identified = episode.identifiedOn, identified >= yearStart,
                first.map({ $0 > identified }) ?? true
            {
                found.append(Finding(check: "minqin.disaster-green-channel", message:
                    "\(identified)认定的因灾风险户，帮扶计划\(first.map { "\($0)才制定" } ?? "尚未制定")：应通过\"绿色通道\"先落实帮扶措施再履行程序"))
                break
            }
        }
        return found
    }
}
