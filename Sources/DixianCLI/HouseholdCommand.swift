import ArgumentParser
import DixianCore
import DixianReports
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
                let chain = try options.plugins.chain(of: options.plugin)
                try await options.perform { workflow, zh in
                    // Places named as `dixian due` names them: the plugin's geography and the registry's place table.
                    let names = (try? PlaceNames.of(chain, store: workflow.store)) ?? [:]
                    return HouseholdText(dossier: try await workflow.dossier(of: household, asOf: asOf.date), language: CommandLanguage.current,
                                         placeNames: names).text
                }
            }
        }
    }
}

/// A household's dossier as text, in `language`; its township and village by name where
/// `placeNames` (by area code) names them, with the code.
struct HouseholdText {
    let dossier: HouseholdDossier
    let language: Language
    var placeNames: [String: String] = [:]

    /// A place by name with its code in brackets (`红沙岗镇（620621100）`), or the code alone.
    private func place(_ code: String) -> String {
        placeNames[code].map { $0 + DossierLabel.bracketed(code).text(in: language) } ?? code
    }

    private func term(_ value: some OfficialTerm) -> String { value.name(in: language) }

    /// How late an item done late was: its due date and days late, and what it was.
    private func lateText(_ item: DueList.Item) -> String {
        let days = DueList.daysLate(item)
        return DossierLabel.late(days: days, due: item.dueOn!).text(in: language) + item.message
    }

    var text: String {
        let h = dossier.household
        var lines = [
            DossierLabel.householdNumber.text(in: language) + " \(h.number)  " + DossierLabel.head.text(in: language) + " \(h.headName)  "
                + term(h.category) + (h.monitoredKind.map { DossierLabel.bracketed(term($0)).text(in: language) } ?? ""),
            DossierLabel.township.text(in: language) + " \(place(h.area.townshipCode))  "
                + DossierLabel.village.text(in: language) + " \(place(h.area.villageCode))" + (h.area.group.map { " \($0)" } ?? "")
                + "  " + DossierLabel.helper.text(in: language) + " \(h.helper ?? "—")",
        ]
        lines.append("")
        lines.append(DossierLabel.members.text(in: language) + DossierLabel.bracketed("\(dossier.members.count)").text(in: language))
        for member in dossier.members {
            var facts = [member.relation, term(member.laborCapacity), term(member.health)]
            if let grade = member.disabilityGrade { facts.append(DossierLabel.disabilityGrade(grade).text(in: language)) }
            if let stage = member.schoolStage { facts.append(term(stage)) }
            if !member.medicalInsurance { facts.append(DossierLabel.uninsured.text(in: language)) }
            lines.append("  \(member.name)  \(member.residentID.masked)  " + facts.joined(separator: DossierLabel.listSeparator.text(in: language)))
        }
        if !dossier.incomes.isEmpty {
            lines.append(DossierLabel.incomes.text(in: language))
            for income in dossier.incomes {
                let perCapita = dossier.members.isEmpty ? "" : "  " + DossierLabel.perCapita.text(in: language) + "\(income.netIncome.fen / 100 / Int64(dossier.members.count))"
                lines.append("  \(income.year)  " + DossierLabel.net.text(in: language) + "\(income.netIncome)" + perCapita)
            }
        }
        if let survey = dossier.surveys.last {
            lines.append(DossierLabel.latestSurvey.text(in: language) + " \(survey.surveyedOn)" + DossierLabel.colon.text(in: language)
                + (survey.allGuaranteesMet ? DossierLabel.allMet.text(in: language) : DossierLabel.someUnmet.text(in: language))
                + (survey.notes.isEmpty ? "" : DossierLabel.bracketed(survey.notes).text(in: language)))
        }
        // Work done late goes under the first step taken on the day it was done; what no step
        // matches is listed after the episodes.
        var late = dossier.doneLate
        for (episode, steps) in dossier.episodes {
            lines.append("")
            lines.append(DossierLabel.episode.text(in: language) + " \(episode.id)  \(term(episode.channel))  \(episode.reportedOn)  "
                + term(episode.status) + (episode.riskTypes.isEmpty ? "" : "  " + episode.riskTypes.map(term).sorted().joined(separator: "、")))
            for step in steps {
                var what = term(step.transition)
                if let stage = step.stage { what += "·" + term(stage) }
                if let accepted = step.accepted { what += accepted ? DossierLabel.accepted.text(in: language) : DossierLabel.rejected.text(in: language) }
                lines.append("  \(step.takenOn)  \(what)  \(step.actor)" + (step.notes.isEmpty ? "" : "  \(step.notes)"))
                lines += late.filter { $0.doneOn == step.takenOn }.map { "      " + lateText($0) }
                late.removeAll { $0.doneOn == step.takenOn }
            }
        }
        if !late.isEmpty {
            lines.append("")
            lines.append(DossierLabel.doneLate.text(in: language))
            lines += late.map { "  \($0.doneOn!)  " + lateText($0) }
        }
        if !dossier.deadlineFailures.isEmpty {
            lines.append(DossierLabel.deadlinesFailed.text(in: language))
            lines += dossier.deadlineFailures.map { "  " + $0 }
        }
        for (plan, measures) in dossier.plans {
            lines.append("")
            lines.append(DossierLabel.plan.text(in: language) + " \(plan.id)  " + DossierLabel.made.text(in: language) + "\(plan.madeOn)"
                + (plan.adjustedOn.map { DossierLabel.adjusted.text(in: language) + "\($0)" } ?? ""))
            for measure in measures {
                lines.append("  \(measure.id)  \(term(measure.type))  \(measure.description)  \(measure.responsibleUnit)/\(measure.responsiblePerson)  "
                    + "\(measure.startsOn)—\(measure.dueOn)  " + (measure.doneOn.map { DossierLabel.measureDone.text(in: language) + "\($0)" } ?? DossierLabel.measureOpen.text(in: language)))
            }
        }
        if !dossier.visits.isEmpty {
            lines.append("")
            lines.append(DossierLabel.visits.text(in: language) + DossierLabel.bracketed("\(dossier.visits.count)").text(in: language))
            for visit in dossier.visits.suffix(10) {
                lines.append("  \(visit.visitedOn)  \(term(visit.role)) \(visit.visitor)  \(visit.notes)")
            }
        }
        if !dossier.problems.isEmpty {
            lines.append("")
            lines.append(DossierLabel.problems.text(in: language))
            for problem in dossier.problems {
                lines.append("  \(problem.id)  \(problem.description)  \(problem.responsibleUnit)/\(problem.responsiblePerson)  "
                    + DossierLabel.problemDue.text(in: language) + "\(problem.deadline)  "
                    + (problem.closedOn.map { DossierLabel.problemClosed.text(in: language) + "\($0)" } ?? DossierLabel.problemOpen.text(in: language)))
            }
        }
        if !dossier.warnings.isEmpty {
            lines.append("")
            lines.append(DossierLabel.departmentWarnings.text(in: language))
            for warning in dossier.warnings {
                lines.append("  \(warning.id)  \(warning.receivedOn)  \(term(warning.department))  \(warning.residentID.masked)  \(warning.reason)  "
                    + (warning.result.map { DossierLabel.warningResult.text(in: language) + $0 } ?? DossierLabel.awaitingVerification.text(in: language)))
            }
        }
        lines.append("")
        lines.append(DossierLabel.auditedChanges(dossier.auditedChanges).text(in: language))
        // Text from the public form or an imported file may hold escape sequences: shown, not obeyed.
        return lines.map(\.terminalEscaped).joined(separator: "\n")
    }
}
