import DixianCore
import DixianPlugins
import Foundation
import LuaHost
import Testing

/// Batches of views hold only the fields a plugin's scripts name, and reading one they left
/// out raises an error naming it, never a silent nil.
@Suite(.serialized)
struct ViewFieldsTests {
    let plugins = TemporaryPlugins()

    func screen(_ id: String) throws -> BatchOutcome {
        let catalog = plugins.catalog
        let runtime = try PluginRuntime(chain: catalog.chain(for: catalog.plugin(id)), state: LuaState())
        try runtime.prepare(asOf: LocalDate(iso: "2024-06-30")!)
        var view = HouseholdView(household: Household(
            number: "1", area: Area(villageCode: "620621100201")!, headName: "张三", category: .general))
        view.members = [Member(
            residentID: try ResidentID(areaCode: "620621", birthDate: LocalDate(iso: "1980-01-01")!, sequence: 31), householdNumber: "1", name: "张三", relation: "户主",
            laborCapacity: .full, health: .healthy)]
        view.latestSurvey = GuaranteeSurvey(
            householdNumber: "1", surveyedOn: LocalDate(iso: "2024-03-01")!, foodAndClothing: true, compulsoryEducation: true,
            basicMedical: true, safeHousing: false, housingAssessed: true, waterQuantity: true, waterQuality: true, notes: "")
        return try runtime.screen([view])
    }

    @Test func screeningFillsOnlyTheFieldsTheChecksName() throws {
        defer { plugins.remove() }
        // rawget sees what was filled; the names are built so that the check does not name them.
        let probe = "return tostring(rawget(h, 'head_' .. 'name')) .. '/' .. tostring(rawget(h, 'sur' .. 'vey'))"
        try plugins.write("narrow", extends: nil, ["checks/a.lua": "dixian.check { id = 'a', title = 't', run = function(h) \(probe) end }"])
        try plugins.write("named", extends: nil, [
            "checks/a.lua": "-- reads head_name\ndixian.check { id = 'a', title = 't', run = function(h) \(probe) end }",
            "lib/survey.lua": "return { field = 'survey' }",
        ])
        // A name in the scripts of another purpose (a checklist) does not count for screening.
        try plugins.write("elsewhere", extends: nil, [
            "checks/a.lua": "dixian.check { id = 'a', title = 't', run = function(h) \(probe) end }",
            "checklists/b.lua": "-- head_name survey",
        ])
        #expect(try screen("narrow").findings.map(\.message) == ["nil/nil"])
        #expect(try screen("named").findings.map(\.message).first?.hasPrefix("张三/table") == true)
        #expect(try screen("elsewhere").findings.map(\.message) == ["nil/nil"])
    }

    @Test func readingAFieldNoScriptNamesRaisesNamingTheFieldAndTheLine() throws {
        defer { plugins.remove() }
        try plugins.write("computed", extends: nil, [
            "checks/a.lua": """
                dixian.check { id = 'kind', title = 't', run = function(h) return tostring(h.monitored_kind) end }
                dixian.check { id = 's', title = 't', run = function(h) local key = 'sur' .. 'vey'
                  return h[key] and 'x' end }
                dixian.check { id = 'm', title = 't', run = function(h) return h.members[1]['he' .. 'alth'] end }
                dixian.check { id = 'pairs', title = 't', run = function(h) for _ in pairs(h.members[1]) do end end }
                """,
        ])
        let outcome = try screen("computed")
        // A field that is named and nil reads nil, without raising.
        #expect(outcome.findings.map(\.message) == ["nil"])
        let failures = outcome.failures.map(\.message)
        #expect(failures.count == 3, "\(failures)")
        #expect(failures.contains { $0.contains("computed/checks/a.lua:3:") && $0.contains("household field 'survey' is not in this view") })
        #expect(failures.contains { $0.contains("computed/checks/a.lua:4:") && $0.contains("member field 'health' is not in this view") })
        #expect(failures.contains { $0.contains("computed/checks/a.lua:5:") && $0.contains("pairs over a member") })
    }
}
