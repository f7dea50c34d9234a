import DixianCore
import DixianPlugins
import Foundation
import LuaHost
import Testing

/// Every view refuses a field it does not have, naming the field and the plugin line: a
/// misspelled field is an error that says so, not a nil that fails later in arithmetic.
@Suite(.serialized)
struct UnknownViewFieldTests {
    let plugins = TemporaryPlugins()

    func household() throws -> HouseholdView {
        var view = HouseholdView(household: Household(
            number: "1", area: Area(villageCode: "620621100201")!, headName: "张三", category: .general))
        view.members = [Member(
            residentID: try ResidentID(areaCode: "620621", birthDate: LocalDate(iso: "1980-01-01")!, sequence: 31),
            householdNumber: "1", name: "张三", relation: "户主", laborCapacity: .full, health: .healthy)]
        view.incomes = [IncomeRecord(householdNumber: "1", year: 2023, wage: Money(yuan: 12000))]
        view.latestSurvey = GuaranteeSurvey(householdNumber: "1", surveyedOn: LocalDate(iso: "2024-03-01")!, notes: "")
        return view
    }

    /// The failure of a check whose run reads `expression` (h is the household, a the asset).
    func failure(reading expression: String, asset: Bool = false) throws -> String? {
        let kind = asset ? "asset_check" : "check"
        try plugins.write("misspelled", ["checks/a.lua": "dixian.\(kind) { id = 'a', title = 't', run = function(h)\n  return \(expression) .. ''\nend }"])
        let catalog = plugins.catalog
        let runtime = try PluginRuntime(chain: catalog.chain(for: catalog.plugin("misspelled")), state: LuaState())
        try runtime.prepare(asOf: LocalDate(iso: "2024-06-30")!)
        if asset {
            let view = AssetView(asset: Asset(id: 1, project: "光伏", assetClass: .operating, value: Money(yuan: 100000),
                                              villageCode: "620621100201", custodian: nil, ownershipRegistered: true,
                                              status: .inUse, formedOn: LocalDate(iso: "2021-05-01")!),
                                 distributions: [AssetDistribution(assetID: 1, year: 2023, purpose: "分红", amount: Money(yuan: 500))])
            return try runtime.screenAssets([view]).failures.first?.message
        }
        return try runtime.screen([household()]).failures.first?.message
    }

    @Test func aMisspelledIncomeFieldIsNamedWithItsLine() throws {
        defer { plugins.remove() }
        let message = try #require(try failure(reading: "h.incomes[2023].wgae + 1"))
        #expect(message.hasPrefix("misspelled/checks/a.lua:2: income field 'wgae' does not exist (income fields: "), "\(message)")
        #expect(message.contains("wage"))
    }

    @Test(arguments: [
        ("h.head_nmae", "household field 'head_nmae'"),
        ("h.members[1].agee", "member field 'agee'"),
        ("h.survey.safe_hosing", "survey field 'safe_hosing'"),
    ])
    func aMisspelledFieldOfAnyHouseholdTableIsNamed(_ expression: String, _ named: String) throws {
        defer { plugins.remove() }
        let message = try #require(try failure(reading: expression))
        #expect(message.hasPrefix("misspelled/checks/a.lua:2: \(named) does not exist"), "\(message)")
    }

    @Test func aMisspelledAssetOrDistributionFieldIsNamed() throws {
        defer { plugins.remove() }
        let asset = try #require(try failure(reading: "h.valeu", asset: true))
        #expect(asset.hasPrefix("misspelled/checks/a.lua:2: asset field 'valeu' does not exist (asset fields: "), "\(asset)")
        let row = try #require(try failure(reading: "h.distributions[1].amonut", asset: true))
        #expect(row.hasPrefix("misspelled/checks/a.lua:2: distribution field 'amonut' does not exist"), "\(row)")
    }

    @Test func aKnownFieldWithoutAValueIsStillNil() throws {
        defer { plugins.remove() }
        #expect(try failure(reading: "tostring(h.monitored_kind) .. tostring(h.members[1].disability_grade)") == nil)
    }
}
