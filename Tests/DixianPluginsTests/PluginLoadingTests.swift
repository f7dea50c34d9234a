import DixianCore
import DixianPlugins
import Foundation
import LuaHost
import Testing

/// A plugin that is wrong says where: file and line, and what is wrong.
@Suite(.serialized)
struct PluginLoadingTests {
    let plugins = TemporaryPlugins()

    func load(_ id: String) throws -> PluginRuntime {
        let catalog = plugins.catalog
        return try PluginRuntime(chain: catalog.chain(for: catalog.plugin(id)), state: LuaState(), loadingSpecs: true)
    }

    func loadingError(_ id: String) -> String {
        do {
            _ = try load(id)
            return "(loaded)"
        } catch {
            return "\(error)"
        }
    }

    @Test func aSyntaxErrorNamesThePluginFileAndLine() throws {
        defer { plugins.remove() }
        try plugins.write("broken", ["checks/a.lua": "dixian.check {\n  id = 'x',\n  title = 'x'\n  run = function() end }"])
        #expect(loadingError("broken").contains("broken/checks/a.lua:4:"))
    }

    @Test func anUnknownFieldInACheckIsRefusedAtItsLine() throws {
        defer { plugins.remove() }
        try plugins.write("typo", ["checks/a.lua": "\n\ndixian.check { id = 'x', title = 'x', sevrity = 'high', run = function() end }"])
        let message = loadingError("typo")
        #expect(message.contains("typo/checks/a.lua:3: unknown field 'sevrity' in check 'x'"), "\(message)")
    }

    /// A checklist's sign-off line is a list of short labels; anything else is refused at its line.
    @Test(arguments: [
        ("'填表人：'", "sign_off must be a list of 1 to 8 labels, got string"),
        ("{}", "sign_off must be a list of 1 to 8 labels, got table"),
        ("{ '填表人：', 42 }", "sign_off[2] must be a label of 1 to 40 characters, got 42"),
        ("{ '1', '2', '3', '4', '5', '6', '7', '8', '9' }", "sign_off must be a list of 1 to 8 labels, got 9"),
        ("{ '\(String(repeating: "填", count: 41))' }", "sign_off[1] must be a label of 1 to 40 characters"),
    ])
    func aSignOffLineThatIsNotShortLabelsIsRefused(signOff: String, message: String) throws {
        defer { plugins.remove() }
        try plugins.write("signoff", ["checklists/a.lua": """

            dixian.checklist { id = 'l', title = '台账', columns = { { key = 'a', title = '甲' } },
              row = function() return {} end, sign_off = \(signOff) }
            """])
        let found = loadingError("signoff")
        #expect(found.contains("signoff/checklists/a.lua:2: checklist 'l': \(message)"), "\(found)")
    }

    /// A checklist or report is printed portrait or landscape, or as wide as its columns; any
    /// other orientation is refused at its line.
    @Test(arguments: [
        ("checklists/a.lua", "dixian.checklist { id = 'l', title = '台账', columns = { { key = 'a', title = '甲' } }, row = function() return {} end,",
         "checklist 'l'"),
        ("reports/a.lua", "dixian.report { id = 'r', title = '报告', render = function() return {} end,", "report 'r'"),
    ])
    func anOrientationThatIsNeitherPortraitNorLandscapeIsRefused(file: String, declaration: String, what: String) throws {
        defer { plugins.remove() }
        try plugins.write("turned", [file: "\n\(declaration)\n  orientation = 'sideways' }"])
        let found = loadingError("turned")
        #expect(found.contains("turned/\(file):2: \(what): orientation must be 'portrait' or 'landscape', got sideways"), "\(found)")
    }

    @Test func aCheckDeclaredTwiceWithoutOverrideIsRefused() throws {
        defer { plugins.remove() }
        let check = "dixian.check { id = 'same', title = 't', run = function() end }\n"
        try plugins.write("twice", ["checks/a.lua": check, "checks/b.lua": check])
        let message = loadingError("twice")
        #expect(message.contains("twice/checks/b.lua:1: check 'same' is already declared at twice/checks/a.lua:1"), "\(message)")
    }

    @Test func anExtensionOverridesOneCheckAndKeepsTheRest() throws {
        defer { plugins.remove() }
        try plugins.write("base", [
            "checks/a.lua": """
                dixian.check { id = 'one', title = 'base one', run = function() end }
                dixian.check { id = 'two', title = 'base two', run = function() end }
                """,
        ])
        try plugins.write("child", extends: "base", [
            "checks/a.lua": "dixian.check { id = 'two', title = 'child two', override = true, run = function() end }",
        ])
        let runtime = try load("child")
        #expect(runtime.declarations.checks.map(\.declaration.title) == ["base one", "child two"])
        #expect(runtime.declarations.checks[1].declaration.plugin == "child")
    }

    @Test func overridingWhatNoPluginDeclaredIsRefused() throws {
        defer { plugins.remove() }
        try plugins.write("lonely", ["parameters.lua": "dixian.parameter('line', { override = true, value = 1 })"])
        #expect(loadingError("lonely").contains("parameter 'line' overrides nothing"))
    }

    @Test func aManifestForAnotherAPIVersionIsRefused() throws {
        defer { plugins.remove() }
        try plugins.write("future", ["plugin.lua": "return { id = 'future', name = 'f', api = 2, version = '1', areas = { '62' } }"])
        #expect(throws: PluginError.self) { try plugins.catalog.plugin("future") }
        #expect(plugins.catalog.broken.contains { $0.message.contains("written for plugin API 2, but this Dixian speaks API 1") })
    }

    @Test func anUnknownManifestFieldIsRefused() throws {
        defer { plugins.remove() }
        try plugins.write("odd", ["plugin.lua": "return { id = 'odd', name = 'o', api = 1, version = '1', areas = { '62' }, colour = 'red' }"])
        #expect(plugins.catalog.broken.contains { $0.message.contains("odd/plugin.lua: unknown field 'colour'") })
    }

    @Test func extendingAMissingPluginOrInACircleIsRefused() throws {
        defer { plugins.remove() }
        try plugins.write("orphan", extends: "nobody", [:])
        try plugins.write("a", extends: "b", [:])
        try plugins.write("b", extends: "a", [:])
        #expect(loadingError("orphan").contains("extends 'nobody', which is not installed"))
        #expect(loadingError("a").contains("in a circle"))
    }

    @Test func aParameterIsReadForTheAssessmentDate() throws {
        defer { plugins.remove() }
        try plugins.write("dated", [
            "parameters.lua": """
                dixian.parameter('line', { values = { { from = '2023-01-01', value = 7000 }, { from = '2024-01-01', value = 7800 },
                  { from = '2025-01-01', unset = 'not yet announced' } } })
                """,
            "checks/a.lua": "dixian.check { id = 'line', title = 't', run = function(h, ctx) return tostring(ctx.params.line) end }",
        ])
        let runtime = try load("dated")
        let view = HouseholdView(household: Household(
            number: "1", area: Area(villageCode: "620621100201")!, headName: "张", category: .general))
        for (date, expected) in [("2023-12-31", "7000"), ("2024-01-01", "7800"), ("2024-12-31", "7800")] {
            try runtime.prepare(asOf: LocalDate(iso: date)!)
            #expect(try runtime.screen([view]).findings.map(\.message) == [expected])
        }
        try runtime.prepare(asOf: LocalDate(iso: "2025-03-01")!)
        let outcome = try runtime.screen([view])
        #expect(outcome.findings.isEmpty)
        #expect(outcome.failures.first?.message.contains("dated/checks/a.lua:1: parameter 'line' is not set for 2025-03-01: not yet announced") == true,
                "\(outcome.failures.map(\.message))")
        try runtime.prepare(asOf: LocalDate(iso: "2022-06-01")!)
        #expect(try runtime.screen([view]).failures.first?.message.contains("has no value in force on 2022-06-01") == true)
    }

    @Test func aGuardRefusesWithItsReasonsAndAFailingGuardRefusesToo() throws {
        defer { plugins.remove() }
        try plugins.write("guarded", [
            "guards/a.lua": """
                dixian.guard { id = 'size', title = '人数', transition = 'eliminate', run = function(h) if h.size < 2 then return '只有一人' end end }
                dixian.guard { id = 'broken', title = '坏', transition = 'eliminate', run = function(h) return h.nothing.here end }
                """,
        ])
        let runtime = try load("guarded")
        try runtime.prepare(asOf: LocalDate(iso: "2024-06-30")!)
        let view = HouseholdView(household: Household(
            number: "1", area: Area(villageCode: "620621100201")!, headName: "张", category: .monitored, monitoredKind: .marginal))
        let verdict = try runtime.guardVerdict(.eliminate, for: view)
        #expect(verdict.reasons.map(\.reason) == ["只有一人"])
        #expect(verdict.failures.first?.contains("guarded/guards/a.lua:2:") == true)
        #expect(!verdict.allows)
        #expect(try runtime.guardVerdict(.approve, for: view).allows)
    }
}
