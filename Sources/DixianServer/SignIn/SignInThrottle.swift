import Foundation
import Synchronization

/// Lock-out after repeated failed sign-ins, counted per user name (existing or not, so that the
/// answer does not tell which names exist): after `limit` failures within `window`, the name
/// is refused for `lockout`, the right password included. Kept in the server's memory: one
/// `dixian serve` per county, and a restart forgets the counts.
final class SignInThrottle: Sendable {
    let limit: Int
    let window: TimeInterval
    let lockout: TimeInterval
    private let names = Mutex<[String: (failures: [Date], lockedUntil: Date?)]>([:])

    init(limit: Int = 5, window: TimeInterval = 15 * 60, lockout: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
        self.lockout = lockout
    }

    /// Until when `name` is locked out, if it is now.
    func lockedUntil(_ name: String, now: Date = Date()) -> Date? {
        names.withLock { names in
            guard let until = names[name]?.lockedUntil, until > now else { return nil }
            return until
        }
    }

    /// Counts a failed sign-in as `name`; returns until when the name is locked out, if this
    /// failure locked it.
    func failed(_ name: String, now: Date = Date()) -> Date? {
        names.withLock { names in
            if names.count > 10_000 {
                names = names.filter { $0.value.failures.contains { now.timeIntervalSince($0) < window } || ($0.value.lockedUntil ?? now) > now }
            }
            var entry = names[name] ?? ([], nil)
            entry.failures = entry.failures.filter { now.timeIntervalSince($0) < window } + [now]
            if entry.failures.count >= limit {
                entry = ([], now.addingTimeInterval(lockout))
            }
            names[name] = entry
            return entry.lockedUntil.flatMap { $0 > now ? $0 : nil }
        }
    }

    /// Forgets `name`'s failures after a sign-in that succeeded.
    func succeeded(_ name: String) {
        names.withLock { _ = $0.removeValue(forKey: name) }
    }
}
