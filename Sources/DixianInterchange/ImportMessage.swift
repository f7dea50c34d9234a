import DixianCore
import DixianSheets

/// What is wrong with a file, a header or a row of an import: the catalogue of the reasons an
/// `ImportProblem` gives after its file, line and column. File and column names stay as they
/// are in both languages.
public enum ImportMessage: MessageCatalogue, Hashable {
    /// The path given does not exist.
    case doesNotExist
    /// The path is a folder where a file was expected.
    case isAFolder
    /// The file cannot be read; the system's reason, as it gives it.
    case cannotBeRead(String)
    /// The workbook cannot be read; the reader's reason.
    case unreadableWorkbook(SheetMessage)
    /// Bytes that are neither UTF-8 nor GB18030, from byte `byte` of the line on.
    case undecodableBytes(byte: Int)
    /// A quoted field that runs to the end of the file.
    case unclosedQuote
    /// A second file (`.csv` and `.xlsx`) for one table.
    case secondFileForTable
    /// A file that is none of the interchange files (`expected` lists their names).
    case notAnInterchangeFile(expected: [String])
    /// A file with no header row.
    case emptyFile
    /// A header cell that is no column of the table: the table's file, and its columns (name
    /// and Chinese header).
    case notAColumn(table: String, columns: [ColumnName])
    /// A column given twice.
    case repeatedColumn(String)
    /// A required column missing: its name and the other headers it may have.
    case missingColumn([String])
    /// A row with a different number of fields from the header.
    case fieldCount(found: Int, header: Int)
    /// A row whose key an earlier line has.
    case repeatedKey(String, line: Int)
    /// A reference to a record not in the file it belongs to.
    case missingReference(String, file: String)
    /// A reference to a household in neither households.csv nor the registry.
    case missingHousehold(String, file: String)
    /// A household whose declared size differs from the members listed.
    case sizeMismatch(household: String, declared: Int, listed: Int, file: String)
    /// A member whose ID number (masked) is already registered.
    case personRegistered(String)
    /// A department warning already in the registry.
    case warningRegistered(Int64)
    /// A record whose key the registry already has in `table`.
    case recordRegistered(String, table: String)
    /// A store's refusal, in its own (developers') words.
    case storeRefused(String)
    /// A field's problem.
    case field(FieldMessage)

    public static var samples: [ImportMessage] {
        [
            .doesNotExist, .isAFolder, .cannotBeRead("Permission denied"), .unreadableWorkbook(.missingPart("xl/workbook.xml")),
            .undecodableBytes(byte: 7), .unclosedQuote, .secondFileForTable,
            .notAnInterchangeFile(expected: ["households.csv", "members.csv"]), .emptyFile,
            .notAColumn(table: "households.csv", columns: [ColumnName(name: "number", chinese: "户编号"), ColumnName(name: "head_name", chinese: "户主姓名")]),
            .repeatedColumn("number"), .missingColumn(["number", "户编号"]), .fieldCount(found: 3, header: 5),
            .repeatedKey("6206211000010001", line: 3), .missingReference("12", file: "assistance_plans.csv"),
            .missingHousehold("6206211000010001", file: "households.csv"),
            .sizeMismatch(household: "6206211000010001", declared: 3, listed: 2, file: "members.csv"),
            .personRegistered("620621********1234"), .warningRegistered(4), .recordRegistered("6206211000010001", table: "households"),
            .storeRefused("UNIQUE constraint failed"),
        ] + FieldMessage.samples.map(ImportMessage.field)
    }

    public var texts: (chinese: String, english: String) {
        switch self {
        case .doesNotExist: ("不存在", "does not exist")
        case .isAFolder: ("是文件夹，不是文件", "is a folder, not a file")
        case .cannotBeRead(let reason): ("无法读取：\(reason)", "cannot be read: \(reason)")
        case .unreadableWorkbook(let reason):
            ("无法作为 XLSX 工作簿读取（\(reason.texts.chinese)）：请在表格软件中重新另存为 .xlsx 文件", "cannot be read: \(reason.english)")
        case .undecodableBytes(let byte):
            ("从该行第 \(byte) 个字节起既不是 UTF-8 也不是 GB18030 编码的文字：请在表格软件中另存为“CSV UTF-8（逗号分隔）”后重新导入",
             "is neither UTF-8 nor GB18030 text from byte \(byte) of the line on: "
                + "save it from the spreadsheet as \"CSV UTF-8\" (逗号分隔) and import it again")
        case .unclosedQuote: ("有一个带引号的字段没有结束引号", "a quoted field is not closed")
        case .secondFileForTable:
            ("是同一张表的第二个文件（每张表只能有一个 .csv 或 .xlsx 文件）", "is a second file for the same table (one of .csv and .xlsx per table)")
        case .notAnInterchangeFile(let expected):
            ("不是交换文件（应为 \(expected.joined(separator: "、"))，或同名的 .xlsx 文件）",
             "is not an interchange file (expected: \(expected.joined(separator: ", ")), or the same names as .xlsx)")
        case .emptyFile: ("是空文件（没有表头）", "is empty (no header)")
        case .notAColumn(let table, let columns):
            ("不是 \(table) 的列（可用的列：\(columns.map(\.chinese).joined(separator: "、"))；也可用英文列名）",
             "is not a column of \(table) (columns: \(columns.map(\.name).joined(separator: ", ")))")
        case .repeatedColumn(let name): ("与前面的列重复（\(name)）", "repeats column \(name)")
        case .missingColumn(let names): ("缺少列 \(names.joined(separator: " 或 "))", "has no column \(names.joined(separator: " or "))")
        case .fieldCount(let found, let header):
            ("有 \(found) 个字段，而表头有 \(header) 列", "has \(found) fields, but the header has \(header)")
        case .repeatedKey(let key, let line): ("\(key) 重复，已在第 \(line) 行出现", "repeats \(key), already on line \(line)")
        case .missingReference(let key, let file): ("引用的 \(key) 不在 \(file) 中", "refers to \(key), which is not in \(file)")
        case .missingHousehold(let number, let file):
            ("引用的户 \(number) 既不在 \(file) 中，也不在登记库中", "refers to household \(number), which is in neither \(file) nor the registry")
        case .sizeMismatch(let household, let declared, let listed, let file):
            ("户 \(household) 填报家庭人口 \(declared) 人，而 \(file) 列出 \(listed) 人",
             "household \(household) declares \(declared) people but \(file) lists \(listed)")
        case .personRegistered(let masked):
            ("身份证号 \(masked) 已在登记库中：每人只登记一次（请在登记库中修改该成员，或删去本行）",
             "ID number \(masked) is already in the registry: a person is registered once "
                + "(change the member there, or leave this row out)")
        case .warningRegistered(let id): ("部门预警 \(id) 已在登记库中", "department warning \(id) is already in the registry")
        case .recordRegistered(let key, let table):
            ("\(key) 已在登记库（\(table)）中（导入只新增记录，不修改已有记录）",
             "\(key) is already in the registry's \(table) (an import adds records; it does not change them)")
        case .storeRefused(let message): ("登记库拒绝写入：\(message)", message)
        case .field(let message): message.texts
        }
    }
}

/// A column of an interchange file as a message lists it: its name and its Chinese header.
public struct ColumnName: Sendable, Hashable {
    public let name: String
    public let chinese: String
}
