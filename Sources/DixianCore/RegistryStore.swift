/// Where the registry is kept. The rest of Dixian talks to this protocol, so that SQLite
/// (embedded) and PostgreSQL (server) are interchangeable.
public protocol RegistryStore: Sendable {
    /// Applies the changes `produce` hands to its argument, in one transaction, all or nothing,
    /// recording each change in the audit trail as made by `actor` now. Streaming the changes
    /// keeps a large import's memory bounded; if `produce` throws, nothing is changed.
    /// - Throws: `RegistryStoreError` naming the first change that cannot be applied, or what
    ///   `produce` threw; nothing is then changed.
    func apply(
        as actor: String, _ produce: @Sendable (_ apply: (RegistryChange) throws -> Void) throws -> Void
    ) async throws

    /// The household with `number`, if there is one.
    func household(number: String) async throws -> Household?

    /// The members of household `number`, head first, then in ID-number order.
    func members(ofHousehold number: String) async throws -> [Member]

    /// The records of `table` whose `column` equals `value` (a household number, a plan id...),
    /// in key order. `column` is one of the table's interchange columns.
    func records(in table: RegistryTable, where column: String, equals value: String) async throws -> [RegistryRecord]

    /// The records of `table` whose `column` lies from `lower` up to (not including) `upper`,
    /// in key order: the records of the households within an area (`area` to `area + ":"`,
    /// as `HouseholdPartition` reads them), through the column's index.
    func records(in table: RegistryTable, where column: String, from lower: String, below upper: String) async throws -> [RegistryRecord]

    /// The records of `table` whose `column` is one of `values`, in key order: a page's
    /// households read together rather than one by one.
    func records(in table: RegistryTable, where column: String, isOneOf values: [String]) async throws -> [RegistryRecord]

    /// The records of `table` whose `column` lies from `lower` up to (not including) `upper`
    /// and whose `other` column is one of `values`, in key order: the episodes of an area
    /// that are waiting for a decision, without reading the others.
    func records(in table: RegistryTable, where column: String, from lower: String, below upper: String,
                 and other: String, isOneOf values: [String]) async throws -> [RegistryRecord]

    /// An identifier not yet used in `table` (one keyed by an integer id).
    func nextIdentifier(in table: RegistryTable) async throws -> Int64

    /// `count` identifiers not yet used in `table`, in increasing order, for records added
    /// together (a department's push, a run's findings). A store that reserves identifiers
    /// hands each one out once, as `nextIdentifier` does.
    func nextIdentifiers(in table: RegistryTable, count: Int) async throws -> [Int64]

    /// Whether `nextIdentifier` hands each id out once, even to callers at the same time or in
    /// other processes (a sequence), so that actions need not be queued to take ids.
    var reservesIdentifiers: Bool { get }

    /// For each of `residentIDs` that is a member of a household, that household's number.
    func households(ofResidents residentIDs: [String]) async throws -> [String: String]

    /// Which of `numbers` are households in the registry.
    func existingHouseholdNumbers(among numbers: Set<String>) async throws -> Set<String>

    /// Calls `body` with every record of `table` in canonical order (by key; members by household,
    /// then ID number), reading with bounded memory.
    func forEachRecord(in table: RegistryTable, _ body: (RegistryRecord) throws -> Void) throws

    /// Work with a recorded deadline still open within `area` (a village-code prefix; nil for
    /// all): problems and measures not done, and department warnings not yet verified.
    func openWork(area: String?) async throws -> OpenWork

    /// Households within `area` (a village-code prefix; nil for all) counted by category, and
    /// monitored households by risk type and by township.
    func householdSummary(area: String?) async throws -> HouseholdSummary

    /// Every recorded change to household `number` and the records that hang from it, oldest first.
    func auditTrail(ofHousehold number: String) async throws -> [AuditEntry]

    /// Records a disclosure of personal data before it is made; a disclosure that cannot be
    /// recorded must not be made.
    func recordDisclosure(_ disclosure: Disclosure) async throws

    /// Every recorded disclosure, oldest first.
    func disclosures() async throws -> [Disclosure]
}

extension RegistryStore {
    /// By default a store does not: its next id is the highest plus one.
    public var reservesIdentifiers: Bool { false }

    /// By default the ids that follow `nextIdentifier`.
    public func nextIdentifiers(in table: RegistryTable, count: Int) async throws -> [Int64] {
        guard count > 0 else { return [] }
        let first = try await nextIdentifier(in: table)
        return (0..<Int64(count)).map { first + $0 }
    }

    /// Applies `changes` in one transaction, all or nothing, audited as made by `actor`.
    public func apply(_ changes: [RegistryChange], as actor: String) async throws {
        try await apply(as: actor) { apply in
            for change in changes { try apply(change) }
        }
    }
}

/// How many households of each kind a registry holds.
public struct HouseholdSummary: Hashable, Sendable {
    /// Households per category.
    public var byCategory: [HouseholdCategory: Int]
    /// Monitored households per risk type of their open (identified) episode; a household with
    /// several risk types counts under each.
    public var monitoredByRiskType: [RiskType: Int]
    /// Monitored households per 9-digit township code.
    public var monitoredByTownship: [String: Int]

    /// A summary.
    public init(byCategory: [HouseholdCategory: Int], monitoredByRiskType: [RiskType: Int], monitoredByTownship: [String: Int]) {
        self.byCategory = byCategory
        self.monitoredByRiskType = monitoredByRiskType
        self.monitoredByTownship = monitoredByTownship
    }
}

/// Open work the registry records, each with the village of the household it concerns.
public struct OpenWork: Sendable {
    /// Something open, and the household and village it concerns (nil for a warning that
    /// matches no member, or a problem that concerns no household).
    public struct Entry<Record: Sendable>: Sendable {
        /// The record.
        public var record: Record
        /// The household, if known.
        public var householdNumber: String?
        /// Its 12-digit village code, if known.
        public var villageCode: String?

        /// An entry.
        public init(record: Record, householdNumber: String?, villageCode: String?) {
            self.record = record
            self.householdNumber = householdNumber
            self.villageCode = villageCode
        }
    }

    /// Problems not closed.
    public var problems: [Entry<Problem>]
    /// Measures not done.
    public var measures: [Entry<Measure>]
    /// Department warnings without a verification result.
    public var warnings: [Entry<DepartmentWarning>]

    /// Open work.
    public init(problems: [Entry<Problem>], measures: [Entry<Measure>], warnings: [Entry<DepartmentWarning>]) {
        self.problems = problems
        self.measures = measures
        self.warnings = warnings
    }
}

/// One audited change: who changed what when, with the values before and after.
public struct AuditEntry: Hashable, Sendable {
    /// What was done.
    public enum Action: String, Sendable {
        /// A record was added.
        case insert
        /// A record was changed.
        case update
        /// A record was removed.
        case delete
    }

    /// When, in UTC, to the millisecond (`2024-10-08T09:30:00.000Z`).
    public var at: String
    /// Who: a user, an import, an administrator in the REPL.
    public var actor: String
    /// The kind of record (its table).
    public var table: String
    /// The record's key.
    public var key: String
    /// What was done.
    public var action: Action
    /// The record's fields before, as JSON (nil for an insert).
    public var before: String?
    /// The record's fields after, as JSON (nil for a delete).
    public var after: String?

    /// An audit entry.
    public init(at: String, actor: String, table: String, key: String, action: Action, before: String?, after: String?) {
        self.at = at
        self.actor = actor
        self.table = table
        self.key = key
        self.action = action
        self.before = before
        self.after = after
    }
}

/// Why a store refused a change.
public struct RegistryStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The position of the refused change in the sequence applied (0-based).
    public var changeIndex: Int
    /// What the store said.
    public var message: String
    /// Whether the change was a `replace` whose record had changed since it was read.
    public var isStale: Bool

    /// An error for change `changeIndex`.
    public init(changeIndex: Int, message: String, isStale: Bool = false) {
        self.changeIndex = changeIndex
        self.message = message
        self.isStale = isStale
    }

    public var description: String { "change \(changeIndex + 1): \(message)" }
}

/// A store whose own bookkeeping tables (the audit trail, disclosures, users, screening runs)
/// can be read row by row, so that a copy of the registry to another store carries them too.
public protocol BookkeepingSource: Sendable {
    /// Calls `body` with each row of table `name` (one of `audit`, `disclosure`, `server_user`,
    /// `screening_run`, `screening_finding`), its `columns` as text (nil for NULL), in the
    /// order of the table's first column.
    func forEachRow(ofTable name: String, columns: [String], _ body: ([String?]) throws -> Void) throws
}

/// A store every command and the server can run on: the registry, its household views and
/// screening runs, and the server's users. Both stores are one; callers do not know which.
public protocol ServerStore: RegistryStore, HouseholdViewSource, UserStore, ScreeningRunStore, HouseholdSearch {}

/// An error of a store that says the registry was busy with another writer (a lock, a
/// serialization failure, a deadlock): worth trying again.
public protocol RetryableStoreError: Error {
    /// Whether trying the same work again may succeed.
    var isRetryable: Bool { get }
}
