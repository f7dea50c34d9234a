import Foundation
import Testing

/// Minqin's 重点排查区域清单 (seed 003 正文 三(一)1, "紧盯监测对象空白村、近三年未纳入监测对象村") on
/// the hand-made registry of `MinqinFixtureCounty` with two villages added, as of 26 July 2024:
/// the window of "近三年" is 2021-07-27 to 2024-07-26.
struct MinqinFocusVillagesReportTests {
    let county = MinqinFixtureCounty("dixian-minqin-focus", adding: [
        // 孙七's village (三雷镇 620621100202) has no 监测户 and no one identified: both kinds.
        // 周八's (东坝镇 620621101202) has a 监测户 identified in March 2021, before the window: the second kind only.
        // 吴九's (东坝镇 620621101203) is a 监测户 today, identified after the report's date: both kinds on that date.
        "households.csv": """
            6206211002020001,620621100202,孙七,general,,3,
            6206211012020001,620621101202,周八,monitored,unstable,2,赵帮扶
            6206211012030001,620621101203,吴九,monitored,marginal,1,赵帮扶
            """,
        "members.csv": """
            620621196703030319,6206211002020001,孙七,户主,full,是
            620621196904040425,6206211002020001,郑七,配偶,full,是
            620621199005050519,6206211002020001,孙小七,之子,full,是
            620621196106060616,6206211012020001,周八,户主,full,是
            620621196307070722,6206211012020001,冯八,配偶,full,是
            620621197109090911,6206211012030001,吴九,户主,full,是
            """,
        "monitoring_episodes.csv": """
            6,6206211012020001,cadre-visit,2021-03-01,eliminated,illness,2021-03-10,2022-01-10
            7,6206211012030001,cadre-visit,2024-08-01,identified,illness,2024-08-05,
            """,
    ])

    @Test func theVillagesListedAreTheFixturesCountedByHand() async throws {
        for registry in try await county.registries() {
            let text = try await county.report("focus-villages", registry: registry)
            for line in [
                // Five villages with households; 孙七's and 吴九's are both kinds, 周八's the second: three listed.
                "截至2024-07-26，民勤县有农户的5个村中，监测对象空白村2个，近三年（2021-07-27至2024-07-26）未纳入监测对象村3个，合计3个村列为重点排查区域。",
                "| 三雷镇 | 620621100202 | 620621100202 | 1 | 3 | 0 | 监测对象空白村、近三年未纳入监测对象村 |",
                "| 东坝镇 | 620621101202 | 620621101202 | 1 | 2 | 1 | 近三年未纳入监测对象村 |",
                "| 东坝镇 | 620621101203 | 620621101203 | 1 | 1 | 0 | 监测对象空白村、近三年未纳入监测对象村 |",
                "| 合计 |  |  | 3 | 6 | 1 |  |",
            ] {
                #expect(text.contains(line), "missing: \(line)\n\(text)")
            }
            // The villages with a household identified within the three years are not listed.
            #expect(!text.contains("620621100201") && !text.contains("620621101201"), "\(text)")
        }
    }

    @Test func aCountyWhoseVillagesAllHaveRecentIdentificationsListsNone() async throws {
        let plain = MinqinFixtureCounty("dixian-minqin-focus-none")
        let text = try await plain.report("focus-villages", try await plain.registry())
        #expect(text.contains("民勤县有农户的2个村中，监测对象空白村0个，近三年（2021-07-27至2024-07-26）未纳入监测对象村0个，合计0个村"), "\(text)")
        #expect(text.contains("无监测对象空白村或近三年未纳入监测对象村。"), "\(text)")
    }
}
