import Crypto
import DixianCore
import Foundation
import GRDB
import GRDBSQLite

/// The audit trail made append-only and chained (migration v7). Entries cannot be changed or
/// removed (triggers refuse it), nor can their hashes; every entry Dixian writes is sealed,
/// in the transaction that wrote it, with a row of `audit_hash`: the hash of its predecessor
/// and its own hash, SHA-256 of the predecessor's hash and its content (`AuditChain`). The
/// hashes are computed here after the transaction's changes rather than by the triggers, so
/// that a load audited in one `INSERT … SELECT` stays one statement. An entry written behind
/// Dixian's back (raw SQL, which can still set `audit_actor`) has no hash and is named by
/// `dixian audit verify`; so is one changed or removed after its triggers were dropped.
/// Someone who can drop triggers can also rewrite every hash after the one they changed: the
/// chain shows tampering, it cannot stop a determined owner of the file.
enum AuditSeal {
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE audit_hash (
              id INTEGER PRIMARY KEY NOT NULL,
              previous BLOB NOT NULL,
              hash BLOB NOT NULL CHECK (length(hash) = 32)
            );
            \(refusal("audit", "UPDATE", "the audit trail is append-only: an entry cannot be changed"))
            \(refusal("audit", "DELETE", "the audit trail is append-only: an entry cannot be removed"))
            \(refusal("audit_hash", "UPDATE", "the hashes of the audit trail cannot be changed"))
            \(refusal("audit_hash", "DELETE", "the hashes of the audit trail cannot be removed"))
            \(refusal("audit_actor", "DELETE", "the actor row of the audit trail cannot be removed"))
            \(refusal("audit_actor", "INSERT", "the audit trail has one actor row"))
            """)
        try createUserTriggers(db)
        try seal(after: 0, in: db)
    }

    private static func refusal(_ table: String, _ event: String, _ message: String) -> String {
        """
        CREATE TRIGGER \(table)_refuses_\(event.lowercased()) BEFORE \(event) ON \(table) BEGIN
          SELECT RAISE(ABORT, '\(message)');
        END;
        """
    }

    /// The user triggers made again with the password column (migration v14): a replaced
    /// password shows as `"password_replaced": true`, its hash never.
    static func recreateUserTriggersWithPasswords(_ db: Database) throws {
        try db.execute(sql: ["insert", "update", "delete"].map { "DROP TRIGGER audit_server_user_\($0);" }.joined())
        try createUserTriggers(db, passwords: true)
    }

    /// Audits every change to the server's users (who may do what, where; revocations), with
    /// the transaction's actor, never the token's hash or salt: a replaced token shows as
    /// `"token_replaced": true`; with `passwords` (once the column exists), a replaced password
    /// as `"password_replaced": true`, never its hash.
    private static func createUserTriggers(_ db: Database, passwords: Bool = false) throws {
        func json(_ row: String) -> String {
            "json_object('name', \(row).name, 'role', \(row).role, 'areas', json(\(row).areas), 'expires_on', \(row).expires_on, "
                + "'revoked', json(CASE WHEN \(row).revoked THEN 'true' ELSE 'false' END)"
        }
        func trigger(_ action: String, row: String, before: String, after: String) -> String {
            """
            CREATE TRIGGER audit_server_user_\(action) AFTER \(action.uppercased()) ON server_user BEGIN
              SELECT RAISE(ABORT, 'changes to users need an actor') WHERE (SELECT actor FROM audit_actor) IS NULL;
              INSERT INTO audit (at, actor, table_name, row_key, household_number, action, before, after)
              VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT actor FROM audit_actor), 'server_user',
                      \(row).name, NULL, '\(action)', \(before), \(after));
            END;

            """
        }
        let password = passwords ? ", 'password_replaced', json(CASE WHEN OLD.password_hash IS NEW.password_hash THEN 'false' ELSE 'true' END)" : ""
        let replaced = ", 'token_replaced', json(CASE WHEN OLD.token_hash = NEW.token_hash THEN 'false' ELSE 'true' END)\(password))"
        try db.execute(sql: trigger("insert", row: "NEW", before: "NULL", after: json("NEW") + ")")
            + trigger("update", row: "NEW", before: json("OLD") + ")", after: json("NEW") + replaced)
            + trigger("delete", row: "OLD", before: json("OLD") + ")", after: "NULL"))
    }

    /// The id of the trail's last entry (0: none): where the entries of a transaction begin.
    static func lastEntry(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM audit") ?? 0
    }

    /// Seals the entries after `start` (those the current transaction wrote since), in id
    /// order, chained from entry `start`'s hash; returns the last entry sealed (`start` when
    /// there was none). Stepped through SQLite's C API and hashed field by field as
    /// `AuditChain.Entry.content` lays them out, without an allocation per field: an import
    /// seals millions of entries.
    @discardableResult
    static func seal(after start: Int64, in db: Database) throws -> Int64 {
        let first = try Data.fetchOne(db, sql: "SELECT hash FROM audit_hash WHERE id = ?", arguments: [start]).map { [UInt8]($0) } ?? []
        let select = try db.cachedStatement(sql: """
            SELECT id, at, actor, table_name, row_key, household_number, action, before, after FROM audit WHERE id > ? ORDER BY id
            """)
        sqlite3_reset(select.sqliteStatement)
        try select.setArguments([start])
        defer { sqlite3_reset(select.sqliteStatement) }
        let insert = try db.cachedStatement(sql: "INSERT INTO audit_hash (id, previous, hash) VALUES (?, ?, ?)")
        let entries = select.sqliteStatement, row = insert.sqliteStatement
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        var previous: SHA256Digest?  // nil: `first`, the hash of entry `start` (empty before the first entry)
        var last = start
        while true {
            let status = sqlite3_step(entries)
            guard status == SQLITE_ROW else {
                if status == SQLITE_DONE { return last }
                throw DatabaseError(resultCode: ResultCode(rawValue: status), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            var hasher = SHA256()
            if let previous { previous.withUnsafeBytes { hasher.update(bufferPointer: $0) } } else { hasher.update(data: first) }
            for column: Int32 in 1...8 {
                guard sqlite3_column_type(entries, column) != SQLITE_NULL, let text = sqlite3_column_text(entries, column) else {
                    withUnsafeBytes(of: UInt8(0)) { hasher.update(bufferPointer: $0) }
                    continue
                }
                let count = Int(sqlite3_column_bytes(entries, column))
                // 1, then the length in four bytes, most significant first (a homogeneous tuple is contiguous).
                let header = (UInt8(1), UInt8(truncatingIfNeeded: count >> 24), UInt8(truncatingIfNeeded: count >> 16),
                              UInt8(truncatingIfNeeded: count >> 8), UInt8(truncatingIfNeeded: count))
                withUnsafeBytes(of: header) { hasher.update(bufferPointer: $0) }
                hasher.update(bufferPointer: UnsafeRawBufferPointer(start: text, count: count))
            }
            let hash = hasher.finalize()
            last = sqlite3_column_int64(entries, 0)
            sqlite3_bind_int64(row, 1, last)
            if let previous {
                previous.withUnsafeBytes { _ = sqlite3_bind_blob(row, 2, $0.baseAddress, 32, transient) }
            } else if first.isEmpty {
                // A zero-length blob, not NULL, before the first entry: SQLite binds NULL for a nil pointer.
                sqlite3_bind_zeroblob(row, 2, 0)
            } else {
                first.withUnsafeBytes { _ = sqlite3_bind_blob(row, 2, $0.baseAddress, Int32($0.count), transient) }
            }
            hash.withUnsafeBytes { _ = sqlite3_bind_blob(row, 3, $0.baseAddress, 32, transient) }
            let inserted = sqlite3_step(row)
            sqlite3_reset(row)
            guard inserted == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: inserted), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            previous = hash
        }
    }

    /// Walks the trail in id order, then looks for hashes whose entry is gone.
    static func verify(_ db: Database) throws -> AuditVerification {
        var chain = AuditChain(sha256: sha256)
        let entries = try Row.fetchCursor(db, sql: "\(selectEntries) ORDER BY a.id")
        while let row = try entries.next() {
            let entry = entry(row)
            guard var broken = chain.check(entry) else { continue }
            if broken.kind == .changedContent, broken.id == entry.id {
                let seals = try Row.fetchAll(db, sql: "SELECT id, previous, hash FROM audit_hash WHERE id BETWEEN ? AND ?",
                                             arguments: [entry.id - 64, entry.id + 64])
                    .map { (id: $0[0] as Int64, previous: [UInt8]($0[1] as Data), hash: [UInt8]($0[2] as Data)) }
                if let origin = chain.movedFrom(entry, among: seals) {
                    broken.kind = .reordered
                    broken.detail = "it holds the entry written as entry \(origin)"
                }
            }
            return .broken(broken, entriesBefore: chain.count)
        }
        if let orphan = try Int64.fetchOne(db, sql: """
            SELECT h.id FROM audit_hash h WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE a.id = h.id) ORDER BY h.id LIMIT 1
            """) {
            let broken = AuditChainBreak(id: orphan, at: "?", table: "?", kind: .deletedEntry,
                                         detail: "its hash is there, the entry is not")
            return .broken(broken, entriesBefore: chain.count)
        }
        return .intact(entries: chain.count)
    }

    private static let selectEntries = """
        SELECT a.id, a.at, a.actor, a.table_name, a.row_key, a.household_number, a.action, a.before, a.after,
               h.previous, h.hash
        FROM audit a LEFT JOIN audit_hash h ON h.id = a.id
        """

    private static func entry(_ row: Row) -> AuditChain.Entry {
        AuditChain.Entry(
            id: row[0], at: row[1], actor: row[2], table: row[3], key: row[4], householdNumber: row[5], action: row[6],
            before: row[7], after: row[8], previous: (row[9] as Data?).map { [UInt8]($0) }, hash: (row[10] as Data?).map { [UInt8]($0) })
    }

    private static func sha256(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }
}
