import DixianCore

/// What did not hold in one of a plugin's specs, as `dixian plugin test` lists it under the
/// spec. Ids, dates, column names and the plugin's own messages are quoted as they are.
public enum SpecProblem: MessageCatalogue, Hashable {
    /// The spec names a check (or asset check) the plugin does not declare.
    case undeclaredCheck(String)
    /// The checks stopped (a budget, an error); the host's words.
    case checksStopped(String)
    /// A check raised an error on the spec's household; its message.
    case checkFailed(String)
    /// `findings` named checks that did not fire.
    case findingsMissing([String])
    /// Checks fired that `findings` does not name (each with its messages).
    case findingsUnexpected([String])
    /// `includes` named a check that did not fire.
    case findingMissing(String)
    /// `excludes` named a check that fired: its id, then the id with its messages.
    case findingUnexpected(String, found: String)
    /// `messages` wanted a finding of a check whose message contains a text; the check's messages.
    case messageMissing(String, wanted: String, messages: [String])
    /// `messages` that is not a table of check ids to texts.
    case messagesShape
    /// A date of a calendar spec that is not YYYY-MM-DD.
    case notADate(String)
    /// A date expected to be a working day of the calendar that is not.
    case notAWorkingDay(String, calendar: String)
    /// A date expected to be a day off of the calendar that is a working day.
    case notADayOff(String, calendar: String)
    /// `count` working days after `from` land on `reached`, not `expected`.
    case workingDays(count: Int64, from: LocalDate, reached: LocalDate, calendar: String, expected: String)
    /// A calendar spec that asks nothing.
    case calendarSpecShape
    /// No such calendar; those declared.
    case noCalendar(String, declared: [String])
    /// A checklist spec without id and row.
    case checklistSpecShape
    /// No such checklist.
    case noChecklist(String)
    /// The checklist left the household off its list.
    case notListed
    /// The checklist listed a household the spec expects off it.
    case listed
    /// A cell of the checklist's row that is not what the spec says.
    case cell(column: String, expected: String, actual: String)
    /// `due` is not a list.
    case dueSpecShape
    /// A deadline raised an error; its message.
    case deadlineFailed(String)
    /// `not_due` names a deadline the plugin does not declare.
    case undeclaredDeadline(String)
    /// A deadline of `not_due` gave items (each `date (message)`).
    case dueUnexpectedly(String, items: [String])
    /// An item the spec expects due that is not (`due` lists what is).
    case itemMissing(String, due: [String])
    /// An item due that the spec does not expect, with its message.
    case itemUnexpected(String, message: String)
    /// An item due whose message lacks a text the spec expects in it (or holds one it must not).
    case itemMessage(String, text: String, expected: Bool, message: String)
    /// No such duty; those declared.
    case noDuty(String, declared: [String])
    /// A duty spec without its window or dates.
    case dutySpecShape
    /// A duty spec whose window ends before it starts.
    case dutyWindow(from: LocalDate, through: LocalDate)
    /// The dates a duty falls due in the window, not those expected.
    case dutyDates(String, actual: [String], from: LocalDate, through: LocalDate, expected: [String])
    /// A spec without its date.
    case asOfShape
    /// An asset spec that expects nothing.
    case assetExpectsNothing
    /// A household spec that expects nothing.
    case expectsNothing
    /// A guard raised an error; its message.
    case guardFailed(String)
    /// `refused` that is not a boolean.
    case refusedShape
    /// The guards of `transition` allowed what the spec expects them to refuse.
    case guardsAllowed(MonitoringTransition)
    /// The guards of `transition` refused what the spec expects them to allow, with their reasons.
    case guardsRefused(MonitoringTransition, reasons: [String])
    /// No reason contains `wanted`; the reasons given.
    case reasonMissing(String, reasons: [String])
    /// The plugin raised an error loading or running the spec; its words.
    case plugin(String)

    public var texts: (chinese: String, english: String) {
        func list(_ items: [String], _ none: (String, String)) -> (String, String) {
            items.isEmpty ? none : (items.joined(separator: "、"), items.joined(separator: ", "))
        }
        switch self {
        case .undeclaredCheck(let id):
            return ("所列检查“\(id)”插件中未声明", "names check '\(id)', which the plugin does not declare")
        case .checksStopped(let reason):
            return ("检查被中止：\(reason)", "the checks were stopped: \(reason)")
        case .checkFailed(let message):
            return ("检查出错：\(message)", "a check failed: \(message)")
        case .findingsMissing(let ids):
            return ("应有而未出现的发现：\(ids.joined(separator: "、"))", "expected findings that did not come: \(ids.joined(separator: ", "))")
        case .findingsUnexpected(let ids):
            return ("不应出现的发现：\(ids.joined(separator: "、"))", "unexpected findings: \(ids.joined(separator: ", "))")
        case .findingMissing(let id):
            return ("应有“\(id)”的发现，未出现", "expected a finding of \(id); none came")
        case .findingUnexpected(let id, let found):
            return ("不应有“\(id)”的发现，实有：\(found)", "expected no finding of \(id), got \(found)")
        case .messageMissing(let id, let wanted, let messages):
            let (chinese, english) = list(messages, ("该检查未出现发现", "the check found nothing"))
            return ("应有“\(id)”的发现包含“\(wanted)”；实际：\(chinese)",
                    "expected a finding of \(id) containing '\(wanted)'; got: \(english)")
        case .messagesShape:
            return ("messages 须为 { [检查编号] = 应包含的文字 } 的表", "messages must be a table of check ids to the texts their messages contain")
        case .notADate(let text):
            return ("“\(text)”不是日期", "'\(text)' is not a date")
        case .notAWorkingDay(let day, let calendar):
            return ("\(day)在日历\(calendar)中应为工作日，实为休息日", "expected \(day) to be a working day in \(calendar); it is not")
        case .notADayOff(let day, let calendar):
            return ("\(day)在日历\(calendar)中应为休息日，实为工作日", "expected \(day) to be a day off in \(calendar); it is a working day")
        case .workingDays(let count, let from, let reached, let calendar, let expected):
            return ("按日历\(calendar)，\(from)后第\(count)个工作日是\(reached)，不是\(expected)",
                    "\(count) working days after \(from) is \(reached) in \(calendar), not \(expected)")
        case .calendarSpecShape:
            return ("日历规格须给出 working、not_working，或 from、working_days 和 expect",
                    "a calendar spec needs working, not_working, or from, working_days and expect")
        case .noCalendar(let id, let declared):
            return ("没有日历“\(id)”（已声明：\(declared.joined(separator: "、"))）",
                    "no calendar '\(id)' (declared: \(declared.joined(separator: ", ")))")
        case .checklistSpecShape:
            return ("清单规格须给出 id 和 row（或 listed = false）", "a checklist spec needs id and row (or listed = false)")
        case .noChecklist(let id):
            return ("没有清单“\(id)”", "no checklist '\(id)'")
        case .notListed:
            return ("该户未列入清单（row 函数返回 nil）", "the household is not on the list (the row function returned nil)")
        case .listed:
            return ("该户应不列入清单，实际列入了", "expected the household off the list, got a row")
        case .cell(let column, let expected, let actual):
            return ("“\(column)”栏应为“\(expected)”，实为“\(actual)”", "column \(column): expected '\(expected)', got '\(actual)'")
        case .dueSpecShape:
            return ("due 须为 { id, due_on, done_on?, message?, message_lacks? } 的列表（message 为文字，message_lacks 为文字或文字列表）",
                    "due must be a list of { id, due_on, done_on?, message?, message_lacks? } (message a text, message_lacks a text or a list of texts)")
        case .deadlineFailed(let message):
            return ("时限规则出错：\(message)", "a deadline failed: \(message)")
        case .undeclaredDeadline(let id):
            return ("not_due 所列时限规则“\(id)”插件中未声明", "not_due names deadline '\(id)', which the plugin does not declare")
        case .dueUnexpectedly(let id, let items):
            return ("“\(id)”应无到期事项，实有：\(items.joined(separator: "、"))",
                    "expected nothing due from \(id); due: \(items.joined(separator: ", "))")
        case .itemMissing(let item, let due):
            let (chinese, english) = list(due, ("无", "nothing"))
            return ("应有到期事项\(item)；实际到期：\(chinese)", "expected \(item) to be due; due: \(english)")
        case .itemUnexpected(let item, let message):
            return ("不应有到期事项\(item)（\(message)）", "did not expect \(item) (\(message))")
        case .itemMessage(let item, let text, let expected, let message):
            return expected
                ? ("到期事项\(item)的说明应含“\(text)”，实为：\(message)", "expected the message of \(item) to contain '\(text)'; it is: \(message)")
                : ("到期事项\(item)的说明不应含“\(text)”，实为：\(message)", "expected the message of \(item) not to contain '\(text)'; it is: \(message)")
        case .noDuty(let id, let declared):
            return ("没有定期工作“\(id)”（已声明：\(declared.joined(separator: "、"))）",
                    "no duty '\(id)' (declared: \(declared.joined(separator: ", ")))")
        case .dutySpecShape:
            return ("定期工作规格须给出 from、through（日期写作 YYYY-MM-DD）和 due（日期列表）",
                    "a duty spec needs from and through (dates written YYYY-MM-DD) and due, a list of dates")
        case .dutyWindow(let from, let through):
            return ("定期工作规格的截止日（\(through)）早于起始日（\(from)）",
                    "a duty spec's window must not end (\(through)) before it starts (\(from))")
        case .dutyDates(let id, let actual, let from, let through, let expected):
            let (actualChinese, actualEnglish) = list(actual, ("无", "never"))
            let (expectedChinese, expectedEnglish) = list(expected, ("无", "never"))
            return ("定期工作\(id)在\(from)至\(through)的到期日为\(actualChinese)，不是\(expectedChinese)",
                    "duty \(id) falls due \(actualEnglish) from \(from) through \(through), not \(expectedEnglish)")
        case .asOfShape:
            return ("as_of 须为日期，写作 YYYY-MM-DD", "as_of must be a date written YYYY-MM-DD")
        case .assetExpectsNothing:
            return ("规格未给出预期：须给出 findings、includes、excludes 或 messages", "the spec expects nothing: give findings, includes, excludes or messages")
        case .expectsNothing:
            return ("规格未给出预期：须给出 findings、includes、excludes、messages、guard、checklist、due 或 not_due",
                    "the spec expects nothing: give findings, includes, excludes, messages, guard, checklist, due or not_due")
        case .guardFailed(let message):
            return ("把关规则出错：\(message)", "a guard failed: \(message)")
        case .refusedShape:
            return ("refused 须为 true 或 false", "refused must be true or false")
        case .guardsAllowed(let transition):
            return ("“\(transition.chineseName)”的把关规则应拒绝，实际放行", "expected the \(transition.rawValue) guards to refuse; they allowed it")
        case .guardsRefused(let transition, let reasons):
            return ("“\(transition.chineseName)”的把关规则应放行，实际拒绝：\(reasons.joined(separator: "；"))",
                    "expected the \(transition.rawValue) guards to allow it; they refused: \(reasons.joined(separator: "; "))")
        case .reasonMissing(let wanted, let reasons):
            let (chinese, english) = (reasons.isEmpty ? "无" : reasons.joined(separator: "；"), reasons.isEmpty ? "none" : reasons.joined(separator: "; "))
            return ("应有包含“\(wanted)”的理由；实际理由：\(chinese)", "expected a reason containing '\(wanted)'; the reasons were: \(english)")
        case .plugin(let message):
            return (message, message)
        }
    }

    public static var samples: [SpecProblem] {
        let day = LocalDate(year: 2024, month: 10, day: 8)!, later = LocalDate(year: 2024, month: 10, day: 11)!
        return [
            .undeclaredCheck("minqin.x"), .checksStopped("指令预算用尽"), .checkFailed("nil 值"), .findingsMissing(["minqin.income-below-line"]),
            .findingsUnexpected(["minqin.x（收入低于监测线）"]), .findingMissing("minqin.x"), .findingUnexpected("minqin.x", found: "minqin.x（收入低于监测线）"),
            .messageMissing("minqin.x", wanted: "自2023年5月起", messages: ["养殖暖棚闲置"]), .messageMissing("minqin.x", wanted: "已7个月", messages: []),
            .messagesShape,
            .notADate("2024-13-01"), .notAWorkingDay("2024-10-01", calendar: "cn"), .notADayOff("2024-10-08", calendar: "cn"),
            .workingDays(count: 3, from: day, reached: later, calendar: "cn", expected: "2024-10-10"), .calendarSpecShape,
            .noCalendar("gs", declared: ["cn"]), .checklistSpecShape, .noChecklist("ledger"), .notListed, .listed,
            .cell(column: "姓名", expected: "张三", actual: "李四"), .dueSpecShape, .deadlineFailed("nil 值"), .undeclaredDeadline("answer"),
            .dueUnexpectedly("answer", items: ["2024-10-11（核实）"]), .itemMissing("answer 2024-10-11", due: []),
            .itemUnexpected("answer 2024-10-11", message: "核实"),
            .itemMessage("answer 2024-10-11", text: "核实", expected: true, message: "反馈"),
            .itemMessage("answer 2024-10-11", text: "2022-03-01", expected: false, message: "2022-03-01放贷"), .noDuty("monthly", declared: ["quarterly"]), .dutySpecShape,
            .dutyWindow(from: later, through: day), .dutyDates("monthly", actual: [], from: day, through: later, expected: ["2024-10-10"]),
            .asOfShape, .assetExpectsNothing, .expectsNothing, .guardFailed("nil 值"), .refusedShape, .guardsAllowed(.eliminate),
            .guardsRefused(.eliminate, reasons: ["七不消：收入未达标"]), .reasonMissing("收入", reasons: []), .plugin("minqin/spec/a.lua:3：语法错误"),
        ]
    }
}
