import Crypto
import Foundation
import HummingbirdBcrypt

/// Users' passwords, hashed with bcrypt (HummingbirdBcrypt: salt and cost are part of the
/// hash, `$2b$12$…`). Only the hash is stored, beside the user in the registry.
public enum Password {
    /// The fewest characters a password may have.
    public static let minimumLength = 8
    /// The most bytes a password may have: bcrypt reads no further, so a longer one would
    /// sign in with its first 72 bytes alone.
    public static let maximumBytes = 72
    /// bcrypt's cost (2^12 rounds): a quarter of a second or so a sign-in on a county's server.
    public static let defaultCost: UInt8 = 12

    /// What is wrong with `password` as a new password, or nil when it will do.
    public static func problem(_ password: String) -> ServerMessage? {
        if password.count < minimumLength { return .passwordTooShort(minimum: minimumLength) }
        if password.utf8.count > maximumBytes { return .passwordTooLong(maximumBytes: maximumBytes) }
        return nil
    }

    /// The bcrypt hash of `password`. Slow on purpose: call it off the concurrency pool.
    public static func hash(_ password: String, cost: UInt8 = defaultCost) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` is the one `hash` was made from. Without a hash (no such user, or
    /// none set) a hash of the same cost is checked all the same, so that the time taken does
    /// not tell whether a user name exists. Slow on purpose: call it off the concurrency pool.
    public static func verify(_ password: String, against hash: String?) -> Bool {
        guard let hash, hash.hasPrefix("$2") else {
            _ = Bcrypt.verify(password, hash: standIn)
            return false
        }
        return Bcrypt.verify(password, hash: hash)
    }

    /// A hash no password is checked against for real (see `verify`).
    private static let standIn = Bcrypt.hash(UUID().uuidString, cost: defaultCost)

    /// A short fingerprint of a password hash, kept in the sessions signed in with it: a
    /// session whose user's password has changed since (here or with `dixian user password`)
    /// ends at its next request.
    static func stamp(of hash: String?) -> String {
        String(SHA256.hash(data: Data((hash ?? "").utf8)).hexadecimal.prefix(16))
    }
}
