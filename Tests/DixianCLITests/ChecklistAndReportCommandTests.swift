import DixianTestSupport
import Foundation
import Testing

/// `dixian checklist` and `dixian report` on generated counties, their XLSX read back with
/// openpyxl (an independent reader); every form printed to PDF is `PrintedFormsTests`'.
@Suite(.serialized)
struct ChecklistAndReportCommandTests {
    let scratch = TemporaryFolder("dixian-sheets")
    var folder: URL { scratch.url }
    static let plugins = RegistryCommandTests.plugins

    /// A generated and imported county of `plugin`: the database path.
    func county(_ plugin: String, households: Int = 300) async throws -> String {
        try await PrintedFormsTests.generatedCounty(plugin, households: households, in: folder)
    }

    func dixian(_ arguments: [String], plugin: String, db: String) async throws -> DixianProcess.Outcome {
        try await DixianProcess.run(arguments + ["--db", db, "--plugin", plugin, "--plugins", Self.plugins])
    }

    /// A plugin `broken` extending Minqin with `source` as its file `file` (`reports/x.lua`):
    /// the folder to pass to --plugins.
    func brokenPlugin(_ file: String, _ source: String) throws -> String {
        let plugins = folder.appendingPathComponent("plugins"), directory = plugins.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(file).deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        try """
            return { id = 'broken', name = '测试', api = 1, version = '1', areas = { '620621' }, extends = 'minqin', language = 'zh' }
            """.write(to: directory.appendingPathComponent("plugin.lua"), atomically: true, encoding: .utf8)
        try source.write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
        return plugins.path
    }

    /// The header of seed 002's 附件 (大排查入户排查台账), its two rows as the annex prints them,
    /// after the place and household number the plugin adds to find a row.
    static let seed002Header: [[String]] = [
        ["乡镇", "村（代码）", "户编号", "户主姓名", "户属性", "家庭人口数", "收入状况", "", "", "基本医疗保障", "", "", "义务教育保障", "", "", "住房安全保障", "", "",
         "饮水安全保障", "户内发现其他问题（进行描述）", "户内共发现问题数（个）", "是否存在其他困难"],
        ["", "", "", "", "", "", "家庭年收入", "收入主要来源", "收入是否稳定", "家庭成员是否全部参加新农合", "家中是否有大病或长期慢性病患者",
         "是否具备自行支付能力", "家中是否有义务教育阶段适龄儿童或少年", "如有，是否失学辍学", "如果失学辍学，原因是什么", "现有住房是否安全",
         "如果现有住房不安全，是否进行过鉴定", "如果现有住房不安全，是否有其他安全住房", "是否存在饮水安全问题", "", "", ""],
    ]

    @Test func xiaoCountyLedgerHasSeed002sHeaderMergedAndARowPerHousehold() async throws {
        let db = try await county("xiaoxian")
        let out = folder.appendingPathComponent("台账.xlsx")
        let written = try await dixian(["checklist", "household-ledger", "--as-of", "2024-12-20", "--out", out.path], plugin: "xiaoxian", db: db)
        #expect(written.status == 0, "\(written.errorOutput)")
        #expect(written.output.contains("大排查入户排查台账：共 300 户"))
        let sheet = try #require(try OpenPyXL.sheets(of: out).first)
        #expect(sheet.rows[0][0] == "大排查入户排查台账")
        #expect(Array(sheet.rows[1...2]) == Self.seed002Header)
        #expect(sheet.merged == ["A1:V1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:F3", "G2:I2", "J2:L2", "M2:O2",
                                 "P2:R2", "T2:T3", "U2:U3", "V2:V3"])
        #expect(sheet.frozen == "A4")
        // The households, a blank row, and the sign-off line the plugin declares, spread under the table.
        #expect(sheet.rows.count == 3 + 300 + 2)
        #expect(sheet.rows[303].allSatisfy { $0.isEmpty })
        #expect(sheet.rows[304].filter { !$0.isEmpty } == ["填报单位（盖章）：", "填表人：", "审核人：", "填报日期："])
        #expect(sheet.rows[304][0] == "填报单位（盖章）：" && sheet.rows[304][5] == "填表人：")
        // Every household row names its head and category; the answers the registry cannot know stay empty.
        for row in sheet.rows.dropFirst(3).prefix(300) {
            #expect(!row[0].isEmpty && row[2].hasPrefix(row[1]) && row[2].count == 16)
            #expect(!row[3].isEmpty && ["脱贫户", "监测户", "一般户"].contains(row[4]))
            #expect(row[8].isEmpty && row[11].isEmpty && row[21].isEmpty)
        }
        #expect(Set(sheet.rows.dropFirst(3).prefix(300).map { $0[2] }).count == 300, "a household number on every row, each once")
    }

    @Test func checklistAsCSVHasOneHeaderRowAndTheSameRows() async throws {
        let db = try await county("minqin")
        let out = folder.appendingPathComponent("visits.csv")
        let written = try await dixian(["checklist", "six-musts-visit-list", "--as-of", "2024-06-30", "--format", "csv", "--out", out.path],
                                 plugin: "minqin", db: db)
        #expect(written.status == 0, "\(written.errorOutput)")
        let bytes = try Data(contentsOf: out)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "a byte-order mark, for Excel")
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).split(separator: "\n")
        #expect(lines[0].hasPrefix("乡镇,村（代码）,户编号,户主姓名,户属性,家庭人口数,帮扶责任人,六必访/大病重病患者,"))
        let count = try #require(written.output.firstMatch(of: /共 (\d+) 户/).map { Int($0.1)! })
        #expect(count > 0 && count < 300 && lines.count == count + 1)
    }

    @Test func monthlyReportIsReadableByOpenpyxl() async throws {
        let db = try await county("minqin")
        let xlsx = folder.appendingPathComponent("monthly.xlsx")
        let written = try await dixian(["report", "monthly", "--as-of", "2024-06-30", "--out", xlsx.path], plugin: "minqin", db: db)
        #expect(written.status == 0, "\(written.errorOutput)")
        let sheet = try #require(try OpenPyXL.sheets(of: xlsx).first)
        let firstColumn = sheet.rows.map { $0.first ?? "" }
        #expect(firstColumn[0] == "民勤县防止返贫监测对象识别和风险消除情况月报（2024年6月）")
        #expect(firstColumn.contains("三、本月新识别、风险消除、回退和再标注情况（分乡镇）"))
        let header = try #require(sheet.rows.firstIndex { $0.first == "乡镇" && $0.contains("新识别纳入监测") })
        #expect(sheet.rows[header].prefix(5) == ["乡镇", "新识别纳入监测", "", "风险消除", ""])
        #expect(sheet.rows[header + 1].prefix(5) == ["", "户数", "人数", "户数", "人数"])
        #expect(sheet.merged.contains("A\(header + 1):A\(header + 2)") && sheet.merged.contains("B\(header + 1):C\(header + 1)"))
        // The monitored households by kind add up to the registry's monitored households.
        let kinds = try #require(sheet.rows.firstIndex { $0.first == "监测对象类别" })
        let total = try #require(sheet.rows[(kinds + 1)...].first { $0.first == "合计" })
        let households = try #require(Int(total[1]))
        #expect(households > 0)

    }

    @Test func everyShippedReportRendersInEveryFormat() async throws {
        let reports: [(plugin: String, id: String, asOf: String, title: String)] = [
            ("xiaoxian", "self-inspection", "2024-12-26", "萧县巩固拓展脱贫攻坚成果大排查自查报告（2024年）"),
            ("yanchi", "four-checks-summary", "2024-06-30", "“四查四补”排查情况汇总（截至2024-06-30）"),
            ("binxian", "asset-ledger", "2024-06-30", "扶贫项目资产台账（截至2024-06-30）"),
        ]
        let entered = try PrintedFormsTests.enteredYanchi(in: folder)
        for report in reports {
            let db = try await county(report.plugin, households: 150)
            for format in ["xlsx", "csv", "html", "md"] {
                let out = folder.appendingPathComponent("\(report.id).\(format)")
                let written = await report.plugin == "yanchi"
                    ? try await DixianProcess.run(["report", report.id, "--as-of", report.asOf, "--format", format, "--out", out.path, "--db", db,
                                             "--plugin", "yanchi-county", "--plugins", entered,
                                             "--plugins", Self.plugins])
                    : try dixian(["report", report.id, "--as-of", report.asOf, "--format", format, "--out", out.path],
                                 plugin: report.plugin, db: db)
                #expect(written.status == 0, "\(report.id) \(format): \(written.errorOutput)")
                if format == "xlsx" {
                    #expect(try OpenPyXL.sheets(of: out).first?.rows.first?.first == report.title)
                } else {
                    #expect(try String(contentsOf: out, encoding: .utf8).contains(report.title), "\(report.id) \(format)")
                }
            }
        }
    }

    @Test func aReportThatRaisesOrReturnsAMalformedTableNamesThePluginLineAndLeavesNoFile() async throws {
        let db = try await county("minqin", households: 50)
        let path = try brokenPlugin("reports/broken.lua", """
            dixian.report {
              id = 'raises', title = '出错的报告',
              render = function(data, ctx)
                local rows = data.households { by = 'township' }
                return rows[1].missing.field
              end,
            }

            dixian.report {
              id = 'malformed', title = '格式不对的报告',
              render = function(data, ctx)
                return { { heading = '一', table = { columns = { { key = 'a', title = 'A' } }, rows = { { a = {} } } } } }
              end,
            }

            dixian.report {
              id = 'bad-query', title = '查询出错的报告',
              render = function(data, ctx)
                return { { text = tostring(#data.households { by = 'colour' }) } }
              end,
            }
            """)
        let out = folder.appendingPathComponent("out.xlsx")
        try Data("an earlier report".utf8).write(to: out)
        let expectations = [
            ("raises", "broken/reports/broken.lua:5:"),
            ("malformed", "broken/reports/broken.lua:9: report 'malformed' returned a malformed document: section 1 table row 1 column 'a' is a table"),
            ("bad-query", "broken/reports/broken.lua:19: data.households: cannot group by 'colour'"),
        ]
        for (id, message) in expectations {
            let run = try await DixianProcess.run(["report", id, "--as-of", "2024-06-30", "--out", out.path, "--db", db, "--plugin", "broken",
                                             "--plugins", path, "--plugins", Self.plugins])
            #expect(run.status != 0)
            #expect(run.errorOutput.contains(message), "\(id): \(run.errorOutput)")
            #expect(try String(contentsOf: out, encoding: .utf8) == "an earlier report")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("partial") }.isEmpty)
        }
    }

    /// Nor any file beside it: a PDF's workbook, which holds the rows filled so far, included.
    @Test(arguments: ["xlsx", "pdf"])
    func aChecklistRowThatFailsNamesTheHouseholdAndLineAndLeavesNoFile(format: String) async throws {
        let db = try await county("minqin", households: 50)
        let plugins = try brokenPlugin("checklists/typo.lua", """
            dixian.checklist {
              id = 'typo', title = '拼错的清单',
              columns = { { key = 'name', title = '户主姓名' } },
              row = function(h) return { nmae = h.head_name } end,
            }
            """)
        let outputs = folder.appendingPathComponent("failing-\(format)")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        let out = outputs.appendingPathComponent("typo.\(format)")
        let run = try await DixianProcess.run(["checklist", "typo", "--as-of", "2024-06-30", "--out", out.path, "--db", db,
                                         "--format", format, "--plugin", "broken", "--plugins", plugins, "--plugins", Self.plugins])
        #expect(run.status != 0)
        #expect(run.errorOutput.contains("broken/checklists/typo.lua:1: checklist typo: the row fills 'nmae', which is not one of its columns"),
                "\(run.errorOutput)")
        #expect(run.errorOutput.contains("household 6206211"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outputs.path) == [])
    }
}

/// Runs a system tool (LibreOffice, poppler's pdftotext) and collects what it prints.
enum Tool {
    /// Runs the tool at `path` to its end on a thread of its own (a conversion by LibreOffice
    /// takes long enough to hold up every test waiting on Swift concurrency's pool).
    static func run(_ path: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await offThePool { try runBlocking(path, arguments) }
    }

    /// The tool runs in `DixianTestEnvironment.isolated`: a script or `env` that starts `dixian`
    /// passes it on, so no run sees this machine's deployment.
    static func runBlocking(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = DixianTestEnvironment.isolated
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
