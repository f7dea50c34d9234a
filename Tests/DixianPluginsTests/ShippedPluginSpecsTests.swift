import DixianPlugins
import Foundation
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
        let results = try PluginSpecRunner.run(chain: Self.catalog.chain(for: manifest))
        #expect(!results.isEmpty, "\(id) has no specs")
        for result in results where !result.passed {
            Issue.record("\(result.location) \(result.name): \(result.problems.joined(separator: "; "))")
        }
    }
}
