import DixianCore
import DixianPlugins
import Foundation
import LuaHost
import Synchronization

/// Re-screens households right after a change to them is committed (issue 23): their findings
/// and deadline items become those of the day, so that the household page and the due lists
/// follow every visit, report or step without a rerun of the county. The plugin chain is loaded
/// once per date and kept, so a re-screening costs the household's checks and deadlines and one
/// short recording transaction. Re-screenings run one at a time (they are recorded one at a
/// time in any case). A re-screening that fails leaves the households marked changed, for the
/// next `dixian screen --changed`.
public final class LiveScreening: Sendable {
    /// The plugin chain (the plugin asked for last).
    public let chain: [PluginManifest]
    /// Its fingerprint, computed once.
    public let fingerprint: String
    private let limits: LuaLimits
    private struct Loaded: @unchecked Sendable {
        var date: LocalDate
        var pool: LuaStatePool<PluginRuntime>
    }
    private let loaded = Mutex<Loaded?>(nil)

    /// Live screening with `chain`, each state within `limits`.
    /// - Throws: when a file of the chain cannot be read for its fingerprint.
    public init(chain: [PluginManifest], limits: LuaLimits = LuaLimits()) throws {
        self.chain = chain
        self.limits = limits
        fingerprint = try PluginManifest.fingerprint(of: chain)
    }

    /// Re-screens `households` of `store` as of `date`, recorded as a run by `actor`. Those no
    /// longer in the registry lose their findings and items; those outside the plugin's area
    /// are left alone.
    @discardableResult
    public func rescreen(_ households: [String], on date: LocalDate, actor: String,
                         in store: some HouseholdViewSource & ScreeningRunStore & RegistryStore) throws -> ScreeningEngine.Outcome {
        try loaded.withLock { loaded in
            if loaded?.date != date {
                loaded = Loaded(date: date, pool: try LuaStatePool(chain: chain, asOf: date, size: 1, limits: limits))
            }
            let engine = ScreeningEngine(
                chain: chain, options: .init(asOf: date, actor: actor, workers: 1, limits: limits),
                fingerprint: fingerprint, pool: loaded!.pool)
            return try engine.run(on: store, households: households)
        }
    }
}
