import DixianCore
import LuaHost

/// The names of a household view's fields, pushed once on the stack and used by index. The
/// fields of the household, member, income and survey tables are their records' layouts' view
/// fields (DixianCore, Layout+Households.swift), then the few a view computes (a household's
/// township, a member's age, an income's net); the lists are the view's own.
struct ViewKeys {
    /// One field name: its position in `catalogue`.
    struct Key: Hashable, Comparable, Sendable {
        let rawValue: Int32

        /// The name checks read.
        var name: String { Self.catalogue[Int(rawValue)].name }
        /// The table that holds the field.
        var record: Record { Self.catalogue[Int(rawValue)].record }

        static let allCases = catalogue.indices.map { Key(rawValue: Int32($0)) }
        static let names = catalogue.map(\.name)

        /// Every field: the layouts' view fields and the view's own, with the tables that hold them.
        static let catalogue: [(name: String, record: Record)] = {
            func viewNames<R: DescribedRecord>(_: R.Type, _ record: Record) -> [(name: String, record: Record)] {
                R.layout.viewFields.map { ($0.name, record) }
            }
            let catalogue = viewNames(Household.self, .household) + [("township", .household), ("county", .household)]
                + [("village_name", .household), ("village_disaster_on", .household), ("village_disaster", .household)]
                + ["members", "incomes", "survey", "monthly_incomes", "episodes"].map { ($0, Record.household) }
                + [("steps", .episode), ("plans", .household), ("visits", .household), ("hospital_stays", .household), ("complaints", .household), ("loans", .household)]
                + viewNames(Member.self, .member) + [("is_head", .member), ("age", .member), ("sex", .member)]
                + viewNames(IncomeRecord.self, .income) + [("net", .income), ("per_capita", .income)]
                + viewNames(GuaranteeSurvey.self, .survey)
            precondition(catalogue.count <= ViewFields.capacity, "a view has more fields than ViewFields can tell apart")
            return catalogue
        }()

        /// The key named `name` among `record`'s fields.
        static func named(_ name: String, in record: Record = .household) -> Key {
            guard let index = catalogue.firstIndex(where: { $0.name == name && $0.record == record }) else {
                preconditionFailure("a household view has no field \(name) in its \(record) tables")
            }
            return Key(rawValue: Int32(index))
        }

        static let size = named("size"), township = named("township"), county = named("county")
        static let villageName = named("village_name"), villageDisasterOn = named("village_disaster_on")
        static let villageDisaster = named("village_disaster")
        static let members = named("members"), incomes = named("incomes"), survey = named("survey")
        static let monthlyIncomes = named("monthly_incomes"), episodes = named("episodes"), steps = named("steps", in: .episode)
        static let plans = named("plans"), visits = named("visits"), hospitalStays = named("hospital_stays")
        static let complaints = named("complaints"), loans = named("loans")
        static let isHead = named("is_head", in: .member), age = named("age", in: .member), sex = named("sex", in: .member)
        static let net = named("net", in: .income), perCapita = named("per_capita", in: .income)

        static func < (left: Key, right: Key) -> Bool { left.rawValue < right.rawValue }
    }

    /// A kind of table in a view. Episodes (with their steps), plans, visits, hospital stays,
    /// complaints, loans and monthly incomes are always filled whole: they are few, and their tables carry no metatable.
    enum Record: String, CaseIterable, Sendable {
        case household, member, income, survey, episode
    }

    /// The layout fields of each table a view fills field by field, with their keys.
    static let household = RecordKeys<Household>(.household)
    static let member = RecordKeys<Member>(.member)
    static let income = RecordKeys<IncomeRecord>(.income)
    static let survey = RecordKeys<GuaranteeSurvey>(.survey)

    /// The names of the fields of `record` tables.
    static func names(of record: Record) -> [String] {
        Key.allCases.filter { $0.record == record }.map(\.name)
    }

    /// The stack index of the first name.
    let base: Int32

    /// Pushes every name on `stack`; pop them with `pop(stack)` (or `keepTop`) when done.
    init(_ stack: LuaStack) {
        base = stack.pushKeys(Key.names)
    }

    /// The stack index of `key`'s name.
    subscript(key: Key) -> Int32 { base + key.rawValue }

    /// Pops the names (they must be on top).
    func pop(_ stack: LuaStack) {
        stack.pop(Int32(Key.allCases.count))
    }
}

/// A record's layout fields that a view shows, each with its view key and kind.
struct RecordKeys<R: DescribedRecord>: Sendable {
    let entries: [(key: ViewKeys.Key, field: R.Field, kind: FieldKind)]

    init(_ record: ViewKeys.Record) {
        entries = R.Field.allCases.compactMap { field in
            let described = field.described
            return described.view.map { (ViewKeys.Key.named($0, in: record), field, described.kind) }
        }
    }
}
