import Foundation

/// Runs `body` on a thread of its own and waits for it without holding one of Swift
/// concurrency's threads: a test that computes for long (a synthetic county) or waits for a
/// child process must not starve the cooperative pool, which has one thread per core, and so
/// every other test's timers and reads.
public func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}
