import DixianCore
import DixianTestSupport
import Foundation
import Testing

/// `openWork(area:)` on both stores: the open problems, measures and warnings of an area's
/// households, each with its household and village; a problem of no household and a warning
/// that matches no member belong to every area; closed or done work to none.
@Suite struct OpenWorkContractTests {
    @Test(arguments: Backend.allCases)
    func anAreasOpenWorkIsItsHouseholdsAndTheUnattachedWork(_ backend: Backend) async throws {
        let store = try backend.open()
        let elsewhere = Household(number: "6206211010010001", area: Area(villageCode: "620621101001")!, headName: "赵远方", category: .lifted)
        let elsewhereHead = Member(residentID: try ResidentID(areaCode: "620621", birthDate: LocalDate(iso: "1975-04-02")!, sequence: 57),
                                   householdNumber: elsewhere.number, name: "赵远方", relation: Member.headRelation, laborCapacity: .full)
        let unknown = try ResidentID(areaCode: "620621", birthDate: LocalDate(iso: "1980-01-01")!, sequence: 91)
        func problem(_ id: Int64, _ household: String?, closedOn: LocalDate? = nil) -> RegistryRecord {
            var problem = Problem(id: id, householdNumber: household, foundBy: "县级大排查", foundOn: Fixtures.reportDay, description: "问题\(id)",
                                  responsibleUnit: "镇政府", responsiblePerson: "孙镇长", measure: "整改", deadline: LocalDate(iso: "2024-10-31")!)
            problem.closedOn = closedOn
            problem.fix = closedOn.map { _ in "已整改" }
            return .problem(problem)
        }
        func warning(_ id: Int64, _ resident: ResidentID) -> RegistryRecord {
            .departmentWarning(DepartmentWarning(id: id, department: .civilAffairs, residentID: resident,
                                                 receivedOn: LocalDate(iso: "2024-09-29")!, reason: "预警\(id)"))
        }
        try await store.apply((Fixtures.everyKind + [
            .household(elsewhere), .member(elsewhereHead),
            .monitoringEpisode(MonitoringEpisode(id: 2, householdNumber: elsewhere.number, channel: .cadreVisit, reportedOn: Fixtures.reportDay,
                                                 status: .identified, riskTypes: [.illness], identifiedOn: Fixtures.reportDay)),
            .assistancePlan(AssistancePlan(id: 2, householdNumber: elsewhere.number, episodeID: 2, madeOn: Fixtures.reportDay)),
            .measure(Measure(id: 2, planID: 2, type: .medical, description: "医疗救助", responsibleUnit: "县医保局", responsiblePerson: "赵医保",
                             startsOn: Fixtures.reportDay, dueOn: LocalDate(iso: "2024-12-31")!)),
            problem(2, elsewhere.number), problem(3, nil), problem(4, Fixtures.household.number, closedOn: Fixtures.reportDay),
            warning(2, elsewhereHead.residentID), warning(3, unknown),
        ]).map(RegistryChange.insert), as: "import")
        func summary(_ area: String?) async throws -> [String] {
            let work = try await store.openWork(area: area)
            return work.problems.map { "problem \($0.record.id) \($0.householdNumber ?? "-") \($0.villageCode ?? "-")" }
                + work.measures.map { "measure \($0.record.id) \($0.householdNumber ?? "-") \($0.villageCode ?? "-")" }
                + work.warnings.map { "warning \($0.record.id) \($0.householdNumber ?? "-") \($0.villageCode ?? "-")" }
        }
        let here = Fixtures.household.number, village = Fixtures.village.villageCode
        #expect(try await summary("620621100") == [
            "problem 1 \(here) \(village)", "problem 3 - -", "measure 1 \(here) \(village)", "warning 1 \(here) \(village)", "warning 3 - -",
        ])
        #expect(try await summary("620621101001") == [
            "problem 2 \(elsewhere.number) 620621101001", "problem 3 - -", "measure 2 \(elsewhere.number) 620621101001",
            "warning 2 \(elsewhere.number) 620621101001", "warning 3 - -",
        ])
        #expect(try await summary(nil).count == 8)
        #expect(try await summary("620621102") == ["problem 3 - -", "warning 3 - -"])
    }
}
