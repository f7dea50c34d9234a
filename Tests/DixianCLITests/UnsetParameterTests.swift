import Foundation
import Testing

/// A parameter the county must set and has not stops a run once, before it starts, naming the
/// parameter, the date and the file to set it in: never one failure per household.
struct UnsetParameterTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-unset-\(UUID().uuidString)")

    @Test func screenAndChecklistStopOnceNamingTheParameterTheDateAndTheFileAndTheDueListWhichReadsNoneRuns() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let county = folder.appendingPathComponent("county").path, db = folder.appendingPathComponent("r.sqlite").path
        #expect(try await DixianProcess.run([
            "generate", "--county", "minqin", "--households", "60", "--seed", "3", "--out", county, "--plugin-dir", RegistryCommandTests.plugins,
        ]).status == 0)
        #expect(try await DixianProcess.run(["import", county, "--db", db]).status == 0)
        // A county that takes Minqin's rules but has no line of its own for 2024 yet.
        let plugin = folder.appendingPathComponent("plugins/noline")
        try FileManager.default.createDirectory(at: plugin, withIntermediateDirectories: true)
        try "return { id = 'noline', name = '无线县', api = 1, version = '1', areas = { '620621' }, extends = 'minqin' }"
            .write(to: plugin.appendingPathComponent("plugin.lua"), atomically: true, encoding: .utf8)
        try """
            dixian.parameter('monitoring_line', { title = '监测收入线', unit = '元', override = true, values = {
              { from = '2023-01-01', value = 7200 },
              { from = '2024-01-01', unset = '待县乡村振兴局公布2024年监测范围' },
            } })
            """.write(to: plugin.appendingPathComponent("parameters.lua"), atomically: true, encoding: .utf8)
        let plugins = ["--plugin-dir", folder.appendingPathComponent("plugins").path, "--plugin-dir", RegistryCommandTests.plugins]
        for command in [["screen", "--db", db],
                        ["checklist", "six-musts-visit-list", "--db", db, "--out", folder.appendingPathComponent("l.xlsx").path]] {
            let run = try await DixianProcess.run(command + ["--plugin", "noline", "--as-of", "2024-06-30"] + plugins)
            #expect(run.status != 0, "\(command[0]): \(run.output)")
            let said = run.errorOutput
            #expect(said.contains("2024-06-30 的运行无法开始：参数 monitoring_line（监测收入线） 自 2024-01-01 起未设置取值（待县乡村振兴局公布2024年监测范围），"
                                  + "请在 noline/parameters.lua:1 为 2024-06-30 设置取值"), "\(command[0]): \(said)")
            #expect(said.components(separatedBy: "monitoring_line").count == 2, "\(command[0]) said it more than once: \(said)")
        }
        // Minqin's deadlines read no monitoring line: its due list does not need one.
        let due = try await DixianProcess.run(["due", "--db", db, "--plugin", "noline", "--as-of", "2024-06-30"] + plugins)
        #expect(due.status == 0, "\(due.errorOutput)")
    }
}
