import Foundation
import GRDB

/// The audit trail, kept by triggers so that no change escapes it, whoever makes it: every
/// insert, update and delete of a registry table writes who, when, which record, and its
/// fields before and after as JSON. A change made while no actor is set is refused.
enum AuditTrail {
    /// A registry table, its key columns, and the SQL (over `R`, the row) for the household
    /// a change concerns, so that a household's trail includes the records that hang from it.
    struct AuditedTable {
        let name: String
        let key: [String]
        let household: String

        /// The record `row` (`NEW`, `OLD`, or a table alias) as a JSON object of `columns`.
        func json(_ row: String, columns: [String]) -> String {
            "json_object(" + columns.map { "'\($0)', \(row).\"\($0)\"" }.joined(separator: ", ") + ")"
        }

        /// The key of record `row`, its columns joined by `/`.
        func key(_ row: String) -> String {
            key.map { "\(row).\($0)" }.joined(separator: " || '/' || ")
        }

        /// The household record `row` concerns.
        func household(_ row: String) -> String {
            household.replacingOccurrences(of: "R.", with: "\(row).")
        }
    }

    /// The audited table `name`.
    static func table(_ name: String) -> AuditedTable {
        guard let table = tables.first(where: { $0.name == name }) else {
            preconditionFailure("\(name) is not an audited registry table")
        }
        return table
    }

    static let tables = [
        AuditedTable(name: "household", key: ["number"], household: "R.number"),
        AuditedTable(name: "member", key: ["resident_id"], household: "R.household_number"),
        AuditedTable(name: "income", key: ["household_number", "year"], household: "R.household_number"),
        AuditedTable(name: "monthly_income", key: ["household_number", "year", "month"], household: "R.household_number"),
        AuditedTable(name: "guarantee_survey", key: ["household_number", "surveyed_on"], household: "R.household_number"),
        AuditedTable(name: "monitoring_episode", key: ["id"], household: "R.household_number"),
        AuditedTable(name: "monitoring_step", key: ["id"], household: "R.household_number"),
        AuditedTable(
            name: "department_warning", key: ["id"],
            household: "(SELECT household_number FROM member WHERE resident_id = R.resident_id)"),
        AuditedTable(name: "assistance_plan", key: ["id"], household: "R.household_number"),
        AuditedTable(
            name: "measure", key: ["id"], household: "(SELECT household_number FROM assistance_plan WHERE id = R.plan_id)"),
        AuditedTable(name: "visit", key: ["id"], household: "R.household_number"),
        AuditedTable(name: "problem", key: ["id"], household: "R.household_number"),
        AuditedTable(name: "asset", key: ["id"], household: "NULL"),
        AuditedTable(name: "asset_income", key: ["asset_id", "year"], household: "NULL"),
        AuditedTable(name: "asset_distribution", key: ["asset_id", "year", "purpose"], household: "NULL"),
        AuditedTable(name: "place", key: ["code"], household: "NULL"),
        AuditedTable(name: "hospital_stay", key: ["id"], household: "R.household_number"),
        AuditedTable(name: "complaint", key: ["id"], household: "R.household_number"),
        AuditedTable(name: "microcredit_loan", key: ["id"], household: "R.household_number"),
    ]

    /// The tables whose changes can concern a household (assets and places hang from villages).
    static var householdTables: [String] { tables.filter { $0.household != "NULL" }.map(\.name) }

    /// A household's trail, oldest first: one search of `audit_by_household` per table, since
    /// the index is grouped by table (see `indexByTableThenHousehold`).
    static var householdTrailSQL: String {
        """
        SELECT at, actor, table_name, row_key, action, before, after FROM audit
        WHERE table_name IN (\(householdTables.map { "'\($0)'" }.joined(separator: ", "))) AND household_number = ?
        ORDER BY id
        """
    }

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE audit (
              id INTEGER PRIMARY KEY,
              at TEXT NOT NULL,
              actor TEXT NOT NULL,
              table_name TEXT NOT NULL,
              row_key TEXT NOT NULL,
              household_number TEXT,
              action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
              before TEXT,
              after TEXT
            );
            CREATE INDEX audit_by_household ON audit (household_number, id);
            CREATE TABLE audit_actor (actor TEXT);
            INSERT INTO audit_actor VALUES (NULL);
            """)
        // Tables a later migration adds get their triggers there.
        for table in tables where try db.tableExists(table.name) {
            try createTriggers(forTable: table.name, in: db)
        }
    }

    /// Indexes the trail by table, then household: a change to many households at once (a
    /// department's push of warnings, findings becoming problems) then writes into the part of
    /// the index that holds its own table, not into every page of an index of the whole trail.
    static func indexByTableThenHousehold(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX audit_by_household;
            CREATE INDEX audit_by_household ON audit (table_name, household_number, id);
            """)
    }

    /// Creates the audit triggers of registry table `name` (again, after a migration rebuilt it).
    static func createTriggers(forTable name: String, in db: Database) throws {
        let table = table(name)
        let columns = try db.columns(in: table.name).map(\.name)
        try db.execute(sql: triggers(for: table, columns: columns))
    }

    /// Drops the audit triggers of registry table `name`, for a load (`LoadedTables`).
    static func dropTriggers(forTable name: String, in db: Database) throws {
        try db.execute(sql: ["insert", "update", "delete"].map { "DROP TRIGGER audit_\(name)_\($0);" }.joined())
    }

    /// Audits the records of registry table `name` (every one, or those with an id above
    /// `idsAbove`) as inserted by the transaction's actor, in one statement: the entries its
    /// insert trigger would have written row by row.
    static func auditRecordsInserted(inTable name: String, idsAbove: Int64?, in db: Database) throws {
        let table = table(name)
        let columns = try db.columns(in: table.name).map(\.name)
        try db.execute(sql: """
            INSERT INTO audit (at, actor, table_name, row_key, household_number, action, before, after)
            SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT actor FROM audit_actor), '\(table.name)',
                   \(table.key("R")), \(table.household("R")), 'insert', NULL, \(table.json("R", columns: columns))
            FROM \(table.name) AS R \(idsAbove == nil ? "" : "WHERE R.id > ?")
            """, arguments: StatementArguments(idsAbove.map { [$0] } ?? []))
    }

    /// Audits, as updated by `actor`, the records of registry table `name` that a migration
    /// changes while it copies them into `rebuilt` (a new table it then renames `name`): those
    /// matching `changed` (SQL over `O`, the record in `name`), in key order, their fields
    /// before from `name` and after from `rebuilt` (`N`), the entries an update would have written.
    static func auditRebuild(ofTable name: String, into rebuilt: String, changed: String, actor: String, in db: Database) throws {
        let table = table(name)
        let columns = try db.columns(in: table.name).map(\.name)
        try db.execute(sql: """
            INSERT INTO audit (at, actor, table_name, row_key, household_number, action, before, after)
            SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, '\(table.name)', \(table.key("N")), \(table.household("N")),
                   'update', \(table.json("O", columns: columns)), \(table.json("N", columns: columns))
            FROM \(table.name) AS O JOIN \(rebuilt) AS N ON \(table.key.map { "N.\($0) = O.\($0)" }.joined(separator: " AND "))
            WHERE \(changed)
            ORDER BY \(table.key.map { "O.\($0)" }.joined(separator: ", "))
            """, arguments: [actor])
    }

    /// Sets who the changes of the current transaction are made by (nil: nobody, so changes fail).
    static func setActor(_ actor: String?, in db: Database) throws {
        try db.execute(sql: "UPDATE audit_actor SET actor = ?", arguments: [actor])
    }

    private static func triggers(for table: AuditedTable, columns: [String]) -> String {
        func json(_ row: String) -> String { table.json(row, columns: columns) }
        func trigger(_ action: String, event: String, row: String, before: String, after: String) -> String {
            """
            CREATE TRIGGER audit_\(table.name)_\(action) AFTER \(event) ON \(table.name) BEGIN
              SELECT RAISE(ABORT, 'registry changes need an actor') WHERE (SELECT actor FROM audit_actor) IS NULL;
              INSERT INTO audit (at, actor, table_name, row_key, household_number, action, before, after)
              VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), (SELECT actor FROM audit_actor), '\(table.name)',
                      \(table.key(row)), \(table.household(row)), '\(action)', \(before), \(after));
            END;

            """
        }
        return trigger("insert", event: "INSERT", row: "NEW", before: "NULL", after: json("NEW"))
            + trigger("update", event: "UPDATE", row: "NEW", before: json("OLD"), after: json("NEW"))
            + trigger("delete", event: "DELETE", row: "OLD", before: json("OLD"), after: "NULL")
    }
}
