import DixianCore
import DixianPlugins
import DixianScreening
import DixianSQLite
import Foundation
import LuaHost
import Synchronization

/// Screening a registry end to end, in phases measured in one run so their ratios hold:
/// reading views only; reading plus Minqin's rules compiled in Swift (`MinqinReference`);
/// reading plus pushing views into Lua with every check off; reading plus the Minqin plugin's
/// Lua checks; and the whole `ScreeningEngine` run, which also stores the run and its findings.
enum ScreenBenchmark {
    struct Phase {
        var name: String
        var seconds: Double
        var findings: [String: Int]
    }

    static func run(database: String, pluginPath: [URL], plugin: String, asOf: LocalDate, workers: Int, only: String? = nil)
        throws -> (households: Int, phases: [Phase])
    {
        let store = try SQLiteRegistry(path: database)
        let catalog = PluginCatalog(searchPath: pluginPath)
        let chain = try catalog.chain(for: catalog.plugin(plugin))
        let partitions = try store.partitions(area: nil, size: 8192)
        let pool = try LuaStatePool(chain: chain, asOf: asOf, size: workers)
        let checks = pool.withState { _, runtime in runtime.declarations.checks.map(\.id) }
        let calendar = try pool.withState { _, runtime in
            guard let calendar = runtime.declarations.calendars.first(where: { $0.declaration.id == "cn" }) else {
                throw BenchError("plugin \(plugin) has no calendar 'cn'")
            }
            return calendar
        }
        let reference = MinqinReference(asOf: asOf, calendar: calendar)
        var households = 0

        func phase(_ name: String, _ work: @escaping @Sendable (PluginRuntime, [HouseholdView]) throws -> [String]) throws -> Phase {
            if let only, !name.contains(only) { return Phase(name: name, seconds: .nan, findings: [:]) }
            let next = Atomic(0)
            let counts = Mutex<[String: Int]>([:])
            let seen = Atomic(0)
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try pool.onEveryWorker { _, _, runtime in
                var local: [String: Int] = [:]
                while case let index = next.add(1, ordering: .relaxed).oldValue, index < partitions.count {
                    try store.readViews(in: partitions[index], asOf: asOf, batchSize: 256) { views in
                        seen.add(views.count, ordering: .relaxed)
                        for id in try work(runtime, views) { local[id, default: 0] += 1 }
                    }
                }
                counts.withLock { total in total.merge(local, uniquingKeysWith: +) }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            households = seen.load(ordering: .relaxed)
            return Phase(name: name, seconds: seconds, findings: counts.withLock { $0 })
        }

        let allOff = Set(checks.indices)
        var phases: [Phase] = []
        _ = try phase("warm-up (not reported)") { _, _ in [] }
        phases.append(try phase("read views only") { _, _ in [] })
        phases.append(try phase("read + Minqin rules compiled in Swift") { _, views in views.flatMap(reference.findings).map(\.check) })
        phases.append(try phase("read + push views into Lua, every check off") { runtime, views in
            _ = try runtime.screen(views, disabled: allOff)
            return []
        })
        phases.append(try phase("read + Minqin plugin's checks in Lua") { runtime, views in
            try runtime.screen(views).findings.map { checks[$0.check] }
        })
        if only != nil { return (households, phases) }
        let start = DispatchTime.now().uptimeNanoseconds
        let run = try ScreeningEngine(chain: chain, options: .init(asOf: asOf, actor: "dixian-bench", workers: workers)).run(on: store).run
        phases.append(Phase(
            name: "dixian screen end to end (ScreeningEngine: read, Lua checks, asset checks, store the run)",
            seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9,
            findings: run.findingsByCheck.filter { checks.contains($0.key) && $0.value > 0 }))
        return (households, phases)
    }
}
