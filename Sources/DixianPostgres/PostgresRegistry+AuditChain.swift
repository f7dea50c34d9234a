import Crypto
import DixianCore
import Foundation

extension PostgresRegistry: AuditChainStore {
    /// Saves `user` in a transaction whose actor is `actor`, so that the user's audit entry
    /// names who made the change.
    public func saveUser(_ user: ServerUser, as actor: String) async throws {
        let areas = String(decoding: try JSONEncoder().encode(user.areas), as: UTF8.self)
        try await pool.withConnection { connection in
            try await connection.transaction {
                try await connection.rows("SELECT set_config('dixian.actor', $1, true)", [actor])
                try await connection.rows("SELECT pg_advisory_xact_lock(\(PostgresSchema.auditLock))")
                try await connection.rows("""
                    INSERT INTO server_user AS u (name, role, areas, token_hash, salt, expires_on, revoked, password_hash)
                    VALUES ($1, $2, $3, $4, $5, $6::date, $7::boolean, $8)
                    ON CONFLICT (name) DO UPDATE SET (role, areas, token_hash, salt, expires_on, revoked, password_hash)
                      = (excluded.role, excluded.areas, excluded.token_hash, excluded.salt, excluded.expires_on, excluded.revoked,
                         excluded.password_hash)
                    """, [user.name, user.role.rawValue, areas, user.tokenHash, user.salt, user.expiresOn.description,
                          String(user.revoked), user.passwordHash])
            }
        }
    }

    /// Walks the trail in id order, a page at a time.
    public func verifyAuditTrail() async throws -> AuditVerification {
        var chain = AuditChain(sha256: { Array(SHA256.hash(data: $0)) })
        var after: Int64 = 0
        while true {
            let rows = try await pool.withConnection { connection in
                try await connection.rows("""
                    SELECT id::text, at, actor, table_name, row_key, household_number, action, before, after,
                           encode(previous, 'hex'), encode(hash, 'hex')
                    FROM audit a WHERE a.id > $1::bigint ORDER BY a.id LIMIT 10000
                    """, [String(after)])
            }
            guard let last = rows.last else { return .intact(entries: chain.count) }
            for row in rows {
                let entry = AuditChain.Entry(
                    id: Int64(row[0] ?? "") ?? 0, at: row[1] ?? "", actor: row[2] ?? "", table: row[3] ?? "", key: row[4] ?? "",
                    householdNumber: row[5], action: row[6] ?? "", before: row[7], after: row[8],
                    previous: row[9].flatMap(Self.bytes), hash: row[10].flatMap(Self.bytes))
                if let broken = chain.check(entry) {
                    return .broken(try await refined(broken, at: entry), entriesBefore: chain.count)
                }
            }
            after = Int64(last[0] ?? "") ?? after
        }
    }

    /// A break where an entry does not follow its predecessor, told apart by the entry the
    /// chain says came before it: one further on (the entries were moved), one further back
    /// (those between were put in), or none (it was removed).
    private func refined(_ broken: AuditChainBreak, at entry: AuditChain.Entry) async throws -> AuditChainBreak {
        guard broken.kind == .deletedEntry || broken.kind == .insertedEntry, let previous = entry.previous, !previous.isEmpty else {
            return broken
        }
        let hex = previous.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        let found = try await pool.withConnection { connection in
            try await connection.rows("""
                SELECT p.id::text, n.id::text, n.at, n.table_name FROM audit p
                LEFT JOIN LATERAL (SELECT id, at, table_name FROM audit WHERE id > p.id ORDER BY id LIMIT 1) n ON true
                WHERE p.hash = decode($1, 'hex')
                """, [hex])
        }
        guard let row = found.first, let predecessor = Int64(row[0] ?? "") else {
            return AuditChainBreak(id: entry.id, at: entry.at, table: entry.table, kind: .deletedEntry,
                                   detail: "the entry written before it is no longer there")
        }
        if predecessor > entry.id {
            return AuditChainBreak(id: entry.id, at: entry.at, table: entry.table, kind: .reordered,
                                   detail: "it was written after entry \(predecessor), which now comes after it")
        }
        return AuditChainBreak(id: Int64(row[1] ?? "") ?? entry.id, at: row[2] ?? entry.at, table: row[3] ?? entry.table,
                               kind: .insertedEntry, detail: "it stands where the chain goes from entry \(predecessor) to entry \(entry.id)")
    }

    private static func bytes(_ hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}
