import DixianCore
import DixianInterchange
import DixianSQLite
import DixianTestSupport
import Foundation
import Testing

/// Imports are all or nothing and name every bad row; exports write the same format back.
struct ImportExportTests {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func files(in directory: URL) throws -> [String: String] {
        var contents: [String: String] = [:]
        for url in try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil) {
            contents[url.lastPathComponent] = try String(contentsOf: url, encoding: .utf8)
        }
        return contents
    }

    @Test func exportThenImportReproducesTheFilesByteForByte() async throws {
        let registry = try SQLiteRegistry()
        try await registry.apply(Fixtures.everyKind.map(RegistryChange.insert), as: "test")
        let first = try Self.temporaryDirectory(), second = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }

        let written = try await RegistryExport.write(from: registry, to: first, idNumbers: .unmasked(by: "test"))
        #expect(written.count == RegistryTable.allCases.count)
        #expect(written.first { $0.file == "members.csv" }?.rows == 3)

        let copy = try SQLiteRegistry()
        let report = try await RegistryImport(path: first).apply(to: copy, as: "import")
        #expect(report.totalRows == Fixtures.everyKind.count)
        try await RegistryExport.write(from: copy, to: second, idNumbers: .unmasked(by: "test"))
        #expect(try Self.files(in: first) == Self.files(in: second))
        #expect(try await copy.household(number: Fixtures.household.number) == Fixtures.household)
        let households = try Self.files(in: first)["households.csv"]!
        #expect(households.hasPrefix("number,village_code,group,head_name,category,monitored_kind,size,"))
        #expect(households.contains(",monitored,sudden-hardship,3,false,true,"))
        // The day the asset's status began (issue 18) goes out and comes back in with the rest.
        let assets = try Self.files(in: first)["assets.csv"]!
        #expect(assets.contains(",formed_on,status_since\n") && assets.contains(",in-use,2019-06-30,2021-04-01\n"), "\(assets)")
        #expect(try await copy.records(in: .asset, where: "id", equals: "1")
            == Fixtures.everyKind.filter { if case .asset = $0 { true } else { false } })
    }

    @Test func exportMasksIDNumbersByDefault() async throws {
        let registry = try SQLiteRegistry()
        try await registry.apply(Fixtures.everyKind.map(RegistryChange.insert), as: "test")
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await RegistryExport.write(from: registry, to: directory)
        let files = try Self.files(in: directory)
        #expect(!files["members.csv"]!.contains(Fixtures.head.residentID.rawValue))
        #expect(files["members.csv"]!.contains(Fixtures.head.residentID.masked))
        #expect(!files["department_warnings.csv"]!.contains(Fixtures.head.residentID.rawValue))
    }

    @Test func anUnmaskedExportIsRecordedAsADisclosure() async throws {
        let registry = try SQLiteRegistry()
        try await registry.apply(Fixtures.everyKind.map(RegistryChange.insert), as: "test")
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await RegistryExport.write(from: registry, to: directory)
        #expect(try await registry.disclosures().isEmpty)
        try await RegistryExport.write(from: registry, to: directory, idNumbers: .unmasked(by: "县乡村振兴局:张审核"))
        let disclosures = try await registry.disclosures()
        #expect(disclosures.map(\.actor) == ["县乡村振兴局:张审核"])
        #expect(disclosures.first?.records == 4)  // three members and one department warning
        #expect(disclosures.first?.destination == directory.standardizedFileURL.path)
    }

    @Test func anExportIntoAFolderOfOtherFilesKeepsThemAndReplacesOnlyItsOwn() async throws {
        let registry = try SQLiteRegistry()
        try await registry.apply(Fixtures.everyKind.map(RegistryChange.insert), as: "test")
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "keep me".write(to: directory.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try "stale".write(to: directory.appendingPathComponent("members.csv"), atomically: true, encoding: .utf8)
        try await RegistryExport.write(from: registry, to: directory)
        let files = try Self.files(in: directory)
        #expect(files["notes.txt"] == "keep me")
        #expect(files["members.csv"]?.hasPrefix("resident_id,") == true)
        #expect(files.count == RegistryTable.allCases.count + 1)
        let beside = try FileManager.default.contentsOfDirectory(atPath: directory.deletingLastPathComponent().path)
        #expect(!beside.contains { $0.hasPrefix(".\(directory.lastPathComponent).") })
    }

    @Test func chineseHeadersAndAByteOrderMarkAreAccepted() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let id = Fixtures.head.residentID.rawValue
        try ("\u{FEFF}户编号,村级区划代码,户主姓名,户属性,家庭人口数\r\n" + "6206211002010001,620621100201,张三,一般户,1\r\n")
            .write(to: directory.appendingPathComponent("households.csv"), atomically: true, encoding: .utf8)
        try ("身份证号,户编号,姓名,与户主关系,劳动能力,是否参加基本医疗保险\n" + "\(id),6206211002010001,张三,户主,有劳动能力,是\n")
            .write(to: directory.appendingPathComponent("members.csv"), atomically: true, encoding: .utf8)
        let registry = try SQLiteRegistry()
        try await RegistryImport(path: directory).apply(to: registry, as: "import")
        #expect(try await registry.household(number: "6206211002010001")?.category == .general)
        #expect(try await registry.members(ofHousehold: "6206211002010001").first?.medicalInsurance == true)
    }

    @Test func badRowsAreAllNamedAndNothingChanges() async throws {
        let registry = try SQLiteRegistry()
        try await registry.apply([.insert(.household(Fixtures.household))], as: "setup")
        let before = try await registry.dump()
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = Fixtures.spouse.residentID.rawValue
        var badChecksum = Array(good)
        badChecksum[16] = badChecksum[16] == "1" ? "2" : "1"
        try """
            number,village_code,head_name,category,monitored_kind,size
            6206211002010001,620621100201,甲,general,,1
            6206211002010002,620621100201,乙,unknown-category,,1
            6206211002010003,62062110020,丙,general,,1
            6206211002010001,620621100201,丁,general,,1
            6206211002010004,620621100201,戊,monitored,,1
            6206211002010005,620621100201,己,general,,2

            """.write(to: directory.appendingPathComponent("households.csv"), atomically: true, encoding: .utf8)
        try """
            resident_id,household_number,name,relation,labor_capacity
            \(good),6206211002010001,甲,户主,full
            \(String(badChecksum)),6206211002010005,己,户主,full
            \(good),6206211002010005,庚,配偶,full
            \(Fixtures.child.residentID.rawValue),6206211002010009,辛,户主,full
            \(Fixtures.head.residentID.rawValue),6206211002010005,壬,户主,full,extra

            """.write(to: directory.appendingPathComponent("members.csv"), atomically: true, encoding: .utf8)
        try """
            household_number,year,wage,medical_spending
            6206211002010001,2024,-100,0
            6206211002010001,2023,1000,12.345

            """.write(to: directory.appendingPathComponent("incomes.csv"), atomically: true, encoding: .utf8)
        try """
            household_number,surveyed_on,food_and_clothing,compulsory_education,basic_medical,safe_housing,housing_assessed,water_quantity,water_quality
            6206211002010001,2023-02-29,是,是,是,是,是,是,是

            """.write(to: directory.appendingPathComponent("guarantee_surveys.csv"), atomically: true, encoding: .utf8)
        try "x\n".write(to: directory.appendingPathComponent("notes.csv"), atomically: true, encoding: .utf8)

        do {
            try await RegistryImport(path: directory).apply(to: registry, as: "import")
            Issue.record("a bad import was applied")
        } catch let rejection as ImportRejected {
            let found = rejection.report.problems.map(\.description)
            let expected = [
                "notes.csv: is not an interchange file",
                "households.csv:3: category: 'unknown-category' is not one of",
                "households.csv:4: village_code: '62062110020' is not a 12-digit village code",
                "households.csv:5: repeats 6206211002010001, already on line 2",
                "households.csv:6: monitored_kind: is empty, but a monitored household needs its kind",
                "members.csv:3: resident_id: ID number check character",
                "members.csv:4: repeats \(good), already on line 2",
                "members.csv:6: has 6 fields, but the header has 5",
                "incomes.csv:2: wage: is negative (-100)",
                "incomes.csv:3: medical_spending: '12.345' has more than two decimals",
                "guarantee_surveys.csv:2: surveyed_on: '2023-02-29' is not a date (YYYY-MM-DD) that exists",
                "members.csv:5: household_number: refers to household 6206211002010009, which is in neither",
                "households.csv:7: size: household 6206211002010005 declares 2 people but members.csv lists 0",
            ]
            for text in expected {
                #expect(found.contains { $0.hasPrefix(text) }, "missing: \(text)\nfound: \(found)")
            }
            #expect(found.count == expected.count, "\(found)")
        }
        #expect(try await registry.dump() == before)
    }

    @Test func aWrongHeaderIsReportedOnceNotOnEveryRow() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "number,village,head_name,category\n6206211002010001,620621100201,甲,general\n6206211002010002,620621100201,乙,general\n"
            .write(to: directory.appendingPathComponent("households.csv"), atomically: true, encoding: .utf8)
        try "resident_id,household_number,name,relation,labor_capacity\n\(Fixtures.head.residentID.rawValue),6206211002010001,甲,户主,full\n"
            .write(to: directory.appendingPathComponent("members.csv"), atomically: true, encoding: .utf8)
        let report = try await RegistryImport(path: directory).validate(against: SQLiteRegistry())
        #expect(report.problems.map(\.description) == [
            "households.csv:1: village: is not a column of households.csv (columns: number, village_code, group, head_name, category, monitored_kind, size, relocated, minimum_living_allowance, extreme_poverty_support, no_member_able_to_work, left_behind, helper)",
            "households.csv:1: has no column village_code or 村级区划代码 or 行政区划代码",
        ])
    }

    @Test func aConflictWithTheRegistryIsLocatedAtItsRow() async throws {
        let registry = try SQLiteRegistry()
        try await registry.apply([.insert(.household(Fixtures.household)), .insert(.member(Fixtures.head))], as: "setup")
        let before = try await registry.dump()
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
            resident_id,household_number,name,relation,labor_capacity
            \(Fixtures.spouse.residentID.rawValue),\(Fixtures.household.number),王芳,配偶,full
            \(Fixtures.head.residentID.rawValue),\(Fixtures.household.number),张三,户主,full

            """.write(to: directory.appendingPathComponent("members.csv"), atomically: true, encoding: .utf8)
        do {
            try await RegistryImport(path: directory).apply(to: registry, as: "import")
            Issue.record("a conflicting import was applied")
        } catch let rejection as ImportRejected {
            #expect(rejection.report.problems.map(\.description) == [
                "members.csv:3: ID number \(Fixtures.head.residentID.masked) is already in the registry: a person is registered once "
                    + "(change the member there, or leave this row out)",
            ])
        }
        #expect(try await registry.dump() == before)
    }

    @Test func aRowTheStoreRefusesForAReasonTheReadingFindsIsReportedByTheReading() async throws {
        let registry = try SQLiteRegistry()
        let before = try await registry.dump()
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "number,village_code,head_name,category\n6206211002010001,620621100201,甲,general\n"
            .write(to: directory.appendingPathComponent("households.csv"), atomically: true, encoding: .utf8)
        // The second member's household is nowhere: the registry's foreign key refuses the row
        // as it streams in, and the report says why in the reading's words.
        try """
            resident_id,household_number,name,relation,labor_capacity
            \(Fixtures.head.residentID.rawValue),6206211002010001,甲,户主,full
            \(Fixtures.spouse.residentID.rawValue),6206211002010009,乙,户主,full

            """.write(to: directory.appendingPathComponent("members.csv"), atomically: true, encoding: .utf8)
        do {
            try await RegistryImport(path: directory).apply(to: registry, as: "import")
            Issue.record("an import referring to an unknown household was applied")
        } catch let rejection as ImportRejected {
            #expect(rejection.report.problems.map(\.description)
                == ["members.csv:3: household_number: refers to household 6206211002010009, which is in neither households.csv nor the registry"])
        }
        #expect(try await registry.dump() == before)
    }
}
