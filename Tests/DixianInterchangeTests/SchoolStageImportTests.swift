import DixianCore
import DixianInterchange
import DixianSQLite
import DixianTestSupport
import Foundation
import Testing

/// 中职 and 高职 are distinct school stages: a file's `vocational` (职业教育) or 大专及以上, from
/// before they were told apart, is refused at its line with the stages to choose from.
struct SchoolStageImportTests {
    private static func directory(members: [(stage: String, sequence: Int)], header: String = "school_stage") throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "number,village_code,head_name,category\n6206211002010001,620621100201,甲,general\n"
            .write(to: directory.appendingPathComponent("households.csv"), atomically: true, encoding: .utf8)
        var rows = "resident_id,household_number,name,relation,labor_capacity,\(header),school_status\n"
        for (index, member) in members.enumerated() {
            let id = try ResidentID(areaCode: "620621", birthDate: LocalDate(iso: "2006-03-01")!, sequence: member.sequence)
            rows += "\(id.rawValue),6206211002010001,学生\(index),\(index == 0 ? "户主" : "之子"),full,\(member.stage),enrolled\n"
        }
        try rows.write(to: directory.appendingPathComponent("members.csv"), atomically: true, encoding: .utf8)
        return directory
    }

    @Test func theRetiredVocationalStagesAreRefusedAtTheirLineWithTheStagesToChooseFrom() async throws {
        let directory = try Self.directory(members: [("vocational", 11), ("职业教育", 13), ("大专及以上", 15), ("secondary-vocational", 17)])
        defer { try? FileManager.default.removeItem(at: directory) }
        let registry = try SQLiteRegistry()
        let before = try await registry.dump()
        do {
            try await RegistryImport(path: directory).apply(to: registry, as: "import")
            Issue.record("members with a retired school stage were imported")
        } catch let rejection as ImportRejected {
            #expect(rejection.report.problems.map(\.description) == [
                "members.csv:2: school_stage: 'vocational' is no longer a school stage: write secondary-vocational (中职: 中专、职高、技校) or higher-vocational (高职: 大专)",
                "members.csv:3: school_stage: '职业教育' is no longer a school stage: write 中职 (secondary-vocational: 中专、职高、技校) or 高职 (higher-vocational: 大专)",
                "members.csv:4: school_stage: '大专及以上' is no longer a school stage: write 高职 (higher-vocational) for 大专, 本科及以上 (tertiary) for 本科 and above",
            ])
        }
        #expect(try await registry.dump() == before)
    }

    @Test func aRetiredStageInAWorkbookIsRefusedAtItsRowToo() async throws {
        let directory = try Self.directory(members: [("secondary-vocational", 11), ("vocational", 13)])
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("members.csv")
        try OpenPyXL.workbook(fromCSV: csv, to: directory.appendingPathComponent("members.xlsx"))
        try FileManager.default.removeItem(at: csv)
        let report = try await RegistryImport(path: directory).validate(against: try SQLiteRegistry())
        #expect(report.problems.map(\.description) == [
            "members.xlsx:3: school_stage: 'vocational' is no longer a school stage: write secondary-vocational (中职: 中专、职高、技校) or higher-vocational (高职: 大专)",
        ])
    }

    @Test func eachStageIsReadByItsIdentifierOrChineseNameUnderTheChineseHeader() async throws {
        let directory = try Self.directory(
            members: [("中职", 11), ("higher-vocational", 13), ("高职", 15), ("本科及以上", 17), ("secondary-vocational", 19)], header: "学段")
        defer { try? FileManager.default.removeItem(at: directory) }
        let registry = try SQLiteRegistry()
        try await RegistryImport(path: directory).apply(to: registry, as: "import")
        let stages = try await registry.members(ofHousehold: "6206211002010001").map(\.schoolStage)
        #expect(stages == [.secondaryVocational, .higherVocational, .higherVocational, .tertiary, .secondaryVocational])
    }
}
