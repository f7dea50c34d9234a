/// What an official does to a monitoring episode that is already open (a report opens one;
/// see `MonitoringLifecycle.report`).
public enum MonitoringAction: Hashable, Sendable {
    /// 核实: the township has verified the household's situation.
    case verify(notes: String)
    /// 反馈: the verification result is fed back: accepted for approval, or not accepted with
    /// written reasons (seed 003 附件2 二.4: 对不符合认定标准的，详细说明原因并出具告知书).
    case answer(accepted: Bool, reasons: String)
    /// 审批认定: the county identifies the household, with its risk types and kind.
    case approve(riskTypes: Set<RiskType>, kind: MonitoredKind)
    /// 制定帮扶计划: the 一户一策 plan `planID` is made for the episode.
    case plan(planID: Int64)
    /// One step of the elimination procedure, in order; the last one eliminates the risk.
    case eliminate(EliminationStage, notes: String)
    /// 回头看: an eliminated household is followed up.
    case followUp(notes: String)
    /// 回退: an eliminated household whose situation is unstable goes back to monitoring.
    case sendBack(reasons: String)
    /// 再标注: a new risk is labelled on an identified or eliminated household.
    case relabel(riskTypes: Set<RiskType>, notes: String)

    /// The transition the action takes.
    public var transition: MonitoringTransition {
        switch self {
        case .verify: .verify
        case .answer: .answer
        case .approve: .approve
        case .plan: .plan
        case .eliminate: .eliminate
        case .followUp: .followUp
        case .sendBack: .sendBack
        case .relabel: .relabel
        }
    }
}

/// The monitoring lifecycle as a state machine over an episode and its recorded steps:
/// reported → verified → accepted (or rejected) → identified → (plan, elimination procedure) →
/// eliminated → followed up, sent back or relabelled. Each function returns the registry
/// changes a legal transition makes (the step record, the episode's new state, and what else
/// changes with it), or refuses with the reason. It does no I/O; the caller applies the
/// changes in one audited transaction.
public enum MonitoringLifecycle {
    /// Statuses in which an episode is still open: the household is being handled.
    public static let openStatuses: Set<MonitoringStatus> = [.reported, .verified, .accepted, .identified]

    /// Opens episode `episodeID` for `household`: a risk reported through `channel` on `date`.
    /// Refused while the household has an open episode, and after an elimination (a new risk
    /// on an eliminated household is relabelled, seed 003 附件2 二.15).
    public static func report(
        household: Household, channel: DiscoveryChannel, on date: LocalDate, by actor: String, notes: String,
        episodes: [MonitoringEpisode], episodeID: Int64, stepID: Int64
    ) throws(MonitoringRefusal) -> [RegistryChange] {
        if let latest = episodes.max(by: { $0.reportedOn < $1.reportedOn || ($0.reportedOn == $1.reportedOn && $0.id < $1.id) }) {
            if openStatuses.contains(latest.status) { throw .openEpisode(latest.id, latest.status) }
            if latest.status == .eliminated { throw .eliminatedEpisode(latest.id) }
        }
        let episode = MonitoringEpisode(
            id: episodeID, householdNumber: household.number, channel: channel, reportedOn: date, status: .reported)
        let step = MonitoringStep(
            id: stepID, episodeID: episodeID, householdNumber: household.number, transition: .report, takenOn: date,
            actor: actor, notes: notes)
        return [.insert(.monitoringEpisode(episode)), .insert(.monitoringStep(step))]
    }

    /// The changes `action`, taken on `date` by `actor`, makes to `episode` (whose recorded
    /// steps are `steps`) of `household`; the new step gets `stepID`.
    public static func take(
        _ action: MonitoringAction, on date: LocalDate, by actor: String, episode: MonitoringEpisode,
        steps: [MonitoringStep], household: Household, stepID: Int64
    ) throws(MonitoringRefusal) -> [RegistryChange] {
        let latest = steps.map(\.takenOn).max() ?? episode.reportedOn
        let earliest = max(latest, episode.reportedOn, episode.identifiedOn ?? episode.reportedOn, episode.eliminatedOn ?? episode.reportedOn)
        if date < earliest { throw .dateBefore(date, earliest) }
        var step = MonitoringStep(
            id: stepID, episodeID: episode.id, householdNumber: household.number, transition: action.transition,
            takenOn: date, actor: actor)
        var updated = episode
        var changes: [RegistryChange] = []
        switch (action, episode.status) {
        case (.verify(let notes), .reported):
            step.notes = notes
            updated.status = .verified
        case (.answer(let accepted, let reasons), .verified):
            if !accepted && reasons.allSatisfy(\.isWhitespace) { throw .reasonsRequired(.answer) }
            step.accepted = accepted
            step.notes = reasons
            updated.status = accepted ? .accepted : .rejected
        case (.approve(let risks, let kind), .accepted):
            if risks.isEmpty { throw .riskTypesRequired(.approve) }
            step.riskTypes = risks
            updated.status = .identified
            updated.riskTypes = risks
            updated.identifiedOn = date
            var monitored = household
            monitored.category = .monitored
            monitored.monitoredKind = kind
            if monitored != household { changes.append(.update(.household(monitored))) }
        case (.plan(let planID), .identified):
            step.notes = "plan \(planID)"
            changes.append(.insert(.assistancePlan(AssistancePlan(
                id: planID, householdNumber: household.number, episodeID: episode.id, madeOn: date))))
        case (.eliminate(let stage, let notes), .identified):
            let expected = nextEliminationStage(after: steps)
            if stage != expected { throw .stageOutOfOrder(expected: expected, got: stage) }
            step.stage = stage
            step.notes = notes
            if stage == .countyApproval {
                updated.status = .eliminated
                updated.eliminatedOn = date
            }
        case (.followUp(let notes), .eliminated):
            step.notes = notes
        case (.sendBack(let reasons), .eliminated):
            if reasons.allSatisfy(\.isWhitespace) { throw .reasonsRequired(.sendBack) }
            step.notes = reasons
            updated.status = .identified
            updated.eliminatedOn = nil
        case (.relabel(let risks, let notes), .identified), (.relabel(let risks, let notes), .eliminated):
            if risks.isEmpty { throw .riskTypesRequired(.relabel) }
            step.riskTypes = risks
            step.notes = notes
            updated.status = .identified
            updated.riskTypes.formUnion(risks)
            updated.eliminatedOn = nil
        default:
            throw .notAllowed(action.transition, episode.status)
        }
        if updated != episode { changes.insert(.update(.monitoringEpisode(updated)), at: 0) }
        changes.append(.insert(.monitoringStep(step)))
        return changes
    }

    /// The elimination step due next: the procedure starts over after each approval,
    /// send-back or relabelling.
    public static func nextEliminationStage(after steps: [MonitoringStep]) -> EliminationStage {
        var taken = 0
        for step in steps.sorted(by: { ($0.takenOn, $0.id) < ($1.takenOn, $1.id) }) {
            switch step.transition {
            case .approve, .sendBack, .relabel: taken = 0
            case .eliminate: taken += 1
            default: break
            }
        }
        let stages = EliminationStage.allCases
        return stages[min(taken, stages.count - 1)]
    }
}

/// Why the lifecycle refused a transition. Its text is in English or Chinese, the language of
/// the plugin the official works with.
public enum MonitoringRefusal: Error, Hashable, MessageCatalogue {
    /// The transition is not one the episode's status allows.
    case notAllowed(MonitoringTransition, MonitoringStatus)
    /// The date is before the episode's latest recorded date.
    case dateBefore(LocalDate, LocalDate)
    /// The transition needs written reasons.
    case reasonsRequired(MonitoringTransition)
    /// The transition needs at least one risk type.
    case riskTypesRequired(MonitoringTransition)
    /// The household already has an open episode (its id and status).
    case openEpisode(Int64, MonitoringStatus)
    /// The household's latest episode is eliminated: a new risk is relabelled on it.
    case eliminatedEpisode(Int64)
    /// The elimination procedure's steps are taken in order.
    case stageOutOfOrder(expected: EliminationStage, got: EliminationStage)
    /// The plugin's guards refused the transition, with their reasons.
    case guarded(MonitoringTransition, [String])

    public var texts: (chinese: String, english: String) {
        switch self {
        case .notAllowed(let transition, let status):
            ("监测状态为“\(status.chineseName)”，不能“\(transition.chineseName)”",
             "cannot \(transition.rawValue) an episode that is \(status.rawValue)")
        case .dateBefore(let date, let earliest):
            ("日期\(date)早于该监测记录的上一步骤（\(earliest)）",
             "the date \(date) is before the episode's latest step (\(earliest))")
        case .reasonsRequired(let transition):
            ("“\(transition.chineseName)”须书面说明原因", "\(transition.rawValue) needs written reasons")
        case .riskTypesRequired(let transition):
            ("“\(transition.chineseName)”须标注风险类别", "\(transition.rawValue) needs at least one risk type")
        case .openEpisode(let id, let status):
            ("该户已有未结束的监测记录（编号\(id)，\(status.chineseName)）",
             "the household already has an open episode (\(id), \(status.rawValue))")
        case .eliminatedEpisode(let id):
            ("该户风险已消除（监测记录编号\(id)），新发现的风险应再标注",
             "the household's risk was eliminated (episode \(id)); a new risk is relabelled on that episode")
        case .stageOutOfOrder(let expected, let got):
            ("风险消除程序须按顺序进行：下一步应为“\(expected.chineseName)”，不是“\(got.chineseName)”",
             "the elimination procedure goes in order: next is \(expected.rawValue), not \(got.rawValue)")
        case .guarded(let transition, let reasons):
            ("不能“\(transition.chineseName)”：" + reasons.joined(separator: "；"),
             "\(transition.rawValue) refused: " + reasons.joined(separator: "; "))
        }
    }

    public static var samples: [MonitoringRefusal] {
        [.notAllowed(.approve, .reported), .dateBefore(LocalDate(year: 2024, month: 5, day: 1)!, LocalDate(year: 2024, month: 6, day: 1)!),
         .reasonsRequired(.sendBack), .riskTypesRequired(.relabel), .openEpisode(4, .verified), .eliminatedEpisode(4),
         .stageOutOfOrder(expected: .publicReview, got: .countyApproval), .guarded(.eliminate, ["收入未达标"])]
    }
}
