import DixianCore
import GRDB

extension RegistrySchema {
    /// The current findings of every plugin, and their history as the runs that opened and
    /// closed them (issue 23): a run no longer stores a copy of every finding.
    ///
    /// `current_finding.position` orders a household's findings as they were found;
    /// `opened_run` is the run (or re-screening) that found it, whose plugin version and date
    /// are kept with the row. `finding_event` holds one row for each finding a run opened or
    /// closed; what was flagged after run R is the events up to R (see
    /// `SQLiteRegistry.forEachFinding(ofRun:_:)`). Risk types are separated by `;`, as in
    /// the record layouts.
    static func createCurrentFindings(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE current_finding (
              position INTEGER PRIMARY KEY NOT NULL,
              plugin_id TEXT NOT NULL,
              plugin_version TEXT NOT NULL,
              as_of TEXT NOT NULL,
              opened_run INTEGER NOT NULL REFERENCES screening_run (id),
              household_number TEXT,
              asset_id INTEGER,
              township_code TEXT NOT NULL,
              check_id TEXT NOT NULL,
              severity TEXT NOT NULL CHECK (\(oneOf("severity", Severity.self))),
              risk_types TEXT NOT NULL,
              message TEXT NOT NULL,
              CHECK ((household_number IS NULL) <> (asset_id IS NULL))
            );
            CREATE INDEX current_finding_by_subject ON current_finding (plugin_id, household_number, asset_id, position);
            CREATE TABLE finding_event (
              id INTEGER PRIMARY KEY NOT NULL,
              run_id INTEGER NOT NULL REFERENCES screening_run (id),
              plugin_id TEXT NOT NULL,
              change TEXT NOT NULL CHECK (change IN ('opened', 'closed')),
              household_number TEXT,
              asset_id INTEGER,
              township_code TEXT NOT NULL,
              check_id TEXT NOT NULL,
              severity TEXT NOT NULL CHECK (\(oneOf("severity", Severity.self))),
              risk_types TEXT NOT NULL,
              message TEXT NOT NULL,
              CHECK ((household_number IS NULL) <> (asset_id IS NULL))
            );
            CREATE INDEX finding_event_by_run ON finding_event (plugin_id, run_id);
            """)
    }
}

extension RegistrySchema {
    /// Households changed since they were last screened (issue 23). Every change the audit
    /// trail records for a household marks it, whoever made it (the server, a workflow
    /// command, an import, the console), with the id of that change: a run that screened the
    /// household removes the mark only if no change came after what it read
    /// (`ScreeningRunStore.changedHouseholds`).
    static func createHouseholdMarks(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE household_dirty (
              household_number TEXT PRIMARY KEY NOT NULL,
              audit_id INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TRIGGER audit_marks_household AFTER INSERT ON audit WHEN NEW.household_number IS NOT NULL BEGIN
              INSERT INTO household_dirty (household_number, audit_id) VALUES (NEW.household_number, NEW.id)
                ON CONFLICT (household_number) DO UPDATE SET audit_id = excluded.audit_id;
            END;
            """)
    }
}

extension RegistrySchema {
    /// A change to a village's place (its name, a disaster recorded for it) marks the village's
    /// households, whose views carry the place: `screen --changed` re-screens them.
    static func markVillagesHouseholds(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TRIGGER audit_marks_village AFTER INSERT ON audit
              WHEN NEW.table_name = 'place' AND length(NEW.row_key) = 12 BEGIN
              INSERT INTO household_dirty (household_number, audit_id)
                SELECT number, NEW.id FROM household WHERE village_code = NEW.row_key
                ON CONFLICT (household_number) DO UPDATE SET audit_id = excluded.audit_id;
            END;
            """)
    }
}

extension RegistrySchema {
    /// The current deadline items of every plugin (issue 23), each plugin's `CurrentState`
    /// (no row while its findings are of mixed dates or rules), and which runs screened chosen
    /// households rather than an area (`screening_run.chosen`).
    static func createDeadlineItems(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE screening_run ADD COLUMN chosen INTEGER NOT NULL DEFAULT 0;
            CREATE TABLE due_item (
              position INTEGER PRIMARY KEY NOT NULL,
              plugin_id TEXT NOT NULL,
              plugin_version TEXT NOT NULL,
              as_of TEXT NOT NULL,
              run_id INTEGER NOT NULL REFERENCES screening_run (id),
              household_number TEXT NOT NULL,
              township_code TEXT NOT NULL,
              deadline_id TEXT NOT NULL,
              title TEXT NOT NULL,
              responsible TEXT NOT NULL,
              person TEXT,
              due_on TEXT NOT NULL,
              done_on TEXT,
              message TEXT NOT NULL
            );
            CREATE INDEX due_item_by_household ON due_item (plugin_id, household_number, position);
            CREATE TABLE current_state (
              plugin_id TEXT PRIMARY KEY NOT NULL,
              run_id INTEGER NOT NULL REFERENCES screening_run (id),
              fingerprint TEXT NOT NULL,
              as_of TEXT NOT NULL,
              area TEXT,
              deadlines INTEGER NOT NULL
            );
            """)
    }
}

extension RegistrySchema {
    /// Each household's wake-up date per plugin (issue 23: the first date its findings or
    /// deadline items may change with nothing changed in the registry), and the date on which
    /// every household of a plugin's state must be screened again (`current_state.wakes_on`),
    /// and the audit entry after which asset changes are not yet screened (`assets_since`); and
    /// a record moved to another household (a member, a visit) marks the household it left too.
    static func createWakeDates(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE household_wake (
              plugin_id TEXT NOT NULL,
              household_number TEXT NOT NULL,
              wake_on TEXT NOT NULL,
              PRIMARY KEY (plugin_id, household_number)
            ) WITHOUT ROWID;
            CREATE INDEX household_wake_by_date ON household_wake (plugin_id, wake_on);
            ALTER TABLE current_state ADD COLUMN wakes_on TEXT;
            ALTER TABLE current_state ADD COLUMN assets_since INTEGER NOT NULL DEFAULT 0;
            CREATE TRIGGER audit_marks_previous_household AFTER INSERT ON audit
            WHEN json_extract(NEW.before, '$.household_number') <> NEW.household_number BEGIN
              INSERT INTO household_dirty (household_number, audit_id) VALUES (json_extract(NEW.before, '$.household_number'), NEW.id)
                ON CONFLICT (household_number) DO UPDATE SET audit_id = excluded.audit_id;
            END;
            """)
    }
}

extension RegistrySchema {
    /// The deadline items indexed by township and due date, and those done late by township:
    /// a township's due list reads only its items due within the list's horizon
    /// (`storedDeadlineItems`).
    static func indexDeadlineItemsByTownship(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX due_item_by_township ON due_item (plugin_id, township_code, due_on);
            CREATE INDEX due_item_done_late ON due_item (plugin_id, township_code) WHERE done_on IS NOT NULL;
            """)
    }
}
