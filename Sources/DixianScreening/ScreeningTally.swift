import DixianCore
import DixianPlugins
import Dispatch
import LuaHost
import Synchronization

/// The findings of one partition, in household then check order, and its failures.
struct PartitionResult: Sendable {
    var findings: [Finding] = []
    var failures: [(check: Int, message: String)] = []
    var households = 0

    /// Adds what a batch of `views` gave, by `checks`.
    mutating func add(_ outcome: BatchOutcome, views: [HouseholdView], checks: [CheckDeclaration]) {
        households += views.count
        for raw in outcome.findings {
            let check = checks[raw.check]
            let household = views[raw.subject].household
            findings.append(Finding(
                householdNumber: household.number, townshipCode: household.area.townshipCode, checkID: check.id,
                severity: raw.severity ?? check.severity, riskTypes: raw.riskTypes ?? check.riskTypes, message: raw.message))
        }
        for failure in outcome.failures {
            failures.append((failure.check, "\(failure.message) (household \(views[failure.subject].household.number))"))
        }
    }
}

/// What the workers of one run share with the thread that stores their findings: which
/// partition comes next, the partitions screened and waiting to be stored in order, counts per
/// check, failures, and the checks disabled for overrunning. Workers wait for a free slot before
/// taking a partition, so no more than `maxPending` partitions' findings are held at once.
final class ScreeningTally: Sendable {
    private struct State {
        var nextPartition = 0
        var nextToStore = 0
        var finished: [Int: PartitionResult] = [:]
        var households = 0
        var counts: [String: Int] = [:]
        var failures: [String: (count: Int, first: String)] = [:]
        var failureOrder: [String] = []
        var disabledChecks: [Int: String] = [:]
        var disabledAssetChecks: [Int: String] = [:]
        var skipped: [String: Int] = [:]
        var aborted = false
    }

    private let checks: [CheckDeclaration]
    private let assetChecks: [CheckDeclaration]
    private let partitionCount: Int
    private let maxPending: Int
    private let state: Mutex<State>
    /// Free places for screened partitions waiting to be stored.
    private let slots: DispatchSemaphore
    /// Signalled when a partition is screened (or the run aborted).
    private let ready = DispatchSemaphore(value: 0)

    init(checks: [CheckDeclaration], assetChecks: [CheckDeclaration], partitionCount: Int, maxPending: Int) {
        self.checks = checks
        self.assetChecks = assetChecks
        self.partitionCount = partitionCount
        self.maxPending = maxPending
        slots = DispatchSemaphore(value: maxPending)
        var initial = State()
        for check in checks + assetChecks { initial.counts[check.id] = 0 }
        state = Mutex(initial)
    }

    /// The next partition to screen, once a slot is free; nil when none is left (or the run was aborted).
    func takePartition() -> Int? {
        slots.wait()
        let taken: Int? = state.withLock { state in
            guard !state.aborted, state.nextPartition < partitionCount else { return nil }
            defer { state.nextPartition += 1 }
            return state.nextPartition
        }
        if taken == nil { slots.signal() }
        return taken
    }

    /// Stops the run: no more partitions are handed out, and whoever waits is woken.
    func abort() {
        state.withLock { $0.aborted = true }
        ready.signal()
        for _ in 0..<maxPending { slots.signal() }
    }

    /// The checks disabled so far; counts the `subjects` they will skip.
    func disabledChecks(assets: Bool, subjects: Int) -> Set<Int> {
        state.withLock { state in
            let disabled = assets ? state.disabledAssetChecks : state.disabledChecks
            for check in disabled.keys {
                state.skipped[(assets ? assetChecks : checks)[check].id, default: 0] += subjects
            }
            return Set(disabled.keys)
        }
    }

    /// Disables a check that overran the budget or memory cap on its own.
    func disable(_ check: Int, assets: Bool, because error: LuaError) {
        let declaration = (assets ? assetChecks : checks)[check]
        let reason = "\(declaration.declaration.location): \(assets ? "asset check" : "check") \(declaration.id) was stopped (\(error.description)) and did not run on the rest of the \(assets ? "assets" : "households")"
        state.withLock { state in
            if assets {
                state.disabledAssetChecks[check] = reason
            } else {
                state.disabledChecks[check] = reason
            }
        }
    }

    /// Hands in a screened partition, to be stored by `storeInOrder`.
    func finish(_ index: Int, _ result: PartitionResult) {
        state.withLock { $0.finished[index] = result }
        ready.signal()
    }

    /// Stores the screened partitions' findings with `record`, in partition order, as they come;
    /// returns when every partition is stored, or when the run was aborted.
    func storeInOrder(_ record: ([Finding]) throws -> Void) throws {
        while true {
            let (next, over): (PartitionResult?, Bool) = state.withLock { state in
                if state.aborted || state.nextToStore == partitionCount { return (nil, true) }
                return (state.finished.removeValue(forKey: state.nextToStore), false)
            }
            if over { return }
            guard let next else {
                ready.wait()
                continue
            }
            do {
                try record(next.findings)
            } catch {
                abort()
                throw error
            }
            state.withLock { state in
                state.households += next.households
                for finding in next.findings { state.counts[finding.checkID, default: 0] += 1 }
                for failure in next.failures { Self.noteFailure(checks[failure.check].id, failure.message, in: &state) }
                state.nextToStore += 1
            }
            slots.signal()
        }
    }

    /// Stores the findings of a batch of assets with `record`.
    func recordAssets(_ outcome: BatchOutcome, views: [AssetView], with record: ([Finding]) throws -> Void) throws {
        let findings = outcome.findings.map { raw in
            let check = assetChecks[raw.check]
            let asset = views[raw.subject].asset
            return Finding(
                assetID: asset.id, townshipCode: String(asset.villageCode.prefix(9)), checkID: check.id,
                severity: raw.severity ?? check.severity, riskTypes: raw.riskTypes ?? check.riskTypes, message: raw.message)
        }
        try state.withLock { state in
            try record(findings)
            for finding in findings { state.counts[finding.checkID, default: 0] += 1 }
            for failure in outcome.failures {
                Self.noteFailure(assetChecks[failure.check].id, "\(failure.message) (asset \(views[failure.subject].asset.id))", in: &state)
            }
        }
    }

    private static func noteFailure(_ check: String, _ message: String, in state: inout State) {
        if let existing = state.failures[check] {
            state.failures[check] = (existing.count + 1, existing.first)
        } else {
            state.failures[check] = (1, message)
            state.failureOrder.append(check)
        }
    }

    /// The run record once every partition is stored.
    func run(actor: String, plugin: PluginManifest, asOf: LocalDate, area: String?, startedAt: String,
             finishedAt: String) -> ScreeningRun {
        state.withLock { state in
            var failures = state.failureOrder.map { check -> String in
                let (count, first) = state.failures[check]!
                return count == 1 ? "check \(check) failed once: \(first)"
                    : "check \(check) failed \(count) times; the first: \(first)"
            }
            for reason in state.disabledChecks.sorted(by: { $0.key < $1.key }).map(\.value)
                + state.disabledAssetChecks.sorted(by: { $0.key < $1.key }).map(\.value)
            {
                failures.append(reason)
            }
            return ScreeningRun(
                actor: actor, pluginID: plugin.id, pluginVersion: plugin.version, asOf: asOf, area: area,
                startedAt: startedAt, finishedAt: finishedAt, householdCount: state.households,
                findingsByCheck: state.counts, failures: failures)
        }
    }
}
