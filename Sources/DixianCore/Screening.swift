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

    /// A partition.
    public init(from: String?, upTo: String?, area: String?) {
        self.from = from
        self.upTo = upTo
        self.area = area
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

/// A store that keeps screening runs and their findings.
public protocol ScreeningRunStore: Sendable {
    /// Records a run without holding the registry's write lock for its length, so that other
    /// writers wait milliseconds, not minutes: the run's row first, marked unfinished; the
    /// findings `produce` stores as they come, a few thousand to a short transaction; the
    /// finished run record `produce` returns (its `finishedAt` not empty) in a last one. Readers
    /// of runs never see an unfinished run. If `produce` throws, nothing of the run is kept. An
    /// unfinished run's `started_at` holds its last sign of life; the next run removes the
    /// findings of one silent for `abandonedRunAfterSeconds` (a killed process left it), so runs
    /// started side by side (the server's and a command's) both finish.
    /// Returns the run with its id.
    func recordScreening(
        _ produce: (_ store: ([Finding]) throws -> Void) throws -> ScreeningRun
    ) throws -> ScreeningRun

    /// The run with `id`, if stored.
    func screeningRun(id: Int64) throws -> ScreeningRun?

    /// The latest run of plugin `plugin` assessed on or before `asOf`, if any.
    func latestScreeningRun(plugin: String, asOf: LocalDate) throws -> ScreeningRun?

    /// Every finding of run `id`, in household-number then check order.
    func forEachFinding(ofRun id: Int64, _ body: (Finding) throws -> Void) throws
}

extension ScreeningRunStore {
    /// Runs `produce`, handing the findings it stores to `write` about `size` at a time (a
    /// store's transaction each), and the last few once `produce` has returned; returns the run.
    /// `write` is also called, with what is pending (perhaps nothing), when `heartbeat` has
    /// passed since its last call: each call is the run's sign of life, by which the store tells
    /// a running run from one a killed process left (`abandonedRunAfterSeconds`).
    package static func inBatches(
        of size: Int, heartbeat: Duration = .seconds(60),
        _ produce: (_ store: ([Finding]) throws -> Void) throws -> ScreeningRun,
        write: ([Finding]) throws -> Void
    ) throws -> ScreeningRun {
        try withoutActuallyEscaping(write) { write in
            var pending: [Finding] = []
            let clock = ContinuousClock()
            var lastWrite = clock.now
            let run = try produce { findings in
                pending += findings
                if pending.count >= size || clock.now - lastWrite >= heartbeat {
                    try write(pending)
                    pending.removeAll(keepingCapacity: true)
                    lastWrite = clock.now
                }
            }
            if !pending.isEmpty { try write(pending) }
            return run
        }
    }
}

/// How long an unfinished run may show no sign of life (see `ScreeningRunStore.inBatches`)
/// before the next run takes it for one a killed process left and removes its findings: far
/// longer than the minute between two signs of a run that is still going.
package let abandonedRunAfterSeconds = 3600
