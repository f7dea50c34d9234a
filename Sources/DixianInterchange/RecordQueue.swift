import DixianCore
import Foundation

/// Records on their way from the thread that reads and validates an import's files to the
/// store's writer, in batches, with at most `capacity` batches waiting: the reading runs on
/// one core while the store writes on the other, in bounded memory.
final class RecordQueue: @unchecked Sendable {  // every field is guarded by `condition`
    private let condition = NSCondition()
    private let capacity: Int
    private var batches: [[RegistryRecord]] = []
    private var finished = false
    private var cancelled = false

    init(capacity: Int) { self.capacity = capacity }

    /// Hands a batch on, waiting while the queue is full; false once the queue is cancelled.
    func push(_ batch: [RegistryRecord]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// Says that no more batches will come.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Says that no more batches are wanted: `push` returns false from now on.
    func cancel() {
        condition.lock()
        cancelled = true
        batches = []
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, waiting for it; nil when the queue is finished and empty, or cancelled.
    func pop() -> [RegistryRecord]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished && !cancelled { condition.wait() }
        guard !batches.isEmpty else { return nil }
        condition.broadcast()
        return batches.removeFirst()
    }
}
