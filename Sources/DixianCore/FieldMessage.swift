/// What is wrong with one field of a record read from a file or a store: the catalogue of the
/// reasons of `FieldError`, which an import lists beside its file, line and column. A column's
/// name and a value are quoted as they were read.
public enum FieldMessage: MessageCatalogue, Hashable {
    /// The field must be given.
    case empty
    /// Not a whole number.
    case notWholeNumber(String)
    /// A whole number outside the field's range.
    case outOfRange(String, lower: Int, upper: Int)
    /// Not yes or no.
    case notYesOrNo(String)
    /// Not a date of the calendar in the form YYYY-MM-DD.
    case notADate(String)
    /// A date before 2013, the earliest record of any registry.
    case dateTooEarly(LocalDate, earliest: LocalDate)
    /// A date too far after `today`.
    case dateTooLate(LocalDate, latest: LocalDate, today: LocalDate)
    /// Not one of a list of terms: the value, then each term's identifier and Chinese name.
    case notATerm(String, allowed: [OfficialTermName])
    /// Not an amount in yuan (`shown` is the value, cut short when long).
    case notAnAmount(String)
    /// An amount too large for a count of fen.
    case amountTooLarge(String)
    /// An amount over the most an import accepts (`largest`, in yuan).
    case amountOverLimit(String, largest: Money)
    /// An amount with more than two decimals.
    case tooManyDecimals(String)
    /// An amount with more than two decimals that are not a spreadsheet's rounding noise: most
    /// likely a formula's full value.
    case unroundedAmount(String)
    /// A negative amount where none may be.
    case negative(Money)
    /// An ID number that is not valid.
    case residentID(ResidentIDError.Reason)
    /// An ID number a spreadsheet kept as a number (`6.20621199001011E+17`), which loses digits.
    case residentIDStoredAsNumber(String)
    /// An ID number whose birth date is after today.
    case residentIDBornInFuture(LocalDate)
    /// Text with bytes that were not valid UTF-8.
    case notUTF8
    /// Text longer than its column holds.
    case tooLong(count: Int, limit: Int)
    /// Text holding a control character (`code` as U+XXXX) at `position`; `long` when the
    /// column is free text, which may hold tabs and line breaks.
    case controlCharacter(code: String, position: Int, freeText: Bool)
    /// Not a 12-digit village code.
    case notAVillageCode(String)
    /// Not a division code of 6, 9 or 12 digits (county, township, village).
    case notAPlaceCode(String)
    /// A place's level that is not the one its code's length tells (`level`).
    case placeLevelMismatch(String, level: PlaceLevel)
    /// A parent code that is not the prefix of the place's code (`expected`, nil for a county).
    case parentCodeMismatch(String, expected: String?)
    /// A disaster described without its date.
    case disasterWithoutDate
    /// A monitored household without its kind.
    case monitoredKindMissing
    /// A kind of monitored household on a household that is not monitored.
    case monitoredKindUnmonitored(MonitoredKind)
    /// A school stage that was split (`vocational`, `职业教育`, `大专及以上`).
    case retiredSchoolStage(String)
    /// A school status without a school stage.
    case schoolStatusWithoutStage
    /// An identified or eliminated episode without its date of identification.
    case identifiedOnMissing(MonitoringStatus)
    /// An identified household without risk types.
    case riskTypesMissing
    /// An elimination date on an episode not eliminated, or none on one that is.
    case eliminatedOnMismatch
    /// An elimination stage on a step that is not an elimination, or none on one that is.
    case stageMismatch
    /// An answer on a step that is not an answer, or none on one that is.
    case acceptedMismatch
    /// A closed warning without its result.
    case warningResultMissing
    /// A deadline before the start.
    case dueBeforeStart(LocalDate, starts: LocalDate)
    /// A problem's closing date without its fix, or a fix without the date.
    case fixMismatch
    /// A discharge before the admission.
    case dischargedBeforeAdmission(LocalDate, admitted: LocalDate)
    /// More reimbursed than the stay cost.
    case reimbursedOverCost(Money, cost: Money)
    /// A complaint closed before it was received.
    case closedBeforeReceipt(LocalDate, received: LocalDate)
    /// A loan repaid before it was lent.
    case repaidBeforeBorrowing(LocalDate, borrowed: LocalDate)
    /// An asset's status that began before the asset was formed.
    case statusBeforeFormation(LocalDate, formed: LocalDate)
    /// A household number (`shown` quoted) that is not `digits` digits, its village code and
    /// `sequence` more.
    case householdNumberLength(String, digits: Int, sequence: Int)
    /// A household number that does not begin with its village code.
    case householdNumberVillage(String, villageCode: String)
    /// A value a store holds that Dixian cannot read, described for developers.
    case unreadableStoredValue(String)

    public static var samples: [FieldMessage] {
        let day = LocalDate(year: 2024, month: 10, day: 8)!
        return [
            .empty, .notWholeNumber("abc"), .outOfRange("13", lower: 0, upper: 12), .notYesOrNo("maybe"), .notADate("2024-02-30"),
            .dateTooEarly(LocalDate(year: 2001, month: 1, day: 1)!, earliest: LocalDate(year: 2013, month: 1, day: 1)!),
            .dateTooLate(LocalDate(year: 2031, month: 1, day: 1)!, latest: day.adding(days: 366), today: day),
            .notATerm("poor", allowed: HouseholdCategory.termNames), .notAnAmount("12元"), .amountTooLarge("1e30"),
            .amountOverLimit("99999999999", largest: Money(fen: 999_999_999_999)), .tooManyDecimals("1.234"),
            .unroundedAmount("3428.571428571428"), .negative(Money(fen: -100)),
            .residentID(.length(19)), .residentID(.character(position: 18, found: "Y")),
            .residentID(.character(position: 3, found: "A")), .residentID(.nonASCII(position: 1, found: "６", length: 18)),
            .residentID(.province("99")), .residentID(.birthDate("19901301")),
            .residentID(.checkCharacter(expected: "X", found: "1")), .residentIDStoredAsNumber("6.20621199001011E+17"),
            .residentIDBornInFuture(day), .notUTF8, .tooLong(count: 120, limit: 100),
            .controlCharacter(code: "U+0007", position: 3, freeText: false), .controlCharacter(code: "U+0007", position: 3, freeText: true),
            .notAVillageCode("6206"), .notAPlaceCode("62062"), .placeLevelMismatch("620621100", level: .township),
            .parentCodeMismatch("620621", expected: "620621100"), .parentCodeMismatch("62", expected: nil), .disasterWithoutDate,
            .monitoredKindMissing, .monitoredKindUnmonitored(MonitoredKind.allCases[0]),
            .retiredSchoolStage("vocational"), .retiredSchoolStage("职业教育"), .retiredSchoolStage("大专及以上"),
            .schoolStatusWithoutStage, .identifiedOnMissing(.identified), .riskTypesMissing, .eliminatedOnMismatch,
            .stageMismatch, .acceptedMismatch, .warningResultMissing, .dueBeforeStart(day, starts: day.adding(days: 1)),
            .fixMismatch, .dischargedBeforeAdmission(day, admitted: day.adding(days: 1)),
            .reimbursedOverCost(Money(yuan: 5000), cost: Money(yuan: 4000)), .closedBeforeReceipt(day, received: day.adding(days: 1)),
            .repaidBeforeBorrowing(day, borrowed: day.adding(days: 1)), .statusBeforeFormation(day, formed: day.adding(days: 1)),
            .householdNumberLength("\"62062110\"", digits: 16, sequence: 4),
            .householdNumberVillage("6206211000010001", villageCode: "620621100002"), .unreadableStoredValue("holds 'x'"),
        ]
    }

    public var texts: (chinese: String, english: String) {
        switch self {
        case .empty: ("为空", "is empty")
        case .notWholeNumber(let value): ("“\(value)”不是整数", "'\(value)' is not a whole number")
        case .outOfRange(let value, let lower, let upper):
            ("“\(value)”不是 \(lower) 至 \(upper) 之间的整数", "'\(value)' is not a whole number from \(lower) to \(upper)")
        case .notYesOrNo(let value): ("“\(value)”不是“是”或“否”（可填 是/否、true/false）", "'\(value)' is not yes or no (true/false, 是/否)")
        case .notADate(let value): ("“\(value)”不是有效日期（格式为 YYYY-MM-DD）", "'\(value)' is not a date (YYYY-MM-DD) that exists")
        case .dateTooEarly(let date, let earliest):
            ("\(date) 早于 \(earliest)，早于登记库的任何记录", "\(date) is before \(earliest), earlier than any record of the registry")
        case .dateTooLate(let date, let latest, let today):
            ("\(date) 晚于 \(latest)，距今天（\(today)）过远", "\(date) is after \(latest), too far ahead of today (\(today))")
        case .notATerm(let value, let allowed):
            ("“\(value)”不是可填的值（可填：\(allowed.map(\.chinese).joined(separator: "、"))）",
             "'\(value)' is not one of \(allowed.map { "\($0.identifier) (\($0.chinese))" }.joined(separator: ", "))")
        case .notAnAmount(let shown): ("\(shown)不是以元为单位的金额（最多两位小数）", "\(shown) is not an amount in yuan (at most two decimals)")
        case .amountTooLarge(let shown): ("\(shown)作为以元为单位的金额过大", "\(shown) is too large for an amount in yuan")
        case .amountOverLimit(let shown, let largest): ("\(shown)超过 \(largest) 元", "\(shown) is more than \(largest) yuan")
        case .tooManyDecimals(let shown):
            ("\(shown)超过两位小数（金额最小单位为分）", "\(shown) has more than two decimals (fen are the smallest unit)")
        case .unroundedAmount(let text):
            ("“\(text)”超过两位小数（金额最小单位为分），可能是公式的完整计算结果：请在表格中四舍五入到分（=ROUND(…, 2)）",
             "'\(text)' has more than two decimals (fen are the smallest unit): a formula's full value? "
                + "Round it to fen in the spreadsheet (=ROUND(…, 2))")
        case .negative(let amount): ("为负数（\(amount)）", "is negative (\(amount))")
        case .residentID(let reason): ("身份证号" + Self.chinese(reason), "ID number " + ResidentIDError(reason).description)
        case .residentIDStoredAsNumber(let text):
            ("身份证号“\(text)”被存成了数字，而表格只保留数字的 15 位有效数字：请将该列设置单元格格式为“文本”，再重新录入身份证号",
             "ID number '\(text)' was kept as a number, and a spreadsheet keeps only 15 digits of a number: "
                + "format the column as text (设置单元格格式为“文本”) and enter the ID numbers again")
        case .residentIDBornInFuture(let date):
            ("身份证号中的出生日期 \(date) 晚于今天", "ID number has birth date \(date), which is in the future")
        case .notUTF8: ("含有无法识别的字节：请将文件另存为 UTF-8 编码，而不是 GBK 或其他编码",
                        "is not valid UTF-8 text (save the file as UTF-8, not GBK or another encoding)")
        case .tooLong(let count, let limit): ("有 \(count) 个字符，超过该列最多 \(limit) 个字符", "has \(count) characters, more than the \(limit) this column holds")
        case .controlCharacter(let code, let position, let freeText):
            ("第 \(position) 个字符是控制字符 \(code)" + (freeText ? "" : "（只有备注等自由文本列可以含制表符和换行）"),
             "holds the control character \(code) at character \(position)"
                + (freeText ? "" : " (only free-text columns such as notes may hold tabs and line breaks)"))
        case .notAVillageCode(let value): ("“\(value)”不是 12 位村级行政区划代码", "'\(value)' is not a 12-digit village code")
        case .notAPlaceCode(let value):
            ("“\(value)”不是行政区划代码（县 6 位、乡镇 9 位、村 12 位数字）", "'\(value)' is not a division code (6 digits for a county, 9 for a township, 12 for a village)")
        case .placeLevelMismatch(let code, let level):
            ("与行政区划代码 \(code) 不符：该代码是\(level.chineseName)级", "does not agree with code \(code), which is of a \(level.rawValue)")
        case .parentCodeMismatch(let given, let expected):
            if let expected {
                ("“\(given)”不是上级代码 \(expected)（行政区划代码的前几位）", "'\(given)' is not the parent code \(expected) (the code's prefix)")
            } else {
                ("“\(given)”：县没有上级代码", "'\(given)': a county has no parent code")
            }
        case .disasterWithoutDate: ("为空，而已填写受灾情况", "is empty, but a disaster is described")
        case .monitoredKindMissing: ("为空，而监测户须填写监测对象类别", "is empty, but a monitored household needs its kind")
        case .monitoredKindUnmonitored(let kind):
            ("为“\(kind.chineseName)”，但该户不是监测户", "is \(kind.rawValue), but the household is not monitored")
        case .retiredSchoolStage(let value): Self.retired(value)
        case .schoolStatusWithoutStage: ("已填写，但该成员没有在校阶段", "is set, but the member has no school stage")
        case .identifiedOnMissing(let status):
            ("为空，而该监测记录的状态为“\(status.chineseName)”", "is empty, but the episode is \(status.rawValue)")
        case .riskTypesMissing: ("为空，而已识别的监测户须填写风险类别", "is empty, but an identified household has risk types")
        case .eliminatedOnMismatch: ("只有状态为“已消除风险”时才填写，且此时必须填写", "must be set exactly when the status is eliminated")
        case .stageMismatch: ("只有流转为风险消除时才填写，且此时必须填写", "must be set exactly when the transition is eliminate")
        case .acceptedMismatch: ("只有流转为农户答复时才填写，且此时必须填写", "must be set exactly when the transition is answer")
        case .warningResultMissing: ("为空，而已办结的预警须填写处理结果", "is empty, but a closed warning needs its recorded result")
        case .dueBeforeStart(let due, let starts): ("\(due) 早于开始日期 \(starts)", "\(due) is before the start, \(starts)")
        case .dischargedBeforeAdmission(let discharged, let admitted):
            ("\(discharged) 早于入院日期 \(admitted)", "\(discharged) is before the admission, \(admitted)")
        case .reimbursedOverCost(let reimbursed, let cost):
            ("\(reimbursed) 元超过住院总费用 \(cost) 元", "\(reimbursed) yuan is more than the stay's cost, \(cost) yuan")
        case .closedBeforeReceipt(let closed, let received):
            ("\(closed) 早于受理日期 \(received)", "\(closed) is before the complaint was received, \(received)")
        case .repaidBeforeBorrowing(let repaid, let borrowed):
            ("\(repaid) 早于放贷日期 \(borrowed)", "\(repaid) is before the loan was made, \(borrowed)")
        case .statusBeforeFormation(let since, let formed):
            ("\(since) 早于资产形成日期 \(formed)", "\(since) is before the asset was formed, \(formed)")
        case .fixMismatch: ("问题在且仅在填写整改措施时办结：整改措施与办结日期须同时填写", "a problem is closed exactly when its fix is recorded")
        case .householdNumberLength(let shown, let digits, let sequence):
            ("户编号 \(shown) 不是 \(digits) 位数字（村级代码加 \(sequence) 位顺序号）",
             "household number \(shown) is not \(digits) digits (its village code and \(sequence) more)")
        case .householdNumberVillage(let number, let village):
            ("户编号 \(number) 不以其村级代码 \(village) 开头", "household number \(number) does not begin with its village code \(village)")
        case .unreadableStoredValue(let detail): ("登记库中的值无法读取（\(detail)）", detail)
        }
    }

    /// What is wrong with an ID number, in Chinese, after 身份证号.
    private static func chinese(_ reason: ResidentIDError.Reason) -> String {
        switch reason {
        case .length(let count): "有 \(count) 位，不是 18 位"
        case .character(let position, let found): "第 \(position) 位是“\(found)”，不是数字\(position == 18 ? "或 X" : "")"
        case .nonASCII(let position, let found, let length):
            "第 \(position) 位“\(found)”是全角或其他非 ASCII 字符：请用半角数字 0-9 和 X 输入（共 \(length) 位）"
        case .province(let code): "以 \(code) 开头，不是任何省份的代码"
        case .birthDate(let text): "中的出生日期 \(text) 不存在"
        case .checkCharacter(let expected, let found): "校验码是 \(found)，应为 \(expected)"
        }
    }

    /// A school stage no longer used, and what to write instead.
    private static func retired(_ value: String) -> (chinese: String, english: String) {
        switch value {
        case "大专及以上":
            ("“大专及以上”已不再是在校阶段：大专请填“高职”（higher-vocational），本科及以上请填“本科及以上”（tertiary）",
             "'大专及以上' is no longer a school stage: write 高职 (higher-vocational) for 大专, 本科及以上 (tertiary) for 本科 and above")
        case "职业教育":
            ("“职业教育”已不再是在校阶段：请填“中职”（中专、职高、技校）或“高职”（大专）",
             "'职业教育' is no longer a school stage: write 中职 (secondary-vocational: 中专、职高、技校) or 高职 (higher-vocational: 大专)")
        default:
            ("“\(value)”已不再是在校阶段：请填“中职”（secondary-vocational：中专、职高、技校）或“高职”（higher-vocational：大专）",
             "'\(value)' is no longer a school stage: write secondary-vocational (中职: 中专、职高、技校) or higher-vocational (高职: 大专)")
        }
    }
}

/// A term of an official list, by its identifier and its Chinese name, as a message lists it.
public struct OfficialTermName: Sendable, Hashable {
    public let identifier: String
    public let chinese: String
}

extension OfficialTerm {
    /// Every term of the list, for a message that lists them.
    public static var termNames: [OfficialTermName] {
        allCases.map { OfficialTermName(identifier: $0.rawValue, chinese: $0.chineseName) }
    }
}
