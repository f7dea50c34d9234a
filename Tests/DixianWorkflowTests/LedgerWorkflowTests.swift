import DixianCore
import DixianScreening
import DixianWorkflow
import Foundation
import Testing

/// The problem ledger and department warnings on a registry under Minqin's plugin.
struct LedgerWorkflowTests {
    static let number = "6206211002010001"

    func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    @Test func aProblemClosesOnlyWithARecordedFixAndShowsInDueWhileOverdue() async throws {
        let registry = try MinqinWorkflow()
        try await registry.addHousehold(Self.number)
        let workflow = registry.workflow
        let id = try await workflow.openProblem(Problem(
            id: 0, householdNumber: Self.number, foundBy: "入户大排查", foundOn: date("2024-06-01"), description: "饮水水量不足",
            responsibleUnit: "县水务局", responsiblePerson: "赵水利", measure: "接通自来水", deadline: date("2024-06-30")))
        let due = try await registry.due(on: "2024-07-05", within: 0)
        let item = try #require(due.items.first { $0.source == .problem(id) })
        #expect(due.isOverdue(item) && due.daysOverdue(item) == 5)
        #expect(item.person == "赵水利")
        #expect(item.township == "620621100")

        await #expect(throws: WorkflowError.emptyText(.fix)) { try await workflow.closeProblem(id, fix: " ", on: date("2024-07-05")) }
        let early = WorkflowError.dateBefore(date("2024-05-01"), date("2024-06-01"), .found)
        await #expect(throws: early) { try await workflow.closeProblem(id, fix: "已整改", on: date("2024-05-01")) }
        #expect(early.text(in: .chinese) == "日期2024-05-01早于问题发现日期（2024-06-01）")
        try await workflow.closeProblem(id, fix: "已接通自来水，水量达标", on: date("2024-07-05"))
        await #expect(throws: WorkflowError.alreadyClosed(.problem, String(id))) {
            try await workflow.closeProblem(id, fix: "再次", on: date("2024-07-06"))
        }
        #expect(try await registry.due(on: "2024-07-06", within: 0).items.allSatisfy { $0.source != .problem(id) })
    }

    @Test func screeningFindingsBecomeProblemsOnceAssignedToTheHelper() async throws {
        let registry = try MinqinWorkflow()
        try await registry.addHousehold(Self.number, perCapita: 7799)
        try await registry.addHousehold("6206211002010002", perCapita: 20000, sequence: 3)
        let screening = ScreeningEngine(chain: try MinqinWorkflow.chain, options: .init(asOf: date("2024-06-30"), actor: "test", workers: 1))
        let run = try screening.run(on: registry.store).run
        let below = run.findingsByCheck["minqin.income-below-line"] ?? 0
        #expect(below == 1)
        let opened = try await registry.workflow.openProblems(
            fromRun: run.id!, checks: ["minqin.income-below-line"], days: 30, unit: "乡镇人民政府", person: "包村干部", measure: "落实帮扶措施")
        #expect(opened == 1)
        let problems = try await registry.workflow.dossier(of: Self.number).problems
        #expect(problems.count == 1)
        #expect(problems.first?.responsiblePerson == "李帮扶")
        #expect(problems.first?.deadline == date("2024-07-30"))
        #expect(problems.first?.description.hasPrefix("minqin.income-below-line：") == true)
        let again = try await registry.workflow.openProblems(
            fromRun: run.id!, checks: [], days: 30, unit: "乡镇人民政府", person: "包村干部", measure: "落实帮扶措施")
        #expect(again == run.findingCount - 1, "the finding already open in the ledger is not entered twice")
    }

    @Test func warningsAreMatchedKeptAndClosedWithTheirResultOpeningAnEpisodeWhenAtRisk() async throws {
        let registry = try MinqinWorkflow()
        try await registry.addHousehold(Self.number, sequence: 5)
        let member = try await registry.store.members(ofHousehold: Self.number)[0]
        let stranger = try ResidentID(areaCode: "620621", birthDate: date("1990-01-01"), sequence: 9)
        let result = try await registry.workflow.importWarnings([
            (2, DepartmentWarning(id: 0, department: .medicalInsurance, residentID: member.residentID, receivedOn: date("2024-06-28"),
                                  reason: "个人自付医疗费用较高")),
            (3, DepartmentWarning(id: 0, department: .civilAffairs, residentID: stranger, receivedOn: date("2024-06-28"), reason: "新纳入低保")),
        ])
        #expect(result.matchedCount == 1)
        #expect(result.unmatched.map(\.line) == [3])
        let due = try await registry.due(on: "2024-06-30", within: 0)
        #expect(due.items.filter { if case .warning = $0.source { true } else { false } }.count == 2)

        let matched = result.entries[0].warning.id
        let episode = try #require(try await registry.workflow.closeWarning(
            matched, result: "核实属实，纳入监测", on: date("2024-07-02"), reportBy: "乡镇:王核查"))
        let dossier = try await registry.workflow.dossier(of: Self.number)
        #expect(dossier.episodes.map(\.episode.id) == [episode])
        #expect(dossier.episodes.first?.episode.channel == .departmentWarning)
        #expect(dossier.warnings.first?.closedOn == date("2024-07-02"))
        await #expect(throws: WorkflowError.alreadyClosed(.departmentWarning, String(matched))) {
            try await registry.workflow.closeWarning(matched, result: "再次", on: date("2024-07-03"))
        }
    }
}
