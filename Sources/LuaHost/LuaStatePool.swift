import Dispatch
import Foundation
import Synchronization

/// A fixed set of identically prepared Lua states, so that work spreads over cores while each
/// state stays confined to one worker at a time.
///
/// `prepare` runs once per state (loading a plugin, say) and returns that state's context (the
/// functions the work will call). `withState` lends a state and its context to one worker,
/// waiting while all are busy.
public final class LuaStatePool<Context>: Sendable {
    /// A state lent out by the pool; it crosses threads only through the pool's lock.
    private struct Slot: @unchecked Sendable {
        let state: LuaState
        let context: Context
    }

    private let idle: Mutex<[Slot]>
    private let available: DispatchSemaphore
    /// How many states the pool holds.
    public let size: Int

    /// Creates `size` states with `limits`, each prepared by `prepare`.
    /// - Parameter size: defaults to the number of active processor cores.
    public init(
        size: Int = ProcessInfo.processInfo.activeProcessorCount,
        limits: LuaLimits = LuaLimits(),
        prepare: (LuaState) throws -> Context
    ) throws {
        precondition(size > 0, "a pool needs at least one state")
        var slots: [Slot] = []
        for _ in 0..<size {
            let state = try LuaState(limits: limits)
            slots.append(Slot(state: state, context: try prepare(state)))
        }
        self.size = size
        self.idle = Mutex(slots)
        self.available = DispatchSemaphore(value: size)
    }

    /// Lends a state and its context to `body`, waiting until one is free.
    public func withState<Result>(_ body: (LuaState, Context) throws -> Result) rethrows -> Result {
        available.wait()
        let slot = idle.withLock { $0.removeLast() }
        defer {
            idle.withLock { $0.append(slot) }
            available.signal()
        }
        return try body(slot.state, slot.context)
    }

    /// Runs `body` on every worker at once, each with its own state, and returns their results
    /// in worker order. Workers share out the work themselves (for example from an atomic counter).
    public func onEveryWorker<Result: Sendable>(
        _ body: @Sendable (_ worker: Int, LuaState, Context) throws -> Result
    ) throws -> [Result] {
        let results = Mutex<[Int: Swift.Result<Result, any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: size) { worker in
            let outcome = Swift.Result { try self.withState { state, context in try body(worker, state, context) } }
            results.withLock { $0[worker] = outcome }
        }
        let collected = results.withLock { $0 }
        return try (0..<size).map { try collected[$0]!.get() }
    }
}
