/// A step of the work the workflow records, as the plugin's role table names it (`dixian.permit`):
/// each monitoring transition (each stage of the elimination procedure apart, since the village
/// and the county take different ones), and the visits, plans, measures, problems and warning
/// verifications around it.
public enum WorkflowStep: String, OfficialTerm {
    /// 报告: a risk is reported, opening an episode.
    case report
    /// 核实.
    case verify
    /// 反馈.
    case answer
    /// 审批认定.
    case approve
    /// 制定帮扶计划.
    case plan
    /// 风险消除: 入户核实.
    case eliminateHouseholdCheck = "eliminate.household-check"
    /// 风险消除: 民主评议和公示.
    case eliminatePublicReview = "eliminate.public-review"
    /// 风险消除: 村级评议.
    case eliminateVillageReview = "eliminate.village-review"
    /// 风险消除: 县级审核批准和公告.
    case eliminateCountyApproval = "eliminate.county-approval"
    /// 回头看.
    case followUp = "follow-up"
    /// 回退.
    case sendBack = "send-back"
    /// 再标注.
    case relabel
    /// 走访: a visit is recorded.
    case visit
    /// 帮扶计划动态调整.
    case planAdjust = "plan.adjust"
    /// 帮扶措施: a measure is added to a plan.
    case measureAdd = "measure.add"
    /// 帮扶措施完成.
    case measureDone = "measure.done"
    /// 问题登记: a problem enters the ledger.
    case problemOpen = "problem.open"
    /// 问题办结销号.
    case problemClose = "problem.close"
    /// 部门预警核实办结.
    case warningClose = "warning.close"

    /// The monitoring transition the step takes, and the stage of the elimination procedure
    /// for one of those: the step's id is the transition's (`verify`), or `eliminate.` and the
    /// stage's (`eliminate.village-review`). Nil for the work around the episode.
    public var monitoring: (transition: MonitoringTransition, stage: EliminationStage?)? {
        if let transition = MonitoringTransition(rawValue: rawValue) { return (transition, nil) }
        let prefix = MonitoringTransition.eliminate.rawValue + "."
        guard rawValue.hasPrefix(prefix), let stage = EliminationStage(rawValue: String(rawValue.dropFirst(prefix.count))) else { return nil }
        return (.eliminate, stage)
    }

    /// A monitoring step's name is its transition's (and stage's): `风险消除·村级评议`.
    public var chineseName: String {
        if let (transition, stage) = monitoring { return transition.chineseName + (stage.map { "·" + $0.chineseName } ?? "") }
        return switch self {
        case .visit: "走访"
        case .planAdjust: "帮扶计划动态调整"
        case .measureAdd: "添加帮扶措施"
        case .measureDone: "帮扶措施完成"
        case .problemOpen: "问题登记"
        case .problemClose: "问题办结销号"
        case .warningClose: "预警核实办结"
        default: rawValue  // a monitoring step, named above
        }
    }

    /// The step `action` takes.
    public init(_ action: MonitoringAction) {
        if case .eliminate(let stage, _) = action {
            self = WorkflowStep(rawValue: MonitoringTransition.eliminate.rawValue + "." + stage.rawValue)!
        } else {
            self = WorkflowStep(rawValue: action.transition.rawValue)!
        }
    }
}
