import DixianCore
import Foundation
import GRDB

extension SQLiteRegistry: UserStore {
    public func saveUser(_ user: ServerUser) async throws {
        try await saveUser(user, as: ServerUser.defaultActor)
    }

    /// Saves `user`, audited as changed by `actor` (users, roles, areas, expiry, revocation;
    /// never the token's or the password's hash).
    public func saveUser(_ user: ServerUser, as actor: String) async throws {
        let areas = String(decoding: try JSONEncoder().encode(user.areas), as: UTF8.self)
        try await write { db in
            try AuditTrail.setActor(actor, in: db)
            let start = try AuditSeal.lastEntry(db)
            try db.execute(sql: """
                INSERT INTO server_user (name, role, areas, token_hash, salt, expires_on, revoked, password_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET role = excluded.role, areas = excluded.areas, token_hash = excluded.token_hash,
                  salt = excluded.salt, expires_on = excluded.expires_on, revoked = excluded.revoked, password_hash = excluded.password_hash
                """, arguments: [user.name, user.role.rawValue, areas, user.tokenHash, user.salt, user.expiresOn.description, user.revoked,
                                 user.passwordHash])
            try AuditSeal.seal(after: start, in: db)
            try AuditTrail.setActor(nil, in: db)
        }
    }

    public func user(named name: String) async throws -> ServerUser? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM server_user WHERE name = ?", arguments: [name]).map(Self.user)
        }
    }

    public func users() async throws -> [ServerUser] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM server_user ORDER BY name").map(Self.user)
        }
    }

    private static func user(_ row: Row) throws -> ServerUser {
        let areas: String = row["areas"]
        return ServerUser(
            name: row["name"], role: try row.term("role", in: "server_user"),
            areas: try JSONDecoder().decode([String].self, from: Data(areas.utf8)), tokenHash: row["token_hash"],
            salt: row["salt"], expiresOn: try row.date("expires_on", in: "server_user"), revoked: row["revoked"],
            passwordHash: row["password_hash"])
    }
}
