import DixianCore
import Testing

/// The monitoring lifecycle as a state machine: legal transitions and their changes, illegal
/// ones refused with the reason.
struct MonitoringLifecycleTests {
    static let household = Household(
        number: "6206211002010001", area: Area(villageCode: "620621100201")!, headName: "张三", category: .general)
    static let day = LocalDate(iso: "2024-09-27")!

    /// Applies `changes` to `episode` and `steps` as a store would.
    static func apply(_ changes: [RegistryChange], _ episode: inout MonitoringEpisode, _ steps: inout [MonitoringStep]) {
        for change in changes {
            switch change {
            case .insert(.monitoringStep(let step)): steps.append(step)
            case .update(.monitoringEpisode(let updated)), .insert(.monitoringEpisode(let updated)): episode = updated
            default: break
            }
        }
    }

    /// Takes `actions` in order from a fresh self-report, a day apart.
    static func walk(_ actions: [MonitoringAction]) throws(MonitoringRefusal) -> (MonitoringEpisode, [MonitoringStep], [RegistryChange]) {
        var episode = MonitoringEpisode(id: 1, householdNumber: household.number, channel: .selfReport, reportedOn: day, status: .reported)
        var steps: [MonitoringStep] = []
        var all: [RegistryChange] = []
        apply(try MonitoringLifecycle.report(household: household, channel: .selfReport, on: day, by: "村干部", notes: "",
                                             episodes: [], episodeID: 1, stepID: 1), &episode, &steps)
        for (offset, action) in actions.enumerated() {
            let changes = try MonitoringLifecycle.take(action, on: day.adding(days: offset + 1), by: "乡镇干部", episode: episode,
                                                       steps: steps, household: household, stepID: Int64(steps.count + 1))
            all += changes
            apply(changes, &episode, &steps)
        }
        return (episode, steps, all)
    }

    static let toIdentified: [MonitoringAction] = [
        .verify(notes: "已入户核查"), .answer(accepted: true, reasons: ""), .approve(riskTypes: [.illness], kind: .marginal),
    ]

    @Test func aSelfReportIsVerifiedAnsweredAndApprovedAndTheHouseholdBecomesMonitored() throws {
        let (episode, steps, changes) = try Self.walk(Self.toIdentified)
        #expect(episode.status == .identified)
        #expect(episode.identifiedOn == Self.day.adding(days: 3))
        #expect(episode.riskTypes == [.illness])
        #expect(steps.map(\.transition) == [.report, .verify, .answer, .approve])
        #expect(steps.map(\.takenOn) == (0...3).map { Self.day.adding(days: $0) })
        let household = changes.compactMap { change -> Household? in
            if case .update(.household(let household)) = change { return household } else { return nil }
        }
        #expect(household.map(\.category) == [.monitored])
        #expect(household.map(\.monitoredKind) == [.marginal])
    }

    @Test func aRejectionNeedsWrittenReasonsAndClosesTheEpisode() throws {
        #expect(throws: MonitoringRefusal.reasonsRequired(.answer)) {
            try Self.walk([.verify(notes: ""), .answer(accepted: false, reasons: "  ")])
        }
        let (episode, steps, _) = try Self.walk([.verify(notes: ""), .answer(accepted: false, reasons: "人均纯收入高于监测范围")])
        #expect(episode.status == .rejected)
        #expect(steps.last?.accepted == false)
        #expect(throws: MonitoringRefusal.notAllowed(.approve, .rejected)) {
            try Self.walk([.verify(notes: ""), .answer(accepted: false, reasons: "不符合"), .approve(riskTypes: [.illness], kind: .marginal)])
        }
    }

    @Test func stepsOutOfOrderAreRefusedWithTheStatus() {
        #expect(throws: MonitoringRefusal.notAllowed(.approve, .reported)) {
            try Self.walk([.approve(riskTypes: [.illness], kind: .marginal)])
        }
        #expect(throws: MonitoringRefusal.notAllowed(.eliminate, .verified)) {
            try Self.walk([.verify(notes: ""), .eliminate(.householdCheck, notes: "")])
        }
        #expect(throws: MonitoringRefusal.riskTypesRequired(.approve)) {
            try Self.walk([.verify(notes: ""), .answer(accepted: true, reasons: ""), .approve(riskTypes: [], kind: .marginal)])
        }
    }

    @Test func eliminationGoesThroughItsFourStepsInOrder() throws {
        let stages = EliminationStage.allCases.map { MonitoringAction.eliminate($0, notes: "") }
        #expect(throws: MonitoringRefusal.stageOutOfOrder(expected: .householdCheck, got: .publicReview)) {
            try Self.walk(Self.toIdentified + [.eliminate(.publicReview, notes: "")])
        }
        let (before, _, _) = try Self.walk(Self.toIdentified + stages.dropLast())
        #expect(before.status == .identified)
        let (episode, _, _) = try Self.walk(Self.toIdentified + stages)
        #expect(episode.status == .eliminated)
        #expect(episode.eliminatedOn == Self.day.adding(days: 7))
    }

    @Test func anEliminatedHouseholdIsFollowedUpSentBackOrRelabelled() throws {
        let eliminated = Self.toIdentified + EliminationStage.allCases.map { MonitoringAction.eliminate($0, notes: "") }
        let (followed, _, _) = try Self.walk(eliminated + [.followUp(notes: "收入稳定")])
        #expect(followed.status == .eliminated)
        #expect(throws: MonitoringRefusal.reasonsRequired(.sendBack)) { try Self.walk(eliminated + [.sendBack(reasons: "")]) }
        let (back, _, _) = try Self.walk(eliminated + [.sendBack(reasons: "务工收入不稳定")])
        #expect(back.status == .identified)
        #expect(back.eliminatedOn == nil)
        let (relabelled, steps, _) = try Self.walk(eliminated + [.relabel(riskTypes: [.accident], notes: "意外受伤")])
        #expect(relabelled.status == .identified)
        #expect(relabelled.riskTypes == [.illness, .accident])
        // After a relabelling the elimination procedure starts over.
        #expect(MonitoringLifecycle.nextEliminationStage(after: steps) == .householdCheck)
    }

    @Test func aStepDatedBeforeTheLastOneIsRefused() throws {
        let (episode, steps, _) = try Self.walk([.verify(notes: "")])
        #expect(throws: MonitoringRefusal.dateBefore(Self.day, Self.day.adding(days: 1))) {
            try MonitoringLifecycle.take(.answer(accepted: true, reasons: ""), on: Self.day, by: "x", episode: episode,
                                         steps: steps, household: Self.household, stepID: 9)
        }
    }

    @Test func aHouseholdWithAnOpenEpisodeIsNotReportedAgainAndAnEliminatedOneIsRelabelled() {
        let open = MonitoringEpisode(id: 4, householdNumber: Self.household.number, channel: .cadreVisit, reportedOn: Self.day, status: .verified)
        #expect(throws: MonitoringRefusal.openEpisode(4, .verified)) {
            try MonitoringLifecycle.report(household: Self.household, channel: .selfReport, on: Self.day, by: "x", notes: "",
                                           episodes: [open], episodeID: 5, stepID: 1)
        }
        var eliminated = open
        eliminated.status = .eliminated
        #expect(throws: MonitoringRefusal.eliminatedEpisode(4)) {
            try MonitoringLifecycle.report(household: Self.household, channel: .selfReport, on: Self.day, by: "x", notes: "",
                                           episodes: [eliminated], episodeID: 5, stepID: 1)
        }
        #expect(MonitoringRefusal.openEpisode(4, .verified).text(in: .chinese) == "该户已有未结束的监测记录（编号4，已核实）")
    }
}
