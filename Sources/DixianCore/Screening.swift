/// How serious a finding is; a check declares it and a finding may raise or lower it.
public enum Severity: String, OfficialTerm {
    /// Needs action now (a guarantee broken, income under the line).
    case high
    /// Needs a look at the next visit.
    case medium
    /// Worth noting.
    case low

    public var chineseName: String {
        switch self {
        case .high: "高"
        case .medium: "中"
        case .low: "低"
        }
    }
}

/// What a check found about one household (or, for an asset check, one asset) in a screening run.
public struct Finding: Hashable, Sendable {
    /// The household, for a household check.
    public var householdNumber: String?
    /// The asset, for an asset check.
    public var assetID: Int64?
    /// The township code (the first nine digits of the village code), for grouping.
    public var townshipCode: String
    /// The check that found it.
    public var checkID: String
    /// How serious it is.
    public var severity: Severity
    /// The risk types it points to.
    public var riskTypes: [RiskType]
    /// What the official reads, in the plugin's language.
    public var message: String

    /// A finding.
    public init(householdNumber: String? = nil, assetID: Int64? = nil, townshipCode: String, checkID: String,
                severity: Severity, riskTypes: [RiskType], message: String) {
        self.householdNumber = householdNumber
        self.assetID = assetID
        self.townshipCode = townshipCode
        self.checkID = checkID
        self.severity = severity
        self.riskTypes = riskTypes
        self.message = message
    }
}

/// One screening run as stored: which plugin judged which households as of which date, and
/// whether every check ran on every household.
public struct ScreeningRun: Hashable, Sendable {
    /// The run's identifier in the store, once recorded.
    public var id: Int64?
    /// Who started it.
    public var actor: String
    /// The plugin's id and version.
    public var pluginID: String
    /// The plugin's version string.
    public var pluginVersion: String
    /// The assessment date.
    public var asOf: LocalDate
    /// The area code prefix screened, nil for the whole registry.
    public var area: String?
    /// When it started and ended (UTC, ISO 8601).
    public var startedAt: String
    /// When it ended.
    public var finishedAt: String
    /// Households screened.
    public var householdCount: Int
    /// Findings per check id (checks that found nothing have 0).
    public var findingsByCheck: [String: Int]
    /// Failures that make the run incomplete: a check that raised, returned nonsense or ran out
    /// of budget, each with the plugin file and line and how many households it failed on.
    public var failures: [String]

    /// A run record.
    public init(id: Int64? = nil, actor: String, pluginID: String, pluginVersion: String, asOf: LocalDate,
                area: String?, startedAt: String, finishedAt: String, householdCount: Int,
                findingsByCheck: [String: Int], failures: [String]) {
        self.id = id
        self.actor = actor
        self.pluginID = pluginID
        self.pluginVersion = pluginVersion
        self.asOf = asOf
        self.area = area
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.householdCount = householdCount
        self.findingsByCheck = findingsByCheck
        self.failures = failures
    }

    /// True when every check ran on every household in scope.
    public var isComplete: Bool { failures.isEmpty }

    /// All findings of the run.
    public var findingCount: Int { findingsByCheck.values.reduce(0, +) }
}

/// An asset with its income and distribution records, as asset checks see it.
public struct AssetView: Hashable, Sendable {
    /// The asset.
    public var asset: Asset
    /// Its income by year, oldest first.
    public var incomes: [AssetIncome]
    /// Uses of its income, oldest first.
    public var distributions: [AssetDistribution]

    /// An asset view.
    public init(asset: Asset, incomes: [AssetIncome] = [], distributions: [AssetDistribution] = []) {
        self.asset = asset
        self.incomes = incomes
        self.distributions = distributions
    }
}

/// A contiguous slice of the registry's households in household-number order, the unit of
/// parallel screening.
public struct HouseholdPartition: Hashable, Sendable {
    /// The first household number in the slice (inclusive); nil from the start.
    public var from: String?
    /// The first household number after the slice (exclusive); nil to the end.
    public var upTo: String?
    /// Only households whose village code starts with this prefix.
    public var area: String?
    /// Only these households (in number order), when given: a re-screening's chosen households,
    /// read together rather than a partition each (a store reads a few of them in one statement).
    public var households: [String]?

    /// A partition.
    public init(from: String?, upTo: String?, area: String?) {
        self.from = from
        self.upTo = upTo
        self.area = area
    }

    /// The partition of `households` alone (those of them in `area`).
    public static func of(households: [String], area: String?) -> HouseholdPartition {
        let sorted = households.sorted()
        var partition = HouseholdPartition(from: sorted.first, upTo: sorted.last.map { $0 + "\u{1}" }, area: area)
        partition.households = sorted
        return partition
    }

    /// Text after every household number, for an open upper bound.
    public static let end = "\u{10FFFF}"

    /// The household numbers the slice can hold, from (inclusive) up to (exclusive). Not
    /// narrowed to the area: a household stored before numbers began with their village code
    /// may lie anywhere; a store passes over the records of households outside the area.
    public var numbers: (from: String, upTo: String) {
        (from ?? "", upTo ?? Self.end)
    }
}

/// A store that hands out household views for screening, streaming, with bounded memory.
public protocol HouseholdViewSource: Sendable {
    /// Splits the households within `area` (a village-code prefix, nil for all) into contiguous
    /// partitions of about `size` households each, in household-number order.
    func partitions(area: String?, size: Int) throws -> [HouseholdPartition]

    /// Reads the views of the households in `partition` as of `asOf`, in household-number order,
    /// handing them to `body` in batches of at most `batchSize`. Safe to call from several
    /// threads at once (each call reads on its own connection).
    func readViews(in partition: HouseholdPartition, asOf: LocalDate, batchSize: Int,
                   _ body: ([HouseholdView]) throws -> Void) throws

    /// The views of the households in `partition` as of `asOf`, for callers in Swift
    /// concurrency (a server's requests, a workflow's guards): read without blocking a thread
    /// of the concurrency pool.
    func views(in partition: HouseholdPartition, asOf: LocalDate) async throws -> [HouseholdView]

    /// The view of household `number` as of `asOf`, for callers in Swift concurrency (a
    /// server's read); nil if there is no such household.
    func householdView(_ number: String, asOf: LocalDate) async throws -> HouseholdView?
}

extension HouseholdViewSource {
    /// By default, the partition that holds that household alone.
    public func householdView(_ number: String, asOf: LocalDate) async throws -> HouseholdView? {
        try await views(in: HouseholdPartition(from: number, upTo: number + "\u{1}", area: nil), asOf: asOf)
            .first { $0.household.number == number }
    }

    /// The view of household `number` as of `asOf`, nil if there is no such household.
    public func view(ofHousehold number: String, asOf: LocalDate) throws -> HouseholdView? {
        // The partition from the number to the number followed by U+0001 holds that household alone.
        var found: HouseholdView?
        try readViews(in: HouseholdPartition(from: number, upTo: number + "\u{1}", area: nil), asOf: asOf, batchSize: 1) { views in
            if let view = views.first(where: { $0.household.number == number }) { found = view }
        }
        return found
    }
}

/// A store that keeps screening runs, the current findings of every plugin, and the history
/// of what each run opened and closed (issue 23): a run does not store a copy of every finding.
public protocol ScreeningRunStore: Sendable {
    /// Records a run: `produce` screens, handing its findings to `store` as they come (the
    /// store keeps them in memory), and returns the finished run record. Then, in one
    /// transaction, the store records the run, compares the findings with the current findings
    /// of the plugin for the subjects the run screened (`households`, or when nil every
    /// household and asset in the run's area; with `coversArea`, `households` and every asset
    /// of the area), records what the run opened and closed, and makes its findings the
    /// current ones. Runs of one plugin are serialized there, so two runs never interleave
    /// their changes. In the same transaction it removes the `marks` (from
    /// `changedHouseholds`, read before screening) of households not changed again since,
    /// replaces the deadline items and wake-up dates of the screened households with what
    /// `upkeep` returns once `produce` is done (no items: the deadlines did not run on every
    /// household, so the items are no longer current and the due list is computed afresh),
    /// and moves the plugin's `CurrentState` on (`CurrentState.after`, with the chain's
    /// `fingerprint`). Households changed after audit entry `since` (read before the run read
    /// anything) are marked again there: a change, and perhaps its own re-screening, made while
    /// the run was screening may have been overwritten with what the run read before it.
    /// Clearing marks ends the other plugins' `CurrentState`s, which counted on them. A run of
    /// chosen households is not the plugin's latest run (`latestScreeningRun`); one that
    /// `coversArea` is (the households changed, or woken on a later day, and every asset:
    /// `dixian screen --changed`, which leaves the other households' findings standing for the
    /// whole area), and records the counts of its whole area. If `produce` throws,
    /// nothing is recorded. Returns the run with its id.
    func recordScreening(
        households: [String]?, coversArea: Bool, clearing marks: [String: Int64], since: Int64, fingerprint: String,
        upkeep: () -> RunUpkeep,
        _ produce: (_ store: ([Finding]) throws -> Void) throws -> ScreeningRun
    ) throws -> ScreeningRun

    /// What plugin `plugin`'s current findings were last screened with, if a state is kept.
    func currentState(plugin: String) throws -> CurrentState?

    /// The deadline items of plugin `plugin` for the households in `area` (a village-code
    /// prefix, nil for all), by household then as found, if they are current for a run on
    /// `asOf` with `fingerprint`: the plugin's `CurrentState` covers them with its deadline
    /// items, and no household in `area` has changed since. Nil otherwise. Only items due by
    /// `through`, and work done late, when `through` is given (a due list's horizon).
    func storedDeadlineItems(plugin: String, fingerprint: String, asOf: LocalDate, area: String?, through: LocalDate?) throws
        -> [DeadlineItem]?

    /// The open deadline items (work not done) of plugin `plugin` for the households in `area`
    /// due by `through`, as a work list's page for `filter` of at most `limit` items, overdue
    /// meaning due before `asOf`: the same as `DeadlineItemPage(of:filter:today:limit:)` on
    /// those items, counted and picked by the store. Nil when the stored items are not current
    /// for `asOf` and `fingerprint`, as for `storedDeadlineItems`.
    func openDeadlineItems(plugin: String, fingerprint: String, asOf: LocalDate, area: String, through: LocalDate,
                           filter: DeadlineItemPage.Filter, limit: Int) throws -> DeadlineItemPage?

    /// The stored deadline items of plugin `plugin` for `households`, by household then as
    /// found, whatever run stored them: what the household page shows as the household's due work.
    func deadlineItems(plugin: String, households: [String]) throws -> [DeadlineItem]

    /// The households within `area` (a village-code prefix, nil for all) changed since a run
    /// last screened them, each with the audit id of its last change: every change the audit
    /// trail records marks its household, whoever made it, and a change to a village's place
    /// marks the village's households.
    /// Only those of `households`, when given, and only those whose last change is later
    /// than audit entry `after` (0: all).
    func changedHouseholds(area: String?, households: [String]?, after: Int64) throws -> [String: Int64]

    /// Whether an asset (or its income or distribution) changed after audit entry `audit`.
    func assetsChanged(after audit: Int64) throws -> Bool

    /// The households within `area` (nil for all) whose wake-up date for plugin `plugin` is on
    /// or before `date`: those whose findings or deadline items may have changed by then.
    func wokenHouseholds(plugin: String, area: String?, through date: LocalDate) throws -> [String]

    /// The households within `area` (nil for all) holding a record that a view as of `date`
    /// shows and one as of `after` does not: a visit, step, report, plan or survey dated
    /// between them, or an income of a year or month between them; or whose village's place
    /// records a disaster dated between them.
    func householdsWithRecords(area: String?, datedAfter after: LocalDate, through date: LocalDate) throws -> [String]

    /// The id of the audit trail's last entry (0 when it is empty): changes made after this
    /// moment mark their households with later ids.
    func lastAuditID() throws -> Int64

    /// The run with `id`, if stored.
    func screeningRun(id: Int64) throws -> ScreeningRun?

    /// The latest whole run of plugin `plugin` (not a re-screening of chosen households)
    /// assessed on or before `asOf`, if any.
    func latestScreeningRun(plugin: String, asOf: LocalDate) throws -> ScreeningRun?

    /// Every finding current once run `id` was recorded, within the run's area, in
    /// household-number order (then assets), each household's in the order they were found.
    func forEachFinding(ofRun id: Int64, _ body: (Finding) throws -> Void) throws

    /// The current findings of plugin `plugin` for the households and assets in `area` (a
    /// village-code prefix, nil for all), or for `households` alone when given, in the order of
    /// `forEachFinding(ofRun:_:)`.
    func currentFindings(plugin: String, area: String?, households: [String]?) throws -> [Finding]
}

extension ScreeningRunStore {
    /// The households within `area` changed since a run last screened them.
    public func changedHouseholds(area: String?) throws -> [String: Int64] {
        try changedHouseholds(area: area, households: nil, after: 0)
    }

    /// The households within `area` changed since a run last screened them, of `households` if given.
    public func changedHouseholds(area: String?, households: [String]?) throws -> [String: Int64] {
        try changedHouseholds(area: area, households: households, after: 0)
    }

    /// Records a run over its whole area (see `recordScreening(households:_:)`).
    public func recordScreening(
        _ produce: (_ store: ([Finding]) throws -> Void) throws -> ScreeningRun
    ) throws -> ScreeningRun {
        try recordScreening(households: nil, coversArea: false, clearing: [:], since: Int64.max, fingerprint: "",
                            upkeep: { RunUpkeep(deadlineItems: nil) }, produce)
    }
}

