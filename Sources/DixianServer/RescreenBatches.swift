import Foundation
import Synchronization

/// Gathers the households whose re-screening the server's actions ask for while one
/// re-screening runs, and re-screens them together in the next (a group commit): re-screenings
/// run one at a time (`LiveScreening`), and on PostgreSQL one takes tens of round trips, so that
/// actions arriving together used to wait in a queue, each for all those before it. A batch
/// costs little more than one household, and no action waits for more than the batch running
/// when it asked and its own. (On SQLite the server's actions run one at a time, each with its
/// re-screening, so that a batch there holds one household.)
///
/// Each batch runs on a thread of its own (`run` blocks on the registry); the thread ends when
/// no household is waiting. A batch that fails fails every action waiting on it, which then logs
/// the failure as one of its own would be (the households stay marked for
/// `dixian screen --changed`).
final class RescreenBatches: Sendable {
    /// Re-screens `households`, sorted, as a run recorded by `actor`.
    typealias Run = @Sendable (_ households: [String], _ actor: String) throws -> Void

    private struct Waiting {
        let household: String
        let actor: String
        let continuation: CheckedContinuation<Void, any Error>
    }
    private struct State {
        var waiting: [Waiting] = []
        var running = false
    }
    private let state = Mutex(State())
    private let run: Run

    /// Batches that `run` re-screens.
    init(run: @escaping Run) {
        self.run = run
    }

    /// How many actions wait for the next batch.
    var waitingCount: Int { state.withLock { $0.waiting.count } }

    /// Returns once a re-screening that began after this call, and includes `household`, has
    /// been recorded (or throws its error). `actor` is the user whose action asked for it.
    func rescreen(_ household: String, actor: String) async throws {
        try await withCheckedThrowingContinuation { continuation in
            let starts = state.withLock { state in
                state.waiting.append(Waiting(household: household, actor: actor, continuation: continuation))
                defer { state.running = true }
                return !state.running
            }
            if starts { Thread.detachNewThread { self.drain() } }
        }
    }

    /// Runs batches until none is waiting.
    private func drain() {
        while true {
            let batch = state.withLock { state in
                defer { state.waiting = [] }
                if state.waiting.isEmpty { state.running = false }
                return state.waiting
            }
            guard !batch.isEmpty else { return }
            let households = Set(batch.map(\.household)).sorted()
            // The run names everyone whose action it screens, as the audit trail names them.
            let actor = Set(batch.map(\.actor)).sorted().joined(separator: ", ")
            let result = Result { try run(households, actor) }
            for waiting in batch { waiting.continuation.resume(with: result) }
        }
    }
}
