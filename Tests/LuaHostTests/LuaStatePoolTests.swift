import LuaHost
import Synchronization
import Testing

/// A pool lends identically prepared states to workers, one worker per state at a time.
struct LuaStatePoolTests {
    @Test func everyWorkerRunsItsOwnPreparedState() throws {
        let pool = try LuaStatePool(size: 2) { state in
            let environment = try state.makeEnvironment()
            _ = try state.run("calls = 0", name: "setup", in: environment)
            return try state.load("calls = calls + 1 return calls", name: "count", in: environment)
        }
        let next = Atomic<Int>(0)
        let perWorker = try pool.onEveryWorker { _, state, count in
            var done = 0
            while next.add(1, ordering: .relaxed).oldValue < 1000 {
                _ = try state.call(count)
                done += 1
            }
            return done
        }
        #expect(perWorker.count == 2)
        #expect(perWorker.reduce(0, +) == 1000)
        let totals = try (0..<2).map { _ in try pool.withState { state, count in try state.call(count) } }
        #expect(totals.count == 2)
    }

    @Test func errorsFromWorkersReachTheCaller() throws {
        let pool = try LuaStatePool(size: 2) { state in
            try state.load("error('worker failed')", name: "fail", in: state.makeEnvironment())
        }
        #expect(throws: LuaError.self) {
            _ = try pool.onEveryWorker { _, state, fail in try state.call(fail) }
        }
        #expect(pool.withState { _, _ in "still usable" } == "still usable")
    }
}
