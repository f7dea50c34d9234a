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
