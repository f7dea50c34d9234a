import DixianCore
import Foundation

/// The registry in a PostgreSQL database, for a server over a multi-user database: the same
/// storage protocols as `SQLiteRegistry`, so that callers do not know which one they use.
/// Every change is audited by a trigger with the actor of its transaction; new ids come from
/// sequences, so that several processes can write at once.
public final class PostgresRegistry: RegistryStore {
    let pool: ConnectionPool
    /// Where the database is, without a password (`postgres://dixian@127.0.0.1:5432/county`).
    public let location: String
    let codecs: [RegistryTable: TableCodec]
    let views: ViewQuery

    /// Connects to the database at `url` (`postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`),
    /// bringing its schema up to date.
    /// - Throws: `PostgresStoreError` if the database cannot be reached or migrated.
    public convenience init(url: String) throws {
        try self.init(url: url, session: false)
    }

    /// Connects to the database at `url` for an administrator's session: one connection, on
    /// which every change joins a transaction that stays open, its changes visible to the
    /// session's own reads and to no one else, until `commit()` or `rollback()`. Closing the
    /// session (releasing the registry, or the process ending) without committing rolls the
    /// changes back, as does losing the connection (the next call says so).
    public static func session(url: String) throws -> PostgresRegistry {
        try PostgresRegistry(url: url, session: true)
    }

    init(url: String, session: Bool) throws {
        pool = try ConnectionPool(url: url, session: session)
        location = Self.location(of: url)
        codecs = try pool.withConnection { connection in
            try Self.migrate(connection)
            var codecs: [RegistryTable: TableCodec] = [:]
            for layout in PostgresSchema.tables {
                let types = try connection.rows("""
                    SELECT attname::text, format_type(atttypid, atttypmod) FROM pg_attribute
                    WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped
                    """, [layout.name])
                let byName = Dictionary(uniqueKeysWithValues: types.map { ($0[0]!, $0[1]!) })
                codecs[layout.table] = try TableCodec(layout, types: byName)
            }
            return codecs
        }
        views = ViewQuery(codecs: codecs)
        try pool.withConnection { connection in
            try connection.transaction {
                try connection.rows("SELECT pg_advisory_xact_lock(20211231)")
                for function in views.functions { try connection.rows(function) }
            }
        }
    }

    /// `url` with its password, if any, hidden: for messages and records.
    public static func location(of url: String) -> String {
        guard var components = URLComponents(string: url) else {
            // Unparseable (a password with a bare %, say): hide whatever lies between the
            // scheme's user and the last @.
            return url.replacing(/^(\w+:\/\/[^:@\/]*):.*@/, with: { "\($0.1):***@" })
        }
        guard components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }

    /// Closes the idle connections when the registry goes.
    deinit { pool.close() }

    /// Applies the migrations not yet applied, each in a transaction, one process at a time;
    /// with `last`, none after the migration of that name (for a test's registry of an older schema).
    static func migrate(_ connection: Connection, through last: String? = nil) throws {
        try connection.script("""
            CREATE TABLE IF NOT EXISTS schema_migration (
              name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
            """)
        try connection.transaction {
            try connection.rows("SELECT pg_advisory_xact_lock(20211231)")
            let applied = Set(try connection.rows("SELECT name FROM schema_migration").compactMap { $0[0] })
            for migration in PostgresSchema.migrations where !applied.contains(migration.name) {
                try connection.script(migration.sql)
                try connection.rows("INSERT INTO schema_migration (name) VALUES ($1)", [migration.name])
                if migration.name == last { break }
            }
        }
    }

    func codec(_ table: RegistryTable) -> TableCodec { codecs[table]! }

    // MARK: Sessions

    /// Whether this is a session: changes stay in one open transaction until `commit()`.
    public var isSession: Bool { pool.session != nil }

    /// Makes the session's changes permanent (nothing happens when there are none, or outside a session).
    /// - Throws: `PostgresStoreError`; `.commitUnknown` if the connection was lost before
    ///   PostgreSQL answered (the changes may or may not have been kept).
    public func commit() throws {
        guard let session = pool.session else { return }
        if session.isInTransaction {
            // The ids the session took as the highest plus one (`nextIdentifiers`) are now
            // passed by the sequences, so that no one else takes them.
            try pool.withConnection { connection in
                try Self.advanceSequences(of: PostgresSchema.tables.filter(\.hasSequence).map(\.name), on: connection)
            }
        }
        try session.commit(pool)
    }

    /// Drops the session's changes.
    public func rollback() throws {
        try pool.session?.rollback(pool)
    }

    /// How many changes (actions) the session holds uncommitted.
    public var uncommittedChanges: Int { pool.session?.uncommittedChanges ?? 0 }

    // MARK: Changes

    public func apply(
        as actor: String, _ produce: @Sendable (_ apply: (RegistryChange) throws -> Void) throws -> Void
    ) async throws {
        // The changes are applied with blocking round trips, so on a thread of their own rather
        // than one of the concurrency pool's. `produce` must not outlive this call: the thread
        // lets go of it before the caller resumes.
        try await withoutActuallyEscaping(produce) { produce in
            let lent = LentProducer(produce)
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                Thread.detachNewThread {
                    let result = Result { try self.applyChanges(as: actor, lent.producer!) }
                    lent.producer = nil
                    continuation.resume(with: result)
                }
            }
        }
    }

    /// Applies changes in one transaction on the calling thread.
    private func applyChanges(as actor: String, _ produce: (_ apply: (RegistryChange) throws -> Void) throws -> Void) throws {
        try pool.withConnection { connection in
            try connection.change {
                try connection.rows("SELECT set_config('dixian.actor', $1, true)", [actor])
                // The audit chain's lock, taken before any row lock (see `PostgresSchema.auditLock`).
                // Waited for at most five seconds, as SQLite's busy timeout: a console session
                // holding it until commit makes other writers fail as busy (55P03, which the
                // server retries and then answers 503), not hang.
                try connection.rows("SELECT set_config('lock_timeout', '5s', true)")
                try connection.rows("SELECT pg_advisory_xact_lock(\(PostgresSchema.auditLock))")
                try connection.rows("SELECT set_config('lock_timeout', '0', true)")
                var index = 0
                var inserted: Set<RegistryTable> = []
                // Consecutive inserts into one table go as one multi-row INSERT (an import is
                // millions of them; a round trip each would be most of its time).
                var pending: (codec: TableCodec, rows: [(index: Int, fields: [String?])])?
                func flush() throws {
                    if let batch = pending { try self.insert(batch.rows, with: batch.codec, on: connection) }
                    pending = nil
                }
                try produce { change in
                    if case .insert(let record) = change {
                        let codec = self.codec(record.table)
                        if pending?.codec.name != record.table.rawValue || pending?.rows.count == codec.rowsPerInsert {
                            try flush()
                            pending = (codec, [])
                        }
                        pending?.rows.append((index, codec.storedFields(TableCodec.fields(of: record))))
                        inserted.insert(record.table)
                    } else {
                        try flush()
                        do {
                            try self.execute(change, on: connection)
                        } catch let error as PostgresStoreError where error.kind == .server {
                            throw RegistryStoreError(changeIndex: index, message: error.message)
                        } catch let error as ChangeRefused {
                            throw RegistryStoreError(changeIndex: index, message: error.message, isStale: error.isStale)
                        }
                    }
                    index += 1
                }
                try flush()
                // Records inserted with ids of their own (an import's) are passed by the sequences,
                // which do not roll back: a session, whose changes may yet be dropped, passes them
                // only when it commits.
                if !self.isSession {
                    try Self.advanceSequences(
                        of: inserted.filter { self.codec($0).hasSequence }.map(\.rawValue).sorted(), on: connection)
                }
            }
        }
    }

    /// Moves the id sequences of `tables` past ids given explicitly (an import's), in one
    /// round trip; ids the sequences handed out leave them as they are.
    static func advanceSequences(of tables: [String], on connection: Connection) throws {
        guard !tables.isEmpty else { return }
        try connection.rows(tables.map { table in
            """
            SELECT setval(s, m) FROM (SELECT pg_get_serial_sequence('\(table)', 'id')::regclass AS s,
              (SELECT max(id) FROM \(table)) AS m) x WHERE m > coalesce(pg_sequence_last_value(s), 0)
            """
        }.joined(separator: " UNION ALL "))
    }

    /// Inserts `rows` (each the stored fields of the change at `index`) in one statement; if
    /// that fails, finds the first row that fails alone, so that the error names its change.
    private func insert(_ rows: [(index: Int, fields: [String?])], with codec: TableCodec, on connection: Connection) throws {
        guard rows.count > 1 else {
            do {
                try connection.rows(codec.insertSQL, rows[0].fields)
            } catch let error as PostgresStoreError where error.kind == .server {
                // A refused row names its change; a lost connection stays what it is.
                throw RegistryStoreError(changeIndex: rows[0].index, message: error.message)
            }
            return
        }
        try connection.rows("SAVEPOINT inserts")
        do {
            try connection.rows(codec.insertSQL(rows: rows.count), rows.flatMap(\.fields))
            try connection.rows("RELEASE SAVEPOINT inserts")
        } catch let error as PostgresStoreError where error.kind == .server {
            try connection.rows("ROLLBACK TO SAVEPOINT inserts")
            for row in rows { try insert([row], with: codec, on: connection) }
            throw RegistryStoreError(changeIndex: rows[0].index, message: error.message)
        }
    }

    /// Runs one change other than an insert.
    private func execute(_ change: RegistryChange, on connection: Connection) throws {
        switch change {
        case .insert:
            preconditionFailure("inserts go through insert(_:with:on:)")
        case .update(let record):
            let codec = codec(record.table), fields = TableCodec.fields(of: record)
            let changed = try connection.rows(codec.updateSQL + " RETURNING 1", codec.otherFields(fields) + codec.keyFields(fields))
            if changed.isEmpty { throw ChangeRefused.missing(codec, fields) }
        case .delete(let record):
            let codec = codec(record.table), fields = TableCodec.fields(of: record)
            if try connection.rows(codec.deleteSQL + " RETURNING 1", codec.keyFields(fields)).isEmpty {
                throw ChangeRefused.missing(codec, fields)
            }
        case .replace(let record, let expected):
            let codec = codec(record.table), fields = TableCodec.fields(of: record)
            let old = TableCodec.fields(of: expected)
            guard expected.table == record.table, codec.keyFields(old) == codec.keyFields(fields) else {
                throw ChangeRefused.stale(codec, fields)
            }
            let changed = try connection.rows(
                codec.replaceSQL + " RETURNING 1", codec.otherFields(fields) + codec.keyFields(fields) + codec.otherFields(old))
            if changed.isEmpty { throw ChangeRefused.stale(codec, fields) }
        }
    }

    // MARK: Reading records

    public func household(number: String) async throws -> Household? {
        guard case .household(let household)? = try await records(in: .household, where: "number", equals: number).first else {
            return nil
        }
        return household
    }

    public func members(ofHousehold number: String) async throws -> [Member] {
        let members = try await records(in: .member, where: "household_number", equals: number).compactMap { record in
            if case .member(let member) = record { member } else { nil }
        }
        return members.filter(\.isHead) + members.filter { !$0.isHead }
    }

    public func records(in table: RegistryTable, where column: String, equals value: String) async throws -> [RegistryRecord] {
        let codec = codec(table), stored = try Self.column(column, of: table, codec)
        return try await pool.withConnection { connection in
            try await connection.arrays("\(codec.selectSQL) WHERE t.\(stored.quoted) = \(stored.parameter(1)) \(codec.orderSQL)", [value])
        }.map { try codec.record($0) }
    }

    public func records(in table: RegistryTable, where column: String, from lower: String, below upper: String) async throws -> [RegistryRecord] {
        let codec = codec(table), stored = try Self.column(column, of: table, codec)
        return try await pool.withConnection { connection in
            try await connection.arrays(
                "\(codec.selectSQL) WHERE t.\(stored.quoted) >= \(stored.parameter(1)) AND t.\(stored.quoted) < \(stored.parameter(2)) \(codec.orderSQL)",
                [lower, upper])
        }.map { try codec.record($0) }
    }

    public func records(in table: RegistryTable, where column: String, isOneOf values: [String]) async throws -> [RegistryRecord] {
        let codec = codec(table), stored = try Self.column(column, of: table, codec)
        return try await pool.withConnection { connection in
            try await connection.arrays("""
                \(codec.selectSQL) WHERE t.\(stored.quoted) = ANY (SELECT jsonb_array_elements_text($1::jsonb)::\(stored.type)) \(codec.orderSQL)
                """, [try Self.json(values)])
        }.map { try codec.record($0) }
    }

    public func records(in table: RegistryTable, where column: String, from lower: String, below upper: String,
                        and other: String, isOneOf values: [String]) async throws -> [RegistryRecord] {
        let codec = codec(table), stored = try Self.column(column, of: table, codec), otherStored = try Self.column(other, of: table, codec)
        return try await pool.withConnection { connection in
            try await connection.arrays("""
                \(codec.selectSQL) WHERE t.\(stored.quoted) >= \(stored.parameter(1)) AND t.\(stored.quoted) < \(stored.parameter(2))
                AND t.\(otherStored.quoted) = ANY (SELECT jsonb_array_elements_text($3::jsonb)::\(otherStored.type)) \(codec.orderSQL)
                """, [lower, upper, try Self.json(values)])
        }.map { try codec.record($0) }
    }

    /// Interchange column `column` of `table` as `codec` stores it.
    /// - Throws: `RegistryStoreError` when the table has no such column.
    private static func column(_ column: String, of table: RegistryTable, _ codec: TableCodec) throws -> TableCodec.StoredColumn {
        guard let stored = codec.stored.first(where: { $0.name == column }) else {
            throw RegistryStoreError(changeIndex: 0, message: "\(table.rawValue) has no column \(column)")
        }
        return stored
    }

    public func nextIdentifier(in table: RegistryTable) async throws -> Int64 {
        try await nextIdentifiers(in: table, count: 1)[0]
    }

    public func nextIdentifiers(in table: RegistryTable, count: Int) async throws -> [Int64] {
        guard codec(table).hasSequence else {
            throw RegistryStoreError(changeIndex: 0, message: "\(table.rawValue) is not keyed by an id")
        }
        guard count > 0 else { return [] }
        // An administrator's session takes the ids after the highest in use (its own uncommitted
        // records included) or handed out, as SQLite does, and passes the sequence over them
        // only when it commits: a session left without committing gives its ids back, so both
        // stores number the next records alike. It holds the audit chain's lock from then until
        // it ends, as it would from its first change; anyone else takes ids from the sequence
        // under that lock shared, so no one takes an id a session holds, and waits for an open
        // session at most five seconds, then fails as busy (55P03), as a write would.
        let parameters = [table.rawValue, String(count)]
        let rows: [[String?]]
        if isSession {
            rows = try await pool.withConnection { connection in
                try await connection.beginSessionTransaction()
                try await connection.rows("SELECT set_config('lock_timeout', '5s', true)")
                try await connection.rows("SELECT pg_advisory_xact_lock(\(PostgresSchema.auditLock))")
                try await connection.rows("SELECT set_config('lock_timeout', '0', true)")
                return try await connection.rows("""
                    SELECT (greatest((SELECT coalesce(max(id), 0) FROM \(table.rawValue)),
                      coalesce(pg_sequence_last_value(pg_get_serial_sequence($1, 'id')::regclass), 0)) + g)::text
                    FROM generate_series(1, $2::integer) g
                    """, parameters)
            }
        } else {
            rows = try await pool.withConnection { connection in
                try await connection.transaction {
                    try await connection.rows("SELECT set_config('lock_timeout', '5s', true)")
                    try await connection.rows("SELECT pg_advisory_xact_lock_shared(\(PostgresSchema.auditLock))")
                    return try await connection.rows(
                        "SELECT nextval(pg_get_serial_sequence($1, 'id'))::text FROM generate_series(1, $2::integer)", parameters)
                }
            }
        }
        return rows.compactMap { $0[0].flatMap { Int64($0) } }.sorted()
    }

    /// Ids come from sequences.
    public var reservesIdentifiers: Bool { true }

    /// The separator of a list sent as one text parameter (`string_to_array($1, chr(31))`).
    static let listSeparator = "\u{1F}"

    public func households(ofResidents residentIDs: [String]) async throws -> [String: String] {
        guard !residentIDs.isEmpty else { return [:] }
        let rows = try await pool.withConnection { connection in
            try await connection.rows(
                "SELECT resident_id, household_number FROM member WHERE resident_id = ANY(string_to_array($1, chr(31)))",
                [residentIDs.joined(separator: Self.listSeparator)])
        }
        return Dictionary(rows.map { ($0[0]!, $0[1]!) }, uniquingKeysWith: { first, _ in first })
    }

    public func existingHouseholdNumbers(among numbers: Set<String>) async throws -> Set<String> {
        guard !numbers.isEmpty else { return [] }
        let rows = try await pool.withConnection { connection in
            try await connection.rows("SELECT number FROM household WHERE number = ANY(string_to_array($1, chr(31)))",
                                      [numbers.joined(separator: Self.listSeparator)])
        }
        return Set(rows.compactMap { $0[0] })
    }

    public func forEachRecord(in table: RegistryTable, _ body: (RegistryRecord) throws -> Void) throws {
        let codec = codec(table)
        try pool.withConnection { connection in
            try connection.transaction {
                try connection.rows("DECLARE records NO SCROLL CURSOR FOR \(codec.selectSQL) \(codec.orderSQL)")
                while true {
                    let batch = try connection.arrays("FETCH 5000 FROM records")
                    for fields in batch { try body(try codec.record(fields)) }
                    if batch.count < 5000 { break }
                }
                // In a session's open transaction the cursor would outlive this call.
                try connection.rows("CLOSE records")
            }
        }
    }

    // MARK: Open work, summaries, audit, disclosures

    /// `village_code >= $a AND village_code < $b` for an area prefix, with its bounds.
    static func areaBounds(_ area: String?) -> (low: String, high: String) {
        guard let area, let last = area.unicodeScalars.last, let next = Unicode.Scalar(last.value + 1) else {
            return ("", "\u{10FFFF}")
        }
        return (area, String(area.unicodeScalars.dropLast()) + String(next))
    }

    public func openWork(area: String?) async throws -> OpenWork {
        let bounds = Self.areaBounds(area)
        func entries<R>(_ rows: [[String]], _ table: RegistryTable, _ unwrap: (RegistryRecord) -> R?) throws -> [OpenWork.Entry<R>] {
            try rows.compactMap { row in
                guard let record = unwrap(try codec(table).record(row, from: 2)) else { return nil }
                return OpenWork.Entry(record: record, householdNumber: row[0].isEmpty ? nil : row[0],
                                      villageCode: row[1].isEmpty ? nil : row[1])
            }
        }
        // As on SQLite: a household's number begins with its village code, and a problem, a plan
        // and a member name their household, so each is chosen by the range of its household
        // number and its village read from it, without reading the household.
        @Sendable func head(_ column: String) -> String { "ARRAY[coalesce(\(column), ''), coalesce(substr(\(column), 1, 12), '')] ||" }
        @Sendable func inArea(_ column: String) -> String { "(\(column) >= $1 AND \(column) < $2)" }
        let (problems, measures, warnings) = try await pool.withConnection { connection in
            let problems = try await connection.arrays("""
                SELECT \(head("t.household_number")) \(codec(.problem).fieldsArray) FROM problem t
                WHERE t.closed_on IS NULL AND (t.household_number IS NULL OR \(inArea("t.household_number"))) ORDER BY t.deadline, t.id
                """, [bounds.low, bounds.high])
            let measures = try await connection.arrays("""
                SELECT \(head("a.household_number")) \(codec(.measure).fieldsArray) FROM measure t
                JOIN assistance_plan a ON a.id = t.plan_id
                WHERE t.done_on IS NULL AND \(inArea("a.household_number")) ORDER BY t.due_on, t.id
                """, [bounds.low, bounds.high])
            let warnings = try await connection.arrays("""
                SELECT \(head("m.household_number")) \(codec(.departmentWarning).fieldsArray) FROM department_warning t
                LEFT JOIN member m ON m.resident_id = t.resident_id
                WHERE t.closed_on IS NULL AND (m.household_number IS NULL OR \(inArea("m.household_number"))) ORDER BY t.received_on, t.id
                """, [bounds.low, bounds.high])
            return (problems, measures, warnings)
        }
        return OpenWork(
            problems: try entries(problems, .problem) { if case .problem(let p) = $0 { p } else { nil } },
            measures: try entries(measures, .measure) { if case .measure(let m) = $0 { m } else { nil } },
            warnings: try entries(warnings, .departmentWarning) { if case .departmentWarning(let w) = $0 { w } else { nil } })
    }

    public func householdSummary(area: String?) async throws -> HouseholdSummary {
        let bounds = Self.areaBounds(area)
        let within = "h.village_code >= $1 AND h.village_code < $2"
        return try await pool.withConnection { connection in
            var byCategory: [HouseholdCategory: Int] = [:]
            for row in try await connection.rows(
                "SELECT category, count(*)::text FROM household h WHERE \(within) GROUP BY category", [bounds.low, bounds.high]) {
                if let category = HouseholdCategory(rawValue: row[0] ?? "") { byCategory[category] = Int(row[1] ?? "") }
            }
            var byRisk: [RiskType: Int] = [:]
            for row in try await connection.rows("""
                SELECT e.risk_types FROM monitoring_episode e JOIN household h ON h.number = e.household_number
                WHERE e.status = 'identified' AND h.category = 'monitored' AND \(within)
                """, [bounds.low, bounds.high]) {
                // Risk types are kept as the interchange format writes them, `;`-separated.
                for name in (row[0] ?? "").split(separator: ";") {
                    if let risk = RiskType(rawValue: String(name)) { byRisk[risk, default: 0] += 1 }
                }
            }
            var byTownship: [String: Int] = [:]
            for row in try await connection.rows("""
                SELECT substr(village_code, 1, 9), count(*)::text FROM household h
                WHERE category = 'monitored' AND \(within) GROUP BY 1
                """, [bounds.low, bounds.high]) {
                byTownship[row[0] ?? ""] = Int(row[1] ?? "")
            }
            return HouseholdSummary(byCategory: byCategory, monitoredByRiskType: byRisk, monitoredByTownship: byTownship)
        }
    }

    public func auditTrail(ofHousehold number: String) async throws -> [AuditEntry] {
        try await pool.withConnection { connection in
            try await connection.rows("""
                SELECT at, actor, table_name, row_key, action, before, after FROM audit
                WHERE \(PostgresSchema.householdTablesClause) AND household_number = $1 ORDER BY id
                """, [number])
        }.map { row in
            AuditEntry(at: row[0] ?? "", actor: row[1] ?? "", table: row[2] ?? "", key: row[3] ?? "",
                       action: AuditEntry.Action(rawValue: row[4] ?? "") ?? .update, before: row[5], after: row[6])
        }
    }

    public func recordDisclosure(_ disclosure: Disclosure) async throws {
        _ = try await pool.withConnection { connection in
            try await connection.rows("INSERT INTO disclosure (actor, action, destination, records) VALUES ($1, $2, $3, $4::bigint)",
                                      [disclosure.actor, disclosure.action, disclosure.destination, String(disclosure.records)])
        }
    }

    public func disclosures() async throws -> [Disclosure] {
        try await pool.withConnection { connection in
            try await connection.rows("SELECT at, actor, action, destination, records::text FROM disclosure ORDER BY id")
        }.map { row in
            Disclosure(at: row[0] ?? "", actor: row[1] ?? "", action: row[2] ?? "", destination: row[3] ?? "",
                       records: Int(row[4] ?? "") ?? 0)
        }
    }
}

/// A producer of changes lent to the thread that applies them, and given back (set to nil)
/// before the caller resumes.
private final class LentProducer: @unchecked Sendable {
    var producer: (@Sendable (_ apply: (RegistryChange) throws -> Void) throws -> Void)?

    init(_ producer: @escaping @Sendable (_ apply: (RegistryChange) throws -> Void) throws -> Void) {
        self.producer = producer
    }
}

/// A change the store refuses without an error from PostgreSQL: its record is missing, or
/// changed since it was read.
private struct ChangeRefused: Error {
    let message: String
    let isStale: Bool

    static func missing(_ codec: TableCodec, _ fields: [String?]) -> ChangeRefused {
        ChangeRefused(message: "no \(codec.name) with key \(key(codec, fields))", isStale: false)
    }

    static func stale(_ codec: TableCodec, _ fields: [String?]) -> ChangeRefused {
        ChangeRefused(message: "\(codec.name) \(key(codec, fields)) was changed by someone else since it was read",
                      isStale: true)
    }

    private static func key(_ codec: TableCodec, _ fields: [String?]) -> String {
        codec.keyFields(fields).map { $0 ?? "NULL" }.joined(separator: "/")
    }
}

extension RegistryRecord {
    /// The table the record belongs in.
    var table: RegistryTable { type(of: value).registryTable }
}
