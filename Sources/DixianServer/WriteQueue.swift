/// Lets one registry action run at a time. A workflow action reads the next free ids and then
/// writes its records; two at once would take the same id. The registry has one writer anyway,
/// so queueing the actions costs nothing the store would not cost.
actor WriteQueue {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Runs `body` once every action queued before it has finished.
    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            busy = true
        }
        defer {
            if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
        }
        return try await body()
    }
}
