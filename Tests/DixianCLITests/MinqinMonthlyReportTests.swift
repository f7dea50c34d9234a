import Foundation
import Testing

/// Minqin's 识别和风险消除情况月报 (seed 003 附件2 二.16) on the hand-made registry of
/// `MinqinFixtureCounty`, as of 26 July 2024: every figure is counted here by hand (issue 18,
/// items 3 and 10).
struct MinqinMonthlyReportTests {
    let county = MinqinFixtureCounty("dixian-minqin-monthly")

    @Test func theReportsFiguresAreTheFixturesCountedByHand() async throws {
        for registry in try await county.registries() {
            try await expectFigures(try county.report("monthly", registry: registry))
        }
    }

    func expectFigures(_ text: String) throws {
        // July: reported 张一 (1); identified 张一 (2 people) and 赵四 (4); eliminated 钱五 (2);
        // sent back 李二 (3); relabelled 王三 (1). Monitored: 5 households, 12 people, 4 of them
        // with the risk not eliminated (钱五's is). Since 2021: all five identified, 钱五 eliminated
        // (李二's elimination was undone by the send-back).
        for line in [
            "2024年7月（2024-07-01至2024-07-26），全县新受理监测申报1户，新识别纳入监测对象2户6人，风险消除1户2人，"
                + "回退到监测状态1户3人，风险再标注1户1人。截至2024-07-26，共有监测户5户12人，其中风险未消除4户；"
                + "过渡期以来（2021-01-01起）累计识别5户12人，累计风险消除1户2人。",
            "| 农户自主申报 | 1 | 2 |",
            "| 三雷镇 | 1 | 2 | 0 | 0 | 1 | 3 | 0 | 0 |",
            "| 东坝镇 | 1 | 4 | 1 | 2 | 0 | 0 | 1 | 1 |",
            "| 合计 | 2 | 6 | 1 | 2 | 1 | 3 | 1 | 1 |",
            // 张一's verification (2 days) and identification (1 day past the 15 days).
            "本月一键报贫核查、反馈或认定超时限办结2项，涉及1户，合计逾期3天；2024年以来累计2项，涉及1户。",
            "| 一键报贫办理时限 | 2 | 1 | 3 |",
        ] {
            #expect(text.contains(line), "missing: \(line)\n\(text)")
        }
        #expect(!text.contains("清单不完整"), "\(text)")
    }

    @Test func aReportOnAnIncompleteDueListSaysSo() async throws {
        let db = try await county.registry()
        let plugins = try county.plugin("minqin-broken", [
            "plugin.lua": "return { id = 'minqin-broken', name = '民勤县', api = 1, version = '1', areas = { '620621' }, extends = 'minqin' }",
            "deadlines/fails.lua": """
                dixian.deadline { id = 'minqin-broken.fails', title = '出错', responsible = '测试',
                  run = function(h) if h.head_name == '孙六' then error('no answer') end end }
                """,
        ])
        let text = try await county.report("monthly", db, plugin: "minqin-broken", plugins: [plugins])
        #expect(text.contains("截至报告日的待办和逾期清单不完整：有1处时限规则出错，第六、七部分的数字和系统“我的待办”所列事项都不全，请县级系统管理员核查。"), "\(text)")
    }
}
