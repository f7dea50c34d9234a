import DixianCore
import DixianPlugins

/// The actions officials take on the registry: monitoring transitions, plans, measures,
/// visits, problems and department warnings. Each is allowed to `role` by the plugin's role
/// table (`permit`), validated, asked of the plugin's guards where the plugin declares any for
/// it, and applied in one transaction, audited as `user`.
public struct Workflow {
    /// The registry, in either store.
    public let store: any RegistryStore & HouseholdViewSource & ScreeningRunStore
    /// The plugin runtime whose guards judge monitoring transitions (nil: no guards).
    public let guards: PluginRuntime?
    /// Who makes the changes, for the audit trail.
    public let user: String
    /// Today: nothing is recorded as done later than this.
    public let today: LocalDate
    /// The role `user` acts in: the steps it may take are the plugin's (`permit`).
    public let role: UserRole

    /// A workflow on `store`, guarded by `guards`' plugin, audited as `user` acting in `role`,
    /// on `today`. The county administrator is the role of the county office at its own
    /// console and command line (see `WorkflowOptions`); the server passes its user's.
    public init(store: any RegistryStore & HouseholdViewSource & ScreeningRunStore, guards: PluginRuntime?, user: String, today: LocalDate,
                role: UserRole = .countyAdministrator) {
        self.store = store
        self.guards = guards
        self.user = user
        self.today = today
        self.role = role
    }

    /// Refuses `step` unless the plugin's role table lets `role` take it (without a plugin, or
    /// for a step it does not list, only the county administrator may). Asked before anything
    /// else, so that a refusal reads and changes nothing.
    public func permit(_ step: WorkflowStep) throws {
        let allowed = guards?.declarations.roles(allowedTo: step) ?? PermitDeclaration.unlisted
        if !allowed.contains(role) { throw WorkflowError.notPermitted(step, role, allowed) }
    }

    /// Refuses `date` when it is after today: work is recorded when it has been done.
    func requirePast(_ date: LocalDate) throws {
        if date > today { throw WorkflowError.futureDate(date, today) }
    }

    /// The record of `table` with integer key `id`.
    func record<R: RegistryRecordValue>(_: R.Type, id: Int64) async throws -> R {
        let found = try await store.records(in: R.registryTable, where: "id", equals: String(id))
        guard let record = found.first?.value as? R else { throw WorkflowError.notFound(R.registryTable, String(id)) }
        return record
    }

    /// The records of `R`'s table whose `column` is `value`.
    func records<R: RegistryRecordValue>(_: R.Type, where column: String, equals value: String) async throws -> [R] {
        try await store.records(in: R.registryTable, where: column, equals: value).compactMap { $0.value as? R }
    }

    /// Household `number`.
    func household(_ number: String) async throws -> Household {
        guard let household = try await store.household(number: number) else {
            throw WorkflowError.notFound(.household, number)
        }
        return household
    }

    /// Throws `emptyText` for the first of `texts` that is empty or blank.
    static func require(_ texts: KeyValuePairs<RequiredText, String>) throws {
        for (what, text) in texts where text.allSatisfy(\.isWhitespace) { throw WorkflowError.emptyText(what) }
    }

    /// Applies `changes` in one audited transaction.
    func apply(_ changes: [RegistryChange]) async throws {
        try await store.apply(changes, as: user)
    }
}

/// Why the workflow refused an action. Its text is in English or Chinese, the language of the
/// plugin the official works with.
public enum WorkflowError: Error, Hashable, MessageCatalogue {
    /// No record of that kind with that key.
    case notFound(RegistryTable, String)
    /// No screening run with that id.
    case noScreeningRun(Int64)
    /// The monitoring lifecycle (or a guard) refused.
    case monitoring(MonitoringRefusal)
    /// The record is already closed (a problem fixed, a warning verified, a measure done).
    case alreadyClosed(RegistryTable, String)
    /// A text that must be given is empty (a fix, a verification result).
    case emptyText(RequiredText)
    /// A date is before the date it must follow.
    case dateBefore(LocalDate, LocalDate, EarlierDate)
    /// A date is after today.
    case futureDate(LocalDate, LocalDate)
    /// A plan of an episode whose risk is eliminated is no longer adjusted (seed rule of the
    /// national guidance: 风险已消除的监测对象不再进行动态调整).
    case eliminatedPlan(Int64)
    /// The plugin's role table does not let the role take the step (the roles it allows).
    case notPermitted(WorkflowStep, UserRole, [UserRole])

    public var texts: (chinese: String, english: String) {
        switch self {
        case .notFound(let table, let key):
            ("没有编号为\(key)的\(Self.chineseName(of: table))", "there is no \(table.rawValue) \(key)")
        case .noScreeningRun(let id):
            ("没有编号为\(id)的筛查记录", "there is no screening run \(id)")
        case .monitoring(let refusal):
            refusal.texts
        case .alreadyClosed(let table, let key):
            ("\(Self.chineseName(of: table))\(key)已办结", "\(table.rawValue) \(key) is already closed")
        case .emptyText(let what):
            ("须填写\(what.chineseName)", "the \(what.rawValue) must be given")
        case .dateBefore(let date, let earliest, let what):
            ("日期\(date)早于\(what.chineseName)（\(earliest)）", "the date \(date) is before \(what.rawValue) (\(earliest))")
        case .futureDate(let date, let today):
            ("日期\(date)晚于今天（\(today)）：办理后再登记", "the date \(date) is after today (\(today)): record work once it is done")
        case .eliminatedPlan(let id):
            ("帮扶计划\(id)对应的监测对象风险已消除，不再进行动态调整",
             "plan \(id) belongs to an episode whose risk is eliminated; it is no longer adjusted")
        case .notPermitted(let step, let role, let allowed):
            ("\(role.chineseName)不能办理“\(step.chineseName)”：此环节由\(allowed.map(\.chineseName).joined(separator: "、"))办理",
             "a \(role.rawValue) may not take the step \(step.rawValue): it is for \(allowed.map(\.rawValue).joined(separator: ", "))")
        }
    }

    public static var samples: [WorkflowError] {
        let may = LocalDate(year: 2024, month: 5, day: 1)!, june = LocalDate(year: 2024, month: 6, day: 1)!
        return [.notFound(.household, "620621100201000123"), .noScreeningRun(7), .monitoring(.reasonsRequired(.sendBack)),
                .alreadyClosed(.problem, "3"), .emptyText(RequiredText.allCases[0]), .dateBefore(may, june, EarlierDate.allCases[0]),
                .futureDate(june, may), .eliminatedPlan(5),
                .notPermitted(.approve, .villageCadre, [.countyAdministrator])]
    }

    private static func chineseName(of table: RegistryTable) -> String {
        switch table {
        case .household: "农户"
        case .member: "家庭成员"
        case .monitoringEpisode: "监测记录"
        case .monitoringStep: "监测环节记录"
        case .departmentWarning: "部门预警信息"
        case .assistancePlan: "帮扶计划"
        case .measure: "帮扶措施"
        case .visit: "走访记录"
        case .problem: "问题"
        case .asset: "资产"
        case .place: "行政区划"
        case .hospitalStay: "住院记录"
        case .complaint: "投诉举报"
        case .microcreditLoan: "小额信贷"
        default: table.rawValue
        }
    }
}

/// The texts an action cannot do without.
public enum RequiredText: String, OfficialTerm {
    /// What is to be done or what is wrong.
    case description
    /// 责任单位.
    case responsibleUnit = "responsible unit"
    /// 责任人.
    case responsiblePerson = "responsible person"
    /// 整改措施.
    case measure
    /// 发现途径.
    case foundBy = "found by"
    /// 走访人.
    case visitor
    /// 整改情况.
    case fix
    /// 核实结果.
    case result

    public var chineseName: String {
        switch self {
        case .description: "内容"
        case .responsibleUnit: "责任单位"
        case .responsiblePerson: "责任人"
        case .measure: "整改措施"
        case .foundBy: "发现途径"
        case .visitor: "走访人"
        case .fix: "整改情况"
        case .result: "核实结果"
        }
    }
}

/// The dates a later date must not precede.
public enum EarlierDate: String, OfficialTerm {
    /// When the plan was made.
    case planMade = "the plan's date"
    /// When the measure starts.
    case measureStart = "the measure's start"
    /// When the problem was found.
    case found = "the date the problem was found"
    /// When the warning was received.
    case received = "the date the warning was received"

    public var chineseName: String {
        switch self {
        case .planMade: "帮扶计划制定日期"
        case .measureStart: "措施开始日期"
        case .found: "问题发现日期"
        case .received: "预警日期"
        }
    }
}
