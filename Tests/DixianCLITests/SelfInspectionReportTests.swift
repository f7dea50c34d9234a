import DixianTestSupport
import Foundation
import Testing

/// Xiao County's 大排查自查报告 (seed 002 三(三)) on a hand-made registry of five households
/// during the field stage of December 2021: every figure it states is the one counted here by
/// hand from the fixture, and it claims nothing the registry does not show (issue 18, item 10).
struct SelfInspectionReportTests {
    let scratch = TemporaryFolder("dixian-self-inspection")

    /// Two townships (龙城镇 100, 黄口镇 101). 张一 (脱贫户, 2 people) earned 20000 in 2020 and
    /// 24000 in 2021; 张二 (监测户, 1) 10000 then 8000; 王三 (脱贫户, 3) 30000 both years; 王四
    /// (一般户, 1); 王五 (脱贫户, 2, no helper) only 2021. So: 5 households, 9 people; of the
    /// 脱贫户 and 监测户 three have both years, one grew and one fell; per head the two 脱贫户
    /// with both years had 50000 / 5 = 10000 and 54000 / 5 = 10800 (+8.0%).
    static let files: [String: String] = [
        "households.csv": """
            number,village_code,head_name,category,monitored_kind,size,helper
            3413221002010001,341322100201,张一,lifted,,2,李帮扶
            3413221002010002,341322100201,张二,monitored,unstable,1,李帮扶
            3413221012010001,341322101201,王三,lifted,,3,赵帮扶
            3413221012010002,341322101201,王四,general,,1,
            3413221012010003,341322101201,王五,lifted,,2,
            """,
        "members.csv": """
            resident_id,household_number,name,relation,labor_capacity,medical_insurance
            341322198103050116,3413221002010001,张一,户主,full,是
            341322198306120225,3413221002010001,李一,配偶,full,是
            341322197001010311,3413221002010002,张二,户主,full,是
            341322197508080415,3413221012010001,王三,户主,full,是
            341322197609090524,3413221012010001,刘三,配偶,full,是
            341322200505050637,3413221012010001,王小三,之子,full,是
            34132219600202071X,3413221012010002,王四,户主,full,是
            341322197903030813,3413221012010003,王五,户主,full,是
            341322198004040924,3413221012010003,陈五,配偶,full,是
            """,
        "incomes.csv": """
            household_number,year,wage
            3413221002010001,2020,20000
            3413221002010001,2021,24000
            3413221002010002,2020,10000
            3413221002010002,2021,8000
            3413221012010001,2020,30000
            3413221012010001,2021,30000
            3413221012010002,2020,15000
            3413221012010002,2021,12000
            3413221012010003,2021,26000
            """,
        // Found since 12-09: 1 (closed 12-15), 2 (open, past its deadline of 12-20) and 4 (open,
        // due 12-31); 3 was found before the field stage and is still open.
        "problems.csv": """
            id,household_number,found_by,found_on,description,responsible_unit,responsible_person,measure,deadline,closed_on,fix
            1,3413221002010001,龙城镇,2021-12-10,医保未续缴,龙城镇,周干部,协助续缴,2021-12-20,2021-12-15,已续缴
            2,3413221012010001,黄口镇,2021-12-12,住房待鉴定,黄口镇,吴干部,组织鉴定,2021-12-20,,
            3,3413221002010002,龙城镇,2021-11-20,务工收入下降,龙城镇,周干部,就业帮扶,2022-01-31,,
            4,3413221012010002,黄口镇,2021-12-20,饮水水压不足,黄口镇,吴干部,维修管网,2021-12-31,,
            """,
        // An idle workshop: one asset finding, counted as an asset and not as a household.
        "assets.csv": """
            id,project,asset_class,value,village_code,custodian,ownership_registered,status,formed_on
            1,扶贫车间,operating,500000,341322100201,村集体,是,idle,2018-06-30
            """,
        // Each assisted household visited in the 排查 (二(六) 跟踪走访), so no visit finding.
        "visits.csv": """
            id,household_number,visited_on,visitor,role
            1,3413221002010001,2021-12-10,李帮扶,helper
            2,3413221002010002,2021-12-10,李帮扶,helper
            3,3413221012010001,2021-12-12,赵帮扶,helper
            4,3413221012010003,2021-12-12,黄口镇驻村工作队,resident-team
            """,
    ]

    /// The fixture imported: the registry's path.
    func registry() async throws -> String {
        try await scratch.importedRegistry(Self.files)
    }

    /// The report as Markdown, rendered as of `asOf` by `plugin` found in `plugins`.
    func report(_ db: String, plugin: String = "xiaoxian", plugins: [String] = [RegistryCommandTests.plugins]) async throws -> String {
        let out = scratch.path("report.md")
        let rendered = try await DixianProcess.run(["report", "self-inspection", "--as-of", "2021-12-26", "--format", "md", "--out", out,
                                              "--db", db, "--plugin", plugin] + plugins.flatMap { ["--plugins", $0] })
        #expect(rendered.status == 0, "\(rendered.errorOutput)")
        return try String(contentsOfFile: out, encoding: .utf8)
    }

    @Test func theReportsFiguresAreTheFixturesCountedByHand() async throws {
        let db = try await registry()
        // Screened in the field stage, 2021 against 2020: 张二 fell and 王三 stayed flat
        // (income-growth, 2 findings), 王五 has no helper (1), the workshop is idle (1): 4
        // findings, 3 households and 1 asset.
        let screened = try await DixianProcess.run(["screen", "--as-of", "2021-12-26", "--db", db, "--plugin", "xiaoxian",
                                              "--plugins", RegistryCommandTests.plugins])
        #expect(screened.status == 0, "\(screened.errorOutput)")
        let text = try await report(db)
        for line in [
            "本次大排查实地排查阶段为2021-12-09至2021-12-31，核查2021年度家庭收入。本报告应于2021-12-27前上报县乡村振兴局。",
            "截至2021-12-26，系统在册农户5户9人。",
            "县级比对筛查（2021-12-26，覆盖5户）发现疑点问题4条，涉及农户3户、项目资产1个。",
            "| 脱贫户 | 3 | 7 |", "| 合计 | 5 | 9 |",
            "2021-12-09至2021-12-26，问题台账登记发现问题3个，同期整改到位1个；截至2021-12-26，台账中尚未整改的问题3个，其中超过整改时限1个。",
            "| 龙城镇 | 1 | 1 | 1 | 0 |", "| 黄口镇 | 2 | 0 | 2 | 1 |",
            "脱贫户及监测对象中，有3户登记了2020年和2021年家庭纯收入，其中1户2021年度家庭纯收入较上年增长，1户下降。",
            "| 脱贫户 | 2 | 10000 | 10800 | 8.0% | 1 | 0 |", "| 监测户 | 1 | 10000 | 8000 | -20.0% | 0 | 1 |",
            "| 脱贫户及监测对象人均纯收入未比上年增长 | 2 | 2 |", "| 项目资产 | 1 | 1 |",
        ] {
            #expect(text.contains(line), "missing: \(line)\n\(text)")
        }
        // Nothing the registry cannot show: visits to every household, causes verified.
        #expect(!text.contains("共排查农户") && !text.contains("已逐户核实原因"), "\(text)")
        #expect(!text.contains("未完整运行"))
    }

    @Test func aReportOnAnIncompleteScreeningSaysSo() async throws {
        let db = try await registry()
        let plugins = scratch.url.appendingPathComponent("plugins"), broken = plugins.appendingPathComponent("xiao-broken")
        try FileManager.default.createDirectory(at: broken.appendingPathComponent("checks"), withIntermediateDirectories: true)
        try """
            return { id = 'xiao-broken', name = '萧县', api = 1, version = '1', areas = { '341322' }, extends = 'xiaoxian' }
            """.write(to: broken.appendingPathComponent("plugin.lua"), atomically: true, encoding: .utf8)
        try """
            dixian.check { id = 'xiao-broken.fails', title = '出错的检查', run = function(h) error('no answer for ' .. h.head_name) end }
            """.write(to: broken.appendingPathComponent("checks/fails.lua"), atomically: true, encoding: .utf8)
        let screened = try await DixianProcess.run(["screen", "--as-of", "2021-12-26", "--db", db, "--plugin", "xiao-broken",
                                              "--plugins", plugins.path, "--plugins", RegistryCommandTests.plugins])
        #expect(screened.status == 3, "\(screened.errorOutput)")
        let text = try await report(db, plugin: "xiao-broken", plugins: [plugins.path, RegistryCommandTests.plugins])
        #expect(text.contains("该次筛查未完整运行，部分检查项未对全部农户得出结果，以上数字不全。"), "\(text)")
    }
}
