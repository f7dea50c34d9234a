import Foundation
import LuaHost

// dixian-bench: the benchmarks behind BENCHMARKS.md. Run through scripts/bench (release build).
//
//   dixian-bench lua-call [--households N] [--calls N]

let arguments = Array(CommandLine.arguments.dropFirst())

func option(_ name: String, default value: Int) -> Int {
    guard let position = arguments.firstIndex(of: name), position + 1 < arguments.count,
        let parsed = Int(arguments[position + 1])
    else { return value }
    return parsed
}

guard arguments.first == "lua-call" else {
    FileHandle.standardError.write(Data("usage: dixian-bench lua-call [--households N] [--calls N]\n".utf8))
    exit(64)
}

let households = option("--households", default: 1000)
let calls = option("--calls", default: 200_000)
let results = try LuaCallBenchmark.run(households: households, calls: calls)
let swiftRate = results[0].perSecond

print("Lua-call benchmark: \(calls) calls over \(households) household-sized tables (Lua \(LuaHost.luaRelease))")
print("")
print("| what | calls/s | µs per call | compiled Swift is faster by |")
print("|---|---:|---:|---:|")
for result in results {
    let rate = result.perSecond
    print(String(format: "| %@ | %.0f | %.2f | %.1f× |", result.name, rate, 1e6 / rate, swiftRate / rate))
}
