import DixianCore
import DixianWorkflow
import Foundation
import Testing

/// Monitoring transitions on a registry under Minqin's plugin: the 一键报贫 clock, the 七不消
/// guard, and the audit trail.
struct MonitoringWorkflowTests {
    static let number = "6206211002010001"

    func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    /// The household's items of the deadlines `source` starts with, as (source, due date, overdue).
    func items(_ list: DueList, of number: String = Self.number, source: String = "deadline:minqin.self-report") -> [String] {
        list.items.filter { $0.householdNumber == number && $0.source.text.hasPrefix(source) }
            .map { "\($0.source.text) \($0.dueOn?.description ?? "-") \(list.isOverdue($0) ? "overdue" : "due")" }
            .sorted()
    }

    @Test func theSelfReportClockRunsAcrossNationalDay2024AndDueFlagsExactlyTheOverdueSteps() async throws {
        let registry = try MinqinWorkflow()
        try await registry.addHousehold(Self.number)
        let workflow = registry.workflow
        // Reported on Friday 27 September 2024, verified on Monday 30 September.
        let episode = try await workflow.report(household: Self.number, channel: .selfReport, on: date("2024-09-27"), by: "村干部")
        #expect(items(try await registry.due(on: "2024-09-28", within: 15)) == [
            "deadline:minqin.self-report 2024-10-02 due", "deadline:minqin.self-report 2024-10-12 due",
        ])
        try await workflow.take(.verify(notes: "已入户核查"), episode: episode, on: date("2024-09-30"), by: "王核查")
        // The answer is due 5 working days after 30 September: 1-7 October are the holiday,
        // then 8, 9, 10, 11 and Saturday 12 October (a working day); 15 days from the report is 12 October too.
        #expect(items(try await registry.due(on: "2024-10-11")) == [
            "deadline:minqin.self-report 2024-10-12 due", "deadline:minqin.self-report 2024-10-12 due",
        ])
        #expect(items(try await registry.due(on: "2024-10-14")) == [
            "deadline:minqin.self-report 2024-10-12 overdue", "deadline:minqin.self-report 2024-10-12 overdue",
        ])
        // Answered on 11 October: approval is due 5 working days later, 17 October; the 15-day limit has passed.
        try await workflow.take(.answer(accepted: true, reasons: ""), episode: episode, on: date("2024-10-11"), by: "王核查")
        #expect(items(try await registry.due(on: "2024-10-14")) == [
            "deadline:minqin.self-report 2024-10-12 overdue", "deadline:minqin.self-report 2024-10-17 due",
        ])
        // Approved: the clock stops, the 一户一策 plan is due within 10 days.
        try await workflow.take(.approve(riskTypes: [.illness], kind: .marginal), episode: episode, on: date("2024-10-15"), by: "县农业农村局")
        #expect(items(try await registry.due(on: "2024-10-15", within: 10), source: "deadline:minqin.plan")
            == ["deadline:minqin.plan 2024-10-25 due"])
        #expect(items(try await registry.due(on: "2024-10-15", within: 10)).isEmpty, "the 一键报贫 clock stops at approval")
        try await workflow.makePlan(episode: episode, on: date("2024-10-20"), by: "李帮扶")
        #expect(items(try await registry.due(on: "2024-10-26", within: 0), source: "deadline:minqin.plan").isEmpty)
    }

    /// Takes episode `episode` of household `number` from report to a made plan.
    func identify(_ registry: MinqinWorkflow, _ number: String) async throws -> Int64 {
        let workflow = registry.workflow
        let episode = try await workflow.report(household: number, channel: .cadreVisit, on: date("2024-03-01"), by: "村干部")
        try await workflow.take(.verify(notes: ""), episode: episode, on: date("2024-03-02"), by: "乡镇")
        try await workflow.take(.answer(accepted: true, reasons: ""), episode: episode, on: date("2024-03-04"), by: "乡镇")
        try await workflow.take(.approve(riskTypes: [.illness], kind: .marginal), episode: episode, on: date("2024-03-06"), by: "县")
        try await workflow.makePlan(episode: episode, on: date("2024-03-10"), by: "李帮扶")
        return episode
    }

    @Test func eliminationIsRefusedWithMinqinsReasonsAndANoLaborHouseholdStaysMonitored() async throws {
        let registry = try MinqinWorkflow()
        try await registry.addHousehold(Self.number, perCapita: 6500, ableToWork: false)
        let episode = try await identify(registry, Self.number)
        let before = try await registry.store.dump()
        do {
            try await registry.workflow.take(.eliminate(.householdCheck, notes: ""), episode: episode, on: date("2024-11-01"), by: "乡镇")
            Issue.record("the elimination was allowed")
        } catch WorkflowError.monitoring(.guarded(.eliminate, let reasons)) {
            #expect(reasons.contains { $0.contains("整户无劳动能力") })
            #expect(reasons.contains { $0.contains("2023年人均纯收入6500元，未超过监测范围7800元") })
            let message = WorkflowError.monitoring(.guarded(.eliminate, reasons)).text(in: .chinese)
            #expect(message.hasPrefix("不能“风险消除”：七不消："))
        }
        #expect(try await registry.store.dump() == before, "a refused transition changes nothing")
    }

    @Test func aHouseholdThatPassesTheGuardGoesThroughTheFourStepsOfElimination() async throws {
        let registry = try MinqinWorkflow()
        try await registry.addHousehold(Self.number, perCapita: 12000)
        let episode = try await identify(registry, Self.number)
        for (offset, stage) in EliminationStage.allCases.enumerated() {
            try await registry.workflow.take(.eliminate(stage, notes: stage.chineseName), episode: episode,
                                             on: date("2024-11-01").adding(days: 7 * offset), by: "乡镇")
        }
        let dossier = try await registry.workflow.dossier(of: Self.number)
        #expect(dossier.episodes.first?.episode.status == .eliminated)
        #expect(dossier.episodes.first?.episode.eliminatedOn == date("2024-11-22"))
        #expect(dossier.episodes.first?.steps.compactMap(\.stage) == EliminationStage.allCases)
    }

    @Test func everyTransitionIsInTheAuditTrailWithTheUserAndTheValuesBeforeAndAfter() async throws {
        let registry = try MinqinWorkflow()
        try await registry.addHousehold(Self.number)
        let episode = try await identify(registry, Self.number)
        let trail = try await registry.store.auditTrail(ofHousehold: Self.number).filter { $0.actor == "乡镇:王核查" }
        let steps = trail.filter { $0.table == "monitoring_step" }
        #expect(steps.count == 5)
        #expect(steps.allSatisfy { $0.action == .insert && $0.before == nil && $0.after != nil })
        for transition in ["report", "verify", "answer", "approve", "plan"] {
            #expect(steps.contains { $0.after!.contains("\"transition\":\"\(transition)\"") }, "\(transition) is audited")
        }
        let updates = trail.filter { $0.table == "monitoring_episode" && $0.action == .update }
        #expect(updates.count == 3)
        #expect(updates.last?.before?.contains("\"status\":\"accepted\"") == true)
        #expect(updates.last?.after?.contains("\"status\":\"identified\"") == true)
        let household = trail.filter { $0.table == "household" && $0.action == .update }
        #expect(household.count == 1)
        #expect(household.first?.before?.contains("\"category\":\"general\"") == true)
        #expect(household.first?.after?.contains("\"category\":\"monitored\"") == true)
        let plan = try #require(trail.first { $0.table == "assistance_plan" })
        #expect(plan.action == .insert)
        #expect(plan.after?.contains("\"episode_id\":\(episode)") == true)
    }

    @Test func eliminationFollowUpSendBackAndRelabelAreAuditedToo() async throws {
        let registry = try MinqinWorkflow()
        try await registry.addHousehold(Self.number, perCapita: 12000)
        let episode = try await identify(registry, Self.number)
        let workflow = registry.workflow
        for (offset, stage) in EliminationStage.allCases.enumerated() {
            try await workflow.take(.eliminate(stage, notes: ""), episode: episode, on: date("2024-11-01").adding(days: offset), by: "乡镇")
        }
        try await workflow.take(.followUp(notes: "回头看：收入稳定"), episode: episode, on: date("2025-03-01"), by: "乡镇")
        try await workflow.take(.sendBack(reasons: "务工收入中断"), episode: episode, on: date("2025-03-02"), by: "乡镇")
        try await workflow.take(.relabel(riskTypes: [.accident], notes: "意外受伤"), episode: episode, on: date("2025-03-03"), by: "乡镇")
        let trail = try await registry.store.auditTrail(ofHousehold: Self.number).filter { $0.actor == "乡镇:王核查" }
        let steps = trail.filter { $0.table == "monitoring_step" }.compactMap(\.after)
        for transition in ["eliminate", "follow-up", "send-back", "relabel"] {
            #expect(steps.contains { $0.contains("\"transition\":\"\(transition)\"") }, "\(transition) is audited")
        }
        let episodes = trail.filter { $0.table == "monitoring_episode" && $0.action == .update }
        // approve, verify and answer (3), the last elimination step, the send-back and the relabelling.
        #expect(episodes.count == 6)
        let sentBack = try #require(episodes.first { $0.before?.contains("\"status\":\"eliminated\"") == true })
        #expect(sentBack.before?.contains("\"eliminated_on\":\"2024-11-04\"") == true)
        #expect(sentBack.after?.contains("\"status\":\"identified\"") == true)
        #expect(sentBack.after?.contains("\"eliminated_on\":null") == true)
        #expect(episodes.last?.after?.contains("\"risk_types\":\"accident;illness\"") == true)
    }

    @Test func workIsNotRecordedAheadOfToday() async throws {
        let registry = try MinqinWorkflow()
        try await registry.addHousehold(Self.number)
        let tomorrow = registry.workflow.today.adding(days: 1)
        await #expect(throws: WorkflowError.futureDate(tomorrow, registry.workflow.today)) {
            try await registry.workflow.report(household: Self.number, channel: .selfReport, on: tomorrow, by: "村干部")
        }
        #expect(WorkflowError.futureDate(tomorrow, registry.workflow.today).text(in: .chinese)
            == "日期2026-01-01晚于今天（2025-12-31）：办理后再登记")
    }
}
