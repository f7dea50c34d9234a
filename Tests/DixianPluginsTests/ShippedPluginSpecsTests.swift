import DixianPlugins
import Foundation
import LuaHost
import Testing

/// Every plugin shipped in Plugins/ has specs, and they all pass: the county rules are tested
/// with the seeds' own numbers as part of the suite.
struct ShippedPluginSpecsTests {
    static let catalog = PluginCatalog(searchPath: [TemporaryPlugins.shipped])

    @Test func everyShippedPluginLoads() {
        #expect(Self.catalog.broken.isEmpty, "\(Self.catalog.broken)")
        let ids = Set(Self.catalog.plugins.map(\.id))
        #expect(ids.isSuperset(of: ["national", "minqin", "ningxia", "yanchi", "xiaoxian", "binxian", "minqin-extra"]))
    }

    @Test(arguments: ["national", "minqin", "ningxia", "yanchi", "xiaoxian", "binxian", "minqin-extra"])
    func specsPass(plugin id: String) throws {
        let manifest = try Self.catalog.plugin(id)
        let report = try PluginSpecRunner.report(chain: Self.catalog.chain(for: manifest), today: nil)
        #expect(!report.results.isEmpty, "\(id) has no specs")
        for result in report.results where !result.passed {
            Issue.record("\(result.location) \(result.name): \(result.problems.map(\.english).joined(separator: "; "))")
        }
        // Every rule the plugin declares is shown both ways: a spec where it fires, one where not.
        for rule in report.coverage where !rule.covered {
            Issue.record("\(rule.location): \(rule.kind) \(rule.id) has no spec where it \(rule.fires ? "does not fire" : "fires")")
        }
    }

    /// docs/rules.md traces every rule of the county plugins to its seed: each check, asset
    /// check, guard, deadline, duty, parameter, checklist and report they declare is listed
    /// there by id.
    @Test(arguments: ["minqin", "ningxia", "yanchi", "xiaoxian", "binxian"])
    func everyDeclaredRuleIsInTheRulesTable(plugin id: String) throws {
        let table = try String(contentsOf: TemporaryPlugins.shipped.deletingLastPathComponent().appendingPathComponent("docs/rules.md"),
                               encoding: .utf8)
        let manifest = try Self.catalog.plugin(id)
        let runtime = try PluginRuntime(chain: Self.catalog.chain(for: manifest), state: LuaState())
        let declarations = runtime.declarations
        let declared: [Declaration] = declarations.checks.map(\.declaration) + declarations.assetChecks.map(\.declaration)
            + declarations.guards.map(\.declaration) + declarations.deadlines.map(\.declaration) + declarations.duties.map(\.declaration)
            + declarations.parameters.map(\.declaration) + declarations.checklists.map(\.declaration) + declarations.reports.map(\.declaration)
        for rule in declared where rule.plugin == id && !table.contains("`\(rule.id)`") {
            Issue.record("\(rule.location): \(rule.id) is not in docs/rules.md")
        }
    }
}
