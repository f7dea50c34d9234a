/// Where the registry is kept. The rest of Dixian talks to this protocol, so that SQLite
/// (embedded) and PostgreSQL (server) are interchangeable.
public protocol RegistryStore: Sendable {
    /// Applies `changes` in one transaction, all or nothing, recording each change in the audit
    /// trail as made by `actor` now.
    /// - Throws: `RegistryStoreError` naming the first change that cannot be applied; nothing
    ///   is then changed.
    func apply(_ changes: some Sequence<RegistryChange> & Sendable, as actor: String) async throws

    /// The household with `number`, if there is one.
    func household(number: String) async throws -> Household?

    /// The members of household `number`, head first, then in ID-number order.
    func members(ofHousehold number: String) async throws -> [Member]

    /// Every recorded change to household `number` and the records that hang from it, oldest first.
    func auditTrail(ofHousehold number: String) async throws -> [AuditEntry]
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

    /// An error for change `changeIndex`.
    public init(changeIndex: Int, message: String) {
        self.changeIndex = changeIndex
        self.message = message
    }

    public var description: String { "change \(changeIndex + 1): \(message)" }
}
