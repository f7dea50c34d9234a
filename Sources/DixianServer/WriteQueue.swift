/// Lets one registry action at a time run in each lane. A lane is a household (actions on one
/// household must not interleave: two reports could both find no open episode), or, for a
/// store whose next id is the highest plus one, every action (two at once would take the same
/// id); nil is that one shared lane.
actor WriteQueue {
    private var busy: Set<String> = []
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    /// Runs `body` once every action queued before it in lane `key` has finished.
    func run<T: Sendable>(key: String?, _ body: @Sendable () async throws -> T) async throws -> T {
        let lane = key.map { "household:" + $0 } ?? ""
        if busy.contains(lane) {
            await withCheckedContinuation { waiting[lane, default: []].append($0) }
        } else {
            busy.insert(lane)
        }
        defer {
            if var queued = waiting[lane], !queued.isEmpty {
                let next = queued.removeFirst()
                waiting[lane] = queued.isEmpty ? nil : queued
                next.resume()
            } else {
                busy.remove(lane)
            }
        }
        return try await body()
    }
}
