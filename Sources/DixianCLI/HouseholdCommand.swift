import ArgumentParser
import DixianCore
import DixianWorkflow

extension Dixian {
    /// `dixian household`: one household's file.
    struct HouseholdCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "household", abstract: CommandHelp.householdAbstract.shown, subcommands: [Show.self])

        struct Show: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: CommandHelp.showAbstract.shown)
            @Argument(help: .shown(.householdNumber)) var household: String
            @Option(help: .shown(.showAsOf))
            var asOf: DateOption = .today
            @OptionGroup var options: WorkflowOptions

            func run() async throws {
                try await options.perform { workflow, zh in
                    HouseholdText(dossier: try await workflow.dossier(of: household, asOf: asOf.date), zh: zh).text
                }
            }
        }
    }
}

/// A household's dossier as text, in Chinese or English.
struct HouseholdText {
    let dossier: HouseholdDossier
    let zh: Bool

    private func term(_ value: some OfficialTerm) -> String { zh ? value.chineseName : value.rawValue }

    /// How late an item done late was: its due date and days late, and what it was.
    private func lateText(_ item: DueList.Item) -> String {
        let days = DueList.daysLate(item)
        return label("逾期\(days)天（应于\(item.dueOn!)前）：", "\(days) days late (due \(item.dueOn!)): ") + item.message
    }
    private func label(_ chinese: String, _ english: String) -> String { zh ? chinese : english }

    var text: String {
        let h = dossier.household
        var lines = [
            label("户编号", "Household") + " \(h.number)  " + label("户主", "head") + " \(h.headName)  "
                + term(h.category) + (h.monitoredKind.map { "（\(term($0))）" } ?? ""),
            label("村", "Village") + " \(h.area.villageCode)" + (h.area.group.map { " \($0)" } ?? "")
                + "  " + label("帮扶责任人", "helper") + " \(h.helper ?? "—")",
        ]
        lines.append("")
        lines.append(label("家庭成员", "Members") + "（\(dossier.members.count)）")
        for member in dossier.members {
            var facts = [member.relation, term(member.laborCapacity), term(member.health)]
            if let grade = member.disabilityGrade { facts.append(label("残疾\(grade)级", "disability grade \(grade)")) }
            if let stage = member.schoolStage { facts.append(term(stage)) }
            if !member.medicalInsurance { facts.append(label("未参保", "uninsured")) }
            lines.append("  \(member.name)  \(member.residentID.masked)  " + facts.joined(separator: "，"))
        }
        if !dossier.incomes.isEmpty {
            lines.append(label("年度收入", "Incomes"))
            for income in dossier.incomes {
                let perCapita = dossier.members.isEmpty ? "" : "  " + label("人均", "per capita ") + "\(income.netIncome.fen / 100 / Int64(dossier.members.count))"
                lines.append("  \(income.year)  " + label("纯收入", "net ") + "\(income.netIncome)" + perCapita)
            }
        }
        if let survey = dossier.surveys.last {
            lines.append(label("最近一次两不愁三保障核查", "Latest guarantee survey") + " \(survey.surveyedOn)："
                + (survey.allGuaranteesMet ? label("均已保障", "all met") : label("有未保障项", "some unmet"))
                + (survey.notes.isEmpty ? "" : "（\(survey.notes)）"))
        }
        // Work done late goes under the first step taken on the day it was done; what no step
        // matches is listed after the episodes.
        var late = dossier.doneLate
        for (episode, steps) in dossier.episodes {
            lines.append("")
            lines.append(label("监测记录", "Episode") + " \(episode.id)  \(term(episode.channel))  \(episode.reportedOn)  "
                + term(episode.status) + (episode.riskTypes.isEmpty ? "" : "  " + episode.riskTypes.map(term).sorted().joined(separator: "、")))
            for step in steps {
                var what = term(step.transition)
                if let stage = step.stage { what += "·" + term(stage) }
                if let accepted = step.accepted { what += accepted ? label("（符合）", " (accepted)") : label("（不符合）", " (rejected)") }
                lines.append("  \(step.takenOn)  \(what)  \(step.actor)" + (step.notes.isEmpty ? "" : "  \(step.notes)"))
                lines += late.filter { $0.doneOn == step.takenOn }.map { "      " + lateText($0) }
                late.removeAll { $0.doneOn == step.takenOn }
            }
        }
        if !late.isEmpty {
            lines.append("")
            lines.append(label("逾期完成", "Done late"))
            lines += late.map { "  \($0.doneOn!)  " + lateText($0) }
        }
        if !dossier.deadlineFailures.isEmpty {
            lines.append(label("时限规则出错，逾期完成情况可能不全：", "Deadlines failed; what was done late may be incomplete:"))
            lines += dossier.deadlineFailures.map { "  " + $0 }
        }
        for (plan, measures) in dossier.plans {
            lines.append("")
            lines.append(label("帮扶计划", "Plan") + " \(plan.id)  " + label("制定于", "made ") + "\(plan.madeOn)"
                + (plan.adjustedOn.map { label("，调整于", ", adjusted ") + "\($0)" } ?? ""))
            for measure in measures {
                lines.append("  \(measure.id)  \(term(measure.type))  \(measure.description)  \(measure.responsibleUnit)/\(measure.responsiblePerson)  "
                    + "\(measure.startsOn)—\(measure.dueOn)  " + (measure.doneOn.map { label("已完成", "done ") + "\($0)" } ?? label("未完成", "open")))
            }
        }
        if !dossier.visits.isEmpty {
            lines.append("")
            lines.append(label("走访记录", "Visits") + "（\(dossier.visits.count)）")
            for visit in dossier.visits.suffix(10) {
                lines.append("  \(visit.visitedOn)  \(term(visit.role)) \(visit.visitor)  \(visit.notes)")
            }
        }
        if !dossier.problems.isEmpty {
            lines.append("")
            lines.append(label("问题台账", "Problems"))
            for problem in dossier.problems {
                lines.append("  \(problem.id)  \(problem.description)  \(problem.responsibleUnit)/\(problem.responsiblePerson)  "
                    + label("时限", "due ") + "\(problem.deadline)  "
                    + (problem.closedOn.map { label("已办结", "closed ") + "\($0)" } ?? label("未办结", "open")))
            }
        }
        if !dossier.warnings.isEmpty {
            lines.append("")
            lines.append(label("部门预警", "Department warnings"))
            for warning in dossier.warnings {
                lines.append("  \(warning.id)  \(warning.receivedOn)  \(term(warning.department))  \(warning.residentID.masked)  \(warning.reason)  "
                    + (warning.result.map { label("核实结果：", "result: ") + $0 } ?? label("待核实", "awaiting verification")))
            }
        }
        lines.append("")
        lines.append(label("审计记录 \(dossier.auditedChanges) 条", "\(dossier.auditedChanges) audited changes"))
        // Text from the public form or an imported file may hold escape sequences: shown, not obeyed.
        return lines.map(\.terminalEscaped).joined(separator: "\n")
    }
}
