import DixianCore
import Foundation
import Synchronization

/// The users the server has read lately, so that a request does not read its user from the
/// registry again: a record is kept for `freshness` seconds, so a revocation or a new token
/// takes effect within that time. Tokens are still checked against the hash on every request.
final class UserCache<Users: UserStore>: UserStore, Sendable {
    private let users: Users
    private let freshness: TimeInterval
    private let cache = Mutex<[String: (user: ServerUser?, read: Date)]>([:])

    init(_ users: Users, freshness: TimeInterval) {
        self.users = users
        self.freshness = freshness
    }

    func user(named name: String) async throws -> ServerUser? {
        let now = Date()
        if let entry = cache.withLock({ $0[name] }), now.timeIntervalSince(entry.read) < freshness { return entry.user }
        let user = try await users.user(named: name)
        cache.withLock { cache in
            if cache.count > 10_000 { cache.removeAll() }
            cache[name] = (user, now)
        }
        return user
    }

    func saveUser(_ user: ServerUser) async throws {
        try await saveUser(user, as: ServerUser.defaultActor)
    }

    func saveUser(_ user: ServerUser, as actor: String) async throws {
        try await users.saveUser(user, as: actor)
        cache.withLock { _ = $0.removeValue(forKey: user.name) }
    }

    func users() async throws -> [ServerUser] { try await users.users() }
}
