import GRDB

/// The tables a transaction is loading for the first time, audited in one statement each
/// rather than row by row.
///
/// A table that is empty when a transaction first inserts into it (a county's first import)
/// has its audit triggers dropped for the load. Before any change the triggers audit (an
/// update, a delete, an insert into a table that is not being loaded), and before the
/// transaction's changes are released, every loaded table is audited, in the order its load
/// began: each of its records as inserted by the transaction's actor, in one
/// `INSERT … SELECT`, the entries its insert trigger would have written. Its triggers are then
/// created again. The table was empty, so every record in it is one the transaction inserted;
/// a load's entries are grouped by table, and every change audited by a trigger comes after
/// the entries of the inserts made before it. The triggers are dropped and created inside the
/// transaction, so a load that fails or a process that is killed leaves them as they were,
/// and no other connection ever sees them missing.
struct FirstLoads {
    private let db: Database
    /// Tables being loaded, in the order their loads began.
    private var loading: [String] = []
    /// Tables whose emptiness has been looked at in this transaction.
    private var seen: Set<String> = []

    init(db: Database) { self.db = db }

    /// Before a record is inserted into `table`: begins its first load if it is empty, or
    /// else, unless it is being loaded, ends the loads going (the triggers audit this insert).
    mutating func inserting(into table: String) throws {
        if loading.contains(table) { return }
        if seen.insert(table).inserted, try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM \(table))") ?? false {
            try AuditTrail.dropTriggers(forTable: table, in: db)
            loading.append(table)
            return
        }
        try finishAll()
    }

    /// Before a record is updated or deleted: ends the loads going, so that the triggers audit
    /// the change after the entries of the records loaded before it.
    mutating func changing() throws {
        try finishAll()
    }

    /// Ends every load going, in the order they began.
    mutating func finishAll() throws {
        for table in loading {
            try AuditTrail.auditEveryRecordInserted(inTable: table, in: db)
            try AuditTrail.createTriggers(forTable: table, in: db)
        }
        loading = []
    }
}
