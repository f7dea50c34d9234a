import Foundation
import Synchronization

/// At most `limit` requests per `window` seconds from one address (a sliding count per
/// window): what keeps the public self-report form from being flooded.
final class RateLimiter: Sendable {
    private let limit: Int
    private let window: TimeInterval
    private let counts = Mutex<[String: (start: Date, count: Int)]>([:])

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Whether a request from `address` may go ahead now (and counts it).
    func allow(_ address: String, now: Date = Date()) -> Bool {
        counts.withLock { counts in
            if counts.count > 10_000 { counts = counts.filter { now.timeIntervalSince($0.value.start) < window } }
            var entry = counts[address] ?? (now, 0)
            if now.timeIntervalSince(entry.start) >= window { entry = (now, 0) }
            entry.count += 1
            counts[address] = entry
            return entry.count <= limit
        }
    }
}
