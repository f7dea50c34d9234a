import DixianTestSupport
import Foundation
import Testing

/// A hand-made Minqin registry for the report tests, as of 2024-07-26 (July 2024 has no
/// holiday). Two townships, 三雷镇 (620621100) and 东坝镇 (620621101):
///
/// - 张一 (三雷镇, 监测户, 2 people) reported hardship through 一键报贫 on 1 July; verified on
///   8 July (due 6 July: 2 days late), answered on 10 July (due 15 July), identified on 17 July
///   (approval due 17 July: in time; 15 days from the report end on 16 July: 1 day late).
/// - 李二 (三雷镇, 监测户, 3) identified in 2023, eliminated on 20 May 2024 and sent back to
///   monitoring (回退) on 15 July.
/// - 孙六 (三雷镇, 一般户, 1): nothing.
/// - 王三 (东坝镇, 监测户, 1) identified in February, relabelled (再标注) on 20 July.
/// - 赵四 (东坝镇, 监测户, 4) reported in June, identified on 5 July.
/// - 钱五 (东坝镇, 监测户, 2) identified in 2022, eliminated on 22 July.
///
/// Four assets, and one formed after the report's date; four problems.
struct MinqinFixtureCounty {
    static let asOf = "2024-07-26"

    static let files: [String: String] = [
        "households.csv": """
            number,village_code,head_name,category,monitored_kind,size,helper
            6206211002010001,620621100201,张一,monitored,marginal,2,李帮扶
            6206211002010002,620621100201,李二,monitored,unstable,3,李帮扶
            6206211002010003,620621100201,孙六,general,,1,
            6206211012010001,620621101201,王三,monitored,sudden-hardship,1,赵帮扶
            6206211012010002,620621101201,赵四,monitored,marginal,4,赵帮扶
            6206211012010003,620621101201,钱五,monitored,unstable,2,赵帮扶
            """,
        "members.csv": """
            resident_id,household_number,name,relation,labor_capacity,medical_insurance
            62062119800101011X,6206211002010001,张一,户主,full,是
            620621198202020226,6206211002010001,刘一,配偶,full,是
            620621197003030312,6206211002010002,李二,户主,full,是
            620621197204040429,6206211002010002,陈二,配偶,full,是
            620621200005050514,6206211002010002,李小二,之子,full,是
            620621195801010317,6206211002010003,孙六,户主,full,是
            620621196506060615,6206211012010001,王三,户主,full,是
            620621197507070713,6206211012010002,赵四,户主,full,是
            62062119770808082X,6206211012010002,周四,配偶,full,是
            620621200209090913,6206211012010002,赵小四,之子,full,是
            620621200410100124,6206211012010002,赵小妹,之女,full,是
            620621196011111118,6206211012010003,钱五,户主,full,是
            620621196212121224,6206211012010003,吴五,配偶,full,是
            """,
        "incomes.csv": """
            household_number,year,wage
            6206211002010001,2023,20000
            6206211002010002,2023,30000
            6206211002010003,2023,15000
            6206211012010001,2023,9000
            6206211012010002,2023,40000
            6206211012010003,2023,20000
            """,
        "monitoring_episodes.csv": """
            id,household_number,channel,reported_on,status,risk_types,identified_on,eliminated_on
            1,6206211002010001,self-report,2024-07-01,identified,illness,2024-07-17,
            2,6206211002010002,cadre-visit,2023-03-01,identified,illness,2023-03-10,
            3,6206211012010001,department-warning,2024-02-01,identified,illness;natural-disaster,2024-02-10,
            4,6206211012010002,cadre-visit,2024-06-20,identified,unstable-employment,2024-07-05,
            5,6206211012010003,cadre-visit,2022-05-01,eliminated,illness,2022-05-10,2024-07-22
            """,
        "monitoring_steps.csv": """
            id,episode_id,household_number,transition,taken_on,actor,stage,accepted,risk_types,notes
            1,1,6206211002010001,report,2024-07-01,张一,,,,
            2,1,6206211002010001,verify,2024-07-08,王核查,,,,
            3,1,6206211002010001,answer,2024-07-10,王核查,,是,,
            4,1,6206211002010001,approve,2024-07-17,县农业农村局,,,illness,
            5,2,6206211002010002,approve,2023-03-10,县农业农村局,,,illness,
            6,2,6206211002010002,eliminate,2024-05-20,县农业农村局,county-approval,,,
            7,2,6206211002010002,send-back,2024-07-15,三雷镇,,,,务工收入不稳定
            8,3,6206211012010001,relabel,2024-07-20,东坝镇,,,natural-disaster,冰雹灾害
            9,4,6206211012010002,approve,2024-07-05,县农业农村局,,,unstable-employment,
            10,5,6206211012010003,eliminate,2024-07-22,县农业农村局,county-approval,,,
            """,
        // Found in 2024: 1 (closed in April) and 2 (open, past its deadline); 3 was found in 2023 and is open.
        "problems.csv": """
            id,household_number,found_by,found_on,description,responsible_unit,responsible_person,measure,deadline,closed_on,fix
            1,6206211002010001,三雷镇,2024-03-10,医保未续缴,三雷镇,周干部,协助续缴,2024-04-10,2024-04-01,已续缴
            2,6206211012010002,东坝镇,2024-06-01,住房待鉴定,东坝镇,吴干部,组织鉴定,2024-06-30,,
            3,6206211012010001,东坝镇,2023-11-20,务工收入下降,东坝镇,吴干部,就业帮扶,2024-08-31,,
            """,
        // 2023: the solar station earned 60000 and paid out 40000; the greenhouse (lost) 10000
        // and 5000. The road has no custodian; the workshop is idle (since 1 September 2023) and
        // not registered; the sheep were handed out after the report's date.
        "assets.csv": """
            id,project,asset_class,value,village_code,custodian,ownership_registered,status,formed_on,status_since
            1,光伏电站,operating,800000,620621100201,村集体经济合作社,是,in-use,2019-06-30,
            2,村级道路,public-welfare,300000,620621100201,,是,in-use,2020-05-01,
            3,扶贫车间,operating,500000,620621101201,东坝镇,否,idle,2018-06-30,2023-09-01
            4,到户羊只,household,20000,620621101201,赵四,是,in-use,2024-08-01,
            5,温室大棚,operating,200000,620621101201,东坝镇,是,lost,2021-03-01,
            """,
        "asset_incomes.csv": """
            asset_id,year,income
            1,2022,55000
            1,2023,60000
            5,2023,10000
            """,
        "asset_distributions.csv": """
            asset_id,year,purpose,amount
            1,2023,公益岗位工资,40000
            5,2023,分红,5000
            """,
    ]

    let scratch: TemporaryFolder
    /// The fixture's files, with the rows a test added.
    let files: [String: String]

    /// The fixture, with `rows` (file name → lines, without the header) added to its files.
    init(_ name: String, adding rows: [String: String] = [:]) {
        scratch = TemporaryFolder(name)
        files = Self.files.merging(rows) { fixture, added in fixture + "\n" + added }
    }

    /// The fixture imported: the registry's path.
    func registry() async throws -> String {
        try await scratch.importedRegistry(files)
    }

    /// Writes plugin `id` (files: path → text) in the scratch folder's `plugins`; its path.
    func plugin(_ id: String, _ files: [String: String]) throws -> String {
        let plugins = scratch.url.appendingPathComponent("plugins"), folder = plugins.appendingPathComponent(id)
        for (path, text) in files {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return plugins.path
    }

    /// The registry's options for each store: the fixture imported into SQLite, and copied
    /// from there into a new PostgreSQL database (report queries run on both).
    func registries() async throws -> [[String]] {
        let db = try await registry()
        let url = try TestPostgres.newDatabase()
        let copied = try await DixianProcess.run(["copy", "--db", db, "--postgres", url])
        #expect(copied.status == 0, "\(copied.errorOutput)")
        return [["--db", db], ["--postgres", url]]
    }

    /// Report `id` as Markdown, rendered as of `asOf` by `plugin` found in `plugins`.
    func report(_ id: String, _ db: String, plugin: String = "minqin", plugins: [String] = []) async throws -> String {
        try await report(id, registry: ["--db", db], plugin: plugin, plugins: plugins)
    }

    /// Report `id` as Markdown from the registry `registry` names (`--db FILE` or `--postgres URL`).
    func report(_ id: String, registry: [String], plugin: String = "minqin", plugins: [String] = []) async throws -> String {
        let out = scratch.path("\(id)-\(UUID().uuidString).md")
        let rendered = try await DixianProcess.run(
            ["report", id, "--as-of", Self.asOf, "--format", "md", "--out", out, "--plugin", plugin] + registry
                + (plugins + [RegistryCommandTests.plugins]).flatMap { ["--plugins", $0] })
        #expect(rendered.status == 0, "\(rendered.errorOutput)")
        return (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
    }
}
