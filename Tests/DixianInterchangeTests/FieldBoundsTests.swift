import DixianCore
import DixianInterchange
import DixianSQLite
import DixianTestSupport
import Foundation
import Testing

/// Every field of an import is bounded: no control characters or undecodable bytes, no text
/// longer than its column holds, dates in a plausible range, amounts that never overflow; and
/// what is refused is named by file, line and column in plain words.
struct FieldBoundsTests {
    static let householdHeader = "number,village_code,head_name,category\n"

    /// Imports `files` (name → contents) into a registry holding the fixture household, and
    /// returns the problems, checking that nothing changed.
    static func problems(_ files: [String: Data]) async throws -> [String] {
        let registry = try SQLiteRegistry()
        try await registry.apply([.insert(.household(Fixtures.household))], as: "setup")
        let before = try await registry.dump()
        let directory = try ImportExportTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, contents) in files { try contents.write(to: directory.appendingPathComponent(name)) }
        do {
            try await RegistryImport(path: directory).apply(to: registry, as: "import")
            Issue.record("the import was applied")
            return []
        } catch let rejection as ImportRejected {
            #expect(try await registry.dump() == before)
            return rejection.report.problems.map(\.description)
        }
    }

    static func problems(_ name: String, _ text: String) async throws -> [String] {
        try await problems([name: Data(text.utf8)])
    }

    @Test func aNulByteOrAnEscapeInANameIsRefusedByFileLineAndColumn() async throws {
        let found = try await Self.problems("households.csv", Self.householdHeader
            + "H1,620621100201,张\u{0}三,general\nH2,620621100201,\u{1B}[2J李四,general\n")
        #expect(found == [
            "households.csv:2: head_name: holds the control character U+0000 at character 2 "
                + "(only free-text columns such as notes may hold tabs and line breaks)",
            "households.csv:3: head_name: holds the control character U+001B at character 1 "
                + "(only free-text columns such as notes may hold tabs and line breaks)",
        ])
    }

    @Test func aTenMegabyteNameIsRefusedWithoutRepeatingIt() async throws {
        let found = try await Self.problems("households.csv", Self.householdHeader
            + "H1,620621100201,\(String(repeating: "张", count: 10 << 20 / 3)),general\n")
        #expect(found == ["households.csv:2: head_name: has 3495253 characters, more than the 100 this column holds"])
    }

    @Test func notesMayHoldLineBreaksButNotTwoThousandCharactersMore() async throws {
        let survey = "household_number,surveyed_on,food_and_clothing,compulsory_education,basic_medical,safe_housing,"
            + "housing_assessed,water_quantity,water_quality,notes\n"
        let row = "\(Fixtures.household.number),2024-09-27,是,是,是,是,是,是,是"
        let found = try await Self.problems("guarantee_surveys.csv", survey
            + "\(row),\"第一行\n第二行\"\n" + "\(Fixtures.household.number),2024-09-28,是,是,是,是,是,是,是,\(String(repeating: "x", count: 2001))\n")
        #expect(found == ["guarantee_surveys.csv:4: notes: has 2001 characters, more than the 2000 this column holds"])
    }

    @Test func textInAnotherEncodingIsRefusedAsNotUTF8() async throws {
        // 张三 in GBK, as Excel saves a CSV on a Chinese Windows.
        var file = Data(Self.householdHeader.utf8)
        file.append(Data("H1,620621100201,".utf8) + Data([0xD5, 0xC5, 0xC8, 0xFD]) + Data(",general\n".utf8))
        let found = try await Self.problems(["households.csv": file])
        #expect(found == ["households.csv:2: head_name: is not valid UTF-8 text (save the file as UTF-8, not GBK or another encoding)"])
    }

    @Test func anIDNumberBornInTheFutureIsRefused() async throws {
        let unborn = try ResidentID(areaCode: "620621", birthDate: LocalDate(iso: "2099-01-01")!, sequence: 31)
        let found = try await Self.problems("members.csv", "resident_id,household_number,name,relation,labor_capacity\n"
            + "\(unborn.rawValue),\(Fixtures.household.number),张三,户主,full\n")
        #expect(found == ["members.csv:2: resident_id: ID number has birth date 2099-01-01, which is in the future"])
    }

    @Test func aSurveyDatedNineThousandNineHundredNinetyNineAndAReportDatedNineteenHundredAreRefused() async throws {
        let survey = "household_number,surveyed_on,food_and_clothing,compulsory_education,basic_medical,safe_housing,"
            + "housing_assessed,water_quantity,water_quality\n\(Fixtures.household.number),9999-12-31,是,是,是,是,是,是,是\n"
        let episodes = "id,household_number,channel,reported_on,status\n1,\(Fixtures.household.number),self-report,1900-01-01,reported\n"
        let found = try await Self.problems(["guarantee_surveys.csv": Data(survey.utf8), "monitoring_episodes.csv": Data(episodes.utf8)])
        #expect(found.count == 2)
        #expect(found.contains { $0.hasPrefix("guarantee_surveys.csv:2: surveyed_on: 9999-12-31 is after ") && $0.contains("too far ahead of today") })
        #expect(found.contains("monitoring_episodes.csv:2: reported_on: 1900-01-01 is before 2013-01-01, earlier than any record of the registry"))
    }

    @Test func aDeadlineMayLieYearsAheadButNotDecades() async throws {
        let problems = "id,household_number,found_by,found_on,description,responsible_unit,responsible_person,measure,deadline\n"
            + "1,\(Fixtures.household.number),县级大排查,2024-09-27,问题,镇政府,孙镇长,整改,\(LocalDate(iso: "2024-09-27")!.adding(days: 365 * 3))\n"
            + "2,\(Fixtures.household.number),县级大排查,2024-09-27,问题,镇政府,孙镇长,整改,2099-01-01\n"
        let found = try await Self.problems("problems.csv", problems)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("problems.csv:3: deadline: 2099-01-01 is after ") == true)
    }

    @Test(arguments: [
        ("99999999999999999999", "'99999999999999999999' is too large for an amount in yuan"),
        ("0.99999999999999999999", "'0.99999999999999999999' has more than two decimals (fen are the smallest unit)"),
        ("10000000000", "'10000000000' is more than 9999999999.99 yuan"),
    ])
    func aLongAmountIsRefusedNotTrapped(amount: String, reason: String) async throws {
        let found = try await Self.problems("incomes.csv", "household_number,year,wage\n\(Fixtures.household.number),2024,\(amount)\n")
        #expect(found == ["incomes.csv:2: wage: \(reason)"])
    }

    @Test func aFolderNamedLikeAFileIsSaidToBeAFolder() async throws {
        let registry = try SQLiteRegistry()
        let directory = try ImportExportTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("households.csv"), withIntermediateDirectories: false)
        do {
            try await RegistryImport(path: directory).apply(to: registry, as: "import")
            Issue.record("a folder was imported as a file")
        } catch let rejection as ImportRejected {
            #expect(rejection.report.problems.map(\.description) == ["households.csv: is a folder, not a file"])
        }
    }

    @Test func fullWidthDigitsInAnIDNumberAreNamedAsSuch() async throws {
        let fullWidth = String(Fixtures.spouse.residentID.rawValue.unicodeScalars.map { scalar in
            Character(Unicode.Scalar(scalar.value + 0xFEE0)!)  // 0 → ０
        })
        let found = try await Self.problems("members.csv", "resident_id,household_number,name,relation,labor_capacity\n"
            + "\(fullWidth),\(Fixtures.household.number),王芳,配偶,full\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("members.csv:2: resident_id: ID number character 1 is '６', a full-width or other non-ASCII character") == true)
        #expect(found.first?.contains("not 18") == false)
    }

    @Test func formulasAreNeutralisedOnExportAndImportBackAsTheyWere() async throws {
        var household = Fixtures.household
        household.headName = "=HYPERLINK(\"http://evil.example\",\"点此\")"
        household.helper = "@SUM(1+1)"
        var head = Fixtures.head
        head.name = "'=cmd|' /C calc'!A0"
        head.relation = "-2+3"
        let registry = try SQLiteRegistry()
        try await registry.apply([.insert(.household(household)), .insert(.member(head)),
                                  .insert(.monthlyIncome(MonthlyIncome(householdNumber: household.number, year: 2024, month: 8,
                                                                       netIncome: Money(yuan: -120))))], as: "test")
        let first = try ImportExportTests.temporaryDirectory(), second = try ImportExportTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        try await RegistryExport.write(from: registry, to: first, idNumbers: .unmasked(by: "test"))
        let files = try ImportExportTests.files(in: first)
        #expect(files["households.csv"]!.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点此\"\")\","))
        #expect(files["households.csv"]!.contains(",'@SUM(1+1)\n"))
        #expect(files["members.csv"]!.contains(",''=cmd|' /C calc'!A0,'-2+3,"))
        #expect(files["monthly_incomes.csv"]!.contains(",-120\n"))  // a plain number is no formula

        let copy = try SQLiteRegistry()
        try await RegistryImport(path: first).apply(to: copy, as: "import")
        #expect(try await copy.household(number: household.number) == household)
        try await RegistryExport.write(from: copy, to: second, idNumbers: .unmasked(by: "test"))
        #expect(try ImportExportTests.files(in: second) == files)
    }
}
