import DixianCore
import DixianPlugins
import Foundation
import LuaHost
import Synchronization

/// Re-screens households right after a change to them is committed (issue 23): their findings
/// and deadline items become those of the day, so that the household page and the due lists
/// follow every visit, report or step without a rerun of the county. The plugin chain is loaded
/// once per date and kept, so a re-screening costs the household's checks and deadlines and one
/// short recording transaction. The plugin's files are read again, and their fingerprint
/// taken again, with each new date, as a whole run would. Re-screenings run one at a time
/// (they are recorded one at a time in any case). A re-screening that fails leaves the
/// households marked changed, for the next `dixian screen --changed`.
public final class LiveScreening: Sendable {
    /// The plugin chain (the plugin asked for last).
    public let chain: [PluginManifest]
    private let limits: LuaLimits
    private struct Loaded: @unchecked Sendable {
        var date: LocalDate
        var fingerprint: String
        var pool: LuaStatePool<PluginRuntime>
    }
    private let loaded = Mutex<Loaded?>(nil)

    /// Live screening with `chain`, each state within `limits`.
    public init(chain: [PluginManifest], limits: LuaLimits = LuaLimits()) {
        self.chain = chain
        self.limits = limits
    }

    /// Re-screens `households` of `store` as of `date`, recorded as a run by `actor`. Those no
    /// longer in the registry, or outside the plugin's area, are left with no findings or items.
    @discardableResult
    public func rescreen(_ households: [String], on date: LocalDate, actor: String,
                         in store: some HouseholdViewSource & ScreeningRunStore & RegistryStore) throws -> ScreeningEngine.Outcome {
        try loaded.withLock { loaded in
            if loaded?.date != date {
                loaded = Loaded(date: date, fingerprint: try PluginManifest.fingerprint(of: chain),
                                pool: try LuaStatePool(chain: chain, asOf: date, size: 1, limits: limits))
            }
            let engine = ScreeningEngine(
                chain: chain, options: .init(asOf: date, actor: actor, workers: 1, limits: limits),
                fingerprint: loaded!.fingerprint, pool: loaded!.pool)
            return try engine.run(on: store, households: households)
        }
    }

    /// What `rescreenChanged(after:…)` did.
    public enum Outcome: Sendable, Equatable {
        /// No household was changed after the entry.
        case nothingChanged
        /// The changed households were re-screened.
        case rescreened(Int)
        /// More than `rescreenedAtOnce` were changed: they wait for `dixian screen --changed`.
        case deferred(Int)
    }

    /// The most households a command or a console commit re-screens itself.
    public static let rescreenedAtOnce = 10_000

    /// Re-screens as of `date` the households changed after audit entry `auditID` (a command's
    /// or a console session's own changes, once committed), up to `rescreenedAtOnce` of them.
    public func rescreenChanged(after auditID: Int64, on date: LocalDate, actor: String,
                                in store: some HouseholdViewSource & ScreeningRunStore & RegistryStore) throws -> Outcome {
        let changed = try store.changedHouseholds(area: nil, households: nil, after: auditID)
        guard !changed.isEmpty else { return .nothingChanged }
        guard changed.count <= Self.rescreenedAtOnce else { return .deferred(changed.count) }
        try rescreen(changed.keys.sorted(), on: date, actor: actor, in: store)
        return .rescreened(changed.count)
    }
}
