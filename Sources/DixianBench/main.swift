import DixianCore
import Foundation
import LuaHost

// dixian-bench: the benchmarks behind BENCHMARKS.md. Run through scripts/bench (release build).
//
//   dixian-bench lua-call [--households N] [--calls N]
//   dixian-bench screen --db FILE [--plugin ID] [--as-of DATE] [--workers N]
//   dixian-bench warnings-file --db FILE --out FILE [--matched N] [--unmatched N]
//   dixian-bench touch --db FILE [--households N]
//   dixian-bench live --db FILE [--actions N] [--plugin ID] [--as-of DATE]

let arguments = Array(CommandLine.arguments.dropFirst())

func option(_ name: String, default value: Int) -> Int {
    guard let position = arguments.firstIndex(of: name), position + 1 < arguments.count,
        let parsed = Int(arguments[position + 1])
    else { return value }
    return parsed
}

func text(_ name: String) -> String? {
    guard let position = arguments.firstIndex(of: name), position + 1 < arguments.count else { return nil }
    return arguments[position + 1]
}

/// Runs `body`; an error ends the benchmark with its message and status 1, not a crash report.
func orExit<T>(_ body: () throws -> T) -> T {
    do {
        return try body()
    } catch {
        FileHandle.standardError.write(Data("dixian-bench: \(error)\n".utf8))
        exit(1)
    }
}

if arguments.first == "screen", let database = text("--db") {
    let asOf = LocalDate(iso: text("--as-of") ?? "2024-06-30")!
    let workers = option("--workers", default: ProcessInfo.processInfo.activeProcessorCount)
    let (households, phases) = orExit {
        try ScreenBenchmark.run(
            database: database, pluginPath: [URL(fileURLWithPath: "Plugins")] + (text("--plugin-dir").map { [URL(fileURLWithPath: $0)] } ?? []),
            plugin: text("--plugin") ?? "minqin", asOf: asOf, workers: workers, only: text("--only"))
    }
    print("Screening benchmark: \(households) households, plugin \(text("--plugin") ?? "minqin"), as of \(asOf), \(workers) workers")
    print("")
    print("| phase | wall time | households/s | µs per household (all workers) |")
    print("|---|---:|---:|---:|")
    for phase in phases {
        print(String(format: "| %@ | %.2f s | %.0f | %.2f |", phase.name, phase.seconds, Double(households) / phase.seconds,
                     phase.seconds * 1e6 * Double(workers) / Double(households)))
    }
    guard phases.count == 5 else { exit(0) }
    let read = phases[0].seconds, swift = phases[1].seconds, lua = phases[3].seconds
    print("")
    print(String(format: "Lua rules against compiled Swift, read included: %.2f×", lua / swift))
    print(String(format: "Lua rules against compiled Swift, beyond reading: %.2f× (%.2f s against %.2f s)", (lua - read) / max(swift - read, 0.001), lua - read, swift - read))
    let same = phases[1].findings == phases[3].findings && phases[3].findings == phases[4].findings
    print("Findings per check (Swift, Lua, end to end) \(same ? "agree" : "DIFFER"):")
    for id in Set(phases[1].findings.keys).union(phases[3].findings.keys).sorted() {
        print("  \(id): \(phases[1].findings[id] ?? 0), \(phases[3].findings[id] ?? 0), \(phases[4].findings[id] ?? 0)")
    }
    exit(same ? 0 : 1)
}

if arguments.first == "warnings-file", let database = text("--db"), let out = text("--out") {
    orExit {
        try WarningPushFile.write(database: database, matched: option("--matched", default: 150_000),
                                  unmatched: option("--unmatched", default: 50_000), to: out)
    }
    exit(0)
}

if arguments.first == "touch", let database = text("--db") {
    let count = option("--households", default: 10_000)
    do {
        try await LiveBenchmark.touch(count, database: database)
    } catch {
        FileHandle.standardError.write(Data("dixian-bench: \(error)\n".utf8))
        exit(1)
    }
    print("changed the helper of \(count) households in one transaction")
    exit(0)
}

if arguments.first == "live", let database = text("--db") {
    let count = option("--actions", default: 500)
    let asOf = LocalDate(iso: text("--as-of") ?? "2024-06-30")!
    let plugin = text("--plugin") ?? "minqin"
    let timings: (actions: [Double], rescreens: [Double])
    do {
        timings = try await LiveBenchmark.actions(count, database: database, pluginPath: [URL(fileURLWithPath: "Plugins")],
                                                  plugin: plugin, asOf: asOf)
    } catch {
        FileHandle.standardError.write(Data("dixian-bench: \(error)\n".utf8))
        exit(1)
    }
    print("\(count) visits recorded one after another, each followed by its household's re-screening (plugin \(plugin), as of \(asOf))")
    print("")
    print("| step | p50 | p99 | max |")
    print("|---|---:|---:|---:|")
    for (name, values) in [("recording the visit (one transaction)", timings.actions), ("re-screening its household (added)", timings.rescreens)] {
        print(String(format: "| %@ | %.1f ms | %.1f ms | %.1f ms |", name, LiveBenchmark.quantile(values, 0.5) * 1000,
                     LiveBenchmark.quantile(values, 0.99) * 1000, values.max()! * 1000))
    }
    exit(0)
}

guard arguments.first == "lua-call" else {
    FileHandle.standardError.write(Data("usage: dixian-bench lua-call [--households N] [--calls N] | screen --db FILE\n".utf8))
    exit(64)
}

let households = option("--households", default: 1000)
let calls = option("--calls", default: 200_000)
let results = orExit { try LuaCallBenchmark.run(households: households, calls: calls) }
let swiftRate = results[0].perSecond

print("Lua-call benchmark: \(calls) calls over \(households) household-sized tables (Lua \(LuaHost.luaRelease))")
print("")
print("| what | calls/s | µs per call | compiled Swift is faster by |")
print("|---|---:|---:|---:|")
for result in results {
    let rate = result.perSecond
    print(String(format: "| %@ | %.0f | %.2f | %.1f× |", result.name, rate, 1e6 / rate, swiftRate / rate))
}
