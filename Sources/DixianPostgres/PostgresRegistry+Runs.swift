import DixianCore
import Foundation

extension PostgresRegistry: ScreeningRunStore {
    /// Findings stored per transaction: a few thousand, so that no transaction of a run lasts long.
    private static let findingsPerTransaction = 4000

    /// Records a run in short transactions (see `ScreeningRunStore`): the run's row first,
    /// unfinished; the findings a few thousand to a transaction; the finished run in a last one.
    public func recordScreening(
        _ produce: (_ store: ([Finding]) throws -> Void) throws -> ScreeningRun
    ) throws -> ScreeningRun {
        try pool.withConnection { connection in
            let id: Int64 = try Self.retrying {
                try connection.transaction {
                    // Runs a killed process left: unfinished, and silent for longer than a running
                    // run ever is (its last sign of life is in started_at).
                    let silent = """
                        finished_at = '' AND started_at < \(Self.now(minus: abandonedRunAfterSeconds))
                        """
                    try connection.rows("DELETE FROM screening_finding WHERE run_id IN (SELECT id FROM screening_run WHERE \(silent))")
                    try connection.rows("DELETE FROM screening_run WHERE \(silent)")
                    let created = try connection.rows("""
                        INSERT INTO screening_run (actor, plugin_id, plugin_version, as_of, started_at, finished_at,
                          household_count, findings_by_check, failures)
                        VALUES ('', '', '', '1970-01-01', \(Self.now(minus: 0)), '', 0, '{}', '[]') RETURNING id::text
                        """)
                    guard let text = created.first?[0], let id = Int64(text) else {
                        throw PostgresStoreError(message: "no id for the screening run")
                    }
                    return id
                }
            }
            do {
                var run = try Self.inBatches(of: Self.findingsPerTransaction, produce) { findings in
                    try Self.retrying {
                        try connection.transaction {
                            try connection.rows("""
                                UPDATE screening_run SET started_at = \(Self.now(minus: 0)) WHERE id = $1::bigint AND finished_at = ''
                                """, [String(id)])
                            try Self.insert(findings[...], run: id, on: connection)
                        }
                    }
                }
                run.id = id
                let updated = try Self.retrying {
                    try connection.rows("""
                        UPDATE screening_run SET actor = $1, plugin_id = $2, plugin_version = $3, as_of = $4::date, area = $5,
                          started_at = $6, finished_at = $7, household_count = $8::bigint, findings_by_check = $9, failures = $10
                        WHERE id = $11::bigint RETURNING id::text
                        """, [run.actor, run.pluginID, run.pluginVersion, run.asOf.description, run.area, run.startedAt,
                              run.finishedAt, String(run.householdCount), try Self.json(run.findingsByCheck),
                              try Self.json(run.failures), String(id)])
                }
                guard updated.count == 1 else {
                    throw PostgresStoreError(message: "screening run \(id) was removed while it ran (by a run started after it)")
                }
                return run
            } catch {
                _ = try? connection.transaction {
                    try connection.rows("DELETE FROM screening_finding WHERE run_id = $1::bigint", [String(id)])
                    try connection.rows("DELETE FROM screening_run WHERE id = $1::bigint", [String(id)])
                }
                throw error
            }
        }
    }

    /// The time `seconds` ago in SQL, as text comparable with an unfinished run's sign of life.
    private static func now(minus seconds: Int) -> String {
        "to_char(now() AT TIME ZONE 'UTC' - interval '\(seconds) seconds', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
    }

    /// Runs `body` (one transaction) again, up to three times, when PostgreSQL refuses it for a
    /// serialization failure or a deadlock.
    private static func retrying<T>(_ body: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            do {
                return try body()
            } catch let error as PostgresStoreError where ["40001", "40P01"].contains(error.code ?? "") && attempt < 2 {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
            }
        }
    }

    /// Stores `findings` of run `run` in one statement, each column a list (an empty household
    /// number or asset id stands for none).
    private static func insert(_ findings: ArraySlice<Finding>, run: Int64, on connection: Connection) throws {
        try connection.run("""
            INSERT INTO screening_finding (run_id, household_number, asset_id, township_code, check_id, severity, risk_types, message)
            SELECT \(run), NULLIF(h, ''), NULLIF(a, '')::bigint, t, c, s, r, m
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS f(h, a, t, c, s, r, m)
            """, lists: [
                findings.map { $0.householdNumber ?? "" }, findings.map { $0.assetID.map(String.init) ?? "" },
                findings.map(\.townshipCode), findings.map(\.checkID), findings.map(\.severity.rawValue),
                findings.map { $0.riskTypes.map(\.rawValue).joined(separator: ",") }, findings.map(\.message),
            ])
    }

    public func screeningRun(id: Int64) throws -> ScreeningRun? {
        try fetchRun(where: "id = $1::bigint AND finished_at <> ''", [String(id)])
    }

    public func latestScreeningRun(plugin: String, asOf: LocalDate) throws -> ScreeningRun? {
        try fetchRun(where: "plugin_id = $1 AND as_of <= $2::date AND finished_at <> '' ORDER BY as_of DESC, id DESC LIMIT 1",
                     [plugin, asOf.description])
    }

    private func fetchRun(where condition: String, _ parameters: [String?]) throws -> ScreeningRun? {
        let rows = try pool.withConnection { connection in
            try connection.rows("""
                SELECT id::text, actor, plugin_id, plugin_version, as_of::text, area, started_at, finished_at,
                  household_count::text, findings_by_check, failures
                FROM screening_run WHERE \(condition)
                """, parameters)
        }
        guard let row = rows.first else { return nil }
        guard let asOf = LocalDate(iso: row[4] ?? "") else {
            throw PostgresStoreError(message: "screening_run.as_of holds '\(row[4] ?? "")', which Dixian cannot read")
        }
        return ScreeningRun(
            id: Int64(row[0] ?? ""), actor: row[1] ?? "", pluginID: row[2] ?? "", pluginVersion: row[3] ?? "", asOf: asOf,
            area: row[5], startedAt: row[6] ?? "", finishedAt: row[7] ?? "", householdCount: Int(row[8] ?? "") ?? 0,
            findingsByCheck: try JSONDecoder().decode([String: Int].self, from: Data((row[9] ?? "{}").utf8)),
            failures: try JSONDecoder().decode([String].self, from: Data((row[10] ?? "[]").utf8)))
    }

    public func forEachFinding(ofRun id: Int64, _ body: (Finding) throws -> Void) throws {
        try pool.withConnection { connection in
            try connection.transaction {
                try connection.rows("""
                    DECLARE findings NO SCROLL CURSOR FOR
                    SELECT household_number, asset_id::text, township_code, check_id, severity, risk_types, message
                    FROM screening_finding WHERE run_id = $1::bigint ORDER BY position
                    """, [String(id)])
                while true {
                    let batch = try connection.rows("FETCH 5000 FROM findings")
                    for row in batch {
                        guard let severity = Severity(rawValue: row[4] ?? "") else {
                            throw PostgresStoreError(message: "screening_finding.severity holds '\(row[4] ?? "")', which Dixian cannot read")
                        }
                        try body(Finding(
                            householdNumber: row[0], assetID: row[1].flatMap { Int64($0) }, townshipCode: row[2] ?? "",
                            checkID: row[3] ?? "", severity: severity,
                            riskTypes: (row[5] ?? "").split(separator: ",").compactMap { RiskType(rawValue: String($0)) },
                            message: row[6] ?? ""))
                    }
                    if batch.count < 5000 { break }
                }
                // Inside a console session the transaction outlives the call: the cursor must not.
                try connection.rows("CLOSE findings")
            }
        }
    }

    private static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension PostgresRegistry: UserStore {
    public func saveUser(_ user: ServerUser) async throws {
        try await saveUser(user, as: ServerUser.defaultActor)
    }

    public func user(named name: String) async throws -> ServerUser? {
        try await fetchUsers(where: "WHERE name = $1", [name]).first
    }

    public func users() async throws -> [ServerUser] {
        try await fetchUsers(where: "", [])
    }

    private func fetchUsers(where condition: String, _ parameters: [String?]) async throws -> [ServerUser] {
        let rows = try await pool.withConnection { connection in
            try await connection.rows("""
                SELECT name, role, areas, token_hash, salt, expires_on::text, revoked::text FROM server_user \(condition) ORDER BY name
                """, parameters)
        }
        return try rows.map { row in
            guard let role = UserRole(rawValue: row[1] ?? ""), let expires = LocalDate(iso: row[5] ?? "") else {
                throw PostgresStoreError(message: "server_user \(row[0] ?? "") holds a role or date Dixian cannot read")
            }
            return ServerUser(
                name: row[0] ?? "", role: role, areas: try JSONDecoder().decode([String].self, from: Data((row[2] ?? "[]").utf8)),
                tokenHash: row[3] ?? "", salt: row[4] ?? "", expiresOn: expires, revoked: row[6] == "true")
        }
    }
}
