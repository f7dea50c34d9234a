import DixianCore
import DixianPlugins
import DixianScreening
import DixianWorkflow
import Foundation
import LuaHost

/// The queries a report's Lua script asks the host (the `data` table of `render(data, ctx)`):
/// counts of households, episodes, incomes, problems, assets, screening findings and due work,
/// grouped by the dimensions the script names. docs/plugin-api.md lists them. Everything is
/// read from the registry as of the report's date, within its area, once, on first use.
final class ReportQueries: @unchecked Sendable {
    private let store: any RegistryStore & HouseholdViewSource & ScreeningRunStore
    private let asOf: LocalDate
    private let area: String?
    private let plugin: PluginManifest
    private let declarations: PluginDeclarations
    private let places: [String: String]
    private let due: DueList?
    private lazy var households: Result<[HouseholdFacts], any Error> = Result { try readHouseholds() }
    private lazy var townshipOf: [String: String] = Dictionary(
        ((try? households.get()) ?? []).map { ($0.number, $0.township) }, uniquingKeysWith: { first, _ in first })

    init(store: any RegistryStore & HouseholdViewSource & ScreeningRunStore, asOf: LocalDate, area: String?,
         plugin: PluginManifest, declarations: PluginDeclarations, places: [String: String], due: DueList?) {
        self.store = store
        self.asOf = asOf
        self.area = area
        self.plugin = plugin
        self.declarations = declarations
        self.places = places
        self.due = due
    }

    private func readHouseholds() throws -> [HouseholdFacts] {
        var facts: [HouseholdFacts] = []
        for partition in try store.partitions(area: area, size: 8192) {
            try store.readViews(in: partition, asOf: asOf, batchSize: 512) { views in
                facts += views.map(HouseholdFacts.init)
            }
        }
        return facts
    }

    /// The `data` table for a render in `state`.
    func table(in state: LuaState) -> LuaTableReference {
        let data = LuaTableReference(in: state)
        data.set("as_of", asOf.description)
        data.set("area", area ?? "")
        func define(_ name: String, _ query: @escaping (Options) throws -> LuaValue) {
            data.set(name, state.makeFunction("data." + name) { frame in
                frame.return(try query(Options(frame.argument(1), function: "data." + name)))
            })
        }
        define("households", households(_:))
        define("episodes", episodes(_:))
        define("incomes", incomes(_:))
        define("problems", problems(_:))
        define("assets", assets(_:))
        define("asset_list", assetList(_:))
        define("findings", findings(_:))
        define("due", dueItems(_:))
        define("done_late", doneLate(_:))
        data.set("due_list", state.makeFunction("data.due_list") { frame in
            guard let due = self.due else {
                throw LuaArgumentError("data.due_list needs the due list: declare the report with needs = { 'due' }")
            }
            frame.return(LuaValue.table(LuaTable(fields: [
                "as_of": .string(due.asOf.description), "items": .integer(Int64(due.items.count)),
                "overdue": .integer(Int64(due.items.filter(due.isOverdue).count)),
                "done_late": .integer(Int64(due.doneLate.count)), "complete": .boolean(due.failures.isEmpty),
                "failures": .integer(Int64(due.failures.count)),
            ])))
        })
        data.set("place", state.makeFunction("data.place") { frame in
            let code = try frame.string(1)
            frame.return(self.places[code] ?? code)
        })
        data.set("screening", state.makeFunction("data.screening") { frame in
            guard let run = try self.store.latestScreeningRun(plugin: self.plugin.id, asOf: self.asOf) else { return }
            frame.return(LuaValue.table(LuaTable(fields: [
                "id": .integer(run.id ?? 0), "as_of": .string(run.asOf.description),
                "households": .integer(Int64(run.householdCount)),
                "findings": .integer(Int64(run.findingsByCheck.values.reduce(0, +))),
                "complete": .boolean(run.failures.isEmpty),
            ])))
        })
        return data
    }

    // MARK: The queries

    /// `data.households{ by, where }`: households and people.
    private func households(_ options: Options) throws -> LuaValue {
        try options.allow(["by", "where"])
        let by = try options.dimensions(["township", "village", "category", "kind", "status", "risk_type"])
        var tally = Tally(by: by, metrics: ["households", "people"])
        for household in try households.get() where try options.matches(household) {
            tally.add(by.map { household.values(of: $0)! }, [1, Double(household.size)])
        }
        return tally.rows(name: name)
    }

    /// `data.episodes{ event, from, to, by, where }`: episodes whose event falls in the window
    /// (`reported`, `identified`, `eliminated`, `sent-back` 回退 and `relabelled` 再标注: an
    /// episode sent back or relabelled twice in the window counts once).
    private func episodes(_ options: Options) throws -> LuaValue {
        try options.allow(["event", "from", "to", "by", "where"])
        let event = try options.choice("event", of: ["reported", "identified", "eliminated", "sent-back", "relabelled"])
        let (from, to) = try options.window()
        let by = try options.dimensions(["township", "village", "category", "kind", "status", "risk_type", "channel"])
        var tally = Tally(by: by, metrics: ["episodes", "people"], distinctMetric: "households")
        for household in try households.get() where try options.matches(household) {
            for episode in household.episodes {
                guard episode.dates(of: event).contains(where: { $0 >= from && $0 <= to }) else { continue }
                tally.add(by.map { episode.values(of: $0) ?? household.values(of: $0)! }, [1, Double(household.size)],
                          distinctKey: household.number)
            }
        }
        return tally.rows(name: name)
    }

    /// `data.incomes{ year, line, by, where }`: households with net incomes of the year and the
    /// year before, their sums, how many rose and fell, and how many fall below `line` per head.
    private func incomes(_ options: Options) throws -> LuaValue {
        try options.allow(["year", "line", "by", "where"])
        let year = try options.integer("year") ?? asOf.year - 1
        let line = try options.number("line")
        let by = try options.dimensions(["township", "village", "category", "kind", "status", "risk_type"])
        var tally = Tally(by: by, metrics: ["households", "people", "net", "net_before", "increased", "decreased", "below_line"])
        for household in try households.get() where try options.matches(household) {
            guard let now = household.netIncome[year], let before = household.netIncome[year - 1], household.size > 0 else { continue }
            let perHead = Double(now.fen) / 100 / Double(household.size)
            tally.add(by.map { household.values(of: $0)! }, [
                1, Double(household.size), Double(now.fen) / 100, Double(before.fen) / 100,
                now > before ? 1 : 0, now < before ? 1 : 0, line.map { perHead < $0 ? 1 : 0 } ?? 0,
            ])
        }
        return tally.rows(name: name)
    }

    /// `data.problems{ from, to, by }`: problems found and closed in the window, and those open
    /// at its end (overdue when past their deadline).
    private func problems(_ options: Options) throws -> LuaValue {
        try options.allow(["from", "to", "by"])
        let (from, to) = try options.window()
        let by = try options.dimensions(["township", "responsible", "found_by"])
        var tally = Tally(by: by, metrics: ["found", "closed", "open", "overdue"])
        let townshipOf = try households.map { _ in self.townshipOf }.get()
        try store.forEachRecord(in: .problem) { record in
            guard case .problem(let problem) = record, problem.foundOn <= to else { return }
            let township = problem.householdNumber.flatMap { townshipOf[$0] } ?? ""
            if problem.householdNumber != nil && township.isEmpty { return }  // outside the area
            if let area, problem.householdNumber == nil, area.count > 6 { return }
            let open = problem.closedOn.map { $0 > to } ?? true
            let values: [Double] = [
                problem.foundOn >= from ? 1 : 0, problem.closedOn.map { $0 >= from && $0 <= to } == true ? 1 : 0,
                open ? 1 : 0, open && problem.deadline < to ? 1 : 0,
            ]
            guard values.contains(where: { $0 > 0 }) else { return }
            tally.add(by.map { dimension in
                switch dimension {
                case "township": [township]
                case "responsible": [problem.responsibleUnit]
                default: [problem.foundBy]
                }
            }, values)
        }
        return tally.rows(name: name)
    }

    /// `data.assets{ year, by }`: assets, their value, the year's income and distributions, and
    /// how many are idle, unregistered or without a custodian.
    private func assets(_ options: Options) throws -> LuaValue {
        try options.allow(["year", "by"])
        let year = try options.integer("year") ?? asOf.year - 1
        let by = try options.dimensions(["township", "village", "class", "status"])
        var tally = Tally(by: by, metrics: ["assets", "value", "income", "distributed", "idle", "unregistered", "no_custodian"])
        for view in try AssetViews.read(from: store, area: area) where view.asset.formedOn <= asOf {
            let asset = view.asset
            tally.add(by.map { dimension in
                switch dimension {
                case "township": [String(asset.villageCode.prefix(9))]
                case "village": [asset.villageCode]
                case "class": [asset.assetClass.rawValue]
                default: [asset.status.rawValue]
                }
            }, [
                1, Double(asset.value.fen) / 100, Self.yuan(view.incomes.filter { $0.year == year }.map(\.income)),
                Self.yuan(view.distributions.filter { $0.year == year }.map(\.amount)),
                asset.status == .idle ? 1 : 0, asset.ownershipRegistered ? 0 : 1, asset.custodian == nil ? 1 : 0,
            ])
        }
        return tally.rows(name: name)
    }

    /// `data.asset_list{ year }`: every asset, with the year's income and distributions.
    private func assetList(_ options: Options) throws -> LuaValue {
        try options.allow(["year"])
        let year = try options.integer("year") ?? asOf.year - 1
        let rows = try AssetViews.read(from: store, area: area).filter { $0.asset.formedOn <= asOf }.map { view -> LuaValue in
            let asset = view.asset
            let township = String(asset.villageCode.prefix(9))
            return .table(LuaTable(fields: [
                "id": .integer(asset.id), "project": .string(asset.project), "class": .string(asset.assetClass.rawValue),
                "class_name": .string(asset.assetClass.chineseName), "value": .number(Double(asset.value.fen) / 100),
                "village": .string(asset.villageCode), "township": .string(township),
                "township_name": .string(places[township] ?? township), "custodian": asset.custodian.map(LuaValue.string) ?? .nil,
                "registered": .boolean(asset.ownershipRegistered), "status": .string(asset.status.rawValue),
                "status_name": .string(asset.status.chineseName), "formed_on": .string(asset.formedOn.description),
                "status_since": asset.statusSince.map { .string($0.description) } ?? .nil,
                "income": .number(Self.yuan(view.incomes.filter { $0.year == year }.map(\.income))),
                "distributed": .number(Self.yuan(view.distributions.filter { $0.year == year }.map(\.amount))),
            ]))
        }
        return .table(LuaTable(array: rows))
    }

    /// `data.findings{ by }`: the findings of the plugin's latest screening run up to the
    /// report's date (empty when there is none; `data.screening()` says which run).
    private func findings(_ options: Options) throws -> LuaValue {
        try options.allow(["by"])
        let by = try options.dimensions(["township", "check", "group", "severity", "risk_type"])
        var tally = Tally(by: by, metrics: ["findings"], distinctMetric: "households")
        guard let run = try store.latestScreeningRun(plugin: plugin.id, asOf: asOf), let id = run.id else {
            return tally.rows(name: name)
        }
        let groups = Dictionary((declarations.checks + declarations.assetChecks).map { ($0.id, $0.group ?? "") },
                                uniquingKeysWith: { first, _ in first })
        try store.forEachFinding(ofRun: id) { finding in
            if let area, !finding.townshipCode.hasPrefix(String(area.prefix(9))) { return }
            tally.add(by.map { dimension in
                switch dimension {
                case "township": [finding.townshipCode]
                case "check": [finding.checkID]
                case "group": [groups[finding.checkID] ?? ""]
                case "severity": [finding.severity.rawValue]
                default: finding.riskTypes.isEmpty ? ["none"] : finding.riskTypes.map(\.rawValue)
                }
            }, [1], distinctKey: finding.householdNumber ?? "asset:\(finding.assetID ?? 0)")
        }
        return tally.rows(name: name)
    }

    /// `data.due{ by, overdue }`: items of the due list (the report must declare needs = { 'due' }).
    private func dueItems(_ options: Options) throws -> LuaValue {
        try options.allow(["by", "overdue"])
        guard let due else {
            throw LuaArgumentError("data.due needs the due list: declare the report with needs = { 'due' }")
        }
        let onlyOverdue = options.value["overdue"] == .boolean(true)
        let by = try options.dimensions(["township", "responsible", "person", "title"])
        var tally = Tally(by: by, metrics: ["items", "overdue"], distinctMetric: "households")
        for item in due.items where !onlyOverdue || due.isOverdue(item) {
            tally.add(by.map { Self.values(of: item, $0) }, [1, due.isOverdue(item) ? 1 : 0],
                      distinctKey: item.householdNumber ?? item.source.text)
        }
        return tally.rows(name: name)
    }

    /// `data.done_late{ from, to, by }`: work the plugin's deadlines say was done after its
    /// due date (the due list's 逾期完成), done in the window: items, households and days late.
    private func doneLate(_ options: Options) throws -> LuaValue {
        try options.allow(["from", "to", "by"])
        guard let due else {
            throw LuaArgumentError("data.done_late needs the due list: declare the report with needs = { 'due' }")
        }
        let (from, to) = try options.window()
        let by = try options.dimensions(["township", "responsible", "person", "title"])
        var tally = Tally(by: by, metrics: ["items", "days_late"], distinctMetric: "households")
        for item in due.doneLate {
            guard let done = item.doneOn, done >= from, done <= to else { continue }
            tally.add(by.map { Self.values(of: item, $0) }, [1, Double(DueList.daysLate(item))],
                      distinctKey: item.householdNumber ?? item.source.text)
        }
        return tally.rows(name: name)
    }

    /// The due-list item's value of `dimension` (`township`, `responsible`, `person`, `title`).
    private static func values(of item: DueList.Item, _ dimension: String) -> [String] {
        switch dimension {
        case "township": [item.township ?? ""]
        case "responsible": [item.responsible]
        case "person": [item.person ?? ""]
        default: [item.title]
        }
    }

    // MARK: Names

    /// The name officials read for `value` of `dimension`.
    private func name(_ dimension: String, _ value: String) -> String {
        if value == "none" { return ReportLabel.none.text(in: plugin.language) }
        if value.isEmpty { return dimension == "township" ? ReportLabel.countyLevel.text(in: plugin.language) : "" }
        func term<T: OfficialTerm>(_ type: T.Type) -> String {
            T(rawValue: value)?.name(in: plugin.language) ?? value
        }
        switch dimension {
        case "township", "village": return places[value] ?? value
        case "category": return term(HouseholdCategory.self)
        case "kind": return term(MonitoredKind.self)
        case "status": return term(MonitoringStatus.self)
        case "risk_type": return term(RiskType.self)
        case "channel": return term(DiscoveryChannel.self)
        case "class": return term(AssetClass.self)
        case "severity": return term(Severity.self)
        case "check": return declarations.checks.first { $0.id == value }?.declaration.title ?? value
        default: return value
        }
    }

    private static func yuan(_ amounts: [Money]) -> Double {
        Double(amounts.reduce(Money.zero, +).fen) / 100
    }
}

/// The options table a query was called with, checked as it is read: an unknown option or
/// dimension, or a bad date, is raised at the script's line.
struct Options {
    let value: LuaValue
    let function: String

    init(_ value: LuaValue, function: String) {
        self.value = value.tableValue == nil ? .table(LuaTable()) : value
        self.function = function
    }

    func allow(_ names: Set<String>) throws {
        for key in value.tableValue?.fields.keys ?? [:].keys {
            guard let name = key.stringValue, names.contains(name) else {
                throw LuaArgumentError("\(function): unknown option \(key.displayText) (options: \(names.sorted().joined(separator: ", ")))")
            }
        }
    }

    /// `by`: one dimension or a list of them, each one of `allowed`.
    func dimensions(_ allowed: [String]) throws -> [String] {
        let given = value["by"]
        let names = given.stringValue.map { [$0] } ?? given.tableValue?.array.compactMap(\.stringValue) ?? []
        for name in names where !allowed.contains(name) {
            throw LuaArgumentError("\(function): cannot group by '\(name)' (by: \(allowed.joined(separator: ", ")))")
        }
        return names
    }

    func choice(_ key: String, of allowed: [String]) throws -> String {
        guard let text = value[key].stringValue, allowed.contains(text) else {
            throw LuaArgumentError("\(function): \(key) must be one of \(allowed.joined(separator: ", "))")
        }
        return text
    }

    func integer(_ key: String) throws -> Int? {
        let field = value[key]
        if field == .nil { return nil }
        guard let number = field.integerValue else { throw LuaArgumentError("\(function): \(key) must be an integer") }
        return Int(number)
    }

    func number(_ key: String) throws -> Double? {
        let field = value[key]
        if field == .nil { return nil }
        guard let number = field.doubleValue else { throw LuaArgumentError("\(function): \(key) must be a number") }
        return number
    }

    /// `from` and `to`, both dates written YYYY-MM-DD.
    func window() throws -> (LocalDate, LocalDate) {
        func date(_ key: String) throws -> LocalDate {
            guard let text = value[key].stringValue, let date = LocalDate(iso: text) else {
                throw LuaArgumentError("\(function): \(key) must be a date written YYYY-MM-DD, got \(value[key].displayText)")
            }
            return date
        }
        return (try date("from"), try date("to"))
    }

    /// Whether `household` passes `where`: each key (`category`, `kind`, `status`, `risk_type`,
    /// `township`, `village`) names one value or a list, and the household has one of them.
    func matches(_ household: HouseholdFacts) throws -> Bool {
        guard let filters = value["where"].tableValue?.fields, !filters.isEmpty else { return true }
        for (key, wanted) in filters {
            guard let name = key.stringValue, let values = household.values(of: name) else {
                throw LuaArgumentError("\(function): cannot filter by \(key.displayText) (where: category, kind, status, risk_type, township, village)")
            }
            let accepted = wanted.stringValue.map { [$0] } ?? wanted.tableValue?.array.compactMap(\.stringValue) ?? []
            if !values.contains(where: accepted.contains) { return false }
        }
        return true
    }
}
