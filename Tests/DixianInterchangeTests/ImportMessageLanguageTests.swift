import DixianCore
import DixianInterchange
import DixianSQLite
import DixianTestSupport
import Foundation
import Testing

/// The traps Chinese Excel sets an import are refused in the language of the import: Chinese
/// under a Chinese plugin (with no locale, or a `C` one), English under an English plugin or
/// `LANG=en_US.UTF-8`; each with its exact words, after the file, line and column.
struct ImportMessageLanguageTests {
    /// Chinese: a Chinese plugin in the `C.UTF-8` locale the shipped counties' servers run in.
    static let chinese = Language.shown(environment: ["LANG": "C.UTF-8"], plugin: .chinese)
    /// English: the same plugin, with an English locale.
    static let english = Language.shown(environment: ["LANG": "en_US.UTF-8"], plugin: .chinese)

    static let householdHeader = "number,village_code,head_name,category\n"
    static let memberHeader = "resident_id,household_number,name,relation,labor_capacity\n"

    /// The problems of importing `files` into a registry holding the fixture household, in
    /// Chinese and in English.
    static func problems(_ files: [String: Data]) async throws -> (chinese: [String], english: [String]) {
        let problems = try await FieldBoundsTests.rejection(files)
        return (problems.map { $0.text(in: chinese) }, problems.map { $0.text(in: english) })
    }

    static func problems(_ name: String, _ text: String) async throws -> (chinese: [String], english: [String]) {
        try await problems([name: Data(text.utf8)])
    }

    @Test func theLanguageIsTheLocalesThenThePluginsThenEnglish() {
        #expect(Self.chinese == .chinese && Self.english == .english)
        #expect(Language.shown(environment: [:], plugin: .chinese) == .chinese)
        #expect(Language.shown(environment: ["LANG": "C"], plugin: .english) == .english)
        #expect(Language.shown(environment: ["LANG": "POSIX"], plugin: nil) == .english)
        #expect(Language.shown(environment: ["LANG": "zh_CN.UTF-8"], plugin: .english) == .chinese)
        #expect(Language.shown(environment: ["LC_ALL": "", "LC_MESSAGES": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"], plugin: .chinese) == .english)
        #expect(Language.shown(environment: ["LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"], plugin: .english) == .chinese)
        #expect(Language.shown(environment: ["LANG": "de_DE.UTF-8"], plugin: .chinese) == .chinese)
    }

    @Test func bytesInNeitherUTF8NorGB18030AreRefusedAtTheirLineAndByte() async throws {
        var file = Data(Self.householdHeader.utf8)
        file.append(Data("6206211002019001,620621100201,张".utf8) + Data([0xFF]) + Data("三,general\n".utf8))
        let found = try await Self.problems(["households.csv": file])
        #expect(found.chinese == ["households.csv:2: 从该行第 34 个字节起既不是 UTF-8 也不是 GB18030 编码的文字："
            + "请在表格软件中另存为“CSV UTF-8（逗号分隔）”后重新导入"])
        #expect(found.english == ["households.csv:2: is neither UTF-8 nor GB18030 text from byte 34 of the line on: "
            + "save it from the spreadsheet as \"CSV UTF-8\" (逗号分隔) and import it again"])
    }

    @Test func anIDNumberKeptAsANumberSaysToFormatTheColumnAsText() async throws {
        let found = try await Self.problems("members.csv", "身份证号,户编号,姓名,与户主关系,劳动能力\n"
            + "6.20621199001011E+17,\(Fixtures.household.number),王芳,配偶,full\n")
        #expect(found.chinese == ["members.csv:2: 身份证号: 身份证号“6.20621199001011E+17”被存成了数字，而表格只保留数字的 15 位有效数字："
            + "请将该列设置单元格格式为“文本”，再重新录入身份证号"])
        #expect(found.english == ["members.csv:2: 身份证号: ID number '6.20621199001011E+17' was kept as a number, and a spreadsheet "
            + "keeps only 15 digits of a number: format the column as text (设置单元格格式为“文本”) and enter the ID numbers again"])
    }

    @Test func anIDNumberOfNineteenCharactersIsCountedInChinese() async throws {
        let found = try await Self.problems("members.csv", Self.memberHeader
            + "\(Fixtures.spouse.residentID.rawValue)1,\(Fixtures.household.number),王芳,配偶,full\n")
        #expect(found.chinese == ["members.csv:2: resident_id: 身份证号有 19 位，不是 18 位"])
        #expect(found.english == ["members.csv:2: resident_id: ID number has 19 characters, not 18"])
    }

    @Test func anAmountWithAFormulasDecimalsSaysToRoundIt() async throws {
        let found = try await Self.problems("incomes.csv", "household_number,year,wage\n\(Fixtures.household.number),2024,3428.571428571428\n")
        #expect(found.chinese == ["incomes.csv:2: wage: “3428.571428571428”超过两位小数（金额最小单位为分），可能是公式的完整计算结果："
            + "请在表格中四舍五入到分（=ROUND(…, 2)）"])
        #expect(found.english == ["incomes.csv:2: wage: '3428.571428571428' has more than two decimals (fen are the smallest unit): "
            + "a formula's full value? Round it to fen in the spreadsheet (=ROUND(…, 2))"])
    }

    @Test func aHeaderCellThatIsNoColumnListsTheChineseHeaders() async throws {
        let found = try await Self.problems("households.csv", "户编号,村级代码,户主姓名,户属性\n")
        let columns = "户编号、村级区划代码、村民小组、户主姓名、户属性、监测对象类别、家庭人口数、是否易地扶贫搬迁、是否低保户、"
            + "是否特困供养、是否整户无劳动能力、是否留守户、帮扶责任人"
        #expect(found.chinese.first == "households.csv:1: 村级代码: 不是 households.csv 的列（可用的列：\(columns)；也可用英文列名）",
                "\(found.chinese)")
        #expect(found.chinese.dropFirst().first == "households.csv:1: 缺少列 village_code 或 村级区划代码 或 行政区划代码")
        #expect(found.english.first?.hasPrefix("households.csv:1: 村级代码: is not a column of households.csv (columns: number, village_code,") == true)
    }

    @Test func titleRowsArePassedOverAndTheRowsKeepTheirLines() async throws {
        let found = try await Self.problems("households.csv", "民勤县监测户信息表,,,\n,,,\n" + Self.householdHeader
            + "6206211002019001,620621100201,张三,general\n6206211002019002,620621100201,李四,nobody\n")
        #expect(found.chinese == ["households.csv:5: category: “nobody”不是可填的值（可填：脱贫户、监测户、一般户）"])
        #expect(found.english == ["households.csv:5: category: 'nobody' is not one of "
            + "lifted (脱贫户), monitored (监测户), general (一般户)"])
    }

    @Test func aRowOfTheWrongWidthAndAnEmptyFileAreSaidInChinese() async throws {
        let found = try await Self.problems(["households.csv": Data((Self.householdHeader + "6206211002019001,620621100201,张三\n").utf8),
                                             "members.csv": Data()])
        #expect(found.chinese == ["households.csv:2: 有 3 个字段，而表头有 4 列", "members.csv: 是空文件（没有表头）"])
        #expect(found.english == ["households.csv:2: has 3 fields, but the header has 4", "members.csv: is empty (no header)"])
    }

    @Test func aHouseholdNumberOfAnotherVillageIsSaidInChinese() async throws {
        let found = try await Self.problems("households.csv", Self.householdHeader + "6206211002029001,620621100201,张三,general\n")
        #expect(found.chinese == ["households.csv:2: number: 户编号 6206211002029001 不以其村级代码 620621100201 开头"])
        #expect(found.english == ["households.csv:2: number: household number 6206211002029001 does not begin with its village code 620621100201"])
    }

    /// Every message an import can give has its Chinese text, with no English sentence in it.
    @Test func everyImportMessageHasAChineseText() {
        for message in ImportMessage.samples {
            let chinese = message.text(in: .chinese)
            #expect(chinese != message.english || chinese.unicodeScalars.contains { $0.value >= 0x4E00 }, "\(message)")
            #expect(EnglishSentence.first(in: chinese) == nil, "\(chinese)")
        }
    }
}
