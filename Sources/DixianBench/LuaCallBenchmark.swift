import Foundation
import LuaHost
import Synchronization

/// Calls per second of a screening-style Lua check over household-sized tables, beside the
/// same logic compiled in Swift, measured in one run so that the ratios hold on a noisy machine.
enum LuaCallBenchmark {
    static func run(households count: Int, calls: Int) throws -> [Measurement] {
        let households = SampleHousehold.generate(count: count)
        var sink = 0

        let swift = measure("Swift check (compiled)", operations: calls) {
            for index in 0..<calls { sink &+= SampleCheck.swift(households[index % count]).count }
        }

        let state = try LuaState()
        let environment = try state.makeEnvironment()
        let checkFunction = try loadCheck(into: state)

        let empty = try state.load("return nil", name: "empty", in: environment)
        let bare = try measure("Lua call, no arguments, no work", operations: calls) {
            for _ in 0..<calls { try state.call(empty, pushingArguments: { _ in 0 }, readingResults: { _, _, _ in () }) }
        }
        let push = try measure("Lua call, household pushed, no work", operations: calls) {
            for index in 0..<calls {
                try state.call(empty, pushingArguments: { stack in
                    households[index % count].push(onto: stack)
                    return 1
                }, readingResults: { _, _, _ in () })
            }
        }
        let lua = try measure("Lua check (1 state)", operations: calls) {
            for index in 0..<calls {
                sink &+= try state.call(checkFunction, pushingArguments: { stack in
                    households[index % count].push(onto: stack)
                    return 1
                }, readingResults: SampleCheck.findings).count
            }
        }

        let pool = try LuaStatePool { state in try loadCheck(into: state) }
        let shared = households
        let pooled = try measure("Lua check (pool of \(pool.size) states)", operations: calls) {
            let next = Atomic<Int>(0)
            _ = try pool.onEveryWorker { _, state, check in
                var found = 0
                while true {
                    let index = next.add(1, ordering: .relaxed).oldValue
                    if index >= calls { break }
                    found &+= try state.call(check, pushingArguments: { stack in
                        shared[index % count].push(onto: stack)
                        return 1
                    }, readingResults: SampleCheck.findings).count
                }
                return found
            }
        }
        if sink == 42 { print("") }  // keeps the work observable
        return [swift, bare, push, lua, pooled]
    }

    private static func loadCheck(into state: LuaState) throws -> LuaFunction {
        let environment = try state.makeEnvironment()
        let chunk = try state.load(SampleCheck.lua, name: "sample-check", in: environment)
        let check = try state.call(chunk, pushingArguments: { _ in 0 }) { stack, first, _ in
            state.function(at: first, in: stack)
        }
        guard let check else { fatalError("the sample check chunk did not return a function") }
        return check
    }
}
