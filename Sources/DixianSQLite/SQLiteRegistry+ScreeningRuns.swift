import DixianCore
import Foundation
import GRDB
import GRDBSQLite

extension SQLiteRegistry: ScreeningRunStore {
    /// Records a run without holding the write lock for its length (see `ScreeningRunStore`):
    /// the run's row first, unfinished; the findings in transactions of
    /// `findingsPerTransaction`, 64 to a statement; the finished run in a last one.
    public func recordScreening(
        _ produce: (_ store: ([Finding]) throws -> Void) throws -> ScreeningRun
    ) throws -> ScreeningRun {
        let id = try write { db in
            try Self.removeUnfinishedRuns(in: db)
            try db.execute(sql: """
                INSERT INTO screening_run (actor, plugin_id, plugin_version, as_of, started_at, finished_at,
                  household_count, findings_by_check, failures)
                VALUES ('', '', '', '', \(Self.now), '', 0, '{}', '[]')
                """)
            return db.lastInsertedRowID
        }
        var riskTexts: [[RiskType]: String] = [:]  // findings mostly repeat their check's risk types
        do {
            var run = try Self.inBatches(of: Self.findingsPerTransaction, produce) { findings in
                try write { db in
                    try db.execute(sql: "UPDATE screening_run SET started_at = \(Self.now) WHERE id = ? AND actor = ''", arguments: [id])
                    try Self.insert(findings, run: id, in: db, riskTexts: &riskTexts)
                }
            }
            run.id = id
            try write { db in
                try db.execute(sql: """
                    UPDATE screening_run SET actor = ?, plugin_id = ?, plugin_version = ?, as_of = ?, area = ?,
                      started_at = ?, finished_at = ?, household_count = ?, findings_by_check = ?, failures = ?
                    WHERE id = ? AND actor = ''
                    """, arguments: [run.actor, run.pluginID, run.pluginVersion, run.asOf.description, run.area,
                                     run.startedAt, run.finishedAt, run.householdCount,
                                     try Self.json(run.findingsByCheck), try Self.json(run.failures), id])
                guard db.changesCount == 1 else {
                    throw DatabaseError(message: "screening run \(id) was taken for one a killed process left, by a run started after it, and its findings removed")
                }
            }
            return run
        } catch {
            try? write { db in
                try db.execute(sql: "DELETE FROM screening_finding WHERE run_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM screening_run WHERE id = ?", arguments: [id])
            }
            throw error
        }
    }

    /// Removes the findings of the runs a killed process left unfinished (no sign of life for
    /// `abandonedRunAfterSeconds`), and marks the runs abandoned. Their rows stay: SQLite gives a
    /// new row the highest id plus one, so a removed last run's id would be the next run's.
    private static func removeUnfinishedRuns(in db: Database) throws {
        let silent = "finished_at = '' AND started_at < strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-\(abandonedRunAfterSeconds) seconds')"
        try db.execute(sql: """
            DELETE FROM screening_finding WHERE run_id IN (SELECT id FROM screening_run WHERE \(silent));
            UPDATE screening_run SET actor = '(abandoned)' WHERE \(silent) AND actor = '';
            """)
    }

    /// The current time in SQL, as an unfinished run's sign of life.
    private static let now = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

    /// Stores `findings` of run `id`, 64 to a statement (the last few one by one).
    private static func insert(_ findings: [Finding], run id: Int64, in db: Database, riskTexts: inout [[RiskType]: String]) throws {
        let columns = "INSERT INTO screening_finding (run_id, household_number, asset_id, township_code, check_id, severity, risk_types, message) VALUES "
        let row = "(?, ?, ?, ?, ?, ?, ?, ?)"
        let single = try db.cachedStatement(sql: columns + row)
        let many = try db.cachedStatement(sql: columns + Array(repeating: row, count: Self.findingsPerInsert).joined(separator: ", "))
        func step(_ statement: OpaquePointer) throws {
            let status = sqlite3_step(statement)
            guard status == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: status),
                                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
        }
        var start = findings.startIndex
        while start < findings.endIndex {
            let count = findings.endIndex - start >= Self.findingsPerInsert ? Self.findingsPerInsert : 1
            let statement = (count == 1 ? single : many).sqliteStatement
            sqlite3_reset(statement)
            var values = ColumnValues(binding: statement)
            for finding in findings[start..<start + count] {
                let risks = riskTexts[finding.riskTypes] ?? {
                    let text = finding.riskTypes.map(\.rawValue).joined(separator: ",")
                    riskTexts[finding.riskTypes] = text
                    return text
                }()
                values.add(id, finding.householdNumber, finding.assetID, finding.townshipCode, finding.checkID,
                           finding.severity.rawValue, risks, finding.message)
            }
            try step(statement)
            start += count
        }
    }

    /// Findings stored by one statement (the last few of a batch go one by one).
    private static let findingsPerInsert = 64

    /// Findings stored by one transaction: short enough that a writer waiting for the lock
    /// waits milliseconds, long enough that commits cost little of a run.
    static let findingsPerTransaction = 4096

    public func screeningRun(id: Int64) throws -> ScreeningRun? {
        try fetchRun(sql: "SELECT * FROM screening_run WHERE id = ? AND finished_at <> ''", arguments: [id])
    }

    public func latestScreeningRun(plugin: String, asOf: LocalDate) throws -> ScreeningRun? {
        try fetchRun(sql: """
            SELECT * FROM screening_run WHERE plugin_id = ? AND as_of <= ? AND finished_at <> '' ORDER BY as_of DESC, id DESC LIMIT 1
            """,
                     arguments: [plugin, asOf.description])
    }

    private func fetchRun(sql: String, arguments: StatementArguments) throws -> ScreeningRun? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: sql, arguments: arguments) else { return nil }
            let counts: String = row["findings_by_check"]
            let failures: String = row["failures"]
            return ScreeningRun(
                id: row["id"], actor: row["actor"], pluginID: row["plugin_id"], pluginVersion: row["plugin_version"],
                asOf: try row.date("as_of", in: "screening_run"), area: row["area"], startedAt: row["started_at"],
                finishedAt: row["finished_at"], householdCount: row["household_count"],
                findingsByCheck: try JSONDecoder().decode([String: Int].self, from: Data(counts.utf8)),
                failures: try JSONDecoder().decode([String].self, from: Data(failures.utf8)))
        }
    }

    public func forEachFinding(ofRun id: Int64, _ body: (Finding) throws -> Void) throws {
        try writer.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT household_number, asset_id, township_code, check_id, severity, risk_types, message
                FROM screening_finding WHERE run_id = ? ORDER BY position
                """, arguments: [id])
            while let row = try rows.next() {
                let risks: String = row["risk_types"]
                try body(Finding(
                    householdNumber: row["household_number"], assetID: row["asset_id"], townshipCode: row["township_code"],
                    checkID: row["check_id"], severity: try row.term("severity", in: "screening_finding"),
                    riskTypes: risks.split(separator: ",").compactMap { RiskType(rawValue: String($0)) },
                    message: row["message"]))
            }
        }
    }

    private static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
