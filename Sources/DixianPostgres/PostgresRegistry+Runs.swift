import DixianCore
import Foundation

extension PostgresRegistry: ScreeningRunStore {
    /// Records a run and its changes to the current findings in one transaction (see
    /// `ScreeningRunStore`), under a transaction-scoped advisory lock on the plugin: runs of
    /// one plugin wait for each other there, and each reads the current findings only once it
    /// holds the lock.
    public func recordScreening(
        households: [String]?, coversArea: Bool, clearing marks: [String: Int64], since: Int64, fingerprint: String,
        upkeep: () -> RunUpkeep,
        _ produce: (_ store: ([Finding]) throws -> Void) throws -> ScreeningRun
    ) throws -> ScreeningRun {
        var screened: [Finding] = []
        var run = try produce { screened += $0 }
        let kept = upkeep()
        let items = kept.deadlineItems
        let recorded = run
        let findings = screened
        let (id, counted) = try pool.withConnection { connection in
            try Self.retrying {
                try connection.transaction {
                    try connection.rows("SELECT pg_advisory_xact_lock(hashtext('dixian screening ' || $1))::text", [recorded.pluginID])
                    let created = try connection.rows("""
                        INSERT INTO screening_run (actor, plugin_id, plugin_version, as_of, area, started_at, finished_at,
                          household_count, findings_by_check, failures, chosen)
                        VALUES ($1, $2, $3, $4::date, $5, $6, $7, $8::bigint, $9, $10, $11::boolean) RETURNING id::text
                        """, [recorded.actor, recorded.pluginID, recorded.pluginVersion, recorded.asOf.description, recorded.area,
                              recorded.startedAt, recorded.finishedAt, String(recorded.householdCount),
                              try Self.json(recorded.findingsByCheck), try Self.json(recorded.failures),
                              households != nil && !coversArea ? "true" : "false"])
                    guard let text = created.first?[0], let id = Int64(text) else {
                        throw PostgresStoreError(message: "no id for the screening run")
                    }
                    // A run that covers the area screened its assets too: their findings follow the households'.
                    let current = try Self.current(plugin: recorded.pluginID,
                                                   in: try Self.scope(area: recorded.area, households: households, from: 2),
                                                   few: Self.few(households), on: connection)
                        + (coversArea ? try Self.current(plugin: recorded.pluginID, in: Self.assetScope(area: recorded.area, from: 2),
                                                        on: connection) : [])
                    try Self.record(FindingChanges(current: current, screened: findings), run: recorded, id: id, on: connection)
                    let counted = coversArea ? try Self.countWholeArea(of: recorded, id: id, on: connection) : recorded
                    // A change committed since the marks were read has moved its mark on, or holds
                    // its row until it commits: the delete then finds the mark moved and keeps it.
                    try connection.run("""
                        DELETE FROM household_dirty d USING unnest($1::text[], $2::text[]) AS m(h, a)
                        WHERE d.household_number = m.h AND d.audit_id = m.a::bigint
                        """, lists: [Array(marks.keys), marks.keys.map { String(marks[$0]!) }])
                    try connection.rows("""
                        INSERT INTO household_dirty (household_number, audit_id)
                        SELECT household_number, MAX(id) FROM audit WHERE id > $1::bigint AND household_number IS NOT NULL
                        GROUP BY household_number
                        ON CONFLICT (household_number) DO UPDATE SET audit_id = GREATEST(household_dirty.audit_id, excluded.audit_id)
                        """, [String(since)])
                    if !marks.isEmpty {
                        try connection.rows("DELETE FROM current_state WHERE plugin_id <> $1", [recorded.pluginID])
                    }
                    try Self.replace(deadlineItems: items ?? [], of: recorded, id: id, households: households, on: connection)
                    let previous = try Self.currentState(plugin: recorded.pluginID, on: connection)
                    let chosen = households != nil && !coversArea
                    let wakes = chosen ? previous?.wakes(kept.wakes, ofChosen: households ?? [], screenedOn: recorded.asOf) ?? kept.wakes
                        : kept.wakes
                    try Self.replace(wakes: wakes, of: recorded, households: households, on: connection)
                    let state = CurrentState.after(recorded, id: id, fingerprint: fingerprint, households: households,
                                                   advances: coversArea, since: since, deadlines: items != nil, wakesOn: kept.wakesOn,
                                                   previous: previous)
                    try connection.rows("DELETE FROM current_state WHERE plugin_id = $1", [recorded.pluginID])
                    if let state {
                        try connection.rows("""
                            INSERT INTO current_state (plugin_id, run_id, fingerprint, as_of, area, deadlines, wakes_on, assets_since)
                            VALUES ($1, $2::bigint, $3, $4::date, $5, $6::boolean, $7::date, $8::bigint)
                            """, [state.pluginID, String(state.runID), state.fingerprint, state.asOf.description, state.area,
                                  state.deadlines ? "true" : "false", state.wakesOn?.description, String(state.assetsSince)])
                    }
                    return (id, counted)
                }
            }
        }
        run = counted
        run.id = id
        return run
    }

    /// `run` (one that covers its area, stored as `id`) with the counts of its whole area, as on SQLite.
    private static func countWholeArea(of run: ScreeningRun, id: Int64, on connection: Connection) throws -> ScreeningRun {
        var counted = run
        let area = run.area.map { $0 + "%" } ?? "%"
        counted.householdCount = Int(try connection.rows("""
            SELECT COUNT(*)::text FROM household WHERE village_code LIKE $1
            """, [area]).first?[0] ?? "0") ?? 0
        // A finding's township code is its subject's, as on SQLite.
        let scope: (sql: String, parameters: [String?]) = if let area = run.area, area.count > Area.townshipDigits {
            try scope(area: area, households: nil, from: 2)
        } else {
            ("township_code LIKE $2", [(run.area ?? "") + "%"])
        }
        for check in counted.findingsByCheck.keys { counted.findingsByCheck[check] = 0 }
        for row in try connection.rows("""
            SELECT check_id, COUNT(*)::text FROM current_finding WHERE plugin_id = $1 AND \(scope.sql) GROUP BY check_id
            """, [run.pluginID] + scope.parameters) {
            if let check = row[0], let count = row[1].flatMap({ Int($0) }) { counted.findingsByCheck[check] = count }
        }
        try connection.rows("UPDATE screening_run SET household_count = $1::bigint, findings_by_check = $2 WHERE id = $3::bigint",
                            [String(counted.householdCount), try json(counted.findingsByCheck), String(id)])
        return counted
    }

    /// Replaces the wake-up dates of the households `run` screened (`households`, or those in
    /// its area) with `wakes`, writing only what differs from those stored, as on SQLite.
    private static func replace(wakes: [String: LocalDate], of run: ScreeningRun, households: [String]?,
                                on connection: Connection) throws {
        let scope = try Self.scope(area: run.area, households: households, assets: false, from: 2)
        var pending = wakes
        var gone: [String] = []
        try Self.forEachRow("""
            SELECT household_number, wake_on::text FROM household_wake WHERE plugin_id = $1 AND \(scope.sql)
            """, [run.pluginID] + scope.parameters, few: few(households), on: connection) { row in
            guard let household = row[0] else { return }
            if let wake = pending[household] {
                if wake.description == row[1] { pending.removeValue(forKey: household) }
            } else {
                gone.append(household)
            }
        }
        for start in stride(from: 0, to: gone.count, by: findingsPerStatement) {
            try connection.run("""
                DELETE FROM household_wake WHERE plugin_id = ($2::text[])[1] AND household_number = ANY ($1::text[])
                """, lists: [Array(gone[start..<min(start + findingsPerStatement, gone.count)]), [run.pluginID]])
        }
        let all = Array(pending)
        for start in stride(from: 0, to: all.count, by: findingsPerStatement) {
            let slice = all[start..<min(start + findingsPerStatement, all.count)]
            try connection.run("""
                INSERT INTO household_wake (plugin_id, household_number, wake_on)
                SELECT ($3::text[])[1], h, w::date FROM unnest($1::text[], $2::text[]) AS i(h, w)
                ON CONFLICT (plugin_id, household_number) DO UPDATE SET wake_on = excluded.wake_on
                """, lists: [slice.map(\.key), slice.map(\.value.description), [run.pluginID]])
        }
    }

    public func assetsChanged(after audit: Int64) throws -> Bool {
        try pool.withConnection { connection in
            try !connection.rows("""
                SELECT 1 FROM audit WHERE id > $1::bigint AND table_name IN (\(RegistryTable.quotedAssetTables)) LIMIT 1
                """, [String(audit)]).isEmpty
        }
    }

    public func wokenHouseholds(plugin: String, area: String?, through date: LocalDate) throws -> [String] {
        let scope = try Self.scope(area: area, households: nil, assets: false, from: 3)
        return try pool.withConnection { connection in
            try connection.rows("""
                SELECT household_number FROM household_wake WHERE plugin_id = $1 AND wake_on <= $2::date AND \(scope.sql)
                """, [plugin, date.description] + scope.parameters).compactMap { $0[0] }
        }
    }

    public func householdsWithRecords(area: String?, datedAfter after: LocalDate, through date: LocalDate) throws -> [String] {
        let scope = try Self.scope(area: area, households: nil, assets: false, from: 3)
        // Each kind's records that come into view after `after` and by `date`.
        let selects = ViewDating.dated.map { table, dating in
            let within = switch dating {
            case .year: "year > extract(year FROM $1::date) AND year <= extract(year FROM $2::date)"
            case .month: """
                year * 100 + month > extract(year FROM $1::date) * 100 + extract(month FROM $1::date) \
                AND year * 100 + month <= extract(year FROM $2::date) * 100 + extract(month FROM $2::date)
                """
            case .date(let column): "\(column) > $1::date AND \(column) <= $2::date"
            }
            return "SELECT household_number FROM \(table.rawValue) WHERE \(within)"
        } + [
            // A village's disaster comes into its households' views on its day, as on SQLite.
            "SELECT number FROM household WHERE village_code IN (SELECT code FROM place WHERE disaster_on > $1::date AND disaster_on <= $2::date)",
        ]
        return try pool.withConnection { connection in
            try connection.rows("""
                SELECT household_number FROM (\(selects.joined(separator: " UNION "))) AS dated WHERE \(scope.sql)
                """, [after.description, date.description] + scope.parameters).compactMap { $0[0] }
        }
    }

    /// Replaces the deadline items of the households `run` screened (`households`, or those in
    /// its area) with `items`, as on SQLite.
    private static func replace(deadlineItems items: [DeadlineItem], of run: ScreeningRun, id: Int64, households: [String]?,
                                on connection: Connection) throws {
        let scope = try Self.scope(area: run.area, households: households, assets: false, from: 2)
        // Only the households whose items changed are rewritten: deleted and inserted again
        // (SQLite rewrites their rows in place), every item stamped with this run.
        var sorted = items
        sorted.sort { $0.householdNumber < $1.householdNumber }  // stable: each household's in the order found
        let changed = try DeadlineItem.replacements(from: { body in
            try Self.forEachRow("""
                SELECT \(deadlineColumns.replacingOccurrences(of: "due_on, done_on", with: "due_on::text, done_on::text"))
                FROM due_item WHERE plugin_id = $1 AND \(scope.sql) ORDER BY household_number, position
                """, [run.pluginID] + scope.parameters, few: few(households), on: connection) { row in try body((), try deadlineItem(row)) }
        }, to: sorted).map(\.household)
        for start in stride(from: 0, to: changed.count, by: findingsPerStatement) {
            try connection.run("""
                DELETE FROM due_item WHERE plugin_id = ($2::text[])[1] AND household_number = ANY ($1::text[])
                """, lists: [Array(changed[start..<min(start + findingsPerStatement, changed.count)]), [run.pluginID]])
        }
        let rewritten = Set(changed)
        let written = sorted.filter { rewritten.contains($0.householdNumber) }
        for start in stride(from: 0, to: written.count, by: findingsPerStatement) {
            let slice = written[start..<min(start + findingsPerStatement, written.count)]
            try connection.run("""
                INSERT INTO due_item (plugin_id, plugin_version, as_of, run_id, \(deadlineColumns))
                SELECT ($10::text[])[1], ($11::text[])[1], ($12::text[])[1]::date, \(id), h, t, d, ti, r, NULLIF(p, ''), u::date,
                  NULLIF(o, '')::date, m
                FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
                  AS i(h, t, d, ti, r, p, u, o, m)
                """, lists: [
                    slice.map(\.householdNumber), slice.map(\.townshipCode), slice.map(\.deadlineID), slice.map(\.title),
                    slice.map(\.responsible), slice.map { $0.person ?? "" }, slice.map(\.dueOn.description),
                    slice.map { $0.doneOn?.description ?? "" }, slice.map(\.message),
                    [run.pluginID], [run.pluginVersion], [run.asOf.description],
                ])
        }
    }

    /// A deadline item's columns, in the order they are written.
    private static let deadlineColumns = "household_number, township_code, deadline_id, title, responsible, person, due_on, done_on, message"

    public func lastAuditID() throws -> Int64 {
        try pool.withConnection { connection in
            Int64(try connection.rows("SELECT COALESCE(MAX(id), 0)::text FROM audit").first?[0] ?? "0") ?? 0
        }
    }

    public func currentState(plugin: String) throws -> CurrentState? {
        try pool.withConnection { connection in try Self.currentState(plugin: plugin, on: connection) }
    }

    /// The plugin's current state as stored.
    private static func currentState(plugin: String, on connection: Connection) throws -> CurrentState? {
        guard let row = try connection.rows("""
            SELECT run_id::text, fingerprint, as_of::text, area, deadlines::text, wakes_on::text, assets_since::text
            FROM current_state WHERE plugin_id = $1
            """, [plugin]).first else { return nil }
        guard let run = row[0].flatMap({ Int64($0) }), let asOf = LocalDate(iso: row[2] ?? "") else {
            throw PostgresStoreError(message: "current_state holds a row for '\(plugin)' that Dixian cannot read")
        }
        return CurrentState(pluginID: plugin, runID: run, fingerprint: row[1] ?? "", asOf: asOf, area: row[3],
                            deadlines: row[4] == "true", wakesOn: row[5].flatMap { LocalDate(iso: $0) },
                            assetsSince: row[6].flatMap { Int64($0) } ?? 0)
    }

    public func storedDeadlineItems(plugin: String, fingerprint: String, asOf: LocalDate, area: String?, through: LocalDate?) throws
        -> [DeadlineItem]?
    {
        try pool.withConnection { connection in
            // One snapshot for the state, the marks and the items, as SQLite reads them.
            try connection.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
                guard try Self.itemsAreCurrent(plugin: plugin, fingerprint: fingerprint, asOf: asOf, area: area, on: connection) else {
                    return nil
                }
                return try Self.deadlineItems(plugin: plugin, in: Self.itemScope(area: area, from: 2),
                                              through: through, on: connection)
            }
        }
    }

    /// Whether plugin `plugin`'s stored deadline items of `area` are current for a run on
    /// `asOf` with `fingerprint`, as on SQLite.
    private static func itemsAreCurrent(plugin: String, fingerprint: String, asOf: LocalDate, area: String?,
                                        on connection: Connection) throws -> Bool {
        guard let state = try currentState(plugin: plugin, on: connection), state.deadlines,
              state.covers(area: area, asOf: asOf, fingerprint: fingerprint)
        else { return false }
        let marks = markScope(area: area, from: 1)
        return try connection.rows("SELECT 1 FROM household_dirty WHERE \(marks.sql) LIMIT 1", marks.parameters).isEmpty
    }

    public func openDeadlineItems(plugin: String, fingerprint: String, asOf: LocalDate, area: String, through: LocalDate,
                                  filter: DeadlineItemPage.Filter, limit: Int) throws -> DeadlineItemPage?
    {
        try pool.withConnection { connection in
            try connection.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
                guard try Self.itemsAreCurrent(plugin: plugin, fingerprint: fingerprint, asOf: asOf, area: area, on: connection) else {
                    return nil
                }
                let scope = try Self.itemScope(area: area, from: 2)
                // Dates are digits and hyphens, written into the statement as they are; text is
                // ordered by its bytes ("C"), as Swift and SQLite order it.
                let open = "plugin_id = $1 AND \(scope.sql) AND done_on IS NULL AND due_on <= '\(through.description)'::date"
                let tallies = try connection.rows("""
                    SELECT substr(household_number, 1, 12) COLLATE "C" AS village, deadline_id COLLATE "C", min(title), count(*)::text,
                           count(*) FILTER (WHERE due_on < '\(asOf.description)'::date)::text
                    FROM due_item WHERE \(open) GROUP BY 1, 2 ORDER BY 1, 2
                    """, [plugin] + scope.parameters).map { row in
                    DeadlineItemPage.Tally(village: row[0] ?? "", deadlineID: row[1] ?? "", title: row[2] ?? "",
                                           count: Int(row[3] ?? "") ?? 0, overdue: Int(row[4] ?? "") ?? 0)
                }
                var picked = "", parameters: [String?] = [plugin] + scope.parameters
                if let village = filter.village {
                    parameters.append(village)
                    picked += " AND substr(household_number, 1, 12) = $\(parameters.count)"
                }
                if let deadline = filter.deadlineID {
                    parameters.append(deadline)
                    picked += " AND deadline_id = $\(parameters.count)"
                }
                let items = try connection.rows("""
                    SELECT household_number, township_code, deadline_id, title, responsible, person, due_on::text, done_on::text, message
                    FROM due_item WHERE \(open)\(picked)
                    ORDER BY due_on, household_number COLLATE "C", deadline_id COLLATE "C", responsible COLLATE "C",
                             coalesce(person, '') COLLATE "C", message COLLATE "C", position LIMIT \(max(0, limit))
                    """, parameters).map(Self.deadlineItem)
                return DeadlineItemPage(tallies: tallies, items: items)
            }
        }
    }

    public func deadlineItems(plugin: String, households: [String]) throws -> [DeadlineItem] {
        try pool.withConnection { connection in
            try connection.transaction {
                try Self.deadlineItems(plugin: plugin, in: Self.scope(area: nil, households: households, assets: false, from: 2),
                                       through: nil, on: connection)
            }
        }
    }

    /// The stored deadline items of `plugin` within `scope` (its parameters from $2), due by
    /// `through` or done late when it is given.
    private static func deadlineItems(plugin: String, in scope: (sql: String, parameters: [String?]), through: LocalDate?,
                                      on connection: Connection) throws -> [DeadlineItem]
    {
        let columns = "position, household_number, township_code, deadline_id, title, responsible, person, due_on, done_on, message"
        // A date's text is digits and hyphens: written into the statement as it is. due_on is
        // never NULL, so the two selections are `due_on <= X OR done_on IS NOT NULL`, split.
        let selection = through.map { through in """
            SELECT \(columns) FROM due_item WHERE plugin_id = $1 AND \(scope.sql) AND due_on <= '\(through.description)'::date
            UNION ALL
            SELECT \(columns) FROM due_item
            WHERE plugin_id = $1 AND \(scope.sql) AND done_on IS NOT NULL AND due_on > '\(through.description)'::date
            """
        } ?? "SELECT \(columns) FROM due_item WHERE plugin_id = $1 AND \(scope.sql)"
        var items: [DeadlineItem] = []
        try Self.forEachRow("""
            SELECT household_number, township_code, deadline_id, title, responsible, person, due_on::text, done_on::text, message
            FROM (\(selection)) AS item ORDER BY item.household_number, item.position
            """, [plugin] + scope.parameters, on: connection) { row in items.append(try deadlineItem(row)) }
        return items
    }

    /// The deadline item in `row` (`deadlineColumns`, the dates as text).
    private static func deadlineItem(_ row: [String?]) throws -> DeadlineItem {
        guard let due = LocalDate(iso: row[6] ?? "") else {
            throw PostgresStoreError(message: "due_item.due_on holds '\(row[6] ?? "")', which Dixian cannot read")
        }
        return DeadlineItem(
            deadlineID: row[2] ?? "", title: row[3] ?? "", householdNumber: row[0] ?? "", townshipCode: row[1] ?? "",
            responsible: row[4] ?? "", person: row[5], dueOn: due, doneOn: row[7].flatMap { LocalDate(iso: $0) },
            message: row[8] ?? "")
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

    public func changedHouseholds(area: String?, households: [String]?, after: Int64) throws -> [String: Int64] {
        let scope = try households.map { try Self.scope(area: area, households: $0, assets: false, from: 2) }
            ?? Self.markScope(area: area, from: 2)
        let rows = try pool.withConnection { connection in
            // Changes after an audit entry are found through the audit trail's key, not by a scan of every mark.
            try connection.rows("""
                SELECT household_number, audit_id::text FROM household_dirty
                WHERE ($1::bigint = 0 OR household_number IN (SELECT household_number FROM audit WHERE id > $1::bigint)
                       OR household_number IN (SELECT h.number FROM audit a JOIN household h ON h.village_code = a.row_key
                                               WHERE a.table_name = 'place' AND a.household_number IS NULL AND a.id > $1::bigint))
                  AND \(scope.sql)
                """, [String(after)] + scope.parameters)
        }
        var marks: [String: Int64] = [:]
        for row in rows {
            if let household = row[0], let audit = row[1].flatMap({ Int64($0) }) { marks[household] = audit }
        }
        return marks
    }

    public func currentFindings(plugin: String, area: String?, households: [String]?) throws -> [Finding] {
        let scope = try Self.scope(area: area, households: households, from: 2)
        // A few households' are read in one statement; an area's through a cursor, in a transaction.
        guard !Self.few(households) else {
            return try pool.withConnection { connection in try Self.current(plugin: plugin, in: scope, few: true, on: connection).map(\.finding) }
        }
        return try pool.withConnection { connection in
            try connection.transaction { try Self.current(plugin: plugin, in: scope, on: connection).map(\.finding) }
        }
    }

    /// The condition on a finding's subject that selects `households`, or else the households
    /// and assets in `area` (nil for all), its parameters numbered from `first`: as on SQLite,
    /// households removed since count by the beginning of their number.
    /// The condition on a deadline item that selects those of the households in `area` (its
    /// parameter numbered `first`), as on SQLite: by township code for a township or wider.
    private static func itemScope(area: String?, from first: Int) throws -> (sql: String, parameters: [String?]) {
        guard let area, area.count <= Area.townshipDigits else { return try scope(area: area, households: nil, assets: false, from: first) }
        if area.count == Area.townshipDigits { return ("township_code = $\(first)", [area]) }
        return ("township_code LIKE $\(first)", [area + "%"])
    }

    private static func scope(area: String?, households: [String]?, assets: Bool = true, from first: Int)
        throws -> (sql: String, parameters: [String?])
    {
        if let households {
            return ("household_number IN (SELECT jsonb_array_elements_text($\(first)::jsonb))", [try json(households)])
        }
        guard let area else { return ("true", []) }
        // The pattern is the bound value itself, as on SQLite; area codes are digits, which LIKE takes literally.
        let ofAssets = assets ? "OR asset_id IN (SELECT id FROM asset WHERE village_code LIKE $\(first))" : ""
        return ("""
            (household_number LIKE $\(first)
             OR household_number IN (SELECT number FROM household WHERE village_code LIKE $\(first)) \(ofAssets))
            """, [area + "%"])
    }

    /// The condition on a change mark that selects those of households in `area` (nil for all), as on SQLite.
    private static func markScope(area: String?, from first: Int) -> (sql: String, parameters: [String?]) {
        guard let area else { return ("true", []) }
        return ("""
            (household_number LIKE $\(first) OR (SELECT village_code FROM household WHERE number = household_number) LIKE $\(first))
            """, [area + "%"])
    }

    /// The condition on a finding's subject that selects the assets in `area` (nil for all), as on SQLite.
    private static func assetScope(area: String?, from first: Int) -> (sql: String, parameters: [String?]) {
        ("household_number IS NULL AND asset_id IN (SELECT id FROM asset WHERE village_code LIKE $\(first))", [(area ?? "") + "%"])
    }

    /// The order findings are read from `table` in: households by number, then assets, each
    /// subject's as found. (Named with the table: the text columns read have the same names.)
    private static func findingOrder(_ table: String) -> String {
        "\(table).household_number IS NULL, \(table).household_number, \(table).asset_id"
    }

    /// A finding's columns as text, in the order `finding(_:from:in:)` reads them.
    private static let findingColumns = "household_number, asset_id::text, township_code, check_id, severity, risk_types, message"

    /// The most households a run may choose for their rows to be read in one statement rather
    /// than through a cursor, which spends three round trips where one does: as many as a
    /// command or the server re-screens itself (`LiveScreening.rescreenedAtOnce`), and
    /// `dixian screen --changed` when no more changed.
    static let fewHouseholds = 10_000

    /// Whether the rows of `households` (nil: an area's) are few enough to read at once.
    private static func few(_ households: [String]?) -> Bool {
        households.map { $0.count <= fewHouseholds } ?? false
    }

    /// Reads the rows of `sql` (with `parameters`) through a cursor, 5,000 at a time: inside a
    /// transaction, which the caller opens. With `few`, they are read at once.
    private static func forEachRow(_ sql: String, _ parameters: [String?], few: Bool = false, on connection: Connection,
                                   _ body: ([String?]) throws -> Void) throws {
        if few {
            for row in try connection.rows(sql, parameters) { try body(row) }
            return
        }
        try connection.rows("DECLARE found NO SCROLL CURSOR FOR \(sql)", parameters)
        while true {
            let batch = try connection.rows("FETCH 5000 FROM found")
            for row in batch { try body(row) }
            if batch.count < 5000 { break }
        }
        // Inside a console session the transaction outlives the call: the cursor must not.
        try connection.rows("CLOSE found")
    }

    /// The current findings of `plugin` within `scope` (its parameters from $2), each with its position.
    private static func current(plugin: String, in scope: (sql: String, parameters: [String?]), few: Bool = false,
                                on connection: Connection) throws -> [(id: Int64, finding: Finding)]
    {
        var found: [(id: Int64, finding: Finding)] = []
        try forEachRow("""
            SELECT position::text, \(findingColumns) FROM current_finding WHERE plugin_id = $1 AND \(scope.sql)
            ORDER BY \(findingOrder("current_finding")), current_finding.position
            """, [plugin] + scope.parameters, few: few, on: connection) { row in
            found.append((Int64(row[0] ?? "") ?? 0, try finding(row, from: 1, in: "current_finding")))
        }
        return found
    }

    /// The finding in `row`'s `findingColumns` from column `first` on, its risk types separated by `separator`.
    private static func finding(_ row: [String?], from first: Int, in table: String, separator: Character = ";") throws -> Finding {
        guard let severity = Severity(rawValue: row[first + 4] ?? "") else {
            throw PostgresStoreError(message: "\(table).severity holds '\(row[first + 4] ?? "")', which Dixian cannot read")
        }
        return Finding(
            householdNumber: row[first], assetID: row[first + 1].flatMap { Int64($0) }, townshipCode: row[first + 2] ?? "",
            checkID: row[first + 3] ?? "", severity: severity,
            riskTypes: (row[first + 5] ?? "").split(separator: separator).compactMap { RiskType(rawValue: String($0)) },
            message: row[first + 6] ?? "")
    }

    /// Findings sent in one statement.
    private static let findingsPerStatement = 20_000

    /// Applies `changes` of run `id` to the current findings and records them as its events,
    /// each statement taking its rows as lists (an empty household number or asset id stands for none).
    private static func record(_ changes: FindingChanges<Int64>, run: ScreeningRun, id: Int64, on connection: Connection) throws {
        func lists(_ findings: ArraySlice<Finding>) -> [[String]] {
            [findings.map { $0.householdNumber ?? "" }, findings.map { $0.assetID.map(String.init) ?? "" },
             findings.map(\.townshipCode), findings.map(\.checkID), findings.map(\.severity.rawValue),
             findings.map { $0.riskTypes.map(\.rawValue).joined(separator: ";") }, findings.map(\.message)]
        }
        let unnest = """
            NULLIF(h, ''), NULLIF(a, '')::bigint, t, c, s, r, m
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS f(h, a, t, c, s, r, m)
            """
        func events(_ change: String, _ findings: [Finding]) throws {
            for start in stride(from: 0, to: findings.count, by: findingsPerStatement) {
                try connection.run("""
                    INSERT INTO finding_event (run_id, plugin_id, change, household_number, asset_id, township_code, check_id,
                      severity, risk_types, message)
                    SELECT \(id), '\(run.pluginID.replacingOccurrences(of: "'", with: "''"))', '\(change)', \(unnest)
                    """, lists: lists(findings[start..<min(start + findingsPerStatement, findings.count)]))
            }
        }
        let closed = changes.closed
        for start in stride(from: 0, to: closed.count, by: findingsPerStatement) {
            try connection.run("DELETE FROM current_finding WHERE position = ANY($1::text[]::bigint[])",
                               lists: [closed[start..<min(start + findingsPerStatement, closed.count)].map { String($0.id) }])
        }
        try events("closed", closed.map(\.finding))
        let opened = changes.opened
        for start in stride(from: 0, to: opened.count, by: findingsPerStatement) {
            try connection.run("""
                INSERT INTO current_finding (plugin_id, plugin_version, as_of, opened_run, household_number, asset_id, township_code,
                  check_id, severity, risk_types, message)
                SELECT ($8::text[])[1], ($9::text[])[1], ($10::text[])[1]::date, \(id), \(unnest)
                """, lists: lists(opened[start..<min(start + findingsPerStatement, opened.count)])
                    + [[run.pluginID], [run.pluginVersion], [run.asOf.description]])
        }
        try events("opened", opened)
    }

    public func screeningRun(id: Int64) throws -> ScreeningRun? {
        try fetchRun(where: "id = $1::bigint AND finished_at <> ''", [String(id)])
    }

    public func latestScreeningRun(plugin: String, asOf: LocalDate) throws -> ScreeningRun? {
        try fetchRun(where: "plugin_id = $1 AND as_of <= $2::date AND finished_at <> '' AND NOT chosen ORDER BY as_of DESC, id DESC LIMIT 1",
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

    /// Reads a run's findings as SQLite does (`SQLiteRegistry.forEachFinding(ofRun:_:)`): its
    /// own stored copy for a run older than the current findings, else the current findings if
    /// no later run of its plugin changed them, else what its plugin's events up to it leave open.
    public func forEachFinding(ofRun id: Int64, _ body: (Finding) throws -> Void) throws {
        try pool.withConnection { connection in
            try connection.transaction {
                let key = [String(id)]
                if try connection.rows("SELECT 1 FROM screening_finding WHERE run_id = $1::bigint LIMIT 1", key).isEmpty == false {
                    try Self.forEachRow("""
                        SELECT \(Self.findingColumns) FROM screening_finding WHERE run_id = $1::bigint ORDER BY position
                        """, key, on: connection) { row in
                        try body(try Self.finding(row, from: 0, in: "screening_finding", separator: ","))
                    }
                    return
                }
                guard let run = try connection.rows("""
                    SELECT plugin_id, area FROM screening_run WHERE id = $1::bigint AND finished_at <> ''
                    """, key).first else { return }
                let plugin = run[0] ?? ""
                let changedSince = try connection.rows("""
                    SELECT 1 FROM finding_event WHERE plugin_id = $1 AND run_id > $2::bigint LIMIT 1
                    """, [plugin, String(id)]).isEmpty == false
                if !changedSince {
                    for (_, finding) in try Self.current(plugin: plugin, in: try Self.scope(area: run[1], households: nil, from: 2), on: connection) {
                        try body(finding)
                    }
                    return
                }
                let scope = try Self.scope(area: run[1], households: nil, from: 3)
                try Self.forEachRow("""
                    SELECT \(Self.findingColumns), SUM(CASE change WHEN 'opened' THEN 1 ELSE -1 END)::text
                    FROM finding_event WHERE plugin_id = $1 AND run_id <= $2::bigint AND \(scope.sql)
                    GROUP BY household_number, asset_id, township_code, check_id, severity, risk_types, message
                    HAVING SUM(CASE change WHEN 'opened' THEN 1 ELSE -1 END) > 0
                    ORDER BY \(Self.findingOrder("finding_event")), MIN(finding_event.id)
                    """, [plugin, String(id)] + scope.parameters, on: connection) { row in
                    let finding = try Self.finding(row, from: 0, in: "finding_event")
                    for _ in 0..<(Int(row[7] ?? "") ?? 0) { try body(finding) }
                }
            }
        }
    }

    static func json(_ value: some Encodable) throws -> String {
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
                SELECT name, role, areas, token_hash, salt, expires_on::text, revoked::text, password_hash FROM server_user \(condition)
                ORDER BY name
                """, parameters)
        }
        return try rows.map { row in
            guard let role = UserRole(rawValue: row[1] ?? ""), let expires = LocalDate(iso: row[5] ?? "") else {
                throw PostgresStoreError(message: "server_user \(row[0] ?? "") holds a role or date Dixian cannot read")
            }
            return ServerUser(
                name: row[0] ?? "", role: role, areas: try JSONDecoder().decode([String].self, from: Data((row[2] ?? "[]").utf8)),
                tokenHash: row[3] ?? "", salt: row[4] ?? "", expiresOn: expires, revoked: row[6] == "true", passwordHash: row[7])
        }
    }
}
