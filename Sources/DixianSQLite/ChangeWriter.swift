import DixianCore
import GRDB
import GRDBSQLite

/// Applies changes on one connection within a transaction, preparing each table's insert,
/// update and delete statement once (an import applies millions of changes). A change the
/// database refuses is thrown as a `RegistryStoreError` giving its position.
///
/// Records inserted one after another into a table loaded while empty (`LoadedTables`: a
/// county's first import) go in `rowsPerInsert` to a statement: SQLite opens and closes a
/// cursor on the table and on each of its keys for every statement, which for one row at a
/// time was a fifth of an import's writing. If such a statement is refused, SQLite undoes it
/// and its records are inserted again one by one, so that the error names the record at fault.
struct ChangeWriter {
    let db: Database
    private var statements: [String: Statement] = [:]
    private var loads: LoadedTables
    /// The position of the next change.
    private var position = 0
    /// Records waiting to be inserted together into `batchTable`, with their positions.
    private var batch: [(row: any RegistryRow, position: Int)] = []
    /// The table loaded while empty that the latest inserts went into, if the changes since
    /// have all been inserts into it.
    private var batchTable: String?

    /// How many records a batched insert statement takes.
    static let rowsPerInsert = 64

    /// A writer of changes into `db`, whose audit entries up to `sealedThrough` are sealed.
    init(db: Database, sealedThrough: Int64) {
        self.db = db
        loads = LoadedTables(db: db, sealedThrough: sealedThrough)
    }

    /// The last audit entry sealed so far (loads seal theirs as they end).
    var sealedThrough: Int64 { loads.sealedThrough }

    mutating func apply(_ change: RegistryChange) throws {
        defer { position += 1 }
        if case .insert(let record) = change, let table = batchTable {
            let row = record.row
            if type(of: row).table == table {
                batch.append((row, position))
                if batch.count == Self.rowsPerInsert { try insertBatch() }
                return
            }
        }
        try insertWaiting()
        do {
            switch change {
            case .insert(let record): try insert(record.row)
            case .update(let record): try update(record.row)
            case .delete(let record): try delete(record.row)
            case .replace(let record, let expected): try replace(record.row, expected: expected.row)
            }
        } catch {
            throw Self.refusal(error, at: position)
        }
    }

    /// Inserts the records still waiting and ends the load going (`LoadedTables`).
    mutating func finish() throws {
        try insertWaiting()
        do {
            try loads.finish()
        } catch {
            throw Self.refusal(error, at: position)
        }
    }

    /// The error for the change at `position`.
    private static func refusal(_ error: any Error, at position: Int) -> any Error {
        switch error {
        case let error as DatabaseError: RegistryStoreError(changeIndex: position, message: error.message ?? "\(error)")
        case let error as MissingRecord: RegistryStoreError(changeIndex: position, message: error.description)
        case let error as StaleRecord: RegistryStoreError(changeIndex: position, message: error.description, isStale: true)
        default: error
        }
    }

    private mutating func statement(_ sql: @autoclosure () -> String, key: String) throws -> Statement {
        if let prepared = statements[key] { return prepared }
        let prepared = try db.makeStatement(sql: sql())
        statements[key] = prepared
        return prepared
    }

    /// Inserts one record (after `LoadedTables` has had its say); later inserts into the same
    /// table wait in the batch if it is loaded while empty.
    private mutating func insert<R: RegistryRow>(_ row: R) throws {
        let (statement, id) = try boundInsert(of: row)
        try loads.inserting(into: R.table, id: id)
        try step(statement)
        if loads.isLoadingWhileEmpty(R.table) { batchTable = R.table }
    }

    /// The insert statement of `row`'s table with `row` bound to it, and the record's id (for a
    /// table keyed by id).
    private mutating func boundInsert<R: RegistryRow>(of row: R) throws -> (statement: OpaquePointer, id: Int64?) {
        let statement = try statement(R.insertSQL, key: R.table + " insert").sqliteStatement
        sqlite3_reset(statement)
        var values = ColumnValues(binding: statement)
        row.addColumns(to: &values)
        return (statement, values.leadingInteger)
    }

    /// Inserts the full batch in one statement, or record by record if it is refused.
    private mutating func insertBatch() throws {
        guard let first = batch.first?.row else { return }
        let type = type(of: first)
        let statement = try statement(Self.batchInsertSQL(type), key: type.table + " insert batch").sqliteStatement
        sqlite3_reset(statement)
        var values = ColumnValues(binding: statement)
        for (row, _) in batch { row.addColumns(to: &values) }
        do {
            try step(statement)
            batch.removeAll(keepingCapacity: true)
        } catch {
            try insertWaiting()  // SQLite undid the statement: this finds the record at fault
        }
    }

    /// `INSERT … VALUES (…), (…), …` for `rowsPerInsert` records of `type`.
    private static func batchInsertSQL(_ type: any RegistryRow.Type) -> String {
        let row = "(" + Array(repeating: "?", count: type.columns.count).joined(separator: ", ") + ")"
        return type.insertSQL + String(repeating: ", " + row, count: rowsPerInsert - 1)
    }

    /// Inserts the records waiting one by one, and ends the batching.
    private mutating func insertWaiting() throws {
        defer {
            batch.removeAll(keepingCapacity: true)
            batchTable = nil
        }
        for (row, position) in batch {
            do {
                try step(try boundInsert(of: row).statement)
            } catch {
                throw Self.refusal(error, at: position)
            }
        }
    }

    /// Runs an insert to its end.
    private func step(_ statement: OpaquePointer) throws {
        let status = sqlite3_step(statement)
        guard status == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: status), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    private mutating func update<R: RegistryRow>(_ row: R) throws {
        try loads.changing()
        try statement(R.updateSQL, key: R.table + " update").execute(arguments: StatementArguments(row.updateValues))
        guard db.changesCount == 1 else { throw MissingRecord(table: R.table, key: Self.keyText(row)) }
    }

    private mutating func replace<R: RegistryRow>(_ row: R, expected: any RegistryRow) throws {
        try loads.changing()
        guard let expected = expected as? R, expected.keyValues == row.keyValues else {
            throw StaleRecord(table: R.table, key: Self.keyText(row))
        }
        let matches = R.columns.dropFirst(R.keyCount).map { "\($0) IS ?" }.joined(separator: " AND ")
        let sql = R.updateSQL + (matches.isEmpty ? "" : " AND " + matches)
        try statement(sql, key: R.table + " replace")
            .execute(arguments: StatementArguments(row.updateValues + Array(expected.databaseValues.dropFirst(R.keyCount))))
        guard db.changesCount == 1 else { throw StaleRecord(table: R.table, key: Self.keyText(row)) }
    }

    private mutating func delete<R: RegistryRow>(_ row: R) throws {
        try loads.changing()
        try statement(R.deleteSQL, key: R.table + " delete").execute(arguments: StatementArguments(row.keyValues))
        guard db.changesCount == 1 else { throw MissingRecord(table: R.table, key: Self.keyText(row)) }
    }

    private static func keyText(_ row: some RegistryRow) -> String {
        row.keyValues.map { value in
            switch value.storage {
            case .null: "NULL"
            case .int64(let integer): "\(integer)"
            case .double(let number): "\(number)"
            case .string(let text): text
            case .blob(let bytes): "\(bytes)"
            }
        }.joined(separator: "/")
    }
}

/// An update or delete whose record is not there.
private struct MissingRecord: Error, CustomStringConvertible {
    let table: String
    let key: String
    var description: String { "no \(table) with key \(key)" }
}

/// A `replace` whose record changed since it was read (or is gone).
struct StaleRecord: Error, CustomStringConvertible {
    let table: String
    let key: String
    var description: String { "\(table) \(key) was changed by someone else since it was read" }
}
