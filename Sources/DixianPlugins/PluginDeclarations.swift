import DixianCore
import DixianSheets
import LuaHost

/// What a loaded plugin chain declared, read back from Lua (functions stay in the state).
public struct PluginDeclarations: Sendable {
    /// Household checks, in the order they run.
    public var checks: [CheckDeclaration]
    /// Asset checks, in the order they run.
    public var assetChecks: [CheckDeclaration]
    /// Dated parameters.
    public var parameters: [ParameterDeclaration]
    /// Guards on monitoring transitions.
    public var guards: [GuardDeclaration]
    /// Who may take which workflow step (`dixian.permit`), one entry per step declared.
    public var permits: [PermitDeclaration]
    /// Working-day calendars.
    public var calendars: [CalendarDeclaration]
    /// Deadlines: the work each household owes, with due dates.
    public var deadlines: [DeadlineDeclaration]
    /// Monthly, quarterly or yearly duties of units, with no record in the registry.
    public var duties: [DutyDeclaration]
    /// Checklist definitions (column headers; rows come from the plugin's function).
    public var checklists: [ChecklistDeclaration]
    /// Report definitions.
    public var reports: [ReportDeclaration]
    /// Specs (only when spec files were loaded).
    public var specs: [Declaration]
}

/// Where something was declared and by which plugin of the chain.
public struct Declaration: Hashable, Sendable {
    /// Its id (or, for specs, its name).
    public var id: String
    /// Its title.
    public var title: String
    /// `plugin/file.lua:line` of the declaration.
    public var location: String
    /// The plugin that declared it.
    public var plugin: String
    /// The document and section it encodes, if the plugin said.
    public var source: String?
}

/// A household or asset check.
public struct CheckDeclaration: Hashable, Sendable {
    /// Id, title, location.
    public var declaration: Declaration
    /// The risk types its findings point to unless a finding says otherwise.
    public var riskTypes: [RiskType]
    /// The severity of its findings unless a finding says otherwise.
    public var severity: Severity
    /// Its group (Ningxia's 四查四补 families, say).
    public var group: String?
    /// Whether it names households the rules ask staff to visit or look at (六必访, say)
    /// rather than problems: summaries count its findings apart.
    public var isList: Bool = false
    /// The check's id.
    public var id: String { declaration.id }
}

/// A parameter with its dated values.
public struct ParameterDeclaration: Hashable, Sendable {
    /// Id (its name), title, location.
    public var declaration: Declaration
    /// Its unit, if given.
    public var unit: String?
    /// Its values, oldest first.
    public var values: [DatedValue]

    /// A value and the date it takes effect.
    public struct DatedValue: Hashable, Sendable {
        /// `YYYY-MM-DD`; `0001-01-01` for a value without a date.
        public var from: String
        /// The value as Lua shows it.
        public var value: String
        /// Why there is no value from `from` on, when the plugin declared none (`unset = '...'`):
        /// the county must set one before a run on such a date.
        public var unset: String? = nil
    }

    /// The first date after `date` on which another of its values takes effect, if any (values
    /// are declared in date order).
    public func nextChange(after date: LocalDate) -> LocalDate? {
        let day = date.description
        return values.first(where: { $0.from > day }).flatMap { LocalDate(iso: $0.from) }
    }

    /// The value in force on `date`, when it is one the plugin declared unset; nil when a value
    /// is set then (or none starts by then, which only the checks that read it can judge).
    public func unsetValue(on date: LocalDate) -> DatedValue? {
        let day = date.description
        guard let inForce = values.last(where: { $0.from <= day }), inForce.unset != nil else { return nil }
        return inForce
    }
}

/// A guard on a monitoring transition.
public struct GuardDeclaration: Hashable, Sendable {
    /// Id, title, location.
    public var declaration: Declaration
    /// The transition it guards.
    public var transition: MonitoringTransition
}

/// The roles that may take a workflow step.
public struct PermitDeclaration: Hashable, Sendable {
    /// The step's id (its name), location and source.
    public var declaration: Declaration
    /// The step.
    public var step: WorkflowStep
    /// The roles that may take it, as declared.
    public var roles: [UserRole]

    /// Who may take a step no plugin of the chain permits, or any step without a plugin: the
    /// county administrator alone (the county holds every power of the registry it runs).
    public static let unlisted: [UserRole] = [.countyAdministrator]
}

extension PluginDeclarations {
    /// The roles that may take `step`: those the chain declared, or `PermitDeclaration.unlisted`.
    public func roles(allowedTo step: WorkflowStep) -> [UserRole] {
        permits.first { $0.step == step }?.roles ?? PermitDeclaration.unlisted
    }
}

/// A deadline: a function over a household that says what it still owes and by when.
public struct DeadlineDeclaration: Hashable, Sendable {
    /// Id, title, location.
    public var declaration: Declaration
    /// The unit responsible for its items unless an item names another.
    public var responsible: String
}

/// A periodic duty of a unit, owed by no household: Minqin's monthly reports due on the 25th
/// and the 30th, its quarterly data check, Xiao County's 2021 self-inspection report.
public struct DutyDeclaration: Hashable, Sendable {
    /// Id, title, location.
    public var declaration: Declaration
    /// The unit responsible.
    public var responsible: String
    /// The day of the month it is due (the month's last day when the month is shorter).
    public var day: Int
    /// The months it falls due in, 1...12 (all twelve for a monthly duty; 3, 6, 9, 12 for a
    /// quarterly one).
    public var months: Set<Int> = Set(1...12)
    /// The first day it can fall due, if it is limited (Xiao County's report of the 2021 排查).
    public var from: LocalDate? = nil
    /// The last day it can fall due, if it is limited.
    public var through: LocalDate? = nil

    /// The dates it falls due from `start` to `end`, both included: `day` of each of its
    /// months, within its own `from`...`through`.
    public func dueDates(from start: LocalDate, through end: LocalDate) -> [LocalDate] {
        let first = from.map { max($0, start) } ?? start, last = through.map { min($0, end) } ?? end
        var dates: [LocalDate] = []
        var year = first.year, month = first.month
        while (year, month) <= (last.year, last.month) {
            if months.contains(month),
                let date = LocalDate(year: year, month: month, day: min(day, LocalDate.daysIn(month: month, year: year))),
                date >= first, date <= last {
                dates.append(date)
            }
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return dates
    }
}

/// A checklist: its columns, in order, possibly grouped under multi-level headers.
public struct ChecklistDeclaration: Hashable, Sendable {
    /// One column: the key its row function fills, and its header.
    public struct Column: Hashable, Sendable {
        /// The key its row function fills.
        public var key: String
        /// The header officials read, under its upper headers.
        public var header: SheetColumn
    }

    /// Id, title, location.
    public var declaration: Declaration
    /// The columns.
    public var columns: [Column]
    /// How it is printed: its orientation and the sign-off line under its table.
    public var printing = PrintSetup()
}

/// A report: what it is, and the costly data it asks the host to prepare.
public struct ReportDeclaration: Hashable, Sendable {
    /// Id, title, location.
    public var declaration: Declaration
    /// What it said it does.
    public var description: String?
    /// Data prepared before it renders (`due`: the due list of the county).
    public var needs: Set<String>
    /// How it is printed: its orientation and the sign-off line at its end.
    public var printing = PrintSetup()
    /// The report's id.
    public var id: String { declaration.id }
}

extension ChecklistDeclaration.Column {
    /// Reads a column `read_columns` checked: key, title, groups, width.
    init(_ value: LuaValue) {
        key = value["key"].stringValue ?? "?"
        header = SheetColumn(
            title: value["title"].stringValue ?? "?",
            groups: (value["groups"].tableValue?.array ?? []).compactMap(\.stringValue),
            width: value["width"].doubleValue)
    }
}

extension PrintSetup {
    /// Reads a checklist's or report's `orientation` and `sign_off`, which `declarations.lua` checked.
    init(declaredBy entry: LuaValue) {
        self.init(orientation: entry["orientation"].stringValue.flatMap(Orientation.init(rawValue:)),
                  signOff: (entry["sign_off"].tableValue?.array ?? []).compactMap(\.stringValue))
    }
}

extension PluginDeclarations {
    /// Reads what `host.describe()` returned.
    init(described value: LuaValue) {
        func list(_ kind: String) -> [LuaValue] { value[kind].tableValue?.array ?? [] }
        func declaration(_ entry: LuaValue, idField: String = "id") -> Declaration {
            Declaration(
                id: entry[idField].stringValue ?? "?", title: entry["title"].stringValue ?? entry[idField].stringValue ?? "?",
                location: entry["where"].stringValue ?? "?", plugin: entry["plugin"].stringValue ?? "?",
                source: entry["source"].stringValue)
        }
        func check(_ entry: LuaValue) -> CheckDeclaration {
            CheckDeclaration(
                declaration: declaration(entry),
                riskTypes: (entry["risk_types"].tableValue?.array ?? []).compactMap { $0.stringValue.flatMap(RiskType.init(rawValue:)) },
                severity: entry["severity"].stringValue.flatMap(Severity.init(rawValue:)) ?? .medium,
                group: entry["group"].stringValue, isList: entry["list"] == .boolean(true))
        }
        func dates(_ entry: LuaValue, _ field: String) -> Set<LocalDate> {
            Set((entry[field].tableValue?.array ?? []).compactMap { $0.stringValue.flatMap { LocalDate(iso: $0) } })
        }
        checks = list("checks").map(check)
        assetChecks = list("asset_checks").map(check)
        parameters = list("parameters").map { entry in
            ParameterDeclaration(
                declaration: declaration(entry), unit: entry["unit"].stringValue,
                values: (entry["values"].tableValue?.array ?? []).map {
                    ParameterDeclaration.DatedValue(from: $0["from"].stringValue ?? "?", value: $0["value"].displayText,
                                                    unset: $0["unset"].stringValue)
                })
        }
        guards = list("guards").compactMap { entry in
            MonitoringTransition(rawValue: entry["transition"].stringValue ?? "").map {
                GuardDeclaration(declaration: declaration(entry), transition: $0)
            }
        }
        permits = list("permits").compactMap { entry in
            WorkflowStep(rawValue: entry["id"].stringValue ?? "").map {
                PermitDeclaration(declaration: declaration(entry), step: $0,
                                  roles: (entry["roles"].tableValue?.array ?? []).compactMap { $0.stringValue.flatMap(UserRole.init(rawValue:)) })
            }
        }
        calendars = list("calendars").map { entry in
            CalendarDeclaration(declaration: declaration(entry), holidays: dates(entry, "holidays"), workdays: dates(entry, "workdays"))
        }
        checklists = list("checklists").map { entry in
            ChecklistDeclaration(
                declaration: declaration(entry),
                columns: (entry["columns"].tableValue?.array ?? []).map(ChecklistDeclaration.Column.init),
                printing: PrintSetup(declaredBy: entry))
        }
        deadlines = list("deadlines").map { entry in
            DeadlineDeclaration(declaration: declaration(entry), responsible: entry["responsible"].stringValue ?? "?")
        }
        duties = list("duties").map { entry in
            DutyDeclaration(declaration: declaration(entry), responsible: entry["responsible"].stringValue ?? "?",
                            day: Int(entry["day"].integerValue ?? 1),
                            months: Set((entry["months"].tableValue?.array ?? []).compactMap { $0.integerValue.map(Int.init) }),
                            from: entry["from"].stringValue.flatMap { LocalDate(iso: $0) },
                            through: entry["through"].stringValue.flatMap { LocalDate(iso: $0) })
        }
        reports = list("reports").map { entry in
            ReportDeclaration(declaration: declaration(entry), description: entry["description"].stringValue,
                              needs: Set((entry["needs"].tableValue?.array ?? []).compactMap(\.stringValue)),
                              printing: PrintSetup(declaredBy: entry))
        }
        specs = list("specs").map { declaration($0, idField: "name") }
    }
}
