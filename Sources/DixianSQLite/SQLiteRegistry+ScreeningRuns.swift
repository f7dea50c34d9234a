import DixianCore
import Foundation
import GRDB
import GRDBSQLite

extension SQLiteRegistry: ScreeningRunStore {
    /// Records a run and its changes to the current findings in one write transaction (see
    /// `ScreeningRunStore`); SQLite's single writer serializes the runs. The transaction reads
    /// the current findings of the screened subjects, so a run's first recording (every finding
    /// opened) holds the write lock for seconds; a daily run's, for the changes only.
    public func recordScreening(
        households: [String]?, coversArea: Bool, clearing marks: [String: Int64], since: Int64, fingerprint: String,
        upkeep: () -> RunUpkeep,
        _ produce: (_ store: ([Finding]) throws -> Void) throws -> ScreeningRun
    ) throws -> ScreeningRun {
        var screened: [Finding] = []
        var run = try produce { screened += $0 }
        let kept = upkeep()
        let items = kept.deadlineItems
        let chosen = households != nil && !coversArea
        run.id = try write { db in
            try db.execute(sql: """
                INSERT INTO screening_run (actor, plugin_id, plugin_version, as_of, area, started_at, finished_at,
                  household_count, findings_by_check, failures, chosen)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [run.actor, run.pluginID, run.pluginVersion, run.asOf.description, run.area,
                                 run.startedAt, run.finishedAt, run.householdCount,
                                 try Self.json(run.findingsByCheck), try Self.json(run.failures), chosen])
            let id = db.lastInsertedRowID
            // A run that covers the area screened its assets too: their findings follow the households' (`findingOrder`).
            let current = try Self.current(plugin: run.pluginID, in: Self.scope(area: run.area, households: households, from: 2), db)
                + (coversArea ? try Self.current(plugin: run.pluginID, in: Self.assetScope(area: run.area, from: 2), db) : [])
            try Self.record(FindingChanges(current: current, screened: screened), run: run, id: id, in: db)
            if coversArea { run = try Self.countWholeArea(of: run, id: id, in: db) }
            let clear = try db.cachedStatement(sql: "DELETE FROM household_dirty WHERE household_number = ? AND audit_id = ?").sqliteStatement
            for (household, audit) in marks {
                try Self.step(clear, in: db) { $0.add(household, audit) }
            }
            try db.execute(sql: """
                INSERT INTO household_dirty (household_number, audit_id)
                SELECT household_number, MAX(id) FROM audit WHERE id > ? AND household_number IS NOT NULL GROUP BY household_number
                ON CONFLICT (household_number) DO UPDATE SET audit_id = max(audit_id, excluded.audit_id)
                """, arguments: [since])
            if !marks.isEmpty {
                try db.execute(sql: "DELETE FROM current_state WHERE plugin_id <> ?", arguments: [run.pluginID])
            }
            try Self.replace(deadlineItems: items ?? [], of: run, id: id, households: households, in: db)
            let previous = try Self.currentState(plugin: run.pluginID, db)
            let wakes = chosen ? previous?.wakes(kept.wakes, ofChosen: households ?? [], screenedOn: run.asOf) ?? kept.wakes : kept.wakes
            try Self.replace(wakes: wakes, of: run, households: households, in: db)
            let state = CurrentState.after(run, id: id, fingerprint: fingerprint, households: households, advances: coversArea, since: since,
                                           deadlines: items != nil, wakesOn: kept.wakesOn, previous: previous)
            try db.execute(sql: "DELETE FROM current_state WHERE plugin_id = ?", arguments: [run.pluginID])
            if let state {
                try db.execute(sql: """
                    INSERT INTO current_state (plugin_id, run_id, fingerprint, as_of, area, deadlines, wakes_on, assets_since)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [state.pluginID, state.runID, state.fingerprint, state.asOf.description, state.area, state.deadlines,
                                     state.wakesOn?.description, state.assetsSince])
            }
            return id
        }
        return run
    }

    /// `run` (one that covers its area, stored as `id`) with the counts of its whole area: the
    /// households in it and the current findings of each check, which is what the run leaves
    /// standing on its date. Stored, so reports of the run print them.
    private static func countWholeArea(of run: ScreeningRun, id: Int64, in db: Database) throws -> ScreeningRun {
        var counted = run
        counted.householdCount = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM household WHERE \(areaCondition(run.area))
            """, arguments: StatementArguments(areaArguments(run.area))) ?? 0
        // A finding's township code is its subject's: for a township or a wider area it selects
        // the findings without a join (areas of one village are selected as `scope` does).
        let scope: (sql: String, arguments: StatementArguments) = if let area = run.area, area.count > Area.townshipDigits {
            try scope(area: area, households: nil, from: 2)
        } else {
            ("township_code GLOB ?2", [(run.area ?? "") + "*"])
        }
        for check in counted.findingsByCheck.keys { counted.findingsByCheck[check] = 0 }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT check_id, COUNT(*) FROM current_finding WHERE plugin_id = ?1 AND \(scope.sql) GROUP BY check_id
            """, arguments: [run.pluginID] + scope.arguments)
        while let row = try rows.next() { counted.findingsByCheck[row[0]] = row[1] }
        try db.execute(sql: "UPDATE screening_run SET household_count = ?, findings_by_check = ? WHERE id = ?",
                       arguments: [counted.householdCount, try json(counted.findingsByCheck), id])
        return counted
    }

    /// Replaces the wake-up dates of the households `run` screened (`households`, or those in
    /// its area) with `wakes`, writing only what differs from those stored: a whole run that
    /// finds the dates of a million households unchanged writes none of them.
    private static func replace(wakes: [String: LocalDate], of run: ScreeningRun, households: [String]?, in db: Database) throws {
        let scope = try Self.scope(area: run.area, households: households, assets: false, from: 2)
        var pending = wakes
        var gone: [String] = []
        try forEachRow(db, table: "household_wake", sql: """
            SELECT household_number, wake_on FROM household_wake WHERE plugin_id = ?1 AND \(scope.sql)
            """, arguments: [run.pluginID] + scope.arguments) { row in
            let household = row.string(0)
            if let wake = pending[household] {
                if wake == row.parsedDate(1) { pending.removeValue(forKey: household) }
            } else {
                gone.append(household)
            }
        }
        let delete = try db.cachedStatement(sql: "DELETE FROM household_wake WHERE plugin_id = ? AND household_number = ?").sqliteStatement
        for household in gone {
            try step(delete, in: db) { $0.add(run.pluginID, household) }
        }
        let write = try db.cachedStatement(sql: """
            INSERT INTO household_wake (plugin_id, household_number, wake_on) VALUES (?, ?, ?)
            ON CONFLICT (plugin_id, household_number) DO UPDATE SET wake_on = excluded.wake_on
            """).sqliteStatement
        for (household, wake) in pending {
            try step(write, in: db) { $0.add(run.pluginID, household, wake) }
        }
    }

    public func assetsChanged(after audit: Int64) throws -> Bool {
        try writer.read { db in
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM audit WHERE id > ? AND table_name IN (\(RegistryTable.quotedAssetTables)))
                """, arguments: [audit]) ?? false
        }
    }

    public func wokenHouseholds(plugin: String, area: String?, through date: LocalDate) throws -> [String] {
        try writer.read { db in
            let scope = try Self.scope(area: area, households: nil, assets: false, from: 3)
            return try String.fetchAll(db, sql: """
                SELECT household_number FROM household_wake WHERE plugin_id = ?1 AND wake_on <= ?2 AND \(scope.sql)
                """, arguments: [plugin, date.description] + scope.arguments)
        }
    }

    public func householdsWithRecords(area: String?, datedAfter after: LocalDate, through date: LocalDate) throws -> [String] {
        try writer.read { db in
            let scope = try Self.scope(area: area, households: nil, assets: false, from: 3)
            // Each kind's records that come into view after `after` and by `date`.
            let selects = ViewDating.dated.map { table, dating in
                let within = switch dating {
                case .year: "year > substr(?1, 1, 4) + 0 AND year <= substr(?2, 1, 4) + 0"
                case .month: """
                    year * 100 + month > substr(?1, 1, 4) * 100 + substr(?1, 6, 2) \
                    AND year * 100 + month <= substr(?2, 1, 4) * 100 + substr(?2, 6, 2)
                    """
                case .date(let column): "\(column) > ?1 AND \(column) <= ?2"
                }
                return "SELECT household_number FROM \(table.rawValue) WHERE \(within)"
            } + [
                // A village's disaster comes into its households' views on its day.
                // (the villages first, then their households by index: a join scanned every household)
                "SELECT number FROM household WHERE village_code IN (SELECT code FROM place WHERE disaster_on > ?1 AND disaster_on <= ?2)",
            ]
            return try String.fetchAll(db, sql: """
                SELECT household_number FROM (\(selects.joined(separator: " UNION "))) WHERE \(scope.sql)
                """, arguments: [after.description, date.description] + scope.arguments)
        }
    }

    public func changedHouseholds(area: String?, households: [String]?, after: Int64) throws -> [String: Int64] {
        try writer.read { db in
            let scope = try households.map { try Self.scope(area: area, households: $0, assets: false, from: 2) }
                ?? Self.markScope(area: area, from: 2)
            // Changes after an audit entry are found through the audit trail's key, not by a scan
            // of every mark; a village's place marks the village's households (its audit entries
            // name no household: the index seeks them by table, then from the entry on).
            let rows = try Row.fetchCursor(db, sql: """
                SELECT household_number, audit_id FROM household_dirty
                WHERE (?1 = 0 OR household_number IN (SELECT household_number FROM audit WHERE id > ?1)
                       OR household_number IN (SELECT h.number FROM audit a JOIN household h ON h.village_code = a.row_key
                                               WHERE a.table_name = 'place' AND a.household_number IS NULL AND a.id > ?1))
                  AND \(scope.sql)
                """, arguments: [after] + scope.arguments)
            var marks: [String: Int64] = [:]
            while let row = try rows.next() { marks[row[0]] = row[1] }
            return marks
        }
    }

    public func currentFindings(plugin: String, area: String?, households: [String]?) throws -> [Finding] {
        try writer.read { db in
            try Self.current(plugin: plugin, in: Self.scope(area: area, households: households, from: 2), db).map(\.finding)
        }
    }

    /// The condition on a finding's subject that selects `households`, or else the households
    /// and assets in `area` (nil for all), its parameter numbered `first`: those whose village code is in
    /// it, and households removed since whose number begins with it. GLOB, not LIKE: it can
    /// use the village-code indexes.
    private static func scope(area: String?, households: [String]?, assets: Bool = true, from first: Int)
        throws -> (sql: String, arguments: StatementArguments)
    {
        if let households {
            return ("household_number IN (SELECT value FROM json_each(?\(first)))", [jsonArray(households)])
        }
        guard let area else { return ("1", []) }
        // The pattern is the bound value itself (not an expression), so that SQLite can turn the
        // GLOB into a range on the index; area codes are digits, which GLOB takes literally.
        let ofAssets = assets ? "OR asset_id IN (SELECT id FROM asset WHERE village_code GLOB ?\(first))" : ""
        return ("""
            (household_number GLOB ?\(first)
             OR household_number IN (SELECT number FROM household WHERE village_code GLOB ?\(first)) \(ofAssets))
            """, [area + "*"])
    }

    /// The condition on a change mark (`household_dirty`) that selects those of households in
    /// `area` (nil for all), its parameter numbered `first`. The marks are few: each mark's
    /// household is read, rather than the marks probed for each of the area's households.
    private static func markScope(area: String?, from first: Int) -> (sql: String, arguments: StatementArguments) {
        guard let area else { return ("1", []) }
        return ("""
            (household_number GLOB ?\(first) OR (SELECT village_code FROM household WHERE number = household_number) GLOB ?\(first))
            """, [area + "*"])
    }

    /// The condition on a finding's subject that selects the assets in `area` (nil for all), its
    /// parameter numbered `first`, through the index on (plugin, household, asset).
    private static func assetScope(area: String?, from first: Int) -> (sql: String, arguments: StatementArguments) {
        ("household_number IS NULL AND asset_id IN (SELECT id FROM asset WHERE village_code GLOB ?\(first))", [(area ?? "") + "*"])
    }

    /// The order findings are read in: households by number, then assets, each subject's as found.
    private static let findingOrder = "household_number IS NULL, household_number, asset_id"

    /// The current findings of `plugin` within `scope` (its parameters from ?2), each with its position.
    private static func current(plugin: String, in scope: (sql: String, arguments: StatementArguments), _ db: Database)
        throws -> [(id: Int64, finding: Finding)]
    {
        var found: [(id: Int64, finding: Finding)] = []
        var reader = FindingReader()
        try forEachRow(db, table: "current_finding", sql: """
            SELECT \(findingColumns), position FROM current_finding WHERE plugin_id = ? AND \(scope.sql)
            ORDER BY \(findingOrder), position
            """, arguments: [plugin] + scope.arguments) { row in
            found.append((Int64(row.int(7)), try reader.finding(row)))
        }
        return found
    }

    /// A stored deadline item's row, and the columns of it that `due_item`'s indexes hold
    /// besides its household (a row whose township and dates stay is rewritten without them).
    private struct StoredItem {
        var position: Int64
        var townshipCode: String
        var dueOn: LocalDate
        var doneOn: LocalDate?
    }

    /// Replaces the deadline items of the households `run` screened (`households`, or those in
    /// its area) with `items`.
    private static func replace(deadlineItems items: [DeadlineItem], of run: ScreeningRun, id: Int64, households: [String]?,
                                in db: Database) throws {
        let scope = try Self.scope(area: run.area, households: households, assets: false, from: 2)
        // Only the households whose items changed are written: a whole run on a day of a
        // million items holds the write lock for the changes, not for every item.
        var sorted = items
        sorted.sort { $0.householdNumber < $1.householdNumber }  // stable: each household's in the order found
        let replacements = try DeadlineItem.replacements(from: { body in
            try forEachRow(db, table: "due_item", sql: """
                SELECT \(deadlineColumns), position FROM due_item WHERE plugin_id = ?1 AND \(scope.sql) ORDER BY household_number, position
                """, arguments: [run.pluginID] + scope.arguments) { row in
                let item = try DeadlineItem(row)
                try body(StoredItem(position: Int64(row.int(9)), townshipCode: item.townshipCode, dueOn: item.dueOn, doneOn: item.doneOn), item)
            }
        }, to: sorted)
        guard !replacements.isEmpty else { return }
        // A changed household's stored rows are rewritten in place, in order (each then stamped
        // with this run, as on PostgreSQL), and only the surplus deleted or added. A row keeps
        // its household; one whose township and dates stay too (its person or message changed,
        // or another of the household's items) is rewritten without touching an index.
        let update = try db.cachedStatement(sql: """
            UPDATE due_item SET plugin_version = ?, as_of = ?, run_id = ?, deadline_id = ?, title = ?, responsible = ?, person = ?,
              message = ?, township_code = ?, due_on = ?, done_on = ?
            WHERE position = ?
            """).sqliteStatement
        let rewrite = try db.cachedStatement(sql: """
            UPDATE due_item SET plugin_version = ?, as_of = ?, run_id = ?, deadline_id = ?, title = ?, responsible = ?, person = ?,
              message = ?
            WHERE position = ?
            """).sqliteStatement
        let insert = try db.cachedStatement(sql: """
            INSERT INTO due_item (plugin_id, plugin_version, as_of, run_id, \(deadlineColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).sqliteStatement
        let delete = try db.cachedStatement(sql: "DELETE FROM due_item WHERE position = ?").sqliteStatement
        for replacement in replacements {
            for (offset, item) in replacement.items.enumerated() {
                guard offset < replacement.stored.count else {
                    try step(insert, in: db) { values in
                        values.add(run.pluginID, run.pluginVersion, run.asOf, id, item.householdNumber, item.townshipCode,
                                   item.deadlineID, item.title, item.responsible, item.person, item.dueOn, item.doneOn, item.message)
                    }
                    continue
                }
                let old = replacement.stored[offset]
                let placeKept = old.townshipCode == item.townshipCode && old.dueOn == item.dueOn && old.doneOn == item.doneOn
                try step(placeKept ? rewrite : update, in: db) { values in
                    values.add(run.pluginVersion, run.asOf, id, item.deadlineID, item.title, item.responsible, item.person, item.message)
                    if !placeKept { values.add(item.townshipCode, item.dueOn, item.doneOn) }
                    values.add(old.position)
                }
            }
            for old in replacement.stored.dropFirst(replacement.items.count) {
                try step(delete, in: db) { $0.add(old.position) }
            }
        }
    }

    public func lastAuditID() throws -> Int64 {
        try writer.read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM audit") ?? 0 }
    }

    public func currentState(plugin: String) throws -> CurrentState? {
        try writer.read { db in try Self.currentState(plugin: plugin, db) }
    }

    /// The plugin's current state as stored.
    private static func currentState(plugin: String, _ db: Database) throws -> CurrentState? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT run_id, fingerprint, as_of, area, deadlines, wakes_on, assets_since FROM current_state WHERE plugin_id = ?
            """, arguments: [plugin]) else { return nil }
        return CurrentState(pluginID: plugin, runID: row[0], fingerprint: row[1], asOf: try row.date("as_of", in: "current_state"),
                            area: row[3], deadlines: row[4],
                            wakesOn: try (row["wakes_on"] as String?).map { _ in try row.date("wakes_on", in: "current_state") },
                            assetsSince: row[6])
    }

    /// A deadline item's columns, in the order `DeadlineItem.init(_:)` reads them from a `StatementCursor`.
    private static let deadlineColumns = "household_number, township_code, deadline_id, title, responsible, person, due_on, done_on, message"

    public func storedDeadlineItems(plugin: String, fingerprint: String, asOf: LocalDate, area: String?, through: LocalDate?) throws
        -> [DeadlineItem]?
    {
        try writer.read { db in
            guard try Self.itemsAreCurrent(plugin: plugin, fingerprint: fingerprint, asOf: asOf, area: area, db) else { return nil }
            return try Self.deadlineItems(plugin: plugin, in: Self.itemScope(area: area, from: 2), through: through, db)
        }
    }

    /// Whether plugin `plugin`'s stored deadline items of `area` are current for a run on
    /// `asOf` with `fingerprint`: its state covers them with its items, and no household of
    /// the area has changed since.
    private static func itemsAreCurrent(plugin: String, fingerprint: String, asOf: LocalDate, area: String?, _ db: Database) throws -> Bool {
        guard let state = try currentState(plugin: plugin, db), state.deadlines,
              state.covers(area: area, asOf: asOf, fingerprint: fingerprint)
        else { return false }
        let marks = markScope(area: area, from: 1)
        return try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM household_dirty WHERE \(marks.sql))",
                                 arguments: marks.arguments) == false
    }

    public func openDeadlineItems(plugin: String, fingerprint: String, asOf: LocalDate, area: String, through: LocalDate,
                                  filter: DeadlineItemPage.Filter, limit: Int) throws -> DeadlineItemPage?
    {
        try writer.read { db in
            guard try Self.itemsAreCurrent(plugin: plugin, fingerprint: fingerprint, asOf: asOf, area: area, db) else { return nil }
            let scope = try Self.itemScope(area: area, from: 2)
            // Dates are digits and hyphens, written into the statement as they are.
            let open = "plugin_id = ?1 AND \(scope.sql) AND done_on IS NULL AND due_on <= '\(through.description)'"
            let tallies = try Row.fetchAll(db, sql: """
                SELECT substr(household_number, 1, 12) AS village, deadline_id, min(title), count(*), sum(due_on < '\(asOf.description)')
                FROM due_item WHERE \(open) GROUP BY village, deadline_id ORDER BY village, deadline_id
                """, arguments: [plugin] + scope.arguments).map { row in
                DeadlineItemPage.Tally(village: row[0], deadlineID: row[1], title: row[2], count: row[3], overdue: row[4])
            }
            var picked = "", arguments: StatementArguments = [plugin] + scope.arguments
            if let village = filter.village {
                picked += " AND substr(household_number, 1, 12) = ?"
                arguments += [village]
            }
            if let deadline = filter.deadlineID {
                picked += " AND deadline_id = ?"
                arguments += [deadline]
            }
            var items: [DeadlineItem] = []
            try Self.forEachRow(db, table: "due_item", sql: """
                SELECT \(Self.deadlineColumns) FROM due_item WHERE \(open)\(picked)
                ORDER BY due_on, household_number, deadline_id, responsible, coalesce(person, ''), message, position LIMIT \(max(0, limit))
                """, arguments: arguments, cached: false) { row in items.append(try DeadlineItem(row)) }
            return DeadlineItemPage(tallies: tallies, items: items)
        }
    }

    public func deadlineItems(plugin: String, households: [String]) throws -> [DeadlineItem] {
        try writer.read { db in
            try Self.deadlineItems(plugin: plugin, in: Self.scope(area: nil, households: households, assets: false, from: 2),
                                   through: nil, db)
        }
    }

    /// The condition on a deadline item that selects those of the households in `area` (its
    /// parameter numbered `first`): for a township or a wider area, by the item's township
    /// code, which the index on (plugin, township, due date) finds; for a village, as `scope`.
    private static func itemScope(area: String?, from first: Int) throws -> (sql: String, arguments: StatementArguments) {
        guard let area, area.count <= Area.townshipDigits else { return try scope(area: area, households: nil, assets: false, from: first) }
        if area.count == Area.townshipDigits { return ("township_code = ?\(first)", [area]) }
        return ("township_code GLOB ?\(first)", [area + "*"])
    }

    /// The stored deadline items of `plugin` within `scope` (its parameters from ?2), due by
    /// `through` or done late when it is given: two selections, each of which an index of
    /// `due_item` finds.
    private static func deadlineItems(plugin: String, in scope: (sql: String, arguments: StatementArguments), through: LocalDate?,
                                      _ db: Database) throws -> [DeadlineItem]
    {
        let columns = "position, \(Self.deadlineColumns)"
        // A date's text is digits and hyphens: written into the statement as it is. due_on is
        // never NULL, so the two selections are `due_on <= X OR done_on IS NOT NULL`, split.
        let selection = through.map { through in """
            SELECT \(columns) FROM due_item WHERE plugin_id = ?1 AND \(scope.sql) AND due_on <= '\(through.description)'
            UNION ALL
            SELECT \(columns) FROM due_item
            WHERE plugin_id = ?1 AND \(scope.sql) AND done_on IS NOT NULL AND due_on > '\(through.description)'
            """
        } ?? "SELECT \(columns) FROM due_item WHERE plugin_id = ?1 AND \(scope.sql)"
        var items: [DeadlineItem] = []
        try forEachRow(db, table: "due_item", sql: """
            SELECT \(Self.deadlineColumns) FROM (\(selection)) ORDER BY household_number, position
            """, arguments: [plugin] + scope.arguments, cached: through == nil) { row in items.append(try DeadlineItem(row)) }
        return items
    }

    /// A finding's columns, in the order `FindingReader` reads them.
    private static let findingColumns = "household_number, asset_id, township_code, check_id, severity, risk_types, message"

    /// Steps through the rows of `sql`, handing each to `body` (as a cursor standing on it).
    /// `cached` as for `StatementCursor`.
    private static func forEachRow(_ db: Database, table: String, sql: String, arguments: StatementArguments, cached: Bool = true,
                                   _ body: (StatementCursor) throws -> Void) throws {
        let rows = try StatementCursor(db, table: table, sql: sql, arguments: arguments, cached: cached)
        while rows.hasRow {
            try body(rows)
            try rows.advance()
        }
    }

    /// Runs `statement` once (an insert, update or delete), its parameters bound by `bind`.
    private static func step(_ statement: OpaquePointer?, in db: Database, _ bind: (inout ColumnValues) -> Void) throws {
        sqlite3_reset(statement)
        var values = ColumnValues(binding: statement!)
        bind(&values)
        let status = sqlite3_step(statement)
        guard status == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: status), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    /// Applies `changes` of run `id` to the current findings and records them as its events.
    private static func record(_ changes: FindingChanges<Int64>, run: ScreeningRun, id: Int64, in db: Database) throws {
        let remove = try db.cachedStatement(sql: "DELETE FROM current_finding WHERE position = ?").sqliteStatement
        let event = try db.cachedStatement(sql: """
            INSERT INTO finding_event (run_id, plugin_id, change, \(findingColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).sqliteStatement
        let open = try db.cachedStatement(sql: """
            INSERT INTO current_finding (plugin_id, plugin_version, as_of, opened_run, \(findingColumns))
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).sqliteStatement
        var riskTexts: [[RiskType]: String] = [:]  // findings mostly repeat their check's risk types
        func risks(_ finding: Finding) -> String {
            if let text = riskTexts[finding.riskTypes] { return text }
            let text = finding.riskTypes.map(\.rawValue).joined(separator: ";")
            riskTexts[finding.riskTypes] = text
            return text
        }
        func add(_ finding: Finding, to values: inout ColumnValues) {
            values.add(finding.householdNumber, finding.assetID, finding.townshipCode, finding.checkID,
                       finding.severity.rawValue, risks(finding), finding.message)
        }
        for (position, finding) in changes.closed {
            try step(remove, in: db) { $0.add(position) }
            try step(event, in: db) { values in
                values.add(id, run.pluginID, "closed")
                add(finding, to: &values)
            }
        }
        for finding in changes.opened {
            try step(open, in: db) { values in
                values.add(run.pluginID, run.pluginVersion, run.asOf, id)
                add(finding, to: &values)
            }
            try step(event, in: db) { values in
                values.add(id, run.pluginID, "opened")
                add(finding, to: &values)
            }
        }
    }

    public func screeningRun(id: Int64) throws -> ScreeningRun? {
        try fetchRun(sql: "SELECT * FROM screening_run WHERE id = ? AND finished_at <> ''", arguments: [id])
    }

    public func latestScreeningRun(plugin: String, asOf: LocalDate) throws -> ScreeningRun? {
        try fetchRun(sql: """
            SELECT * FROM screening_run WHERE plugin_id = ? AND as_of <= ? AND finished_at <> '' AND NOT chosen
            ORDER BY as_of DESC, id DESC LIMIT 1
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

    /// Reads a run's findings: those it stored itself if it is older than the current findings
    /// (issue 23), else the current findings when no later run of its plugin changed them, else
    /// the findings its plugin's events up to it leave open.
    public func forEachFinding(ofRun id: Int64, _ body: (Finding) throws -> Void) throws {
        try writer.read { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM screening_finding WHERE run_id = ?)", arguments: [id]) == true {
                var reader = FindingReader(separator: ",")  // listed with ',' before the record layouts
                try Self.forEachRow(db, table: "screening_finding", sql: """
                    SELECT \(Self.findingColumns) FROM screening_finding WHERE run_id = ? ORDER BY position
                    """, arguments: [id]) { row in try body(try reader.finding(row)) }
                return
            }
            guard let run = try Row.fetchOne(db, sql: """
                SELECT plugin_id, area FROM screening_run WHERE id = ? AND finished_at <> ''
                """, arguments: [id]) else { return }
            let plugin: String = run[0]
            let changedSince = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM finding_event WHERE plugin_id = ? AND run_id > ?)
                """, arguments: [plugin, id]) == true
            if !changedSince {
                for (_, finding) in try Self.current(plugin: plugin, in: Self.scope(area: run[1], households: nil, from: 2), db) {
                    try body(finding)
                }
                return
            }
            let scope = try Self.scope(area: run[1], households: nil, from: 3)
            var reader = FindingReader()
            try Self.forEachRow(db, table: "finding_event", sql: """
                SELECT \(Self.findingColumns), SUM(CASE change WHEN 'opened' THEN 1 ELSE -1 END) AS open
                FROM finding_event WHERE plugin_id = ? AND run_id <= ? AND \(scope.sql)
                GROUP BY \(Self.findingColumns) HAVING open > 0
                ORDER BY \(Self.findingOrder), MIN(id)
                """, arguments: [plugin, id] + scope.arguments) { row in
                let finding = try reader.finding(row)
                for _ in 0..<row.int(7) { try body(finding) }
            }
        }
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
