import GRDB

/// The table a transaction is loading, audited in one statement rather than row by row: a
/// table that is empty when the transaction first inserts into it (a county's first import),
/// or one keyed by `id` that it appends to in a long run of inserts, each taking an id above
/// every id in the table (a department's push of warnings). The first `appendsBeforeLoad`
/// inserts of a run are audited by the triggers, so that the small changes of everyday work
/// never change the schema (which every connection then reads again).
///
/// A loaded table has its audit triggers dropped. The load ends with the first change that is
/// not part of it (an insert into another table, an update, a delete), or when the
/// transaction's changes are released: every record the load inserted (every record of a
/// table that was empty, every one above the table's former highest id) is then audited as
/// inserted by the transaction's actor, in one `INSERT … SELECT` writing the entries its
/// insert trigger would have written, and its triggers are created again. A load's entries
/// are grouped, and every change comes after the entries of the inserts made before it. An
/// import loads its tables one after another, so each is audited while the next file is read.
///
/// A table loaded while empty also has its indexes dropped, and built again from its records
/// when the load ends, before it is audited (the audit of some tables looks households up
/// through another table's index). A load comes in the order of the table's key, so the table
/// grows at its end, while an index in another order (members by ID number) would take its
/// entries in random order, each searched for in a tree grown far beyond the page cache; built
/// after the load, an index is written from its sorted entries. (Records a load brings twice
/// into a unique index fail when the index is built; the import's own reading refuses them first.)
///
/// Triggers and indexes are dropped and created inside the transaction, so a load that fails
/// or a process that is killed leaves them as they were, and no other connection ever sees
/// them missing.
struct LoadedTables {
    private let db: Database
    /// The table being loaded, with the highest id it held before (nil: it was empty) and the
    /// SQL that creates the indexes dropped for the load.
    private var load: (table: String, idsAbove: Int64?, indexes: [String])?
    /// Tables whose contents have been looked at in this transaction.
    private var seen: Set<String> = []
    /// The run of inserts into one table under way, audited by the triggers so far.
    private var run: (table: String, count: Int)?

    /// How many inserts in a row into a table keyed by id the triggers audit before the run
    /// becomes a load.
    static let appendsBeforeLoad = 1_000

    /// The last audit entry sealed (`AuditSeal`): the transaction's entries after it are not yet.
    private(set) var sealedThrough: Int64

    /// Loads in `db`, whose audit entries up to `sealedThrough` are sealed.
    init(db: Database, sealedThrough: Int64) {
        self.db = db
        self.sealedThrough = sealedThrough
    }

    /// Before a record is inserted into `table` (with `id`, for a table keyed by id): continues
    /// the load of the table, or else ends the load going and may begin one of the table (or
    /// the triggers audit this insert).
    mutating func inserting(into table: String, id: Int64?) throws {
        if let load, load.table == table {
            guard let bound = load.idsAbove else { return }
            if let id, id > bound { return }
        }
        try finish()
        if seen.insert(table).inserted, try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM \(table))") == true {
            try begin(table, idsAbove: nil)
        } else if let id {
            try appending(to: table, id: id)
        }
    }

    /// Whether `table` is being loaded and was empty when its load began: every record it
    /// holds is then the load's, and further inserts into it need nothing from this.
    func isLoadingWhileEmpty(_ table: String) -> Bool {
        load?.table == table && load?.idsAbove == nil
    }

    /// Before a record is updated or deleted: ends the load going, so that the triggers audit
    /// the change after the entries of the records loaded before it.
    mutating func changing() throws {
        run = nil
        try finish()
    }

    /// Counts an insert with `id` into `table` in the run of inserts under way, and begins a
    /// load with it if the run is long enough and `id` is above every id in the table.
    private mutating func appending(to table: String, id: Int64) throws {
        guard AuditTrail.table(table).key == ["id"] else {
            run = nil
            return
        }
        let count = run?.table == table ? run!.count + 1 : 1
        guard count > Self.appendsBeforeLoad else {
            run = (table, count)
            return
        }
        run = (table, 0)  // if this one does not begin a load, the next run may
        guard let highest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM \(table)"), id > highest else { return }
        try begin(table, idsAbove: highest)
    }

    private mutating func begin(_ table: String, idsAbove: Int64?) throws {
        try AuditTrail.dropTriggers(forTable: table, in: db)
        load = (table, idsAbove, idsAbove == nil ? try dropIndexes(of: table) : [])
        run = nil
    }

    /// Drops the indexes of `table` (not those SQLite makes for constraints) and returns the SQL
    /// that creates them.
    private func dropIndexes(of table: String) throws -> [String] {
        let indexes = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name
            """, arguments: [table])
        for index in indexes {
            try db.execute(sql: "DROP INDEX \(index["name"] as String)")
        }
        return indexes.map { $0["sql"] }
    }

    /// Ends the load going, if any: builds the indexes dropped, audits the records loaded,
    /// seals the entries (while an import reads its next file) and creates the triggers again.
    mutating func finish() throws {
        guard let load else { return }
        for index in load.indexes { try db.execute(sql: index) }
        try AuditTrail.auditRecordsInserted(inTable: load.table, idsAbove: load.idsAbove, in: db)
        sealedThrough = try AuditSeal.seal(after: sealedThrough, in: db)
        try AuditTrail.createTriggers(forTable: load.table, in: db)
        self.load = nil
    }
}
