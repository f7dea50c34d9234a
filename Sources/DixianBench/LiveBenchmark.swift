import DixianCore
import DixianPlugins
import DixianScreening
import DixianSQLite
import DixianWorkflow
import Foundation
import GRDB

/// Issue 23's benchmarks on a registry whose current state a whole run made: changes to many
/// households at once (an import's worth), and workflow actions each followed by the
/// re-screening of its household, as the server does.
enum LiveBenchmark {
    /// `count` household numbers spread evenly over the registry.
    static func spreadHouseholds(_ count: Int, database: String) throws -> [String] {
        let numbers = try DatabaseQueue(path: database).read { db in
            try String.fetchAll(db, sql: "SELECT number FROM household ORDER BY number")
        }
        guard numbers.count >= count else { throw BenchError("the registry holds \(numbers.count) households, not \(count)") }
        let step = numbers.count / count
        return (0..<count).map { numbers[$0 * step] }
    }

    /// Changes the helper of `count` households spread over the registry in one audited
    /// transaction (as an import of corrections would), marking them changed.
    static func touch(_ count: Int, database: String) async throws {
        let store = try SQLiteRegistry(path: database)
        var changes: [RegistryChange] = []
        for number in try spreadHouseholds(count, database: database) {
            guard var household = try await store.household(number: number) else { continue }
            household.helper = (household.helper ?? "帮扶人") + "甲"
            changes.append(.update(.household(household)))
        }
        try await store.apply(changes, as: "dixian-bench")
    }

    /// Records a visit to each of `count` households spread over the registry, each followed by
    /// its re-screening as of `asOf` (`LiveScreening`, as the server does after an action);
    /// returns the seconds each action and each re-screening took.
    static func actions(_ count: Int, database: String, pluginPath: [URL], plugin: String, asOf: LocalDate) async throws
        -> (actions: [Double], rescreens: [Double])
    {
        let store = try SQLiteRegistry(path: database)
        let catalog = PluginCatalog(searchPath: pluginPath)
        let chain = try catalog.chain(for: catalog.plugin(plugin))
        let live = LiveScreening(chain: chain)
        let workflow = Workflow(store: store, guards: nil, user: "dixian-bench", today: asOf)
        let clock = ContinuousClock()
        var actions: [Double] = [], rescreens: [Double] = []
        // The first re-screening loads the plugin for the day: not counted, as in a server already running.
        try live.rescreen([], on: asOf, actor: "dixian-bench", in: store)
        for number in try spreadHouseholds(count, database: database) {
            let started = clock.now
            _ = try await workflow.recordVisit(Visit(id: 0, householdNumber: number, visitedOn: asOf, visitor: "李帮扶", role: .helper,
                                                     notes: "入户走访"))
            let recorded = clock.now
            let outcome = try live.rescreen([number], on: asOf, actor: "dixian-bench", in: store)
            guard outcome.run.householdCount == 1 else { throw BenchError("re-screening \(number) screened \(outcome.run.householdCount)") }
            actions.append(seconds(recorded - started))
            rescreens.append(seconds(clock.now - recorded))
        }
        return (actions, rescreens)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The `fraction` quantile of `values` (nearest rank).
    static func quantile(_ values: [Double], _ fraction: Double) -> Double {
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, max(0, Int((fraction * Double(sorted.count)).rounded(.up)) - 1))]
    }
}
