import DixianCore
import LuaHost

/// A field's value as a check reads it in a view: text as a string, whole numbers as integers,
/// amounts in yuan (a float), flags as booleans, dates as `YYYY-MM-DD`, a list of terms as a
/// sequence of their identifiers, and an absent value as nil.
struct LuaFieldValue: LuaPushable {
    let value: FieldValue
    let kind: FieldKind

    func push(onto stack: LuaStack) {
        switch value {
        case .null: stack.pushNil()
        case .text(let text):
            if case .terms = kind {
                text.isEmpty ? [String]().push(onto: stack) : text.split(separator: termListSeparator).map(String.init).push(onto: stack)
            } else {
                stack.push(text)
            }
        case .integer(let number): stack.push(number)
        case .money(let amount): stack.push(amount.yuan)
        case .flag(let flag): stack.push(flag)
        case .date(let date): date.push(onto: stack)
        }
    }
}

/// Where a record's view fields are: each layout field that a view shows, with its name and
/// kind, made once per kind of record.
struct LuaViewFields<R: DescribedRecord>: Sendable {
    let fields: [(field: R.Field, name: String, kind: FieldKind)]

    init() {
        fields = R.Field.allCases.compactMap { field in
            let described = field.described
            return described.view.map { (field, $0, described.kind) }
        }
    }
}

/// Fields a check reads of records filled whole (monitoring episodes and steps, plans, monthly
/// incomes, hospital stays, complaints, loans): the view fields of their layouts, made once.
enum ViewLayouts {
    static let monthlyIncome = LuaViewFields<MonthlyIncome>()
    static let episode = LuaViewFields<MonitoringEpisode>()
    static let step = LuaViewFields<MonitoringStep>()
    static let plan = LuaViewFields<AssistancePlan>()
    static let hospitalStay = LuaViewFields<HospitalStay>()
    static let complaint = LuaViewFields<Complaint>()
    static let loan = LuaViewFields<MicrocreditLoan>()
}

extension LuaViewFields {
    /// Sets the view fields of `record` on the table on top of `stack`.
    func fill(_ record: R, _ stack: LuaStack) {
        for (field, name, kind) in fields {
            stack.setField(name, LuaFieldValue(value: record.value(of: field), kind: kind))
        }
    }
}

/// A record as a Lua table of its layout's view fields (any described record, a test's own
/// included).
struct LuaRecord<R: DescribedRecord>: LuaPushable {
    let record: R

    func push(onto stack: LuaStack) {
        let layout = LuaViewFields<R>()
        stack.pushTable(fieldCount: layout.fields.count)
        layout.fill(record, stack)
    }
}
