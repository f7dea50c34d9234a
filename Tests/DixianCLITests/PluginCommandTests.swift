import Foundation
import Testing

/// `dixian plugin` and `dixian screen` from the command line.
@Suite(.serialized)
struct PluginCommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-cli-\(UUID().uuidString)")

    @Test func pluginListShowsEachPluginAndWhereItComesFrom() async throws {
        let listed = try await DixianProcess.run(["plugin", "list", "--plugin-dir", RegistryCommandTests.plugins])
        #expect(listed.status == 0, "\(listed.errorOutput)")
        #expect(listed.output.contains("yanchi\t2021.1\t盐池县 extends ningxia\t"))
        #expect(listed.output.contains("minqin-extra\t0.1.0\t"))
    }

    @Test func pluginTestRunsTheSpecsAndFailsWhenOneFails() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let passing = try await DixianProcess.run(["plugin", "test", "minqin", "--plugin-dir", RegistryCommandTests.plugins])
        #expect(passing.status == 0, "\(passing.output)\(passing.errorOutput)")
        // Minqin is a Chinese plugin: its test speaks Chinese (the tests' locale names no language).
        #expect(passing.output.contains("通过   2024: a household at 7799 yuan per capita is under the line of 7800"), "\(passing.output)")

        let plugin = folder.appendingPathComponent("wrong")
        try FileManager.default.createDirectory(at: plugin.appendingPathComponent("spec"), withIntermediateDirectories: true)
        try "return { id = 'wrong', name = 'w', api = 1, version = '1', areas = { '620621' }, extends = 'minqin' }"
            .write(to: plugin.appendingPathComponent("plugin.lua"), atomically: true, encoding: .utf8)
        try """
            dixian.spec('expects the wrong thing', { as_of = '2024-06-30',
              household = { members = { { age = 40 } }, incomes = { { year = 2023, wage = 50000 } } },
              findings = { 'minqin.income-below-line' } })
            """.write(to: plugin.appendingPathComponent("spec/a.lua"), atomically: true, encoding: .utf8)
        let failing = try await DixianProcess.run(["plugin", "test", plugin.path, "--plugin-dir", RegistryCommandTests.plugins])
        #expect(failing.status == 1)
        #expect(failing.output.contains("未通过 expects the wrong thing  [wrong/spec/a.lua:1]"), "\(failing.output)")
        #expect(failing.output.contains("应有而未出现的发现：minqin.income-below-line"))
        #expect(failing.output.contains("wrong：规格 1 条，未通过 1 条"))
    }

    /// Writes plugin `id` (serving Minqin's county, extending nothing) with `checks` as its
    /// checks/a.lua, and returns its folder.
    func writePlugin(_ id: String, checks: String) throws -> URL {
        let plugin = folder.appendingPathComponent(id)
        try FileManager.default.createDirectory(at: plugin.appendingPathComponent("checks"), withIntermediateDirectories: true)
        try "return { id = '\(id)', name = 't', api = 1, version = '1', areas = { '620621' } }"
            .write(to: plugin.appendingPathComponent("plugin.lua"), atomically: true, encoding: .utf8)
        try checks.write(to: plugin.appendingPathComponent("checks/a.lua"), atomically: true, encoding: .utf8)
        return plugin
    }

    @Test func pluginCheckNamesTheFileAndLineOfAMistake() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let plugin = try writePlugin("typo", checks: "\ndixian.check { id = 'x', title = 'x', risk_types = { 'flood' }, run = function() end }")
        let checked = try await DixianProcess.run(["plugin", "check", plugin.path])
        #expect(checked.status == 1)
        #expect(checked.errorOutput.contains("typo/checks/a.lua:2: check 'x': unknown risk type 'flood'"), "\(checked.errorOutput)")
    }

    @Test func pluginCheckSaysWhichViewFieldsNoScriptNames() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let plugin = try writePlugin(
            "lean", checks: "dixian.check { id = 'x', title = 'x', run = function(h) return h.category == 'lifted' and #h.members > 9 and 'big' end }")
        let checked = try await DixianProcess.run(["plugin", "check", plugin.path])
        #expect(checked.status == 0)
        // category and members; name, which plugin.lua names (a member field too); and the episodes'
        // steps, always filled with their episodes.
        let line = checked.output.split(separator: "\n").first { $0.contains("检查规则所用农户视图：") }.map(String.init) ?? ""
        #expect(line.hasPrefix("  检查规则所用农户视图：62 个字段中填充 4 个；未用：number、village、"), "\(checked.output)")
        #expect(line.contains("survey") && !line.contains("category") && !line.contains("、members"))
    }

    @Test func screenWritesJSONAndCSVAndRecordsTheRun() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let county = folder.appendingPathComponent("county").path, db = folder.appendingPathComponent("r.sqlite").path
        #expect(try await DixianProcess.run([
            "generate", "--county", "minqin", "--households", "500", "--seed", "2", "--out", county, "--plugin-dir", RegistryCommandTests.plugins,
        ]).status == 0)
        #expect(try await DixianProcess.run(["import", county, "--db", db]).status == 0)

        let json = folder.appendingPathComponent("findings.json").path
        let screened = try await DixianProcess.run([
            "screen", "--db", db, "--plugin", "minqin", "--as-of", "2024-06-30", "--format", "json", "--out", json,
            "--plugin-dir", RegistryCommandTests.plugins,
        ])
        #expect(screened.status == 0, "\(screened.errorOutput)")
        #expect(screened.errorOutput.contains("共筛查 500 户"))
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as! [String: Any]
        let findings = object["findings"] as! [[String: Any]]
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0["check"] is String && $0["message"] is String && $0["severity"] is String })

        let csv = try await DixianProcess.run([
            "screen", "--db", db, "--plugin", "minqin", "--as-of", "2024-06-30", "--format", "csv", "--area", "620621101",
            "--plugin-dir", RegistryCommandTests.plugins,
        ])
        #expect(csv.status == 0, "\(csv.errorOutput)")
        // A byte-order mark first, so that Excel reads the Chinese as UTF-8.
        #expect(csv.output.hasPrefix("\u{FEFF}户编号,资产编号,乡镇代码,检查项,检查项名称,严重程度,风险类别,发现问题\n"))
        #expect(csv.output.split(separator: "\n").dropFirst().allSatisfy { $0.contains(",620621101,") })

        let badDate = try await DixianProcess.run(["screen", "--db", db, "--plugin", "minqin", "--as-of", "2024-02-30"])
        #expect(badDate.status != 0)
        #expect(badDate.errorOutput.contains("--as-of 2024-02-30 不是 YYYY-MM-DD 格式的日期"))
    }
}
