import DixianCore
import DixianPlugins
import Foundation
import LuaHost
import Synchronization

/// Runs a plugin's checks over every household (and asset) in scope: in parallel over a pool
/// of Lua states, streaming views from the store partition by partition, and recording the run
/// and its findings in short transactions (the run is visible only once finished).
public struct ScreeningEngine: Sendable {
    /// How a run is set up.
    public struct Options: Sendable {
        /// The assessment date.
        public var asOf: LocalDate
        /// A village-code prefix to screen; nil for everything the plugin serves (see `scope`).
        public var area: String?
        /// Who runs it (recorded with the run).
        public var actor: String
        /// Lua states (and reading connections) working at once.
        public var workers: Int
        /// Households handed to Lua in one call.
        public var batchSize: Int
        /// Households per partition (the unit a worker takes at a time).
        public var partitionSize: Int
        /// The limits of each Lua state; the instruction budget applies to each batch.
        public var limits: LuaLimits

        /// Options with defaults for everything but the date and the actor.
        public init(asOf: LocalDate, area: String? = nil, actor: String,
                    workers: Int = ProcessInfo.processInfo.activeProcessorCount, batchSize: Int = 256,
                    partitionSize: Int = 8192, limits: LuaLimits = LuaLimits()) {
            self.asOf = asOf
            self.area = area
            self.actor = actor
            self.workers = max(1, workers)
            self.batchSize = max(1, batchSize)
            self.partitionSize = max(1, partitionSize)
            self.limits = limits
        }
    }

    /// The plugin chain that judges (the plugin asked for last).
    public let chain: [PluginManifest]
    /// The options.
    public let options: Options

    /// The chain's fingerprint when the caller computed it once (a server re-screening a
    /// household after each change); nil to compute it at each run.
    private let knownFingerprint: String?
    /// States the caller keeps loaded for runs on `options.asOf`; nil to load them at each run.
    private let knownPool: LuaStatePool<PluginRuntime>?

    /// An engine for `chain` with `options`; `fingerprint`, if given, is
    /// `PluginManifest.fingerprint(of: chain)`, and `pool` states loaded with `chain` and
    /// prepared for `options.asOf` (its size then sets the workers).
    public init(chain: [PluginManifest], options: Options, fingerprint: String? = nil,
                pool: LuaStatePool<PluginRuntime>? = nil) {
        self.chain = chain
        self.options = options
        knownFingerprint = fingerprint
        knownPool = pool
    }

    /// The chain's fingerprint, which the plugin's `CurrentState` records.
    private func fingerprint() throws -> String {
        try knownFingerprint ?? PluginManifest.fingerprint(of: chain)
    }

    /// A recorded run with what the plugin declared (the checks' titles and severities, for output).
    public struct Outcome: Sendable {
        /// The run as stored, with its id.
        public var run: ScreeningRun
        /// What the plugin chain declared.
        public var declarations: PluginDeclarations
        /// The households screened alone (a re-screening of those changed or woken), nil for a
        /// whole run.
        public var households: [String]? = nil
        /// True when the run moved the plugin's current state on to a later date by
        /// re-screening only the households woken or changed since (`runChanged`).
        public var advanced = false
    }

    /// Screens `store` and records the run there: its findings become the plugin's current
    /// findings for the households (and assets) screened, and what they opened and closed is
    /// kept (`ScreeningRunStore.recordScreening`). `households`, if given, are screened alone
    /// (those of them in scope; no assets): the re-screening of what changed. Plugin problems
    /// (a check that raises, returns nonsense or runs out of budget) do not stop the run: they
    /// are listed in the run's failures, which marks it incomplete. A plugin that does not
    /// load, or a store error, throws and records nothing. `progress`, if given, is told of
    /// each batch of households screened (how many), from the workers' threads.
    public func run(on store: some HouseholdViewSource & ScreeningRunStore & RegistryStore, households: [String]? = nil,
                    progress: (@Sendable (Int) -> Void)? = nil) throws -> Outcome {
        // Read before screening: a change made meanwhile moves its mark on, which then stays,
        // and is marked again if a re-screening of its own cleared it meanwhile.
        let since = try store.lastAuditID()
        let marks = try store.changedHouseholds(area: try scopedArea(), households: households)
        let fingerprint = try fingerprint()
        return try screen(store, households: households, withAssets: false, deadlines: true, progress: progress) { [marks] upkeep, produce in
            try store.recordScreening(households: households, coversArea: false, clearing: marks, since: since,
                                      fingerprint: fingerprint, upkeep: upkeep, produce)
        }
    }

    /// Re-screens the households changed since a run last screened them (`dixian screen
    /// --changed`). On the date of the plugin's `CurrentState`, those alone (and every asset
    /// when one changed since the assets were last screened); on a later date, also those woken
    /// by then (their checks or deadlines read the date, a member has a birthday, a record
    /// dated in between comes into view) and every asset, which moves the state on to the date. A whole run instead when the state does not cover the area with
    /// these rules (no run yet; an edited plugin or parameter; an earlier date; a parameter
    /// taking another value, or a run that failed, in between), or when more than
    /// `wholeRunAfterChanges` households are to be screened (a whole run, reading in
    /// partitions, is then the quicker).
    public func runChanged(on store: some HouseholdViewSource & ScreeningRunStore & RegistryStore,
                           progress: (@Sendable (Int) -> Void)? = nil) throws -> Outcome {
        let area = try scopedArea()
        let fingerprint = try fingerprint()
        let since = try store.lastAuditID()
        let marks = try store.changedHouseholds(area: area)
        guard let state = try store.currentState(plugin: chain[chain.count - 1].id), marks.count <= Self.wholeRunAfterChanges else {
            return try run(on: store, progress: progress)
        }
        let advancing = state.advances(to: options.asOf, area: area, fingerprint: fingerprint)
        guard advancing || state.covers(area: area, asOf: options.asOf, fingerprint: fingerprint) else {
            return try run(on: store, progress: progress)
        }
        var chosen = Set(marks.keys)
        if advancing {
            chosen.formUnion(try store.wokenHouseholds(plugin: state.pluginID, area: area, through: options.asOf))
            chosen.formUnion(try store.householdsWithRecords(area: area, datedAfter: state.asOf, through: options.asOf))
            if chosen.count > Self.wholeRunAfterChanges { return try run(on: store, progress: progress) }
        }
        // Assets are screened again on a later date, and when one changed since they last were.
        let coversArea = try advancing || store.assetsChanged(after: state.assetsSince)
        let households = chosen.sorted()
        var outcome = try screen(store, households: households, withAssets: coversArea, deadlines: state.deadlines, progress: progress) {
            upkeep, produce in
            try store.recordScreening(households: households, coversArea: coversArea, clearing: marks, since: since,
                                      fingerprint: fingerprint, upkeep: upkeep, produce)
        }
        outcome.advanced = advancing
        return outcome
    }

    /// Changed households past which `runChanged` screens everything.
    public static let wholeRunAfterChanges = 100_000

    /// The area screened: the one asked for within the plugin's, or the plugin's.
    private func scopedArea() throws -> String? {
        try chain[chain.count - 1].area(requested: options.area)
    }

    /// Screens `store` from scratch without recording anything, and compares what it finds
    /// with the plugin's current findings, and its deadline items with the stored ones when
    /// those are kept current for this date and these rules.
    public func verify(on store: some HouseholdViewSource & ScreeningRunStore & RegistryStore,
                       progress: (@Sendable (Int) -> Void)? = nil) throws -> Verification {
        var found: [Finding] = []
        var items: [DeadlineItem]?
        let outcome = try screen(store, households: nil, withAssets: false, deadlines: true, progress: progress) { upkeep, produce in
            let run = try produce { found += $0 }
            items = upkeep().deadlineItems
            return run
        }
        let current = try store.currentFindings(plugin: outcome.run.pluginID, area: outcome.run.area, households: nil)
        let changes = FindingChanges(current: current.enumerated().map { (id: $0.offset, finding: $0.element) }, screened: found)
        var verification = Verification(outcome: outcome, missing: changes.opened, stale: changes.closed.map(\.finding))
        if let items, let stored = try store.storedDeadlineItems(
            plugin: outcome.run.pluginID, fingerprint: try fingerprint(), asOf: options.asOf, area: outcome.run.area, through: nil) {
            verification.deadlineItems = Verification.ItemDifferences(screened: items, stored: stored)
        }
        return verification
    }

    /// Screens `store` (or its `households`, and its assets too when `withAssets`), handing the
    /// run's production to `record` with its upkeep: the deadline items of the households
    /// screened (when `deadlines`; see `DeadlineItems`) and their wake-up dates (`WakeDates`).
    private func screen(
        _ store: some HouseholdViewSource & ScreeningRunStore & RegistryStore, households: [String]?, withAssets: Bool,
        deadlines: Bool, progress: (@Sendable (Int) -> Void)?,
        record recordRun: (_ upkeep: () -> RunUpkeep,
                           _ produce: (_ store: ([Finding]) throws -> Void) throws -> ScreeningRun) throws -> ScreeningRun
    ) throws -> Outcome {
        let chain = self.chain
        var scoped = self.options
        scoped.area = try scopedArea()
        let options = scoped
        let pool = try knownPool ?? LuaStatePool(chain: chain, asOf: options.asOf, size: options.workers, limits: options.limits)
        let declarations = pool.withState { _, runtime in runtime.declarations }
        let due = DeadlineItems(running: deadlines && pool.withState { _, runtime in
            (try? runtime.requireParameters(on: options.asOf, for: .deadlines)) != nil
        })
        let partitions = try households.map { Self.partitions(of: $0, area: options.area, size: options.batchSize) }
            ?? store.partitions(area: options.area, size: options.partitionSize)
        let wakes = WakeDates()
        let assets = declarations.assetChecks.isEmpty || (households != nil && !withAssets)
            ? [] : try AssetViews.read(from: store, area: options.area)
        let startedAt = Self.timestamp()
        // Everything is screened again on the first date a parameter takes another value, and
        // the day after a run in which a check or deadline failed (its answers are missing).
        let upkeep = { [declarations] (run: ScreeningRun) -> RunUpkeep in
            var wakesOn = declarations.parameters.compactMap { $0.nextChange(after: options.asOf) }.min()
            if !run.failures.isEmpty { wakesOn = options.asOf.adding(days: 1) }
            return RunUpkeep(deadlineItems: due.items, wakes: wakes.wakes, wakesOn: wakesOn)
        }
        var finished: ScreeningRun?
        let run = try recordRun({ upkeep(finished!) }) { record in
            let tally = ScreeningTally(checks: declarations.checks, assetChecks: declarations.assetChecks,
                                       partitionCount: partitions.count, maxPending: 2 * options.workers)
            // Workers screen on threads of their own; this thread stores their findings in order
            // as they come, a short write transaction every few thousand, so that the server's
            // writers are never kept waiting for the run.
            let workers = Self.onAnotherThread {
                _ = try pool.onEveryWorker { _, _, runtime in
                    while let index = tally.takePartition() {
                        var result = PartitionResult()
                        do {
                            try store.readViews(in: partitions[index], asOf: options.asOf, batchSize: options.batchSize) { views in
                                let dueWakes = due.add(views, with: runtime, declarations: declarations.deadlines, asOf: options.asOf)
                                let outcome = try Self.screen(views, with: runtime, tally: tally)
                                wakes.add(views, asOf: options.asOf, checks: outcome.wakes, deadlines: dueWakes)
                                result.add(outcome, views: views, checks: declarations.checks)
                                progress?(views.count)
                            }
                        } catch {
                            tally.abort()
                            throw error
                        }
                        tally.finish(index, result)
                    }
                }
            }
            let stored = Result { try tally.storeInOrder(record) }
            try workers.wait()
            try stored.get()
            if !assets.isEmpty {
                try pool.withState { _, runtime in
                    for start in stride(from: 0, to: assets.count, by: options.batchSize) {
                        let batch = Array(assets[start..<min(start + options.batchSize, assets.count)])
                        try tally.recordAssets(try Self.screenAssets(batch, with: runtime, tally: tally), views: batch, with: record)
                    }
                }
            }
            var run = tally.run(
                actor: options.actor, plugin: chain[chain.count - 1], asOf: options.asOf, area: options.area,
                startedAt: startedAt, finishedAt: Self.timestamp())
            // A deadline that failed leaves the items unkept: the run is incomplete and says why.
            run.failures += due.failures
            finished = run
            return run
        }
        return Outcome(run: run, declarations: declarations, households: households)
    }

    /// Partitions of up to `size` of `households` each (those in `area`), in household-number
    /// order: each read with one query per kind of record and screened as one batch.
    private static func partitions(of households: [String], area: String?, size: Int) -> [HouseholdPartition] {
        let sorted = Set(households).sorted()
        return stride(from: 0, to: sorted.count, by: size).map { start in
            HouseholdPartition.of(households: Array(sorted[start..<min(start + size, sorted.count)]), area: area)
        }
    }

    /// Runs the household checks on one batch. When the batch as a whole runs out of budget or
    /// memory, each check is run alone on it, and the checks that still fail are disabled for
    /// the rest of the run.
    private static func screen(_ views: [HouseholdView], with runtime: PluginRuntime, tally: ScreeningTally) throws
        -> BatchOutcome
    {
        let disabled = tally.disabledChecks(assets: false, subjects: views.count)
        do {
            return try runtime.screen(views, disabled: disabled)
        } catch {
            return try replay(count: runtime.declarations.checks.count, disabled: disabled, assets: false, tally: tally) { check throws(LuaError) in
                try runtime.screen(views, only: check)
            }
        }
    }

    private static func screenAssets(_ views: [AssetView], with runtime: PluginRuntime, tally: ScreeningTally) throws
        -> BatchOutcome
    {
        let disabled = tally.disabledChecks(assets: true, subjects: views.count)
        do {
            return try runtime.screenAssets(views, disabled: disabled)
        } catch {
            return try replay(count: runtime.declarations.assetChecks.count, disabled: disabled, assets: true, tally: tally) { check throws(LuaError) in
                try runtime.screenAssets(views, only: check)
            }
        }
    }

    private static func replay(
        count: Int, disabled: Set<Int>, assets: Bool, tally: ScreeningTally,
        _ runOne: (Int) throws(LuaError) -> BatchOutcome
    ) throws -> BatchOutcome {
        var merged = BatchOutcome()
        for check in 0..<count where !disabled.contains(check) {
            do {
                merged.merge(try runOne(check))
            } catch {
                tally.disable(check, assets: assets, because: error)
            }
        }
        merged.findings.sort { ($0.subject, $0.check) < ($1.subject, $1.check) }
        return merged
    }

    /// Starts `body` on another thread; `wait()` on the result waits for it and rethrows.
    ///
    /// A dispatch queue, not a `Thread` of its own: what `body` holds may be released after the
    /// caller has moved on, and the last reference to the store can be among it. A detached
    /// thread releases it while it is being torn down, where GRDB cannot close its queues (a
    /// crash in one test run out of six); a dispatch worker releases it in an ordinary context.
    private static func onAnotherThread(_ body: @escaping @Sendable () throws -> Void) -> BackgroundWork {
        let work = BackgroundWork()
        DispatchQueue.global(qos: .userInitiated).async {
            work.finish(Result { try body() })
        }
        return work
    }

    private static func timestamp() -> String {
        Date().formatted(.iso8601)
    }
}

/// The outcome of work running on another thread, once it is done.
private final class BackgroundWork: Sendable {
    private let outcome = Mutex<Result<Void, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    func finish(_ result: Result<Void, any Error>) {
        outcome.withLock { $0 = result }
        done.signal()
    }

    /// Waits for the work to end and rethrows its error.
    func wait() throws {
        done.wait()
        try outcome.withLock { $0! }.get()
    }
}
