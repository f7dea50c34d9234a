import DixianCore
import DixianPlugins
import DixianWorkflow
import Foundation

/// The forms for the work on the household page (`household.mustache`): record a visit, report
/// a risk, and the steps the latest episode's stage is waiting for (verify, answer, approve;
/// once identified, the plan, the next stage of the elimination procedure and relabelling;
/// once eliminated, follow-up, send-back and relabelling), and the forms on its records
/// (`HouseholdRecordForms`: measures, problems, department warnings).
/// Where the plugin declares guards for a step, its form shows what they would say now
/// (`Step.guardNote`), from `Workflow.guardRefusals`; submitting asks them again.
/// Only the forms the user's role may take at the episode's current stage are shown (the
/// plugin's role table, `dixian.permit`); the server still refuses a forged post, through the
/// workflow (`HouseholdFormController`).
///
/// Every monitoring form carries the household's monitoring version (`version(of:)`): a form
/// posted after someone else reported a risk or took a step on the household is refused as
/// stale, as the API refuses an edit whose `If-Match` is stale.
struct HouseholdForms: Sendable {
    struct Option: Sendable { let value: String, label: String, selected: Bool }
    /// A monitoring step's form on the latest episode, with the verdict of the plugin's guards
    /// of its transition as they would judge it now (nil: the plugin declares none).
    struct Step: Sendable {
        let episode: Int64, step: String, heading: String, stage: String?
        let guardNote: String?, guardAllows: Bool
    }

    let csrf: String, today: String, version: String
    let visit: Bool, visitorRoles: [Option]
    let report: Bool, channels: [Option]
    let verify: Step?, answer: Step?, approve: Step?, plan: Step?, eliminate: Step?
    let followUp: Step?, sendBack: Step?, relabel: Step?
    /// The report form's guard verdict (nil: none declared, or no report form).
    let reportGuard: String?, reportGuardAllows: Bool
    /// The risk types for approval (the episode's checked) and for relabelling (none checked).
    let risks: [Option], newRisks: [Option], kinds: [Option]
    /// The forms on the household's measures, problems and warnings.
    let records: HouseholdRecordForms
    /// Whether any form is shown (stored: the templates read stored properties only).
    let any: Bool

    /// The forms `user` may use on the household of `dossier` on `today`, by the role table
    /// `declarations`, each monitoring form with `verdicts`, the refusals of the plugin's guards
    /// by transition (none: they allow it; absent: none declared); nil when the role does no
    /// work or the page has no session (no token to post).
    init?(user: ServerUser, csrf: String?, dossier: HouseholdDossier, declarations: PluginDeclarations, today: LocalDate,
          verdicts: [MonitoringTransition: [String]] = [:]) {
        guard let csrf, user.may(.work) else { return nil }
        func may(_ step: WorkflowStep) -> Bool { declarations.roles(allowedTo: step).contains(user.role) }
        self.csrf = csrf
        self.today = "\(today)"
        version = Self.version(of: dossier.episodes.map { $0.episode }, steps: dossier.episodes.flatMap { $0.steps })
        visit = may(.visit)
        visitorRoles = VisitorRole.allCases.map { Option(value: $0.rawValue, label: $0.chineseName, selected: false) }
        let latest = dossier.episodes.map { $0.episode }.max { ($0.reportedOn, $0.id) < ($1.reportedOn, $1.id) }
        // A household with an open episode, or whose risk was eliminated, is not reported again
        // (the lifecycle refuses it: a new risk of an eliminated household is relabelled).
        report = may(.report) && latest.map { !MonitoringLifecycle.openStatuses.contains($0.status) && $0.status != .eliminated } ?? true
        channels = DiscoveryChannel.allCases.filter { $0 != .selfReport }.map { Option(value: $0.rawValue, label: $0.chineseName, selected: false) }
        reportGuard = report ? verdicts[.report].map { Self.guardNote(.report, $0) } : nil
        reportGuardAllows = verdicts[.report]?.isEmpty ?? true
        func step(_ step: WorkflowStep, _ statuses: Set<MonitoringStatus>, _ heading: String, stage: EliminationStage? = nil) -> Step? {
            guard let latest, statuses.contains(latest.status), may(step), let transition = step.monitoring?.transition else { return nil }
            return Step(episode: latest.id, step: transition.rawValue, heading: "\(heading)（第 \(latest.id) 号监测记录）",
                        stage: stage?.rawValue, guardNote: verdicts[transition].map { Self.guardNote(transition, $0) },
                        guardAllows: verdicts[transition]?.isEmpty ?? true)
        }
        verify = step(.verify, [.reported], "核实")
        answer = step(.answer, [.verified], "反馈核实结果")
        approve = step(.approve, [.accepted], "审批认定")
        // One plan an episode: a plan made is adjusted, not made again.
        let planned = latest.map { latest in dossier.plans.contains { $0.plan.episodeID == latest.id } } ?? true
        plan = planned ? nil : step(.plan, [.identified], "制定帮扶计划")
        let steps = latest.map { latest in dossier.episodes.first { $0.episode.id == latest.id }?.steps ?? [] } ?? []
        let next = MonitoringLifecycle.nextEliminationStage(after: steps)
        eliminate = step(WorkflowStep(.eliminate(next, notes: "")), [.identified], "风险消除·\(next.chineseName)", stage: next)
        followUp = step(.followUp, [.eliminated], "跟踪回访（回头看）")
        sendBack = step(.sendBack, [.eliminated], "回退（退回监测）")
        relabel = step(.relabel, [.identified, .eliminated], "风险再标注（改标）")
        risks = RiskType.allCases.map { Option(value: $0.rawValue, label: $0.chineseName, selected: latest?.riskTypes.contains($0) ?? false) }
        kinds = MonitoredKind.allCases.map { Option(value: $0.rawValue, label: $0.chineseName, selected: false) }
        newRisks = RiskType.allCases.map { Option(value: $0.rawValue, label: $0.chineseName, selected: false) }
        records = HouseholdRecordForms(dossier: dossier, may: may, mayReport: may(.report))
        any = visit || report || [verify, answer, approve, plan, eliminate, followUp, sendBack, relabel].contains { $0 != nil } || records.any
    }

    /// What the guards of `transition` would say, in Chinese: each reason, or that they allow it.
    static func guardNote(_ transition: MonitoringTransition, _ refusals: [String]) -> String {
        let what = transition == .eliminate ? "风险消除条件" : "“\(transition.chineseName)”的条件"
        return refusals.isEmpty ? "\(what)已满足（提交时将再次核对）。" : "\(what)未满足：" + refusals.joined(separator: "；")
    }

    /// The household's monitoring version: its latest episode and step ids and each episode's
    /// status. Any report or step changes it; a visit does not.
    static func version(of episodes: [MonitoringEpisode], steps: [MonitoringStep]) -> String {
        let statuses = episodes.sorted { $0.id < $1.id }.map { "\($0.id).\($0.status.rawValue)" }.joined(separator: ",")
        return "\(statuses);\(steps.map(\.id).max() ?? 0)"
    }
}
