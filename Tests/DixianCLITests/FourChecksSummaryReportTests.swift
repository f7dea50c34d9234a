import Foundation
import Testing

/// Ningxia's “四查四补”排查情况汇总 on the hand-made registry of `MinqinFixtureCounty`: every
/// figure counted here by hand (issue 18, item 10). The report's script is the shipped file,
/// loaded by a fixture plugin whose three checks are simple enough to count by hand: the
/// shipped Ningxia checks have specs of their own, and what is under test here is how the
/// report counts a screening's findings and the problem ledger.
struct FourChecksSummaryReportTests {
    let county = MinqinFixtureCounty("dixian-four-checks")

    static var shippedReport: String {
        get throws {
            try String(contentsOfFile: RegistryCommandTests.plugins + "/ningxia/reports/four_checks_summary.lua", encoding: .utf8)
        }
    }

    /// The fixture plugin: 查漏补缺·漏统 for every 监测户 (5), 查损补失 for households of 3 or more
    /// (李二, 赵四), 查弱补强 for 孙六; with `failing`, a check that fails on 孙六 too.
    func plugin(failing: Bool = false) throws -> String {
        var files = [
            "plugin.lua": "return { id = 'four-checks', name = '测试县', api = 1, version = '1', areas = { '620621' }, extends = 'national' }",
            "reports/four_checks_summary.lua": try Self.shippedReport,
            // The townships' names: Minqin's (the registry is Minqin's).
            "geography.lua": try String(contentsOfFile: RegistryCommandTests.plugins + "/minqin/geography.lua", encoding: .utf8),
            "checks/fixture.lua": """
                dixian.check { id = 'fx.missed', title = '漏统', group = '查漏补缺·漏统',
                  run = function(h) if h.category == 'monitored' then return '监测户' end end }
                dixian.check { id = 'fx.loss', title = '损', group = '查损补失',
                  run = function(h) if #h.members >= 3 then return '三人以上' end end }
                dixian.check { id = 'fx.weak', title = '弱', group = '查弱补强',
                  run = function(h) if h.head_name == '孙六' then return '孙六' end end }
                """,
        ]
        if failing {
            files["checks/fails.lua"] = """
                dixian.check { id = 'fx.fails', title = '出错', group = '查弱补强',
                  run = function(h) if h.head_name == '孙六' then error('no answer') end end }
                """
        }
        return try county.plugin("four-checks", files)
    }

    /// The summary after a screening, from each store (SQLite and PostgreSQL).
    func screenAndReport(failing: Bool = false) async throws -> [String] {
        let plugins = try plugin(failing: failing)
        var reports: [String] = []
        for registry in try await county.registries() {
            let screened = try await DixianProcess.run(["screen", "--as-of", MinqinFixtureCounty.asOf, "--plugin", "four-checks"] + registry
                                                  + ["--plugins", plugins, "--plugins", RegistryCommandTests.plugins])
            #expect(screened.status == (failing ? 3 : 0), "\(screened.errorOutput)")
            reports.append(try await county.report("four-checks-summary", registry: registry, plugin: "four-checks", plugins: [plugins]))
        }
        return reports
    }

    @Test func theSummarysFiguresAreTheFixturesCountedByHand() async throws {
        for text in try await screenAndReport() {
            try expectFigures(text)
        }
    }

    func expectFigures(_ text: String) throws {
        // 5 + 2 + 1 = 8 findings. 三雷镇: 张一 (漏统), 李二 (漏统, 损), 孙六 (弱); 东坝镇: 王三 (漏统),
        // 赵四 (漏统, 损), 钱五 (漏统). Problems of 2024: 1 found and closed, 2 found and overdue; 3
        // (2023) still open.
        for line in [
            "2024-07-26开展的“四查四补”比对排查覆盖6户，发现问题8条。",
            "| 查损补失 | — | 2 | 2 |", "| 查漏补缺 | 漏统 | 5 | 5 |", "| 查短补齐 | — | 0 | 0 |", "| 查弱补强 | — | 1 | 1 |",
            "| 三雷镇 | 1 | 2 | 0 | 1 | 4 |", "| 东坝镇 | 1 | 3 | 0 | 0 | 4 |", "| 合计 | 2 | 5 | 0 | 1 | 8 |",
            "2024年以来问题台账新增问题2个，已整改1个，尚未整改2个（其中超期1个）。",
            "| 三雷镇 | 1 | 1 | 0 | 0 |", "| 东坝镇 | 1 | 0 | 2 | 1 |",
        ] {
            #expect(text.contains(line), "missing: \(line)\n\(text)")
        }
        #expect(!text.contains("未完整运行"), "\(text)")
    }

    @Test func aSummaryOfAnIncompleteScreeningSaysSo() async throws {
        for text in try await screenAndReport(failing: true) {
            #expect(text.contains("该次筛查未完整运行，部分检查项未对全部农户得出结果，以上数字不全。"), "\(text)")
        }
    }
}
