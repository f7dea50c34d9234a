import DixianCore
import DixianPlugins
import DixianWorkflow
import Foundation

/// The forms for the work on the household page (`household.mustache`): record a visit, report
/// a risk, and the steps the latest episode's stage is waiting for (verify, answer, approve;
/// once identified, the plan and the next stage of the elimination procedure).
/// Only the forms the user's role may take at the episode's current stage are shown (the
/// plugin's role table, `dixian.permit`); the server still refuses a forged post, through the
/// workflow (`HouseholdFormController`).
///
/// Every monitoring form carries the household's monitoring version (`version(of:)`): a form
/// posted after someone else reported a risk or took a step on the household is refused as
/// stale, as the API refuses an edit whose `If-Match` is stale.
struct HouseholdForms: Sendable {
    struct Option: Sendable { let value: String, label: String, selected: Bool }
    /// A monitoring step's form on the latest episode.
    struct Step: Sendable { let episode: Int64, step: String, heading: String, stage: String? }

    let csrf: String, today: String, version: String
    let visit: Bool, visitorRoles: [Option]
    let report: Bool, channels: [Option]
    let verify: Step?, answer: Step?, approve: Step?, plan: Step?, eliminate: Step?
    let risks: [Option], kinds: [Option]
    /// Whether any form is shown (stored: the templates read stored properties only).
    let any: Bool

    /// The forms `user` may use on the household of `dossier` on `today`, by the role table
    /// `declarations`; nil when the role does no work or the page has no session (no token to post).
    init?(user: ServerUser, csrf: String?, dossier: HouseholdDossier, declarations: PluginDeclarations, today: LocalDate) {
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
        func step(_ step: WorkflowStep, _ status: MonitoringStatus, _ heading: String, stage: EliminationStage? = nil) -> Step? {
            guard let latest, latest.status == status, may(step) else { return nil }
            return Step(episode: latest.id, step: step.monitoring?.transition.rawValue ?? step.rawValue,
                        heading: "\(heading)（第 \(latest.id) 号监测记录）", stage: stage?.rawValue)
        }
        verify = step(.verify, .reported, "核实")
        answer = step(.answer, .verified, "反馈核实结果")
        approve = step(.approve, .accepted, "审批认定")
        // One plan an episode: a plan made is adjusted, not made again.
        let planned = latest.map { latest in dossier.plans.contains { $0.plan.episodeID == latest.id } } ?? true
        plan = planned ? nil : step(.plan, .identified, "制定帮扶计划")
        let steps = latest.map { latest in dossier.episodes.first { $0.episode.id == latest.id }?.steps ?? [] } ?? []
        let next = MonitoringLifecycle.nextEliminationStage(after: steps)
        eliminate = step(WorkflowStep(.eliminate(next, notes: "")), .identified, "风险消除·\(next.chineseName)", stage: next)
        risks = RiskType.allCases.map { Option(value: $0.rawValue, label: $0.chineseName, selected: latest?.riskTypes.contains($0) ?? false) }
        kinds = MonitoredKind.allCases.map { Option(value: $0.rawValue, label: $0.chineseName, selected: false) }
        any = visit || report || verify != nil || answer != nil || approve != nil || plan != nil || eliminate != nil
    }

    /// The household's monitoring version: its latest episode and step ids and each episode's
    /// status. Any report or step changes it; a visit does not.
    static func version(of episodes: [MonitoringEpisode], steps: [MonitoringStep]) -> String {
        let statuses = episodes.sorted { $0.id < $1.id }.map { "\($0.id).\($0.status.rawValue)" }.joined(separator: ",")
        return "\(statuses);\(steps.map(\.id).max() ?? 0)"
    }
}
