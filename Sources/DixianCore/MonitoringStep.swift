/// One dated, attributed step in a monitoring episode: the record each transition of the
/// lifecycle leaves (see `MonitoringLifecycle`).
public struct MonitoringStep: Hashable, Sendable {
    /// The step's identifier in the registry.
    public var id: Int64
    /// The episode it belongs to.
    public var episodeID: Int64
    /// The household (the episode's), kept so that a household's steps are read with it.
    public var householdNumber: String
    /// Which transition was taken.
    public var transition: MonitoringTransition
    /// When.
    public var takenOn: LocalDate
    /// Who took it: the official or cadre responsible (the audit trail also records the user).
    public var actor: String
    /// For `eliminate`, which step of the elimination procedure this is.
    public var stage: EliminationStage?
    /// For `answer`, whether the household was accepted for approval (false: not accepted).
    public var accepted: Bool?
    /// For `approve` and `relabel`, the risk types identified or newly labelled.
    public var riskTypes: Set<RiskType>
    /// What was found or decided: the written reasons of a rejection or a send-back, the
    /// verification finding, the follow-up's conclusion.
    public var notes: String

    /// A step record.
    public init(
        id: Int64, episodeID: Int64, householdNumber: String, transition: MonitoringTransition, takenOn: LocalDate,
        actor: String, stage: EliminationStage? = nil, accepted: Bool? = nil, riskTypes: Set<RiskType> = [],
        notes: String = ""
    ) {
        self.id = id
        self.episodeID = episodeID
        self.householdNumber = householdNumber
        self.transition = transition
        self.takenOn = takenOn
        self.actor = actor
        self.stage = stage
        self.accepted = accepted
        self.riskTypes = riskTypes
        self.notes = notes
    }
}

/// The procedure for marking risk eliminated, in its order (seed 003 附件2 二.14: 严格按照入户核实、
/// 民主评议和公示、村级评议、县级审核批准和公告等程序标注风险消除).
public enum EliminationStage: String, OfficialTerm {
    /// 入户核实.
    case householdCheck = "household-check"
    /// 民主评议和公示.
    case publicReview = "public-review"
    /// 村级评议.
    case villageReview = "village-review"
    /// 县级审核批准和公告: the last step; the risk is eliminated from this date.
    case countyApproval = "county-approval"

    public var chineseName: String {
        switch self {
        case .householdCheck: "入户核实"
        case .publicReview: "民主评议和公示"
        case .villageReview: "村级评议"
        case .countyApproval: "县级审核批准和公告"
        }
    }
}
