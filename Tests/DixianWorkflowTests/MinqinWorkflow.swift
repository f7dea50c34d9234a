import DixianCore
import DixianPlugins
import DixianSQLite
import DixianWorkflow
import Foundation
import LuaHost

/// A small Minqin registry with the shipped Minqin plugin guarding its workflow.
struct MinqinWorkflow {
    static let plugins = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Plugins")
    static let catalog = PluginCatalog(searchPath: [plugins])
    static var chain: [PluginManifest] { get throws { try catalog.chain(for: catalog.plugin("minqin")) } }
    static let village = Area(villageCode: "620621100201")!

    let store: SQLiteRegistry
    let workflow: Workflow

    init() throws {
        store = try SQLiteRegistry()
        workflow = Workflow(store: store, guards: try PluginRuntime(chain: Self.chain, state: LuaState()), user: "乡镇:王核查",
                            today: LocalDate(iso: "2025-12-31")!)
    }

    /// Adds a general household `number` with one member of working age (or none able to
    /// work), a 2023 income of `perCapita` yuan a head, and a survey with every guarantee met.
    func addHousehold(_ number: String, perCapita: Int64 = 12000, ableToWork: Bool = true, sequence: Int = 1) async throws {
        let member = Member(
            residentID: try ResidentID(areaCode: "620621", birthDate: LocalDate(iso: "1975-04-01")!, sequence: sequence),
            householdNumber: number, name: "户主\(sequence)", relation: Member.headRelation,
            laborCapacity: ableToWork ? .full : .none, medicalInsurance: true)
        try await store.apply([
            .insert(.household(Household(number: number, area: Self.village, headName: member.name, category: .general,
                                         flags: ableToWork ? [] : [.noMemberAbleToWork], helper: "李帮扶"))),
            .insert(.member(member)),
            .insert(.income(IncomeRecord(householdNumber: number, year: 2023, wage: Money(yuan: perCapita)))),
            .insert(.guaranteeSurvey(GuaranteeSurvey(householdNumber: number, surveyedOn: LocalDate(iso: "2024-03-01")!))),
        ], as: "test")
    }

    /// The due list on `date`, listing what is due within `within` days.
    func due(on date: String, within: Int = 7) async throws -> DueList {
        try await DueScan(chain: Self.chain, asOf: LocalDate(iso: date)!, area: nil, withinDays: within, workers: 2).run(on: store)
    }
}
