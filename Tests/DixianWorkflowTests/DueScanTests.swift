import DixianCore
import DixianPlugins
import DixianWorkflow
import Foundation
import Testing

/// The due list with a plugin whose deadline fails on some households.
struct DueScanTests {
    @Test func aDeadlineThatFailsIsNamedWithItsLineAndTheOthersItemsStand() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-due-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plugin = folder.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: plugin.appendingPathComponent("deadlines"), withIntermediateDirectories: true)
        try "return { id = 'broken', name = '测试', api = 1, version = '1', areas = { '620621' }, extends = 'minqin' }"
            .write(to: plugin.appendingPathComponent("plugin.lua"), atomically: true, encoding: .utf8)
        try """
            dixian.deadline { id = 'broken.raise', title = '出错', responsible = '测试',
              run = function(h) if h.number:sub(-1) == '2' then error('boom') end end }
            """.write(to: plugin.appendingPathComponent("deadlines/a.lua"), atomically: true, encoding: .utf8)
        let catalog = PluginCatalog(searchPath: [folder, MinqinWorkflow.plugins])
        let registry = try MinqinWorkflow()
        try await registry.addHousehold("6206211002010001")
        try await registry.addHousehold("6206211002010002", sequence: 3)
        let list = try await DueScan(chain: try catalog.chain(for: catalog.plugin("broken")), asOf: LocalDate(iso: "2024-06-30")!,
                                     area: nil).run(on: registry.store)
        #expect(list.failures == ["6206211002010002: broken/deadlines/a.lua:2: boom"])
        // Minqin's visit deadline still lists both households.
        #expect(Set(list.items.filter { $0.source == .deadline("minqin.visits") }.compactMap(\.householdNumber))
            == ["6206211002010001", "6206211002010002"])
    }
}
