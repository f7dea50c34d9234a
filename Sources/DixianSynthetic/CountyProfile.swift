import DixianCore
import DixianPlugins
import Foundation
import LuaHost

/// What a county looks like, as its plugin's `profile.lua` describes it from public statistics:
/// the figures the synthetic county is calibrated to (each with the source it is cited from),
/// the mixes that shape it, the lines its incomes are drawn against, and the county's practice
/// (how promptly its staff work). The generator draws from it; the statistical tests and the
/// demo's summary compare what was drawn with the same figures.
public struct CountyProfile: Sendable {
    /// A public source a figure is cited from.
    public struct Source: Sendable, Hashable {
        /// The key figures name it by.
        public var id: String
        /// The document's title, as published.
        public var title: String
        /// Where it is published.
        public var url: String
    }

    /// One calibrated figure: its target and where the target comes from.
    public struct Figure: Sendable, Hashable {
        /// Which figure.
        public var name: CalibratedFigure
        /// The target value (a share from 0 to 1, a count per household, a ratio or yuan).
        public var value: Double
        /// The source's id.
        public var source: String
        /// How the target follows from the source (a proxy, a derivation), in the profile's words.
        public var note: String
    }

    /// A visit duty the county's staff keep: `role` visits the households of `households` once
    /// every `months` months.
    public struct VisitDuty: Sendable, Hashable {
        public var role: VisitorRole
        public var months: Int
        /// Categories (`lifted`, `monitored`, `general`) and circumstances
        /// (`minimum_living_allowance`, `disability`, `left_behind`, `helper`).
        public var households: Set<String>
    }

    /// The sources, by id.
    public var sources: [String: Source]
    /// The calibrated figures, by name.
    public var figures: [CalibratedFigure: Figure]
    /// Weights of households of 1 to 6 (and more) people.
    public var householdSizes: [Double]
    /// Weights of the kinds of monitored households.
    public var monitoredKinds: [MonitoredKind: Double]
    /// Weights of the risk a monitored household was identified for, when its members do not
    /// already give one (illness, disability, lack of labour come from the members).
    public var eventRisks: [RiskType: Double]
    /// Weights of disability grades 1 to 4.
    public var disabilityGrades: [Double]
    /// Weights of the years the still-open episodes were identified in.
    public var identifiedYears: [Int: Double]
    /// The monitoring line (yuan per person per year) by year; a year without one takes the
    /// latest earlier.
    public var monitoringLines: [Int: Int]
    /// The rural minimum living allowance standard (yuan per person per year) by year.
    public var allowanceStandards: [Int: Int]
    /// The basic pension of urban and rural residents (yuan per person per year) by year.
    public var pensions: [Int: Int]
    /// The share of steps, plans, measures and fixes done late.
    public var lateShare: Double
    /// The share of steps, plans and fixes still not done when due.
    public var openShare: Double
    /// The share of visit duties missed.
    public var missedVisitShare: Double
    /// The share of households that should be monitored (income below the line) and are not:
    /// the real problems of a county's 排查.
    public var missedShare: Double
    /// The visit duties the county's staff keep.
    public var visits: [VisitDuty]
    /// Months between the 回头看 of a household whose risk was eliminated, where the county
    /// does them.
    public var followUpMonths: Int?

    /// The figure `name`.
    public func figure(_ name: CalibratedFigure) -> Figure { figures[name]! }

    /// The target of figure `name`.
    public func target(_ name: CalibratedFigure) -> Double { figures[name]!.value }

    /// The monitoring line in force in `year`.
    public func monitoringLine(_ year: Int) -> Int { Self.latest(monitoringLines, year) }

    /// The allowance standard in force in `year`.
    public func allowanceStandard(_ year: Int) -> Int { Self.latest(allowanceStandards, year) }

    /// The basic pension in force in `year`.
    public func pension(_ year: Int) -> Int { Self.latest(pensions, year) }

    private static func latest(_ values: [Int: Int], _ year: Int) -> Int {
        values.filter { $0.key <= year }.max { $0.key < $1.key }?.value ?? values.min { $0.key < $1.key }!.value
    }
}

/// The figures every county profile gives, which the synthetic county is calibrated to.
public enum CalibratedFigure: String, CaseIterable, Sendable, Hashable {
    /// Share of households that are 脱贫户 (脱贫不稳定户 under monitoring included).
    case liftedHouseholds = "lifted_households"
    /// Share of households monitored now (identified, risk not eliminated).
    case monitoredHouseholds = "monitored_households"
    /// Share of households once monitored whose risk is eliminated.
    case eliminatedHouseholds = "eliminated_households"
    /// People per household.
    case householdSize = "household_size"
    /// Share of people aged 0 to 14.
    case children = "age_0_14"
    /// Share of people aged 60 and over.
    case elderly = "age_60_plus"
    /// Males per 100 females.
    case sexRatio = "sex_ratio"
    /// Share of people with a disability grade.
    case disability = "disability"
    /// Share of people in households receiving 低保.
    case minimumLivingAllowance = "minimum_living_allowance"
    /// Share of people receiving 特困供养.
    case extremePoverty = "extreme_poverty"
    /// Median per-capita net income of general households in the last complete year (yuan).
    case incomeMedian = "income_median"
    /// Median growth of that income over the year before (a share: 0.07 is 7%).
    case incomeGrowth = "income_growth"
    /// Share of 脱贫户 whose per-capita net income fell from the year before.
    case incomeFell = "income_fell"
    /// Share of 脱贫人口 (people of 脱贫户 and monitored households) insured.
    case medicalInsurance = "medical_insurance"
    /// Share of the people of 脱贫户 and monitored households in work for wages (务工就业,
    /// away or locally; 公益岗位 apart).
    case wageWork = "wage_work"

    /// The figure's name in the demo's summary.
    public var chineseName: String {
        switch self {
        case .liftedHouseholds: "脱贫户占比"
        case .monitoredHouseholds: "监测户（风险未消除）占比"
        case .eliminatedHouseholds: "风险已消除户占比"
        case .householdSize: "户均人口"
        case .children: "0—14岁人口占比"
        case .elderly: "60岁及以上人口占比"
        case .sexRatio: "性别比（女=100）"
        case .disability: "残疾人口占比"
        case .minimumLivingAllowance: "农村低保人口占比"
        case .extremePoverty: "特困供养人员占比"
        case .incomeMedian: "一般户人均纯收入中位数（元）"
        case .incomeGrowth: "一般户人均纯收入增幅中位数"
        case .incomeFell: "脱贫户收入下降占比"
        case .medicalInsurance: "脱贫人口和监测对象参保率"
        case .wageWork: "脱贫人口和监测对象务工就业占比"
        }
    }

    /// Whether the figure is a share, shown as a percentage.
    public var isShare: Bool {
        switch self {
        case .householdSize, .sexRatio, .incomeMedian: false
        default: true
        }
    }
}

extension CountyProfile {
    /// Loads `profile.lua` of plugin `id` from the first of `pluginDirectories` that has it,
    /// running it in the sandbox, and checks that every figure cites a listed source. A profile
    /// that `extends` another (`extends = 'national'`) takes from it every source, figure, mix,
    /// line and practice entry it does not give itself.
    public static func load(plugin id: String, from pluginDirectories: [URL]) throws -> CountyProfile {
        try ProfileReader(file: "\(id)/profile.lua", root: table(plugin: id, from: pluginDirectories, depth: 0)).profile()
    }

    /// The table `profile.lua` of plugin `id` returns, merged over the profile it extends.
    private static func table(plugin id: String, from pluginDirectories: [URL], depth: Int) throws -> LuaValue {
        guard let directory = pluginDirectories.map({ $0.appendingPathComponent(id) }).first(where: {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("profile.lua").path)
        }) else {
            let searched = pluginDirectories.map(\.path).joined(separator: ", ")
            throw ProfileError(message: "no plugin '\(id)' with a profile.lua in \(searched)")
        }
        let state = try LuaState(limits: LuaLimits(instructionBudget: 1_000_000, memoryCap: 16 << 20))
        let environment = try state.makeEnvironment(pluginDirectory: directory)
        let chunk = try state.load(contentsOf: directory.appendingPathComponent("profile.lua"), in: environment)
        let root = try state.call(chunk).first ?? .nil
        guard let base = root["extends"].stringValue else { return root }
        guard depth < 4 else { throw ProfileError(message: "\(id)/profile.lua: extends more than four profiles deep") }
        return merge(root, over: try table(plugin: base, from: pluginDirectories, depth: depth + 1))
    }

    /// `profile`'s sections over `base`'s: an entry of a section replaces the base's whole.
    private static func merge(_ profile: LuaValue, over base: LuaValue) -> LuaValue {
        var merged = base.tableValue ?? LuaTable()
        for (key, value) in profile.tableValue?.fields ?? [:] {
            guard var section = merged.fields[key]?.tableValue, let own = value.tableValue else {
                merged.fields[key] = value
                continue
            }
            for (entry, entryValue) in own.fields { section.fields[entry] = entryValue }
            if !own.array.isEmpty { section.array = own.array }
            merged.fields[key] = .table(section)
        }
        merged.fields["extends"] = nil
        return .table(merged)
    }
}

/// Reads a profile table, naming the field of the first thing wrong.
private struct ProfileReader {
    let file: String
    let root: LuaValue

    func fail(_ path: String, _ what: String) -> ProfileError {
        ProfileError(message: "\(file): \(path) \(what)")
    }

    func number(_ value: LuaValue, _ path: String) throws -> Double {
        guard let number = value.doubleValue, number.isFinite, number >= 0 else { throw fail(path, "must be a number, 0 or more") }
        return number
    }

    func share(_ value: LuaValue, _ path: String) throws -> Double {
        let number = try number(value, path)
        guard number <= 1 else { throw fail(path, "must be a share from 0 to 1") }
        return number
    }

    func weights(_ value: LuaValue, _ path: String, count: Int) throws -> [Double] {
        guard let array = value.tableValue?.array, array.count == count else { throw fail(path, "must list \(count) weights") }
        let weights = try array.enumerated().map { try number($1, "\(path)[\($0 + 1)]") }
        guard weights.reduce(0, +) > 0 else { throw fail(path, "must have a weight above 0") }
        return weights
    }

    func keyed<Key: Hashable>(_ value: LuaValue, _ path: String, _ key: (LuaValue) -> Key?) throws -> [Key: Double] {
        guard let fields = value.tableValue?.fields, !fields.isEmpty else { throw fail(path, "must be a table of weights") }
        var result: [Key: Double] = [:]
        for (name, weight) in fields {
            guard let parsed = key(name) else { throw fail(path, "has an unknown key \(name.displayText)") }
            result[parsed] = try number(weight, "\(path).\(name.displayText)")
        }
        return result
    }

    func years(_ value: LuaValue, _ path: String) throws -> [Int: Int] {
        let values = try keyed(value["values"], "\(path).values") { $0.integerValue.map(Int.init) }
        guard value["source"].stringValue != nil else { throw fail(path, "must name its source") }
        try cite(value["source"], path)
        return values.mapValues { Int($0) }
    }

    func cite(_ value: LuaValue, _ path: String) throws {
        guard let id = value.stringValue, root["sources"][id].tableValue != nil else {
            throw fail(path, "cites source '\(value.displayText)', which profile.sources does not list")
        }
    }

    func followUpMonths(_ value: LuaValue) throws -> Int? {
        if value == .nil { return nil }
        guard let months = value.integerValue, (1...60).contains(months) else {
            throw fail("practice.follow_up_months", "must be a number of months from 1 to 60")
        }
        return Int(months)
    }

    func profile() throws -> CountyProfile {
        var sources: [String: CountyProfile.Source] = [:]
        for (key, value) in root["sources"].tableValue?.fields ?? [:] {
            guard let id = key.stringValue, let title = value["title"].stringValue, let url = value["url"].stringValue else {
                throw fail("sources.\(key.displayText)", "must give title and url")
            }
            sources[id] = .init(id: id, title: title, url: url)
        }
        var figures: [CalibratedFigure: CountyProfile.Figure] = [:]
        for name in CalibratedFigure.allCases {
            let entry = root["figures"][name.rawValue], path = "figures.\(name.rawValue)"
            guard entry.tableValue != nil else { throw fail(path, "is missing") }
            let value = name.isShare ? try share(entry["value"], "\(path).value") : try number(entry["value"], "\(path).value")
            try cite(entry["source"], path)
            figures[name] = .init(name: name, value: value, source: entry["source"].stringValue!, note: entry["note"].stringValue ?? "")
        }
        let mix = root["mix"], practice = root["practice"]
        var visits: [CountyProfile.VisitDuty] = []
        for (index, duty) in (practice["visits"].tableValue?.array ?? []).enumerated() {
            let path = "practice.visits[\(index + 1)]"
            guard let role = duty["role"].stringValue.flatMap(VisitorRole.init(rawValue:)),
                  let months = duty["months"].integerValue, [1, 3, 6, 12].contains(months),
                  let households = duty["households"].tableValue?.array.compactMap(\.stringValue), !households.isEmpty
            else { throw fail(path, "must give role, months (1, 3, 6 or 12) and households") }
            visits.append(.init(role: role, months: Int(months), households: Set(households)))
        }
        let grades = try weights(mix["disability_grades"]["weights"], "mix.disability_grades.weights", count: 4)
        for section in ["household_sizes", "event_risks", "disability_grades"] { try cite(mix[section]["source"], "mix.\(section)") }
        try cite(mix["monitored_kinds"]["source"], "mix.monitored_kinds")
        try cite(mix["identified_years"]["source"], "mix.identified_years")
        return CountyProfile(
            sources: sources, figures: figures,
            householdSizes: try weights(mix["household_sizes"]["weights"], "mix.household_sizes.weights", count: 6),
            monitoredKinds: try keyed(mix["monitored_kinds"]["weights"], "mix.monitored_kinds.weights") {
                $0.stringValue.flatMap(MonitoredKind.init(rawValue:))
            },
            eventRisks: try keyed(mix["event_risks"]["weights"], "mix.event_risks.weights") {
                $0.stringValue.flatMap(RiskType.init(rawValue:))
            },
            disabilityGrades: grades,
            identifiedYears: try keyed(mix["identified_years"]["weights"], "mix.identified_years.weights") {
                $0.integerValue.map(Int.init)
            },
            monitoringLines: try years(root["lines"]["monitoring"], "lines.monitoring"),
            allowanceStandards: try years(root["lines"]["minimum_living_allowance"], "lines.minimum_living_allowance"),
            pensions: try years(root["lines"]["pension"], "lines.pension"),
            lateShare: try share(practice["late_share"], "practice.late_share"),
            openShare: try share(practice["open_share"], "practice.open_share"),
            missedVisitShare: try share(practice["missed_visit_share"], "practice.missed_visit_share"),
            missedShare: try share(practice["missed_share"], "practice.missed_share"),
            visits: visits, followUpMonths: try followUpMonths(practice["follow_up_months"]))
    }
}

/// A plugin's profile is missing or malformed: the file and the field, and what is wrong.
public struct ProfileError: Error, CustomStringConvertible {
    /// What is wrong.
    public let message: String
    public var description: String { message }
}
