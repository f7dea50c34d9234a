import DixianCore
import HTTPTypes

/// What the server's problem details say (RFC 9457 titles, details, and the message of each
/// field at fault), in the plugin's language. Field names, headers and codes stay as they are.
/// A refusal a plugin wrote comes in the plugin's own words (`refusal`).
public enum ServerMessage: MessageCatalogue, Hashable {
    /// The title of a problem of this status (`Not found`, 404); `phrase` is the status's
    /// reason phrase, for a status with no title of its own here.
    case title(code: Int, phrase: String)
    /// 401: no valid token.
    case tokenNeeded
    /// 503: another writer held the registry through every retry.
    case registryBusy
    /// 500: what failed is logged.
    case serverFailed
    /// 403: a change signed in by the cookie, without the CSRF token.
    case csrfTokenMissing
    /// 403: the user's role or areas do not allow it.
    case notAllowed
    /// 404: no household with this number.
    case noHousehold(String)
    /// 428: a change without `If-Match`.
    case ifMatchNeeded
    /// 409: the household was changed since it was read.
    case householdChanged
    /// 409: a record was changed since it was read.
    case recordChanged
    /// 404: no screening run of this plugin.
    case noScreeningRun(plugin: String)
    /// 408: the body did not arrive in time.
    case bodyTimedOut(seconds: Int64)
    /// 405: the path does not take the request's method (`allowed`: those it takes).
    case methodNotAllowed([String])
    /// An HTTP error of the framework (`body`, in its words, when it gave one).
    case httpError(code: Int, phrase: String)
    /// A field that must not be empty.
    case mustNotBeEmpty
    /// A field sent as JSON `null` (an optional field is left out instead).
    case mustNotBeNull
    /// A report format the API does not serve.
    case reportFormats
    /// A report asked by a user of several areas.
    case reportNeedsOneArea
    /// The reports page for a user of several areas.
    case reportsNeedOneArea
    /// The reports page's date `typed`, not a date (`within` nil) or outside `within`: today's
    /// reports are listed instead.
    case reportDateRefused(typed: String, today: LocalDate, within: ClosedRange<LocalDate>?)
    /// Not written as a report id.
    case notAReportID(maxLength: Int)
    /// Not an episode id.
    case notAnEpisodeID(max: Int64)
    /// A query parameter the route does not take (`allowed` lists those it does).
    case notAParameter(allowed: [String])
    /// A query parameter given twice.
    case givenTwice
    /// Not a whole number in the range.
    case wholeNumber(from: Int, to: Int)
    /// A required area code of `digits` digits (`what`: village, township).
    case areaCodeRequired(digits: Int, what: AreaLevel)
    /// A required field of the body.
    case required
    /// A field of the wrong JSON type.
    case wrongType
    /// A body that is not the JSON the endpoint takes.
    case notTheJSON
    /// Not a date written YYYY-MM-DD.
    case notADate
    /// A date outside the range requests may name.
    case dateOutside(from: LocalDate, to: LocalDate)
    /// Not one of a list of terms.
    case notATerm([OfficialTermName])
    /// A department the list does not know.
    case notADepartment
    /// Not a valid ID number.
    case notAResidentID
    /// A field's problem, as an import would say it.
    case field(FieldMessage)
    /// What separates the fields at fault in a detail.
    case fieldSeparator
    /// The title of the page that answers a self-report.
    case reportReceivedTitle
    /// What every submitter of the self-report form is told.
    case reportReceived
    /// Sign-in: the user name or the password is wrong (the same whether the name exists).
    case signInFailed
    /// Sign-in: too many failures for this user name; locked until `until` (HH:mm, Beijing time).
    case signInLocked(until: String)
    /// A new password shorter than `minimum` characters.
    case passwordTooShort(minimum: Int)
    /// A new password longer than `maximumBytes` bytes (bcrypt's limit).
    case passwordTooLong(maximumBytes: Int)
    /// The new password and its repetition differ.
    case passwordsDiffer
    /// The current password given to change it is wrong.
    case currentPasswordWrong
    /// The title of the page that confirms a password change.
    case passwordChangedTitle
    /// The page that confirms a password change.
    case passwordChanged
    /// The title of the page refusing a form without its CSRF token (403).
    case formExpiredTitle
    /// A form posted without the CSRF token the server rendered into it, or with another.
    case formExpired
    /// A refusal the plugin or the workflow wrote (or a plugin's error), already in the
    /// plugin's language.
    case refusal(String)
    /// A form of the household page posted after the household's monitoring changed (someone
    /// reported a risk or took a step since the page was opened).
    case formStale

    /// The level of an area code a parameter names.
    public enum AreaLevel: String, Sendable, Hashable {
        case township, village
    }

    public static var samples: [ServerMessage] {
        [400, 401, 403, 404, 405, 408, 409, 413, 422, 428, 429, 500, 503, 418].map { ServerMessage.title(code: $0, phrase: "I'm a teapot") } + [
            .tokenNeeded, .registryBusy, .serverFailed, .csrfTokenMissing, .notAllowed, .noHousehold("6206211000010001"),
            .ifMatchNeeded, .methodNotAllowed(["GET", "PUT"]), .householdChanged, .recordChanged, .noScreeningRun(plugin: "minqin"),
            .bodyTimedOut(seconds: 10),
            .httpError(code: 413, phrase: "Content Too Large"), .httpError(code: 418, phrase: "I'm a teapot"),
            .mustNotBeEmpty, .mustNotBeNull, .reportFormats, .reportNeedsOneArea, .reportsNeedOneArea,
            .reportDateRefused(typed: "2024-13-45", today: LocalDate(year: 2024, month: 10, day: 31)!, within: nil),
            .reportDateRefused(typed: "1999-12-31", today: LocalDate(year: 2024, month: 10, day: 31)!,
                               within: LocalDate(year: 2000, month: 1, day: 1)!...LocalDate(year: 2099, month: 12, day: 31)!), .notAnEpisodeID(max: Int64.max), .notAReportID(maxLength: 64),
            .notAParameter(allowed: []), .notAParameter(allowed: ["township", "limit"]), .givenTwice, .wholeNumber(from: 1, to: 500),
            .areaCodeRequired(digits: 9, what: .township), .areaCodeRequired(digits: 12, what: .village), .required, .wrongType, .notTheJSON,
            .notADate, .dateOutside(from: LocalDate(year: 2000, month: 1, day: 1)!, to: LocalDate(year: 2099, month: 12, day: 31)!),
            .notATerm(RiskType.termNames), .notADepartment, .notAResidentID, .field(.tooLong(count: 120, limit: 100)),
            .fieldSeparator, .reportReceivedTitle, .reportReceived, .signInFailed, .signInLocked(until: "14:05"),
            .passwordTooShort(minimum: 8), .passwordTooLong(maximumBytes: 72), .passwordsDiffer, .currentPasswordWrong,
            .passwordChangedTitle, .passwordChanged, .formExpiredTitle, .formExpired, .refusal("该户不在监测范围内"), .formStale,
        ]
    }

    public var texts: (chinese: String, english: String) {
        switch self {
        case .title(let code, let phrase): (Self.chineseTitle(code), Self.englishTitle(code) ?? phrase)
        case .tokenNeeded: ("需要有效的访问令牌（Authorization: Bearer NAME.SECRET）", "a valid access token is needed (Authorization: Bearer NAME.SECRET)")
        case .registryBusy: ("登记库正被其他程序写入：请过几秒再试", "the registry is busy with another writer: try again in a few seconds")
        case .serverFailed: ("服务器未能处理本次请求；错误已记入日志", "the server failed to answer this request; the failure is logged")
        case .csrfTokenMissing:
            ("通过登录 Cookie 进行的修改须在 X-CSRF-Token 请求头中附上 dixian_csrf Cookie 的值",
             "a change signed in by the sign-in cookie must send the X-CSRF-Token header with the dixian_csrf cookie's value")
        case .notAllowed: ("您的角色或负责区域不允许此操作", "your role or areas do not allow this")
        case .noHousehold(let number): ("没有户编号为 \(number) 的户", "no household \(number)")
        case .ifMatchNeeded:
            ("请在 If-Match 请求头中附上该户的 ETag，以免覆盖他人的修改", "send If-Match with the household's ETag, so that no one else's change is lost")
        case .householdChanged:
            ("该户在读取后已被修改：请重新读取后再试", "the household was changed since it was read: read it again, then retry")
        case .recordChanged: ("该记录在读取后已被修改：请重新读取后再试", "the record was changed since it was read: read it again, then retry")
        case .noScreeningRun(let plugin): ("插件 \(plugin) 尚未运行过筛查", "no screening run of \(plugin) yet")
        case .bodyTimedOut(let seconds): ("请求体未在 \(seconds) 秒内送达", "the request's body did not arrive within \(seconds) s")
        case .methodNotAllowed(let allowed):
            ("此地址只接受以下请求方法：\(allowed.joined(separator: "、"))", "this path takes only " + allowed.joined(separator: ", "))
        case .httpError(let code, let phrase): (Self.chineseTitle(code), phrase.lowercased())
        case .mustNotBeEmpty: ("不能为空", "must not be empty")
        case .mustNotBeNull: ("不能为 null：不填的字段请省略", "must not be null: leave out a field not given")
        case .reportFormats: ("须为 html、md 或 csv", "must be html, md or csv")
        case .reportNeedsOneArea: ("一份报表只涵盖一个区域：请用只负责一个区域的用户请求", "a report covers one area: ask with a user of one area")
        case .reportsNeedOneArea:
            ("一份报表只涵盖一个区域。您的账号负责多个区域，不能在此出具报表；需要时请县里开通只负责一个区域的账号。",
             "a report covers one area, and your account has several: no report can be made here; ask the county for an account of one area")
        case .reportDateRefused(let typed, let today, .none):
            ("截至日期“\(typed)”不是有效日期（须为 YYYY-MM-DD）。下面按今天（\(today)）列出报表。",
             "the date \"\(typed)\" is not a date (YYYY-MM-DD): the reports below are as of today (\(today))")
        case .reportDateRefused(let typed, let today, let within?):
            ("截至日期“\(typed)”须在 \(within.lowerBound) 至 \(within.upperBound) 之间。下面按今天（\(today)）列出报表。",
             "the date \(typed) must be from \(within.lowerBound) to \(within.upperBound): the reports below are as of today (\(today))")
        case .notAReportID(let maxLength):
            ("须为报表编号：小写字母、数字和连字符，至多 \(maxLength) 个字符", "must be a report id: lowercase letters, digits and hyphens, at most \(maxLength)")
        case .notAnEpisodeID(let max): ("须为监测记录编号：1 至 \(max) 之间的整数", "must be an episode id: a whole number from 1 to \(max)")
        case .notAParameter(let allowed):
            allowed.isEmpty
                ? ("不是此接口的参数（此接口不接受参数）", "is not a parameter of this route, which takes none")
                : ("不是此接口的参数（可用参数：\(allowed.joined(separator: "、"))）",
                   "is not a parameter of this route, which takes " + allowed.joined(separator: ", "))
        case .givenTwice: ("重复给出", "is given more than once")
        case .wholeNumber(let from, let to): ("须为 \(from) 至 \(to) 之间的整数", "must be a whole number from \(from) to \(to)")
        case .areaCodeRequired(let digits, let what):
            ("必须给出：\(digits) 位\(what == .township ? "乡镇" : "村级")代码", "is required: a \(digits)-digit \(what.rawValue) code")
        case .required: ("必须给出", "is required")
        case .wrongType: ("类型不对", "has the wrong type")
        case .notTheJSON: ("不是此接口接受的 JSON", "is not the JSON this endpoint takes")
        case .notADate: ("须为 YYYY-MM-DD 格式的日期", "must be a date written YYYY-MM-DD")
        case .dateOutside(let from, let to): ("须为 \(from) 至 \(to) 之间的日期", "must be a date from \(from) to \(to)")
        case .notATerm(let terms):
            ("须为以下之一：\(terms.map { "\($0.identifier)（\($0.chinese)）" }.joined(separator: "、"))",
             "must be one of " + terms.map(\.identifier).joined(separator: ", "))
        case .notADepartment: ("不是已知的部门", "is not a known department")
        case .notAResidentID: ("不是有效的身份证号", "is not a valid ID number")
        case .field(let message): message.texts
        case .fieldSeparator: ("；", "; ")
        case .reportReceivedTitle: ("申报已受理", "Report received")
        case .reportReceived:
            ("已收到您的申报，工作人员将在规定时限内与您联系，请保持电话畅通。",
             "Your report has been received; staff will contact you within the set time. Please keep your phone on.")
        case .signInFailed: ("用户名或密码不正确", "wrong user name or password")
        case .signInLocked(let until):
            ("该用户名登录失败次数过多，已暂时锁定：请于北京时间 \(until) 之后再试", "too many failed sign-ins for this user name: try again after \(until) (Beijing time)")
        case .passwordTooShort(let minimum): ("密码至少须有 \(minimum) 个字符", "a password must have at least \(minimum) characters")
        case .passwordTooLong(let maximum):
            ("密码过长：至多 \(maximum) 个字节（约 \(maximum / 3) 个汉字）", "a password may have at most \(maximum) bytes")
        case .passwordsDiffer: ("两次输入的新密码不一致", "the new password and its repetition differ")
        case .currentPasswordWrong: ("当前密码不正确", "the current password is wrong")
        case .passwordChangedTitle: ("密码已修改", "Password changed")
        case .passwordChanged: ("密码已修改，下次登录请使用新密码。", "Your password is changed; sign in with the new one from now on.")
        case .formExpiredTitle: ("无法提交", "Form refused")
        case .formExpired:
            ("表单已过期，或不是从本系统的页面提交的。请返回上一页，刷新后重新提交。",
             "the form has expired or was not sent from this server's pages: go back, reload it and send it again")
        case .refusal(let message): (message, message)
        case .formStale:
            ("打开此页面后，该户的监测记录已有新的办理，本次提交未办理。请查看最新情况后重新填写。",
             "the household's monitoring changed since this page was opened; nothing was done: look at it again and fill the form anew")
        }
    }

    /// The Chinese title of a status.
    private static func chineseTitle(_ code: Int) -> String {
        switch code {
        case 400: "请求有误"
        case 401: "未登录"
        case 403: "无权访问"
        case 404: "未找到"
        case 405: "不支持该请求方法"
        case 408: "请求超时"
        case 409: "修改冲突"
        case 413: "请求体过大"
        case 422: "不予办理"
        case 428: "缺少前提条件"
        case 429: "请求过于频繁"
        case 500: "服务器内部错误"
        case 503: "服务暂不可用"
        default: "请求未能完成（HTTP \(code)）"
        }
    }

    /// The English title of a status Dixian names itself (`Refused` for 422), else nil for the
    /// status's reason phrase.
    private static func englishTitle(_ code: Int) -> String? {
        switch code {
        case 400: "Bad request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not found"
        case 405: "Method not allowed"
        case 408: "Request timeout"
        case 409: "Conflict"
        case 413: "Content too large"
        case 422: "Refused"
        case 428: "Precondition required"
        case 429: "Too many requests"
        case 500: "Internal server error"
        case 503: "Service unavailable"
        default: nil
        }
    }
}
