import DixianCore
import DixianPlugins
import Foundation
import LuaHost
import Testing

/// Minqin's 六必访 finding carries the risk types of the reasons it names (seed 003 附件2 二.9),
/// not 因病/因残 whatever the reason: the spec forms name checks, not their risk types.
struct MinqinFindingRiskTypesTests {
    /// A one-member household of Minqin with `flags` and `episodes`, able to work and well off.
    func household(flags: Household.Flags = [], episodes: [MonitoringEpisode] = []) throws -> HouseholdView {
        var view = HouseholdView(household: Household(
            number: "1", area: Area(villageCode: "620621100201")!, headName: "张三", category: .general, flags: flags))
        view.members = [Member(
            residentID: try ResidentID(areaCode: "620621", birthDate: LocalDate(iso: "1980-01-01")!, sequence: 31),
            householdNumber: "1", name: "张三", relation: "户主", laborCapacity: .full, health: .healthy)]
        view.incomes = [IncomeRecord(householdNumber: "1", year: 2023, wage: Money(yuan: 40000))]
        view.episodes = episodes
        return view
    }

    /// The risk types of the `minqin.six-must-visit` finding on `view` on 2024-06-30.
    func sixMustVisitRisks(_ view: HouseholdView) throws -> Set<RiskType>? {
        let catalog = ShippedPluginSpecsTests.catalog
        let runtime = try PluginRuntime(chain: catalog.chain(for: catalog.plugin("minqin")), state: LuaState())
        try runtime.prepare(asOf: LocalDate(iso: "2024-06-30")!)
        let checks = runtime.declarations.checks
        let outcome = try runtime.screen([view])
        #expect(outcome.failures.isEmpty, "\(outcome.failures)")
        guard let finding = outcome.findings.first(where: { checks[$0.check].id == "minqin.six-must-visit" }) else { return nil }
        return Set(finding.riskTypes ?? checks[finding.check].riskTypes)
    }

    @Test func aLeftBehindHouseholdIsNotLabelledIllOrDisabled() throws {
        #expect(try sixMustVisitRisks(household(flags: .leftBehind)) == [.other])
    }

    @Test func aHouseholdHitByADisasterCarriesTheDisastersRiskType() throws {
        let disaster = MonitoringEpisode(
            id: 1, householdNumber: "1", channel: .cadreVisit, reportedOn: LocalDate(iso: "2024-04-01")!, status: .eliminated,
            riskTypes: [.naturalDisaster], identifiedOn: LocalDate(iso: "2024-04-08")!, eliminatedOn: LocalDate(iso: "2024-05-30")!)
        #expect(try sixMustVisitRisks(household(episodes: [disaster])) == [.naturalDisaster])
    }
}
