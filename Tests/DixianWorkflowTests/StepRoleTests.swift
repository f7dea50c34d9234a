import DixianCore
import DixianPlugins
import DixianTestSupport
import DixianWorkflow
import Foundation
import LuaHost
import Testing

/// Who may take which step (issue 20): the plugin's role table (`dixian.permit`, shipped by the
/// national plugin) enforced by the workflow, and the order of the tiers held by the lifecycle.
struct StepRoleTests {
    static let number = "6206211002010001"

    func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    /// `registry`'s workflow under `chain`, acting in `role`.
    func workflow(_ registry: MinqinWorkflow, _ role: UserRole, chain: [PluginManifest]? = nil) throws -> Workflow {
        Workflow(store: registry.store, guards: try PluginRuntime(chain: chain ?? MinqinWorkflow.chain, state: LuaState()),
                 user: "user:\(role.rawValue)", today: date("2025-12-31"), role: role)
    }

    /// Runs `body`, which must be refused as a step outside `role`; returns the Chinese reason.
    func refusal<T>(_ body: () async throws -> T) async -> String? {
        do {
            _ = try await body()
            return nil
        } catch let error as WorkflowError {
            guard case .notPermitted = error else { return "refused otherwise: \(error.text(in: .chinese))" }
            return error.text(in: .chinese)
        } catch {
            return "\(error)"
        }
    }

    @Test func aVillageCadreReportsAndVisitsTheTownshipVerifiesAndAnswersTheCountyApprovesAndEliminates() async throws {
        let registry = try MinqinWorkflow()
        try await registry.addHousehold(Self.number, perCapita: 12000)
        let cadre = try workflow(registry, .villageCadre), township = try workflow(registry, .townshipStaff)
        let county = try workflow(registry, .countyAdministrator)

        try await cadre.recordVisit(Visit(id: 0, householdNumber: Self.number, visitedOn: date("2024-02-28"), visitor: "李村干",
                                          role: .villageCadre))
        let episode = try await cadre.report(household: Self.number, channel: .cadreVisit, on: date("2024-03-01"), by: "李村干")
        let before = try await registry.store.dump()
        let refused = await refusal { try await cadre.take(.verify(notes: ""), episode: episode, on: date("2024-03-02"), by: "李村干") }
        #expect(refused == "村干部不能办理“核实”：此环节由乡镇工作人员、县级管理员办理")
        #expect(try await registry.store.dump() == before, "a refused step changes nothing")

        try await township.take(.verify(notes: "已入户核查"), episode: episode, on: date("2024-03-02"), by: "王核查")
        try await township.take(.answer(accepted: true, reasons: ""), episode: episode, on: date("2024-03-04"), by: "王核查")
        for user in [cadre, township] {
            let reason = await refusal {
                try await user.take(.approve(riskTypes: [.illness], kind: .marginal), episode: episode, on: date("2024-03-06"), by: "?")
            }
            #expect(reason == "\(user.role.chineseName)不能办理“审批认定”：此环节由县级管理员办理")
        }
        try await county.take(.approve(riskTypes: [.illness], kind: .marginal), episode: episode, on: date("2024-03-06"), by: "县农业农村局")
        try await cadre.makePlan(episode: episode, on: date("2024-03-10"), by: "李帮扶")

        // The village takes the village's stages of the elimination procedure; only the county approves it.
        for stage in [EliminationStage.householdCheck, .publicReview, .villageReview] {
            try await cadre.take(.eliminate(stage, notes: ""), episode: episode, on: date("2024-11-01"), by: "李村干")
        }
        let last = await refusal {
            try await township.take(.eliminate(.countyApproval, notes: ""), episode: episode, on: date("2024-11-02"), by: "王核查")
        }
        #expect(last == "乡镇工作人员不能办理“风险消除·县级审核批准和公告”：此环节由县级管理员办理")
        let eliminated = try await county.take(.eliminate(.countyApproval, notes: ""), episode: episode, on: date("2024-11-02"), by: "县")
        #expect(eliminated.status == .eliminated)
        #expect(await refusal { try await cadre.take(.sendBack(reasons: "收入不稳"), episode: episode, on: date("2024-12-01"), by: "李") }
            == "村干部不能办理“回退”：此环节由县级管理员办理")
    }

    @Test func anAuditorAndADepartmentTakeNoStepAndEachRefusalNamesTheStepTheRoleAndTheRolesAllowed() async throws {
        let registry = try MinqinWorkflow()
        try await registry.addHousehold(Self.number)
        let auditor = try workflow(registry, .auditor), department = try workflow(registry, .department)
        #expect(await refusal { try await auditor.report(household: Self.number, channel: .cadreVisit, on: date("2024-03-01"), by: "审计") }
            == "审计人员不能办理“报告”：此环节由村干部、乡镇工作人员、县级管理员办理")
        #expect(await refusal {
            try await department.recordVisit(Visit(id: 0, householdNumber: Self.number, visitedOn: date("2024-03-01"), visitor: "医保",
                                                   role: .helper))
        } == "行业部门不能办理“走访”：此环节由村干部、乡镇工作人员、县级管理员办理")
        #expect(await refusal { try await auditor.closeProblem(1, fix: "已整改", on: date("2024-03-01")) }
            == "审计人员不能办理“问题办结销号”：此环节由村干部、乡镇工作人员、县级管理员办理")
        let english = WorkflowError.notPermitted(.approve, .villageCadre, [.countyAdministrator]).text(in: .english)
        #expect(english == "a village-cadre may not take the step approve: it is for county-administrator")
    }

    /// OpenSPP's users found a higher tier approving before a lower one: here the county cannot
    /// approve before the township has verified and answered, nor approve an elimination before
    /// the village's stages, however high its role.
    @Test func theCountyCannotSkipTheTownshipsVerificationAndAnswerNorTheVillagesStages() async throws {
        let registry = try MinqinWorkflow()
        try await registry.addHousehold(Self.number)
        let county = try workflow(registry, .countyAdministrator)
        let episode = try await county.report(household: Self.number, channel: .cadreVisit, on: date("2024-03-01"), by: "村干部")
        let approve = MonitoringAction.approve(riskTypes: [.illness], kind: .marginal)
        await #expect(throws: WorkflowError.monitoring(.notAllowed(.approve, .reported))) {
            try await county.take(approve, episode: episode, on: date("2024-03-02"), by: "县")
        }
        try await county.take(.verify(notes: ""), episode: episode, on: date("2024-03-02"), by: "乡镇")
        await #expect(throws: WorkflowError.monitoring(.notAllowed(.approve, .verified))) {
            try await county.take(approve, episode: episode, on: date("2024-03-03"), by: "县")
        }
        try await county.take(.answer(accepted: true, reasons: ""), episode: episode, on: date("2024-03-04"), by: "乡镇")
        try await county.take(approve, episode: episode, on: date("2024-03-06"), by: "县")
        try await county.makePlan(episode: episode, on: date("2024-03-10"), by: "李帮扶")
        await #expect(throws: WorkflowError.monitoring(.stageOutOfOrder(expected: .householdCheck, got: .countyApproval))) {
            try await county.take(.eliminate(.countyApproval, notes: ""), episode: episode, on: date("2024-11-01"), by: "县")
        }
    }

    @Test func aCountyPluginOverridesAnEntryOfTheNationalTable() async throws {
        let folder = TemporaryFolder("dixian-roles")
        defer { withExtendedLifetime(folder) {} }
        try PluginFolder.write("strict-minqin", extends: "minqin", [
            "roles/visits.lua": "dixian.permit { step = 'visit', roles = { 'township-staff', 'county-administrator' }, override = true, source = '县里的规定' }",
        ], in: folder.url)
        let catalog = PluginCatalog(searchPath: [MinqinWorkflow.plugins, folder.url])
        let chain = try catalog.chain(for: try catalog.plugin("strict-minqin"))
        let registry = try MinqinWorkflow()
        try await registry.addHousehold(Self.number)
        let cadre = try workflow(registry, .villageCadre, chain: chain)
        let visit = Visit(id: 0, householdNumber: Self.number, visitedOn: date("2024-03-01"), visitor: "李村干", role: .villageCadre)
        #expect(await refusal { try await cadre.recordVisit(visit) } == "村干部不能办理“走访”：此环节由乡镇工作人员、县级管理员办理")
        // The rest of the national table still holds.
        _ = try await cadre.report(household: Self.number, channel: .cadreVisit, on: date("2024-03-01"), by: "李村干")
        _ = try await workflow(registry, .townshipStaff, chain: chain).recordVisit(visit)
        let permit = try #require(cadre.guards?.declarations.permits.first { $0.step == .visit })
        #expect(permit.declaration.plugin == "strict-minqin" && permit.declaration.source == "县里的规定")
    }

    @Test func everyMonitoringActionIsAStepAndEveryStepHasAChineseName() {
        let actions: [MonitoringAction] = [.verify(notes: ""), .answer(accepted: true, reasons: ""), .approve(riskTypes: [], kind: .marginal),
                                           .plan(planID: 1), .followUp(notes: ""), .sendBack(reasons: ""), .relabel(riskTypes: [], notes: "")]
            + EliminationStage.allCases.map { .eliminate($0, notes: "") }
        for action in actions {
            let step = WorkflowStep(action)
            #expect(step.monitoring?.transition == action.transition)
            if case .eliminate(let stage, _) = action { #expect(step.monitoring?.stage == stage) }
        }
        #expect(WorkflowStep.report.monitoring?.transition == .report && WorkflowStep.planAdjust.monitoring == nil)
        #expect(WorkflowStep.eliminateVillageReview.chineseName == "风险消除·村级评议")
        #expect(WorkflowStep.allCases.allSatisfy { $0.chineseName != $0.rawValue })
    }

    @Test func aStepNoPluginPermitsIsTheCountyAdministratorsAlone() throws {
        let declarations = try PluginRuntime(chain: [try MinqinWorkflow.catalog.plugin("national")], state: LuaState()).declarations
        #expect(Set(declarations.permits.map(\.step)) == Set(WorkflowStep.allCases), "the national table lists every step")
        var withoutVisits = declarations
        withoutVisits.permits.removeAll { $0.step == .visit }
        #expect(withoutVisits.roles(allowedTo: .visit) == [.countyAdministrator])
    }
}
