import DixianCore

/// The password changes the audit tests of both stores make to a user: a password set by an
/// administrator, replaced by the user, then the user revoked (the password unchanged). The
/// hashes have bcrypt's shape, `$2b$…`, which no audit entry may show.
public enum PasswordChanges {
    /// The hashes set, in order.
    public static let hashes = [
        "$2b$04$firstfirstfirstfirstfiOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOO",
        "$2b$04$secondsecondsecondseciOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOO",
    ]

    /// Makes the changes to user `name` of `store`; returns the user as they end.
    @discardableResult
    public static func make(to name: String, in store: some UserStore) async throws -> ServerUser? {
        guard var user = try await store.user(named: name) else { return nil }
        user.passwordHash = hashes[0]
        try await store.saveUser(user, as: "县:管理员")
        user.passwordHash = hashes[1]
        try await store.saveUser(user, as: "user:\(name)")
        user.revoked = true
        try await store.saveUser(user, as: "县:管理员")
        return try await store.user(named: name)
    }
}

