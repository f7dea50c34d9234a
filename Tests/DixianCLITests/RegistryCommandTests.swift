import Foundation
import DixianTestSupport
import Testing

/// `generate`, `import`, `export` and `demo` work together from the command line.
@Suite(.serialized)
struct RegistryCommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-cli-\(UUID().uuidString)")
    static let plugins = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Plugins").path

    @Test func generateImportExport() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let county = folder.appendingPathComponent("county").path, db = folder.appendingPathComponent("r.sqlite").path
        let generated = try await DixianProcess.run([
            "generate", "--county", "binxian", "--households", "300", "--seed", "3", "--out", county, "--plugins", Self.plugins,
        ])
        #expect(generated.status == 0, "\(generated.errorOutput)")
        #expect(generated.output.hasPrefix("宾县 (230125): places.csv 35, households.csv 300, members.csv "), "\(generated.output)")

        let checked = try await DixianProcess.run(["import", county, "--db", db, "--dry-run"])
        #expect(checked.status == 0)
        #expect(checked.output.hasPrefix("checked "))
        #expect(!FileManager.default.fileExists(atPath: db))  // a dry run never creates the registry
        let imported = try await DixianProcess.run(["import", county, "--db", db, "--actor", "县乡村振兴局"])
        #expect(imported.status == 0, "\(imported.errorOutput)")
        #expect(imported.output.hasPrefix("imported "))

        let again = try await DixianProcess.run(["import", county, "--db", db])
        #expect(again.status == 1)
        // The places come first: the county's own row is the first already there.
        #expect(again.errorOutput.contains("places.csv:2: 230125 is already in the registry's places"), "\(again.errorOutput)")
        #expect(again.errorOutput.contains("nothing was imported"))

        let out = folder.appendingPathComponent("out").path
        let exported = try await DixianProcess.run(["export", "--db", db, "--out", out])
        #expect(exported.status == 0)
        #expect(exported.output.contains("(ID numbers masked)"))
        let members = try String(contentsOfFile: out + "/members.csv", encoding: .utf8)
        #expect(members.split(separator: "\n")[1].contains("********"))
        #expect(try await DixianProcess.run(["audit", "disclosures", "--db", db]).output == "no disclosures recorded\n")

        let full = folder.appendingPathComponent("full").path
        let unmasked = try await DixianProcess.run(["export", "--db", db, "--out", full, "--unmasked", "--actor", "县乡村振兴局:张审核"])
        #expect(unmasked.status == 0, "\(unmasked.errorOutput)")
        let memberCount = try String(contentsOfFile: full + "/members.csv", encoding: .utf8).split(separator: "\n").count - 1
        let warningCount = try String(contentsOfFile: full + "/department_warnings.csv", encoding: .utf8).split(separator: "\n").count - 1
        let disclosures = try await DixianProcess.run(["audit", "disclosures", "--db", db]).output.split(separator: "\n")
        #expect(disclosures.count == 1)
        #expect(disclosures.first?.contains("  县乡村振兴局:张审核  unmasked export  \(memberCount + warningCount) records  → ") == true,
                "\(disclosures)")
    }

    @Test func badFilesAreListedAndNothingIsImported() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "户编号,村级区划代码,户主姓名,户属性\n6206211002010001,620621100201,张三,一般户\n6206211002010002,620621100201,李四,贫困户\n"
            .write(to: folder.appendingPathComponent("households.csv"), atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("r.sqlite").path
        let outcome = try await DixianProcess.run(["import", folder.path, "--db", db])
        #expect(outcome.status == 1)
        #expect(outcome.errorOutput.hasPrefix("households.csv:3: 户属性: '贫困户' is not one of lifted (脱贫户)"))
        #expect(outcome.output.isEmpty)
    }

    @Test func demoSummarisesASyntheticCountyInChinese() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let outcome = try await DixianProcess.run([
            "demo", "--county", "minqin", "--households", "400", "--db", folder.appendingPathComponent("demo.sqlite").path, "--plugins", Self.plugins,
        ])
        #expect(outcome.status == 0, "\(outcome.errorOutput)")
        #expect(outcome.output.hasPrefix("民勤县（620621）合成数据已导入"))
        #expect(outcome.output.contains("按户属性：脱贫户 "))
        #expect(outcome.output.contains("  薛百镇 "))
        #expect(outcome.output.contains("民勤县 待办和逾期事项（插件 minqin 2024.1，日期 2024-06-30）"))
        #expect(outcome.output.contains("  入户走访 "))
        // The county's figures beside the targets of its profile, with their sources.
        #expect(outcome.output.contains("合成数据与公开统计对照（目标见插件 profile.lua）：\n  脱贫户占比："))
        #expect(outcome.output.contains("（目标 7.3%，来源["))
        // Lists of households to visit are counted apart from the problems.
        let lists = try #require(outcome.output.range(of: "另列名单 "))
        #expect(outcome.output.range(of: "minqin.six-must-visit")!.lowerBound > lists.lowerBound)
        #expect(outcome.output.range(of: "minqin.income-below-line")!.lowerBound < lists.lowerBound)
    }

    /// The headline of a generated county under its own plugin: a few dozen to a few hundred
    /// problems in 10,000 households, not thousands (issue 19).
    @Test func theDemoCountyHasAPlausibleNumberOfProblems() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let arguments = ["demo", "--county", "minqin", "--db", folder.appendingPathComponent("demo.sqlite").path, "--plugins", Self.plugins]
        let outcome = try await DixianProcess.run(arguments)
        #expect(outcome.status == 0, "\(outcome.errorOutput)")
        let counts = try #require(outcome.output.firstMatch(of: /共筛查 10000 户，发现问题 (\d+) 条/))
        let problems = try #require(Int(counts.1))
        #expect((30...1000).contains(problems), "\(problems) problems in 10,000 households")
        let overdue = try #require(outcome.output.firstMatch(of: /共 (\d+) 项，其中已逾期 (\d+) 项/))
        #expect(try #require(Int(overdue.2)) < 1000, "most deadlines are met")
    }
}
