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
        try await rejection(files).map(\.description)
    }

    /// The problems of importing `files` into a registry holding the fixture household, which
    /// the import must refuse without changing anything.
    static func rejection(_ files: [String: Data]) async throws -> [ImportProblem] {
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
            return rejection.report.problems
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

    /// What Chinese Excel saves as CSV: GB18030 (GBK's two-byte characters, and four-byte
    /// ones beyond them), read as such, the names kept as written.
    @Test func aCSVInGB18030ImportsWithItsChineseIntact() async throws {
        var file = Data(Self.householdHeader.utf8)
        // 张三 in GBK, then 𠀀 (U+20000), four bytes in GB18030.
        file.append(Data("6206211002019001,620621100201,".utf8) + Data([0xD5, 0xC5, 0xC8, 0xFD, 0x95, 0x32, 0x82, 0x36])
            + Data(",general\n".utf8))
        let registry = try SQLiteRegistry()
        let directory = try ImportExportTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try file.write(to: directory.appendingPathComponent("households.csv"))
        try await RegistryImport(path: directory).apply(to: registry, as: "import")
        #expect(try await registry.household(number: "6206211002019001")?.headName == "张三\u{20000}")
    }

    /// A file that is neither UTF-8 nor GB18030, or that says it is UTF-8 (a byte-order mark)
    /// and is not, is refused where it stops being readable: never read with replacement characters.
    @Test func textInNeitherEncodingIsRefusedByLineAndByte() async throws {
        var neither = Data(Self.householdHeader.utf8)
        neither.append(Data("6206211002019001,620621100201,张".utf8) + Data([0xFF]) + Data("三,general\n".utf8))
        #expect(try await Self.problems(["households.csv": neither]) == [
            "households.csv:2: is neither UTF-8 nor GB18030 text from byte 34 of the line on: "
                + "save it from the spreadsheet as \"CSV UTF-8\" (逗号分隔) and import it again",
        ])
        // A UTF-8 file with one damaged byte is not read as GB18030, which would garble its Chinese.
        var damaged = Data(Self.householdHeader.utf8)
        damaged.append(Data("6206211002019001,620621100201,张三".utf8) + Data([0xC0]) + Data(",general\n".utf8))
        damaged.append(Data("6206211002019002,620621100201,李四,general\n".utf8))
        #expect(try await Self.problems(["households.csv": damaged]) == [
            "households.csv:2: is neither UTF-8 nor GB18030 text from byte 37 of the line on: "
                + "save it from the spreadsheet as \"CSV UTF-8\" (逗号分隔) and import it again",
        ])
        var marked = Data([0xEF, 0xBB, 0xBF]) + Data(Self.householdHeader.utf8)
        marked.append(Data("6206211002019001,620621100201,".utf8) + Data([0xD5, 0xC5, 0xC8, 0xFD]) + Data(",general\n".utf8))
        #expect(try await Self.problems(["households.csv": marked]) == [
            "households.csv:2: is neither UTF-8 nor GB18030 text from byte 31 of the line on: "
                + "save it from the spreadsheet as \"CSV UTF-8\" (逗号分隔) and import it again",
        ])
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
        ("0.123456", "'0.123456' has more than two decimals (fen are the smallest unit): "
            + "a formula's full value? Round it to fen in the spreadsheet (=ROUND(…, 2))"),
        ("3428.571428571428", "'3428.571428571428' has more than two decimals (fen are the smallest unit): "
            + "a formula's full value? Round it to fen in the spreadsheet (=ROUND(…, 2))"),
        ("10000000000", "'10000000000' is more than 9999999999.99 yuan"),
    ])
    func aLongAmountIsRefusedNotTrapped(amount: String, reason: String) async throws {
        let found = try await Self.problems("incomes.csv", "household_number,year,wage\n\(Fixtures.household.number),2024,\(amount)\n")
        #expect(found == ["incomes.csv:2: wage: \(reason)"])
    }

    /// What a spreadsheet writes for numbers: an amount with floating-point noise past the fen
    /// is the amount it stands for, and an ID number kept as a number is refused with what to do
    /// (a spreadsheet keeps 15 digits, and a rounded number may still pass the check character).
    @Test func spreadsheetNumbersAreReadAsTheyWereMeant() async throws {
        let registry = try SQLiteRegistry()
        try await registry.apply([.insert(.household(Fixtures.household))], as: "setup")
        let directory = try ImportExportTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("household_number,year,wage,operating\n\(Fixtures.household.number),2024,1234.5600000000001,99.99999999999999\n".utf8)
            .write(to: directory.appendingPathComponent("incomes.csv"))
        try await RegistryImport(path: directory).apply(to: registry, as: "import")
        var incomes: [IncomeRecord] = []
        try registry.forEachRecord(in: .income) { if case .income(let income) = $0 { incomes.append(income) } }
        #expect(incomes.map(\.wage) == [Money(fen: 123_456)] && incomes.map(\.operating) == [Money(fen: 10_000)])

        // Even a number whose digits are an ID number's with a valid check character.
        for number in ["6.20621199001011E+17", Fixtures.spouse.residentID.rawValue + ".0"] {
            let found = try await Self.problems("members.csv", "resident_id,household_number,name,relation,labor_capacity\n"
                + "\(number),\(Fixtures.household.number),王芳,配偶,full\n")
            #expect(found == ["members.csv:2: resident_id: ID number '\(number)' was kept as a number, and a spreadsheet keeps "
                + "only 15 digits of a number: format the column as text (设置单元格格式为“文本”) and enter the ID numbers again"])
        }
    }

    /// A title and a blank row above the header, as a sheet saved as CSV has them, are passed
    /// over; problems keep the file's own line numbers.
    @Test func titleRowsAboveTheHeaderArePassedOver() async throws {
        let title = "民勤县监测户信息表,,,\n,,,\n"
        let found = try await Self.problems("households.csv", title + Self.householdHeader
            + "6206211002019001,620621100201,张三,general\n6206211002019002,620621100201,李四,nobody\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("households.csv:5: category: 'nobody' is not one of") == true, "\(found)")
        let unknown = try await Self.problems("households.csv", title + "number,village,head_name,category\n")
        #expect(unknown.first?.hasPrefix("households.csv:3: village: is not a column of households.csv") == true, "\(unknown)")
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
