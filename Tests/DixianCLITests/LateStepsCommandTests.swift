import Foundation
import Testing

/// A 一键报贫 step done after its due date leaves a trace where officials look (seed 003 附件2
/// 二.4 "坚决防止逾期情况发生"; issue 18, item 3): `dixian due` lists it under 逾期完成 and
/// `household show` under the step, with its due date and how late. On `MinqinFixtureCounty`,
/// 张一 was verified on 8 July (due 6 July) and identified on 17 July (15 days ended on 16 July).
struct LateStepsCommandTests {
    let county = MinqinFixtureCounty("dixian-late-steps")
    static let household = "6206211002010001"

    func minqin(_ arguments: [String], db: String) async throws -> DixianProcess.Outcome {
        try await DixianProcess.run(arguments + ["--as-of", MinqinFixtureCounty.asOf, "--db", db, "--plugin", "minqin",
                                           "--plugins", RegistryCommandTests.plugins])
    }

    @Test func theDueListShowsStepsDoneLateWithTheirDueDatesAndTheDatesDone() async throws {
        let db = try await county.registry()
        let table = try await minqin(["due"], db: db)
        #expect(table.status == 0, "\(table.errorOutput)")
        for line in [
            "另有逾期完成 2 项（见“逾期完成”）。",
            "逾期完成（2 项）",
            "    2024-07-08完成  应于2024-07-06前  逾期2天  一键报贫办理时限  户 \(Self.household)  2024-07-01一键报贫，自申报日起5天内完成家庭状况核查",
            "    2024-07-17完成  应于2024-07-16前  逾期1天  一键报贫办理时限  户 \(Self.household)  2024-07-01一键报贫，从申报到完成认定不超过15天",
        ] {
            #expect(table.output.contains(line), "missing: \(line)\n\(table.output)")
        }
        let json = try await minqin(["due", "--format", "json"], db: db)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let late = try #require(document["done_late"] as? [[String: Any]])
        #expect(late.map { "\($0["due_on"] ?? "") \($0["done_on"] ?? "") \($0["days_late"] ?? "")" }
            == ["2024-07-06 2024-07-08 2", "2024-07-16 2024-07-17 1"])
        // Done work is not counted as owed.
        let items = try #require(document["items"] as? [[String: Any]])
        #expect(!items.contains { $0["source"] as? String == "deadline:minqin.self-report" })
    }

    @Test func householdShowPutsHowLateUnderTheStepDoneLate() async throws {
        let db = try await county.registry()
        let shown = try await minqin(["household", "show", Self.household], db: db)
        #expect(shown.status == 0, "\(shown.errorOutput)")
        let lines = shown.output.components(separatedBy: "\n")
        let verify = try #require(lines.firstIndex { $0.hasPrefix("  2024-07-08  核实  王核查") }, "\(shown.output)")
        #expect(lines[verify + 1] == "      逾期2天（应于2024-07-06前）：2024-07-01一键报贫，自申报日起5天内完成家庭状况核查")
        let answer = try #require(lines.firstIndex { $0.hasPrefix("  2024-07-10  反馈") })
        #expect(!lines[answer + 1].contains("逾期"), "the answer was in time")
        let approve = try #require(lines.firstIndex { $0.hasPrefix("  2024-07-17  审批认定") })
        #expect(lines[approve + 1] == "      逾期1天（应于2024-07-16前）：2024-07-01一键报贫，从申报到完成认定不超过15天")
    }
}
