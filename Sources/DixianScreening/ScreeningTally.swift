import DixianCore
import DixianPlugins
import LuaHost
import Synchronization

/// The findings of one partition, in household then check order, and its failures.
struct PartitionResult: Sendable {
    var findings: [Finding] = []
    var failures: [(check: Int, message: String)] = []
    var households = 0
    /// Raw findings of the current batch, kept until the batch's views are at hand.
    mutating func add(_ outcome: BatchOutcome, views: [HouseholdView]) {
        households += views.count
        pending.append((outcome, views))
    }

    fileprivate var pending: [(BatchOutcome, [HouseholdView])] = []
}

/// What the workers of one run share: which partition comes next, the findings waiting to be
/// stored in order, counts per check, failures, and the checks disabled for overrunning.
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
    private let state: Mutex<State>
    /// Stores findings; called only under the lock, in partition order.
    private nonisolated(unsafe) let record: ([Finding]) throws -> Void

    init(checks: [CheckDeclaration], assetChecks: [CheckDeclaration], partitionCount: Int,
         record: @escaping ([Finding]) throws -> Void) {
        self.checks = checks
        self.assetChecks = assetChecks
        self.partitionCount = partitionCount
        self.record = record
        var initial = State()
        for check in checks + assetChecks { initial.counts[check.id] = 0 }
        state = Mutex(initial)
    }

    /// The next partition to screen, nil when none is left (or the run was aborted).
    func takePartition() -> Int? {
        state.withLock { state in
            guard !state.aborted, state.nextPartition < partitionCount else { return nil }
            defer { state.nextPartition += 1 }
            return state.nextPartition
        }
    }

    /// Stops handing out partitions (a worker hit an error that ends the run).
    func abort() {
        state.withLock { $0.aborted = true }
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

    /// Hands in a screened partition; stores every finished partition that is next in order.
    func finish(_ index: Int, _ result: PartitionResult) throws {
        var result = result
        for (outcome, views) in result.pending {
            for raw in outcome.findings {
                let check = checks[raw.check]
                let household = views[raw.subject].household
                result.findings.append(Finding(
                    householdNumber: household.number, townshipCode: household.area.townshipCode, checkID: check.id,
                    severity: raw.severity ?? check.severity, riskTypes: raw.riskTypes ?? check.riskTypes, message: raw.message))
            }
            for failure in outcome.failures {
                result.failures.append((failure.check, "\(failure.message) (household \(views[failure.subject].household.number))"))
            }
        }
        result.pending = []
        try state.withLock { state in
            state.finished[index] = result
            while let next = state.finished.removeValue(forKey: state.nextToStore) {
                try record(next.findings)
                state.households += next.households
                for finding in next.findings { state.counts[finding.checkID, default: 0] += 1 }
                for failure in next.failures { Self.noteFailure(checks[failure.check].id, failure.message, in: &state) }
                state.nextToStore += 1
            }
        }
    }

    /// Stores the findings of a batch of assets.
    func recordAssets(_ outcome: BatchOutcome, views: [AssetView]) throws {
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
