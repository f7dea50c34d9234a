import Foundation
import Testing

/// Every shipped county's demo screens the demo date (2024-06-30) completely: no check or
/// deadline fails on any household of its generated county (issue 18, acceptance). A county whose plugin lacks a
/// value the county must enter stops once, before screening, naming the parameter and the file.
struct ShippedCountyDemoTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-demos-\(UUID().uuidString)")

    @Test(arguments: [("minqin", "民勤县"), ("xiaoxian", "萧县"), ("binxian", "宾县")])
    func theDemoScreensTheWholeCountyWithNoCheckFailing(county: String, name: String) async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let outcome = try await DixianProcess.run([
            "demo", "--county", county, "--households", "600", "--seed", "7",
            "--db", folder.appendingPathComponent("\(county).sqlite").path, "--plugins", RegistryCommandTests.plugins,
        ])
        #expect(outcome.status == 0, "\(county): \(outcome.errorOutput)")
        #expect(outcome.output.contains("\(name) 防止返贫监测筛查（插件 \(county) "), "\(county): \(outcome.output)")
        #expect(outcome.output.contains("共筛查 600 户，发现问题 "), "\(county): \(outcome.output)")
        #expect(!outcome.output.contains("本次筛查不完整"), "\(county): \(outcome.output)")
        // The demo's due list too: no deadline fails on any household.
        #expect(outcome.output.contains("\(name) 待办和逾期事项（插件 \(county) "), "\(county): \(outcome.output)")
        #expect(!outcome.output.contains("清单不完整"), "\(county): \(outcome.output)")
        #expect(!outcome.errorOutput.contains("错误"), "\(county): \(outcome.errorOutput)")
    }

    /// Yanchi takes the region's monitoring line, which no public source gives after 2020: its
    /// demo stops once, before screening, and says which parameter to set where.
    @Test func yanchisDemoStopsOnceNamingTheMonitoringLineAndItsFile() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let outcome = try await DixianProcess.run([
            "demo", "--county", "yanchi", "--households", "200",
            "--db", folder.appendingPathComponent("yanchi.sqlite").path, "--plugins", RegistryCommandTests.plugins,
        ])
        #expect(outcome.status != 0)
        let said = outcome.errorOutput
        #expect(said.contains("2024-06-30 的运行无法开始：参数 monitoring_line"), "\(said)")
        #expect(said.contains("Plugins/yanchi/parameters.lua"), "\(said)")
        #expect(said.components(separatedBy: "monitoring_line").count <= 3, "said per household: \(said)")
        #expect(!outcome.output.contains("防止返贫监测筛查"), "no screening was printed: \(outcome.output)")
    }
}
