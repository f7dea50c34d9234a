import DixianCore

extension PostgresSchema {
    /// The current findings of every plugin and their history, as on SQLite
    /// (`RegistrySchema.createCurrentFindings`, which says what each column holds).
    static let currentFindings = """
        CREATE TABLE current_finding (
          position bigserial PRIMARY KEY,
          plugin_id text COLLATE "C" NOT NULL,
          plugin_version text COLLATE "C" NOT NULL,
          as_of date NOT NULL,
          opened_run bigint NOT NULL REFERENCES screening_run (id),
          household_number text COLLATE "C",
          asset_id bigint,
          township_code text COLLATE "C" NOT NULL,
          check_id text COLLATE "C" NOT NULL,
          severity text COLLATE "C" NOT NULL \(oneOf("severity", Severity.self)),
          risk_types text COLLATE "C" NOT NULL,
          message text COLLATE "C" NOT NULL,
          CHECK ((household_number IS NULL) <> (asset_id IS NULL))
        );
        CREATE INDEX current_finding_by_subject ON current_finding (plugin_id, household_number, asset_id, position);
        CREATE TABLE finding_event (
          id bigserial PRIMARY KEY,
          run_id bigint NOT NULL REFERENCES screening_run (id),
          plugin_id text COLLATE "C" NOT NULL,
          change text COLLATE "C" NOT NULL CHECK (change IN ('opened', 'closed')),
          household_number text COLLATE "C",
          asset_id bigint,
          township_code text COLLATE "C" NOT NULL,
          check_id text COLLATE "C" NOT NULL,
          severity text COLLATE "C" NOT NULL \(oneOf("severity", Severity.self)),
          risk_types text COLLATE "C" NOT NULL,
          message text COLLATE "C" NOT NULL,
          CHECK ((household_number IS NULL) <> (asset_id IS NULL))
        );
        CREATE INDEX finding_event_by_run ON finding_event (plugin_id, run_id);
        """
}

extension PostgresSchema {
    /// Households changed since they were last screened, marked by every audited change, as on
    /// SQLite (`RegistrySchema.createHouseholdMarks`). A copy brings the marks as they were
    /// (`dixian.copying`), so the trigger stands aside for it.
    static let householdMarks = """
        CREATE TABLE household_dirty (
          household_number text COLLATE "C" PRIMARY KEY,
          audit_id bigint NOT NULL
        );
        CREATE FUNCTION audit_marks_household() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF current_setting('dixian.copying', true) = 'on' THEN RETURN NULL; END IF;
          INSERT INTO household_dirty (household_number, audit_id) VALUES (NEW.household_number, NEW.id)
            ON CONFLICT (household_number) DO UPDATE SET audit_id = excluded.audit_id;
          RETURN NULL;
        END $$;
        CREATE TRIGGER marks_household AFTER INSERT ON audit
          FOR EACH ROW WHEN (NEW.household_number IS NOT NULL) EXECUTE FUNCTION audit_marks_household();
        """
}

extension PostgresSchema {
    /// The current deadline items and each plugin's `CurrentState`, as on SQLite
    /// (`RegistrySchema.createDeadlineItems`).
    static let deadlineItems = """
        ALTER TABLE screening_run ADD COLUMN chosen boolean NOT NULL DEFAULT false;
        CREATE TABLE due_item (
          position bigserial PRIMARY KEY,
          plugin_id text COLLATE "C" NOT NULL,
          plugin_version text COLLATE "C" NOT NULL,
          as_of date NOT NULL,
          run_id bigint NOT NULL REFERENCES screening_run (id),
          household_number text COLLATE "C" NOT NULL,
          township_code text COLLATE "C" NOT NULL,
          deadline_id text COLLATE "C" NOT NULL,
          title text COLLATE "C" NOT NULL,
          responsible text COLLATE "C" NOT NULL,
          person text COLLATE "C",
          due_on date NOT NULL,
          done_on date,
          message text COLLATE "C" NOT NULL
        );
        CREATE INDEX due_item_by_household ON due_item (plugin_id, household_number, position);
        CREATE TABLE current_state (
          plugin_id text COLLATE "C" PRIMARY KEY,
          run_id bigint NOT NULL REFERENCES screening_run (id),
          fingerprint text COLLATE "C" NOT NULL,
          as_of date NOT NULL,
          area text COLLATE "C",
          deadlines boolean NOT NULL
        );
        """
}

extension PostgresSchema {
    /// A change to a village's place marks the village's households, whose views carry the
    /// place, as on SQLite (`RegistrySchema.markVillagesHouseholds`).
    static let villageMarks = """
        CREATE FUNCTION audit_marks_village() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF current_setting('dixian.copying', true) = 'on' THEN RETURN NULL; END IF;
          INSERT INTO household_dirty (household_number, audit_id)
            SELECT number, NEW.id FROM household WHERE village_code = NEW.row_key
            ON CONFLICT (household_number) DO UPDATE SET audit_id = excluded.audit_id;
          RETURN NULL;
        END $$;
        CREATE TRIGGER marks_village AFTER INSERT ON audit
          FOR EACH ROW WHEN (NEW.table_name = 'place' AND length(NEW.row_key) = 12) EXECUTE FUNCTION audit_marks_village();
        """
}

extension PostgresSchema {
    /// Each household's wake-up date per plugin, the date a plugin's state must be screened
    /// again by, and the household a moved record left marked too, as on SQLite
    /// (`RegistrySchema.createWakeDates`).
    static let wakeDates = """
        CREATE TABLE household_wake (
          plugin_id text COLLATE "C" NOT NULL,
          household_number text COLLATE "C" NOT NULL,
          wake_on date NOT NULL,
          PRIMARY KEY (plugin_id, household_number)
        );
        CREATE INDEX household_wake_by_date ON household_wake (plugin_id, wake_on);
        ALTER TABLE current_state ADD COLUMN wakes_on date;
        ALTER TABLE current_state ADD COLUMN assets_since bigint NOT NULL DEFAULT 0;
        CREATE OR REPLACE FUNCTION audit_marks_household() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          previous text := NEW.before::jsonb ->> 'household_number';
        BEGIN
          IF current_setting('dixian.copying', true) = 'on' THEN RETURN NULL; END IF;
          INSERT INTO household_dirty (household_number, audit_id) VALUES (NEW.household_number, NEW.id)
            ON CONFLICT (household_number) DO UPDATE SET audit_id = excluded.audit_id;
          IF previous IS NOT NULL AND previous <> NEW.household_number THEN
            INSERT INTO household_dirty (household_number, audit_id) VALUES (previous, NEW.id)
              ON CONFLICT (household_number) DO UPDATE SET audit_id = excluded.audit_id;
          END IF;
          RETURN NULL;
        END $$;
        """
}

extension PostgresSchema {
    /// The deadline items by township and due date, as on SQLite
    /// (`RegistrySchema.indexDeadlineItemsByTownship`).
    static let deadlineItemsByTownship = """
        CREATE INDEX due_item_by_township ON due_item (plugin_id, township_code, due_on);
        CREATE INDEX due_item_done_late ON due_item (plugin_id, township_code) WHERE done_on IS NOT NULL;
        """
}
