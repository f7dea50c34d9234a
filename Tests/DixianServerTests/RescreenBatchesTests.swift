@testable import DixianServer
import Foundation
import Synchronization
import Testing

/// The re-screenings actions ask for while one runs wait for the next, and are re-screened in
/// it together, once each household; every action returns only after a batch with its
/// household, and a batch's failure reaches each action in it.
struct RescreenBatchesTests {
    /// What the batches' runs were given, and a gate that holds the first run.
    final class Runs: Sendable {
        let batches = Mutex<[(households: [String], actor: String)]>([])
        let gate = DispatchSemaphore(value: 0)
        let failing: Bool
        init(failing: Bool = false) { self.failing = failing }

        func run(_ households: [String], _ actor: String) throws {
            let first = batches.withLock { batches in
                batches.append((households, actor))
                return batches.count == 1
            }
            if first { gate.wait() }
            if failing && !first { throw CocoaError(.featureUnsupported) }
        }
    }

    static func started(_ batches: RescreenBatches, _ household: String, as actor: String) -> Task<Bool, Never> {
        Task {
            do {
                try await batches.rescreen(household, actor: actor)
                return true
            } catch {
                return false
            }
        }
    }

    /// Waits until `condition` holds (the actions are tasks of their own).
    static func until(_ condition: () -> Bool) async throws {
        for _ in 0..<500 where !condition() { try await Task.sleep(for: .milliseconds(10)) }
        #expect(condition())
    }

    @Test func theActionsThatArriveWhileOneRunsAreReScreenedTogether() async throws {
        let runs = Runs()
        let batches = RescreenBatches(run: runs.run)
        let first = Self.started(batches, "A", as: "甲")
        try await Self.until { runs.batches.withLock { $0.count } == 1 }
        let waiting = [("C", "乙"), ("B", "丙"), ("C", "乙"), ("D", "甲")].map { Self.started(batches, $0.0, as: $0.1) }
        // Nothing of the later ones has run while the first holds; let it go once all wait.
        try await Self.until { batches.waitingCount == 4 }
        #expect(runs.batches.withLock { $0.count } == 1)
        runs.gate.signal()
        #expect(await first.value)
        for action in waiting { #expect(await action.value) }
        // Once none waits the thread ends; a later action starts another.
        try await Self.until { batches.waitingCount == 0 }
        #expect(await Self.started(batches, "E", as: "丁").value)
        let recorded = runs.batches.withLock { $0 }
        #expect(recorded.map(\.households) == [["A"], ["B", "C", "D"], ["E"]])
        #expect(recorded.map(\.actor) == ["甲", "丙, 乙, 甲", "丁"])
    }

    @Test func aBatchThatFailsFailsEveryActionWaitingOnIt() async throws {
        let runs = Runs(failing: true)
        let batches = RescreenBatches(run: runs.run)
        let first = Self.started(batches, "A", as: "甲")
        try await Self.until { runs.batches.withLock { $0.count } == 1 }
        let waiting = ["B", "C"].map { Self.started(batches, $0, as: "乙") }
        try await Self.until { batches.waitingCount == 2 }
        runs.gate.signal()
        #expect(await first.value)
        for action in waiting { #expect(await action.value == false) }
        // The thread ended with its last batch; a later action starts another.
        #expect(await Self.started(batches, "E", as: "丙").value == false)
        #expect(runs.batches.withLock { $0.map(\.households) } == [["A"], ["B", "C"], ["E"]])
    }
}
