import CSQLiteShim
import DixianCore
import Foundation
import GRDB
import Synchronization

/// The registry in a SQLite database (WAL mode, foreign keys on), through GRDB.
public final class SQLiteRegistry: RegistryStore {
    /// A pool (a writer and concurrent readers), or for a session one connection that holds
    /// the session's transaction across calls.
    let writer: any DatabaseWriter
    /// The folder of a temporary registry, removed with it.
    private let temporaryDirectory: URL?
    /// Whether this is a session: changes stay in one open transaction until `commit()`.
    public let isSession: Bool
    /// Changes applied since the session's transaction began (sessions only).
    let pendingChanges = Mutex(0)

    /// Opens (creating if needed) the registry database at `path` and brings its schema up to date.
    /// With `memoryMapped`, pages are read through the file's memory map (`PRAGMA mmap_size`,
    /// as far as SQLite maps, 2 GB as Debian builds it) rather than copied in by a system call
    /// each: a server's many small reads of a large registry spent a fifth of their time in those
    /// copies. The process's resident memory then counts the registry pages it has read, and a
    /// file truncated under it ends the process (SIGBUS) where a read would fail: for the server.
    public convenience init(path: String, memoryMapped: Bool = false) throws {
        try self.init(path: path, temporaryDirectory: nil, connection: .pool, memoryMapped: memoryMapped)
    }

    /// Opens the registry at `path` for an administrator's session: one connection, on which
    /// every change joins a transaction that stays open, its changes visible to the session's
    /// own reads and to no one else, until `commit()` or `rollback()`. The write lock is taken
    /// at the first change. Closing the session without committing rolls the changes back.
    public static func session(path: String) throws -> SQLiteRegistry {
        try SQLiteRegistry(path: path, temporaryDirectory: nil, connection: .session)
    }

    /// How the registry's database is reached.
    enum Connection {
        /// A pool: a writer and concurrent readers, in WAL mode.
        case pool
        /// One connection holding a session's transaction across calls.
        case session
        /// One connection to a registry being built in a file of its own (`build(at:_:)`),
        /// without waiting for the disk and with its journal in memory: the file is thrown away
        /// if anything fails. A journal still lets a refused statement be undone alone; in a
        /// new file it holds only the few pages that were there before, as the rest are new.
        case building
    }

    init(path: String, temporaryDirectory: URL?, connection: Connection, memoryMapped: Bool = false) throws {
        _ = Self.memoryStatisticsOff
        let session = connection == .session
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.allowsUnsafeTransactions = session
        // Another process writing (a screening run's short transactions, a server's action) is
        // waited for, not an immediate SQLITE_BUSY.
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            if connection == .building {
                try db.execute(sql: "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF")
            } else {
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            if memoryMapped { try db.execute(sql: "PRAGMA mmap_size = \(Self.mappedBytes)") }
            // Every change goes through the audit triggers, so every INSERT, UPDATE or DELETE is
            // a statement that writes several rows and may abort: SQLite keeps a statement
            // journal of the pages it touches, so that it can be undone alone. In a file (the
            // default), that journal wrote a page or more to /var/tmp for every row changed.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        isSession = session
        do {
            writer = connection == .pool ? try DatabasePool(path: path, configuration: configuration)
                : try DatabaseQueue(path: path, configuration: configuration)
            try RegistrySchema.migrator.migrate(writer)
        } catch let error as DatabaseError {
            throw RegistryOpenError(path: path, reason: error.message ?? "\(error.resultCode)")
        }
        self.temporaryDirectory = temporaryDirectory
    }

    /// How much of the file SQLite may map into memory (it caps this at its own limit).
    static let mappedBytes = 1 << 34

    /// SQLite's memory statistics are turned off before its first connection in the process
    /// (`dixian_sqlite_disable_memory_statistics`): nothing reads them, and with them on every
    /// allocation SQLite makes takes a process-wide lock.
    private static let memoryStatisticsOff: Int32 = dixian_sqlite_disable_memory_statistics()

    /// A registry in a temporary file, removed when the registry is released: for tests and trials.
    /// (A file rather than memory, so that screening can read on several connections at once.)
    public convenience init() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try self.init(path: directory.appendingPathComponent("registry.sqlite").path, temporaryDirectory: directory, connection: .pool)
    }

    deinit {
        if let temporaryDirectory { try? FileManager.default.removeItem(at: temporaryDirectory) }
    }

    public func apply(
        as actor: String, _ produce: @Sendable (_ apply: (RegistryChange) throws -> Void) throws -> Void
    ) async throws {
        try await write { db in try self.applyChanges(as: actor, in: db, produce) }
        if isSession { pendingChanges.withLock { $0 += 1 } }
    }

    /// Runs `body` all or nothing: in a transaction of its own, or in a session within the
    /// session's open transaction (begun at its first change), under a savepoint.
    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        let session = isSession
        return try await writer.writeWithoutTransaction { db in try Self.inSavepoint(db, session: session, body) }
    }

    /// `write` for synchronous callers.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        let session = isSession
        return try writer.writeWithoutTransaction { db in try Self.inSavepoint(db, session: session, body) }
    }

    /// `body` under a savepoint, in a session's transaction (begun here if need be) or on its own.
    private static func inSavepoint<T>(_ db: Database, session: Bool, _ body: (Database) throws -> T) throws -> T {
        if session && !db.isInsideTransaction { try db.beginTransaction(.immediate) }
        var result: T?
        try db.inSavepoint {
            result = try body(db)
            return .commit
        }
        return result!
    }

    private func applyChanges(
        as actor: String, in db: Database, _ produce: (_ apply: (RegistryChange) throws -> Void) throws -> Void
    ) throws {
        // Registry changes can touch pages all over a county's indexes (an import, a
        // department's push); with SQLite's default 2 MiB cache those spill to the WAL and are
        // written again and again. The cache grows only as pages are used, and it is given
        // back after the transaction: screening stores its findings with the default.
        try db.execute(sql: "PRAGMA cache_size = -262144")
        defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
        try AuditTrail.setActor(actor, in: db)
        var writer = ChangeWriter(db: db, sealedThrough: try AuditSeal.lastEntry(db))
        try produce { change in try writer.apply(change) }
        try writer.finish()
        try AuditSeal.seal(after: writer.sealedThrough, in: db)
        try AuditTrail.setActor(nil, in: db)
    }

    /// Makes the session's changes permanent (nothing happens when there are none).
    public func commit() throws {
        try writer.writeWithoutTransaction { db in
            if db.isInsideTransaction { try db.commit() }
        }
        pendingChanges.withLock { $0 = 0 }
    }

    /// Drops the session's changes.
    public func rollback() throws {
        try writer.writeWithoutTransaction { db in
            if db.isInsideTransaction { try db.rollback() }
        }
        pendingChanges.withLock { $0 = 0 }
    }

    /// How many changes (actions) the session holds uncommitted.
    public var uncommittedChanges: Int { pendingChanges.withLock { $0 } }

    public func household(number: String) async throws -> Household? {
        try await writer.read { db in
            try Self.fetch(Household.self, db, where: "number = ?", [number]).first
        }
    }

    public func members(ofHousehold number: String) async throws -> [Member] {
        try await writer.read { db in
            try Self.fetch(Member.self, db, where: "household_number = ? ORDER BY relation = ? DESC, resident_id",
                           [number, Member.headRelation])
        }
    }

    public func records(in table: RegistryTable, where column: String, equals value: String) async throws -> [RegistryRecord] {
        let quoted = try Self.column(column, of: table)
        return try await writer.read { db in
            try Self.fetchRecords(table.rowType, db, where: "\(quoted) = ? ORDER BY \(table.rowType.order.joined(separator: ", "))", [value])
        }
    }

    public func records(in table: RegistryTable, where column: String, from lower: String, below upper: String) async throws -> [RegistryRecord] {
        let quoted = try Self.column(column, of: table)
        return try await writer.read { db in
            try Self.fetchRecords(table.rowType, db, where: "\(quoted) >= ? AND \(quoted) < ? ORDER BY \(table.rowType.order.joined(separator: ", "))",
                                  [lower, upper])
        }
    }

    public func records(in table: RegistryTable, where column: String, isOneOf values: [String]) async throws -> [RegistryRecord] {
        let quoted = try Self.column(column, of: table)
        return try await writer.read { db in
            try Self.fetchRecords(table.rowType, db, where: """
                \(quoted) IN (SELECT value FROM json_each(?)) ORDER BY \(table.rowType.order.joined(separator: ", "))
                """, [Self.jsonArray(values)])
        }
    }

    public func records(in table: RegistryTable, where column: String, from lower: String, below upper: String,
                        and other: String, isOneOf values: [String]) async throws -> [RegistryRecord] {
        let quoted = try Self.column(column, of: table), otherQuoted = try Self.column(other, of: table)
        return try await writer.read { db in
            try Self.fetchRecords(table.rowType, db, where: """
                \(quoted) >= ? AND \(quoted) < ? AND \(otherQuoted) IN (SELECT value FROM json_each(?))
                ORDER BY \(table.rowType.order.joined(separator: ", "))
                """, [lower, upper, Self.jsonArray(values)])
        }
    }

    /// Interchange column `column` of `table`, quoted for SQL.
    /// - Throws: `RegistryStoreError` when the table has no such column.
    private static func column(_ column: String, of table: RegistryTable) throws -> String {
        let quoted = SQLiteLayout.quoted(column)
        guard table.rowType.columns.contains(quoted) else {
            throw RegistryStoreError(changeIndex: 0, message: "\(table.rawValue) has no column \(column)")
        }
        return quoted
    }

    public func nextIdentifier(in table: RegistryTable) async throws -> Int64 {
        try await writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM \(table.rowType.table)") ?? 1
        }
    }

    public func households(ofResidents residentIDs: [String]) async throws -> [String: String] {
        try await writer.read { db in
            var found: [String: String] = [:]
            let statement = try db.cachedStatement(sql: "SELECT household_number FROM member WHERE resident_id = ?")
            // In index order, so that consecutive lookups read neighbouring pages.
            for id in residentIDs.sorted() {
                if let number = try String.fetchOne(statement, arguments: [id]) { found[id] = number }
            }
            return found
        }
    }

    public func openWork(area: String?) async throws -> OpenWork {
        // A household's number begins with its village code, and a problem, a plan and a member
        // name their household: each is chosen by the range of its household number, and its
        // village read from it, without reading the household. (A problem of no household, and
        // a warning that matches no member, are every area's.)
        @Sendable func inArea(_ column: String) -> String { area == nil ? "1" : "(\(column) >= ?1 AND \(column) < ?2)" }
        let arguments: StatementArguments = area.map { [$0, $0 + ":"] } ?? []
        return try await writer.read { db in
            func entries<R: RegistryRow>(_: R.Type, _ sql: String) throws -> [OpenWork.Entry<R>] {
                try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                    OpenWork.Entry(record: try R(row: row), householdNumber: row["h_number"], villageCode: row["h_village"])
                }
            }
            let problems = try entries(Problem.self, """
                SELECT p.*, p.household_number AS h_number, substr(p.household_number, 1, 12) AS h_village FROM problem p
                WHERE p.closed_on IS NULL AND (p.household_number IS NULL OR \(inArea("p.household_number")))
                ORDER BY p.deadline, p.id
                """)
            let measures = try entries(Measure.self, """
                SELECT m.*, a.household_number AS h_number, substr(a.household_number, 1, 12) AS h_village FROM measure m
                JOIN assistance_plan a ON a.id = m.plan_id
                WHERE m.done_on IS NULL AND \(inArea("a.household_number"))
                ORDER BY m.due_on, m.id
                """)
            let warnings = try entries(DepartmentWarning.self, """
                SELECT w.*, m.household_number AS h_number, substr(m.household_number, 1, 12) AS h_village FROM department_warning w
                LEFT JOIN member m ON m.resident_id = w.resident_id
                WHERE w.closed_on IS NULL AND (m.household_number IS NULL OR \(inArea("m.household_number")))
                ORDER BY w.received_on, w.id
                """)
            return OpenWork(problems: problems, measures: measures, warnings: warnings)
        }
    }

    public func existingHouseholdNumbers(among numbers: Set<String>) async throws -> Set<String> {
        guard !numbers.isEmpty else { return [] }
        return try await writer.read { db in
            var found: Set<String> = []
            let statement = try db.cachedStatement(sql: "SELECT 1 FROM household WHERE number = ?")
            for number in numbers where try Bool.fetchOne(statement, arguments: [number]) != nil {
                found.insert(number)
            }
            return found
        }
    }

    public func forEachRecord(in table: RegistryTable, _ body: (RegistryRecord) throws -> Void) throws {
        try readRecords(table.rowType, body)
    }

    private func readRecords<R: RegistryRow>(_: R.Type, _ body: (RegistryRecord) throws -> Void) throws {
        try writer.unsafeReentrantRead { db in
            let rows = try Row.fetchCursor(db, sql: "\(R.selectSQL) ORDER BY \(R.order.joined(separator: ", "))")
            while let row = try rows.next() {
                try body(try R(row: row).registryRecord)
            }
        }
    }

    public func householdSummary(area: String?) async throws -> HouseholdSummary {
        let within = Self.areaCondition(area, column: "h.village_code")
        let arguments = StatementArguments(Self.areaArguments(area).map { Optional($0) })
        return try await writer.read { db in
            var byCategory: [HouseholdCategory: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT category, count(*) AS n FROM household h WHERE \(within) GROUP BY category",
                                        arguments: arguments) {
                byCategory[try row.term("category", in: "household")] = row["n"]
            }
            var byRisk: [RiskType: Int] = [:]
            let risks = try String.fetchAll(db, sql: """
                SELECT e.risk_types FROM monitoring_episode e JOIN household h ON h.number = e.household_number
                WHERE e.status = 'identified' AND h.category = 'monitored' AND \(within)
                """, arguments: arguments)
            for list in risks {
                for name in list.split(separator: termListSeparator) {
                    if let risk = RiskType(rawValue: String(name)) { byRisk[risk, default: 0] += 1 }
                }
            }
            var byTownship: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT substr(village_code, 1, 9) AS township, count(*) AS n FROM household h
                WHERE category = 'monitored' AND \(within) GROUP BY township
                """, arguments: arguments) {
                byTownship[row["township"]] = row["n"]
            }
            return HouseholdSummary(byCategory: byCategory, monitoredByRiskType: byRisk, monitoredByTownship: byTownship)
        }
    }

    public func auditTrail(ofHousehold number: String) async throws -> [AuditEntry] {
        try await writer.read { db in
            try Row.fetchAll(
                db, sql: AuditTrail.householdTrailSQL,
                arguments: [number]
            ).map { row in
                AuditEntry(
                    at: row["at"], actor: row["actor"], table: row["table_name"], key: row["row_key"],
                    action: AuditEntry.Action(rawValue: row["action"]) ?? .update, before: row["before"], after: row["after"])
            }
        }
    }

    public func recordDisclosure(_ disclosure: Disclosure) async throws {
        try await write { db in
            try db.execute(sql: "INSERT INTO disclosure (actor, action, destination, records) VALUES (?, ?, ?, ?)",
                           arguments: [disclosure.actor, disclosure.action, disclosure.destination, disclosure.records])
        }
    }

    public func disclosures() async throws -> [Disclosure] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT at, actor, action, destination, records FROM disclosure ORDER BY id").map { row in
                Disclosure(at: row["at"], actor: row["actor"], action: row["action"], destination: row["destination"],
                           records: row["records"])
            }
        }
    }

    /// Every row of every table, the audit trail included, as text in a fixed order: two
    /// registries hold the same data exactly when their dumps are equal.
    public func dump() async throws -> String {
        try await writer.read { db in
            var text = ""
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name")
            for table in tables {
                text += "# \(table)\n"
                let order = (1...(try db.columns(in: table).count)).map(String.init).joined(separator: ", ")
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)") {
                    text += row.description + "\n"
                }
            }
            return text
        }
    }

    private static func fetchRecords<R: RegistryRow>(
        _: R.Type, _ db: Database, where condition: String, _ arguments: StatementArguments
    ) throws -> [RegistryRecord] {
        try fetch(R.self, db, where: condition, arguments).map(\.registryRecord)
    }

    private static func fetch<R: RegistryRow>(
        _: R.Type, _ db: Database, where condition: String, _ arguments: StatementArguments
    ) throws -> [R] {
        try Row.fetchAll(db, sql: "\(R.selectSQL) WHERE \(condition)", arguments: arguments).map(R.init(row:))
    }
}

/// A registry database that cannot be opened or brought up to date.
public struct RegistryOpenError: Error, CustomStringConvertible {
    /// The database file.
    public let path: String
    /// Why: SQLite's or the system's words, or the store's own.
    public let why: Why

    /// Why a registry could not be opened or built.
    public enum Why: MessageCatalogue, Hashable {
        /// SQLite or the system said so, in their words.
        case said(String)
        /// A first import's registry already exists.
        case exists
        /// The file a first import builds is there: another import, or one stopped.
        case beingBuilt(String)

        public var texts: (chinese: String, english: String) {
            switch self {
            case .said(let words): (words, words)
            case .exists: ("该登记库已存在", "it already exists")
            case .beingBuilt(let building):
                ("\(building) 已存在：另一次导入正在建立此登记库，或有一次导入被中断；如没有导入在运行，请删除该文件",
                 "\(building) is there: another import is building this registry, or one was stopped; remove it if none is running")
            }
        }

        public static var samples: [Why] { [.exists, .beingBuilt("/srv/r.sqlite.importing")] }
    }

    public init(path: String, reason: String) {
        self.init(path: path, why: .said(reason))
    }

    public init(path: String, why: Why) {
        self.path = path
        self.why = why
    }

    /// Why, in English.
    public var reason: String { why.english }

    public var description: String { "cannot open the registry \(path): \(reason)" }
}

extension RegistryTable {
    /// The row type stored in the table.
    var rowType: any RegistryRow.Type { valueType as! any RegistryRow.Type }
}

extension RegistryRecord {
    /// The record as a row of its table.
    var row: any RegistryRow { value as! any RegistryRow }
}

extension SQLiteRegistry: AuditChainStore {
    public func verifyAuditTrail() async throws -> AuditVerification {
        try await writer.read { db in try AuditSeal.verify(db) }
    }
}

extension SQLiteRegistry: BookkeepingSource {
    /// The tables `forEachRow` reads.
    private static let bookkeepingTables: Set = ["audit", "audit_hash", "disclosure", "server_user", "screening_run", "screening_finding", "current_finding", "finding_event", "household_dirty", "due_item", "current_state", "household_wake"]

    public func forEachRow(ofTable name: String, columns: [String], _ body: ([String?]) throws -> Void) throws {
        precondition(Self.bookkeepingTables.contains(name), "\(name) is not a bookkeeping table")
        // The audit trail goes with its chain: each entry's hashes as PostgreSQL reads bytes (`\x…`).
        let hashes = name == "audit" ? ["previous", "hash"] : []
        let source = name == "audit" ? "audit LEFT JOIN audit_hash USING (id)" : name
        try writer.unsafeReentrantRead { db in
            let known = Set(try db.columns(in: name).map(\.name) + hashes)
            if let missing = columns.first(where: { !known.contains($0) }) {
                throw DatabaseError(message: "table \(name) has no column \(missing)")
            }
            let list = columns.map { hashes.contains($0) ? "'\\x' || lower(hex(\($0)))" : "CAST(\($0) AS TEXT)" }.joined(separator: ", ")
            let rows = try Row.fetchCursor(db, sql: "SELECT \(list) FROM \(source) ORDER BY \(columns[0])")
            while let row = try rows.next() {
                try body((0..<columns.count).map { row[$0] })
            }
        }
    }
}
