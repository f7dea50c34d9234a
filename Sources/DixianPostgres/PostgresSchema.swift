import DixianCore

/// The registry's schema on PostgreSQL: named, ordered, append-only migrations, each applied
/// once in a transaction of its own and recorded in `schema_migration`.
///
/// The registry tables have their record layouts' column names and typed columns (dates,
/// amounts in fen as `bigint`, flags as `boolean`), so that records map to rows through the
/// layouts (`TableCodec`). Text compares byte by byte (`COLLATE "C"`), as in SQLite, so that
/// both stores list households in the same order. Tables keyed by an `id` take new ids from a sequence, so that
/// concurrent writers (several server processes) never take the same one.
enum PostgresSchema {
    /// A registry table: its key and canonical order, and the SQL (over the plpgsql record
    /// `r`) for the household a change concerns, so that a household's trail includes the
    /// records that hang from it.
    struct Table {
        let table: RegistryTable
        let household: String
        /// Whether migration v1 made it (and its audit trigger); a later one makes its own.
        let isOriginal: Bool

        init(_ table: RegistryTable, household: String, original: Bool = true) {
            self.table = table
            self.household = household
            self.isOriginal = original
        }

        /// The record layout.
        var layout: RecordLayout { table.valueType.layout }
        /// The key's columns.
        var key: [String] { layout.stored.filter(\.isKey).map(\.storedName) }
        /// The columns of the canonical order.
        var order: [String] { layout.order }

        var name: String { table.rawValue }
        /// Whether new records take their id from the table's sequence.
        var hasSequence: Bool { key == ["id"] }
    }

    static let tables = [
        Table(.household, household: "r.number"),
        Table(.member, household: "r.household_number"),
        Table(.income, household: "r.household_number"),
        Table(.monthlyIncome, household: "r.household_number"),
        Table(.guaranteeSurvey, household: "r.household_number"),
        Table(.monitoringEpisode, household: "r.household_number"),
        Table(.monitoringStep, household: "r.household_number"),
        Table(.departmentWarning,
              household: "(SELECT household_number FROM member WHERE resident_id = r.resident_id)"),
        Table(.assistancePlan, household: "r.household_number"),
        Table(.measure, household: "(SELECT household_number FROM assistance_plan WHERE id = r.plan_id)"),
        Table(.visit, household: "r.household_number"),
        Table(.problem, household: "r.household_number"),
        Table(.asset, household: "NULL"),
        Table(.assetIncome, household: "NULL"),
        Table(.assetDistribution, household: "NULL"),
        Table(.place, household: "NULL", original: false),
        Table(.hospitalStay, household: "r.household_number", original: false),
        Table(.complaint, household: "r.household_number", original: false),
        Table(.microcreditLoan, household: "r.household_number", original: false),
    ]

    /// The migrations, oldest first.
    static let migrations: [(name: String, sql: String)] = [
        ("v1: registry tables", registryTables),
        ("v1: audit trail", auditTrail),
        ("v1: disclosures, users and screening runs", serverTables),
        ("v2: audit trail indexed by table, then household", """
            DROP INDEX audit_by_household;
            CREATE INDEX audit_by_household ON audit (table_name, household_number, id);
            """),
        // Households stored before are not checked again (NOT VALID); every write from now on is.
        ("v3: household numbers are their village code and four digits", """
            ALTER TABLE household ADD CONSTRAINT household_number_shape
              CHECK (number ~ '^[0-9]{\(12 + Household.numberSequenceDigits)}$' AND substr(number, 1, 12) = village_code) NOT VALID;
            """),
        ("v4: audit trail append-only and chained, users audited", chainedAuditTrail),
        ("v5: 中职 and 高职 are distinct school stages", vocationalStages),
        ("v6: amounts in fen and empty text kept as empty, as the record layouts say", followRecordLayouts),
        ("v7: current findings and the runs that opened and closed them", currentFindings),
        ("v8: households marked by every change until screened", householdMarks),
        ("v9: current deadline items", deadlineItems),
        ("v10: wake-up dates", wakeDates),
        ("v11: deadline items by township", deadlineItemsByTownship),
        ("v12: users' password hashes, audited as replaced, never shown", passwordHashes),
        ("v13: households found by name and by the last digits of an ID number", HouseholdSearchIndexes.sql),
        ("v14: places: the county, its townships and villages, named, with village facts", places),
        ("v15: members' hospital stays (住院)", householdRecords(.hospitalStay)),
        ("v16: complaints about households (投诉举报)", householdRecords(.complaint)),
        ("v17: households' microcredit loans (小额信贷)", householdRecords(.microcreditLoan)),
        // The audit trigger writes whole rows (row_to_json), so the new column is in its entries unchanged.
        ("v18: the date an asset's status began (状态起始日期)", "ALTER TABLE asset ADD COLUMN status_since date;"),
        ("v19: a change to a village's place marks its households", villageMarks),
    ]

    /// The place table, from its record layout, audited like the other registry tables.
    private static var places: String {
        "CREATE TABLE place (\n  " + TableCodec.columnDefinitions(of: Place.layout).joined(separator: ",\n  ") + "\n);\n"
            + auditTrigger(tables.first { $0.table == .place }!)
    }

    /// A dated table of household records (hospital stays, complaints, microcredit loans): its
    /// columns from its record layout, its household referred to, its ids from a sequence like
    /// the other tables keyed by an id, indexed for the household views that read it by its date
    /// (`ViewDating`), audited (a change marks the household).
    private static func householdRecords(_ table: RegistryTable) -> String {
        guard case .date(let dated) = ViewDating.of(table) else { preconditionFailure("\(table.rawValue) is not dated by a day") }
        let name = table.rawValue
        return "CREATE TABLE \(name) (\n  "
            + (TableCodec.columnDefinitions(of: table.valueType.layout) + ["FOREIGN KEY (household_number) REFERENCES household (number)"])
                .joined(separator: ",\n  ") + "\n);\n"
            + "ALTER TABLE \(name) ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY;\n"
            + "CREATE INDEX \(name)_by_household ON \(name) (household_number, \(dated));\n"
            + auditTrigger(tables.first { $0.table == table }!)
    }

    /// Brings the tables made before the record layouts (DixianCore, `RecordLayout`) in line
    /// with them and with SQLite: amounts are whole fen in `<name>_fen bigint` (they were yuan
    /// in `numeric(14,2)`), and notes and risk-type lists left empty are empty text, not NULL.
    /// The audit triggers serialise whole rows, so they need no change; the NULLs made empty
    /// are the schema's change, not a user's, and are not audited (as a copy is not).
    private static let followRecordLayouts = {
        let amounts = [
            ("income", ["wage", "operating", "property", "transfer", "production_costs", "medical_spending", "education_spending"]),
            ("monthly_income", ["net_income"]), ("asset", ["value"]), ("asset_income", ["income"]), ("asset_distribution", ["amount"]),
        ]
        let emptyText = [
            ("guarantee_survey", "notes"), ("monitoring_episode", "risk_types"), ("monitoring_step", "risk_types"),
            ("monitoring_step", "notes"), ("visit", "notes"),
        ]
        return amounts.flatMap { table, columns in
            columns.map { column in
                """
                ALTER TABLE \(table) RENAME COLUMN \(column) TO \(column)_fen;
                ALTER TABLE \(table) ALTER COLUMN \(column)_fen TYPE bigint USING round(\(column)_fen * 100)::bigint;
                """
            }
        }.joined(separator: "\n") + "\nSELECT set_config('dixian.copying', 'on', true);\n" + emptyText.map { table, column in
            """
            UPDATE \(table) SET \(column) = '' WHERE \(column) IS NULL;
            ALTER TABLE \(table) ALTER COLUMN \(column) SET NOT NULL;
            """
        }.joined(separator: "\n") + "\nSELECT set_config('dixian.copying', 'off', true);"
    }()

    /// `table_name IN (...)` over the tables whose changes can concern a household: the clause
    /// that lets a household's trail be read through `audit_by_household`, grouped by table so
    /// that a change to many households at once writes into its own table's part of the index.
    static var householdTablesClause: String {
        "table_name IN (" + tables.filter { $0.household != "NULL" }.map { "'\($0.name)'" }.joined(separator: ", ") + ")"
    }

    /// `CHECK (column IN (...))` for a closed list of official terms.
    static func oneOf<T: OfficialTerm>(_ column: String, _: T.Type) -> String {
        "CHECK (\(column) IN (" + T.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ") + "))"
    }

    private static let registryTables = """
        CREATE TABLE household (
          number text COLLATE "C" PRIMARY KEY CHECK (number <> ''),
          village_code text COLLATE "C" NOT NULL CHECK (length(village_code) = 12),
          "group" text COLLATE "C",
          head_name text COLLATE "C" NOT NULL,
          category text COLLATE "C" NOT NULL \(oneOf("category", HouseholdCategory.self)),
          monitored_kind text COLLATE "C" \(oneOf("monitored_kind", MonitoredKind.self)),
          relocated boolean NOT NULL,
          minimum_living_allowance boolean NOT NULL,
          extreme_poverty_support boolean NOT NULL,
          no_member_able_to_work boolean NOT NULL,
          left_behind boolean NOT NULL,
          helper text COLLATE "C",
          CHECK ((category = 'monitored') = (monitored_kind IS NOT NULL))
        );
        CREATE INDEX household_by_village ON household (village_code text_pattern_ops, number);
        CREATE INDEX household_by_category ON household (category, monitored_kind);

        CREATE TABLE member (
          resident_id text COLLATE "C" PRIMARY KEY CHECK (length(resident_id) = 18),
          household_number text COLLATE "C" NOT NULL REFERENCES household (number),
          name text COLLATE "C" NOT NULL,
          relation text COLLATE "C" NOT NULL,
          labor_capacity text COLLATE "C" NOT NULL \(oneOf("labor_capacity", LaborCapacity.self)),
          health text COLLATE "C" NOT NULL \(oneOf("health", HealthCondition.self)),
          disability_grade integer CHECK (disability_grade BETWEEN 1 AND 4),
          school_stage text COLLATE "C" CHECK (\(schoolStagesBeforeV5)),
          school_status text COLLATE "C" \(oneOf("school_status", SchoolStatus.self)),
          medical_insurance boolean NOT NULL,
          migrant_work_months integer NOT NULL CHECK (migrant_work_months BETWEEN 0 AND 12),
          local_work boolean NOT NULL,
          public_welfare_post boolean NOT NULL
        );
        CREATE INDEX member_by_household ON member (household_number, resident_id);

        CREATE TABLE income (
          household_number text COLLATE "C" NOT NULL REFERENCES household (number),
          year integer NOT NULL,
          wage numeric(14, 2) NOT NULL CHECK (wage >= 0),
          operating numeric(14, 2) NOT NULL CHECK (operating >= 0),
          property numeric(14, 2) NOT NULL CHECK (property >= 0),
          transfer numeric(14, 2) NOT NULL CHECK (transfer >= 0),
          production_costs numeric(14, 2) NOT NULL CHECK (production_costs >= 0),
          medical_spending numeric(14, 2) NOT NULL CHECK (medical_spending >= 0),
          education_spending numeric(14, 2) NOT NULL CHECK (education_spending >= 0),
          PRIMARY KEY (household_number, year)
        );

        CREATE TABLE monthly_income (
          household_number text COLLATE "C" NOT NULL REFERENCES household (number),
          year integer NOT NULL,
          month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
          net_income numeric(14, 2) NOT NULL,
          PRIMARY KEY (household_number, year, month)
        );

        CREATE TABLE guarantee_survey (
          household_number text COLLATE "C" NOT NULL REFERENCES household (number),
          surveyed_on date NOT NULL,
          food_and_clothing boolean NOT NULL,
          compulsory_education boolean NOT NULL,
          basic_medical boolean NOT NULL,
          safe_housing boolean NOT NULL,
          housing_assessed boolean NOT NULL,
          water_quantity boolean NOT NULL,
          water_quality boolean NOT NULL,
          notes text COLLATE "C",
          PRIMARY KEY (household_number, surveyed_on)
        );

        CREATE TABLE monitoring_episode (
          id bigserial PRIMARY KEY,
          household_number text COLLATE "C" NOT NULL REFERENCES household (number),
          channel text COLLATE "C" NOT NULL \(oneOf("channel", DiscoveryChannel.self)),
          reported_on date NOT NULL,
          status text COLLATE "C" NOT NULL \(oneOf("status", MonitoringStatus.self)),
          risk_types text COLLATE "C",
          identified_on date,
          eliminated_on date
        );
        CREATE INDEX monitoring_episode_by_household ON monitoring_episode (household_number, id);
        CREATE INDEX monitoring_episode_by_status ON monitoring_episode (status);
        -- A household has at most one open episode (seed 003 附件2 二.15: a new risk relabels it);
        -- this holds even for two reports that arrive at once.
        CREATE UNIQUE INDEX one_open_episode_per_household ON monitoring_episode (household_number)
          WHERE status IN ('reported', 'verified', 'accepted', 'identified');

        CREATE TABLE monitoring_step (
          id bigserial PRIMARY KEY,
          episode_id bigint NOT NULL REFERENCES monitoring_episode (id),
          household_number text COLLATE "C" NOT NULL REFERENCES household (number),
          transition text COLLATE "C" NOT NULL \(oneOf("transition", MonitoringTransition.self)),
          taken_on date NOT NULL,
          actor text COLLATE "C" NOT NULL CHECK (actor <> ''),
          stage text COLLATE "C" \(oneOf("stage", EliminationStage.self)),
          accepted boolean,
          risk_types text COLLATE "C",
          notes text COLLATE "C",
          CHECK ((transition = 'eliminate') = (stage IS NOT NULL)),
          CHECK ((transition = 'answer') = (accepted IS NOT NULL))
        );
        CREATE INDEX monitoring_step_by_household ON monitoring_step (household_number, episode_id, taken_on, id);

        CREATE TABLE department_warning (
          id bigserial PRIMARY KEY,
          department text COLLATE "C" NOT NULL \(oneOf("department", Department.self)),
          resident_id text COLLATE "C" NOT NULL CHECK (length(resident_id) = 18),
          received_on date NOT NULL,
          reason text COLLATE "C" NOT NULL,
          result text COLLATE "C",
          closed_on date
        );
        CREATE INDEX department_warning_by_resident ON department_warning (resident_id);

        CREATE TABLE assistance_plan (
          id bigserial PRIMARY KEY,
          household_number text COLLATE "C" NOT NULL REFERENCES household (number),
          episode_id bigint REFERENCES monitoring_episode (id),
          made_on date NOT NULL,
          adjusted_on date
        );
        CREATE INDEX assistance_plan_by_household ON assistance_plan (household_number, id);

        CREATE TABLE measure (
          id bigserial PRIMARY KEY,
          plan_id bigint NOT NULL REFERENCES assistance_plan (id),
          type text COLLATE "C" NOT NULL \(oneOf("type", MeasureType.self)),
          description text COLLATE "C" NOT NULL,
          responsible_unit text COLLATE "C" NOT NULL,
          responsible_person text COLLATE "C" NOT NULL,
          starts_on date NOT NULL,
          due_on date NOT NULL,
          done_on date
        );
        CREATE INDEX measure_by_plan ON measure (plan_id);

        CREATE TABLE visit (
          id bigserial PRIMARY KEY,
          household_number text COLLATE "C" NOT NULL REFERENCES household (number),
          visited_on date NOT NULL,
          visitor text COLLATE "C" NOT NULL,
          role text COLLATE "C" NOT NULL \(oneOf("role", VisitorRole.self)),
          notes text COLLATE "C"
        );
        CREATE INDEX visit_by_household ON visit (household_number, visited_on, role);

        CREATE TABLE problem (
          id bigserial PRIMARY KEY,
          household_number text COLLATE "C" REFERENCES household (number),
          found_by text COLLATE "C" NOT NULL,
          found_on date NOT NULL,
          description text COLLATE "C" NOT NULL,
          responsible_unit text COLLATE "C" NOT NULL,
          responsible_person text COLLATE "C" NOT NULL,
          measure text COLLATE "C" NOT NULL,
          deadline date NOT NULL,
          closed_on date,
          fix text COLLATE "C",
          CHECK ((closed_on IS NULL) = (fix IS NULL))
        );
        CREATE INDEX problem_by_household ON problem (household_number);
        CREATE INDEX problem_open_by_deadline ON problem (deadline) WHERE closed_on IS NULL;

        CREATE TABLE asset (
          id bigserial PRIMARY KEY,
          project text COLLATE "C" NOT NULL,
          asset_class text COLLATE "C" NOT NULL \(oneOf("asset_class", AssetClass.self)),
          value numeric(14, 2) NOT NULL CHECK (value >= 0),
          village_code text COLLATE "C" NOT NULL CHECK (length(village_code) = 12),
          custodian text COLLATE "C",
          ownership_registered boolean NOT NULL,
          status text COLLATE "C" NOT NULL \(oneOf("status", AssetStatus.self)),
          formed_on date NOT NULL
        );
        CREATE INDEX asset_by_village ON asset (village_code);

        CREATE TABLE asset_income (
          asset_id bigint NOT NULL REFERENCES asset (id),
          year integer NOT NULL,
          income numeric(14, 2) NOT NULL CHECK (income >= 0),
          PRIMARY KEY (asset_id, year)
        );

        CREATE TABLE asset_distribution (
          asset_id bigint NOT NULL REFERENCES asset (id),
          year integer NOT NULL,
          purpose text COLLATE "C" NOT NULL,
          amount numeric(14, 2) NOT NULL CHECK (amount >= 0),
          PRIMARY KEY (asset_id, year, purpose)
        );
        """

    /// The audit table, and for each registry table a trigger function writing who, when,
    /// which record, and its fields before and after as JSON. A change made while no actor is
    /// set for the transaction (`dixian.actor`) is refused. While a registry is being copied
    /// in (`dixian.copying`), its own trail is copied with it and the triggers stand aside.
    private static var auditTrail: String {
        var sql = """
            CREATE TABLE audit (
              id bigserial PRIMARY KEY,
              at text COLLATE "C" NOT NULL DEFAULT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
              actor text COLLATE "C" NOT NULL,
              table_name text COLLATE "C" NOT NULL,
              row_key text COLLATE "C" NOT NULL,
              household_number text COLLATE "C",
              action text COLLATE "C" NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
              before text COLLATE "C",
              after text COLLATE "C"
            );
            CREATE INDEX audit_by_household ON audit (household_number, id);

            """
        for table in tables where table.isOriginal {
            sql += auditTrigger(table)
        }
        return sql
    }

    /// The trigger function auditing `table`'s changes, and its trigger.
    private static func auditTrigger(_ table: Table) -> String {
        let key = table.key.map { "r.\($0)::text" }.joined(separator: " || '/' || ")
        return """
                CREATE FUNCTION audit_\(table.name)() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                  who text COLLATE "C" := current_setting('dixian.actor', true);
                  r \(table.name);
                BEGIN
                  IF current_setting('dixian.copying', true) = 'on' THEN RETURN NULL; END IF;
                  IF who IS NULL OR who = '' THEN RAISE EXCEPTION 'registry changes need an actor'; END IF;
                  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
                  INSERT INTO audit (actor, table_name, row_key, household_number, action, before, after)
                  VALUES (who, '\(table.name)', \(key), \(table.household), lower(TG_OP),
                          CASE WHEN TG_OP <> 'INSERT' THEN row_to_json(OLD)::text END,
                          CASE WHEN TG_OP <> 'DELETE' THEN row_to_json(NEW)::text END);
                  RETURN NULL;
                END $$;
                CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON \(table.name)
                  FOR EACH ROW EXECUTE FUNCTION audit_\(table.name)();

                """
    }

    /// The audit trail made append-only and chained. Each entry holds the hash of its
    /// predecessor (`previous`) and its own `hash`: SHA-256 of the predecessor's hash and its
    /// content as `AuditChain.Entry.content` lays it out, so that `dixian audit verify` checks
    /// both stores' chains alike (and a trail copied from SQLite goes on chaining here). The
    /// hash is computed by a trigger on `audit` as each entry is written, under a lock held to
    /// the end of the transaction, which also gives the entry its id then (the column has no
    /// default): entries are chained in id order, whatever order concurrent writers began in. The transaction's last hash is
    /// kept in `dixian.audit_head`, so that an import does not look it up for every entry.
    ///
    /// Entries are refused UPDATE, DELETE and TRUNCATE by triggers; a deployment also revokes
    /// UPDATE, DELETE and TRUNCATE on `audit` from the role the server connects as. A superuser
    /// can drop the triggers: that is what the chain shows. Every change to `server_user` is
    /// audited too (never the token's hash or salt), as made by the transaction's actor, or by
    /// the database role that made it when none was set.
    private static let chainedAuditTrail = """
        ALTER TABLE audit ADD COLUMN previous bytea, ADD COLUMN hash bytea, ALTER COLUMN id DROP DEFAULT;
        CREATE FUNCTION audit_field(f text) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
          SELECT CASE WHEN f IS NULL THEN '\\x00'::bytea
                      ELSE '\\x01'::bytea || int4send(octet_length(convert_to(f, 'UTF8'))) || convert_to(f, 'UTF8') END
        $$;
        CREATE FUNCTION audit_content(a audit) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
          SELECT audit_field(a.at) || audit_field(a.actor) || audit_field(a.table_name) || audit_field(a.row_key)
            || audit_field(a.household_number) || audit_field(a.action) || audit_field(a.before) || audit_field(a.after)
        $$;
        DO $$
        DECLARE
          head bytea := ''::bytea;
          e audit;
        BEGIN
          FOR e IN SELECT * FROM audit ORDER BY id LOOP
            UPDATE audit SET previous = head, hash = sha256(head || audit_content(e)) WHERE id = e.id RETURNING hash INTO head;
          END LOOP;
        END $$;
        CREATE FUNCTION audit_seal() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          head text := current_setting('dixian.audit_head', true);
        BEGIN
          IF current_setting('dixian.copying', true) = 'on' THEN RETURN NEW; END IF;
          IF pg_trigger_depth() < 2 THEN RAISE EXCEPTION 'audit entries are written by the registry triggers only'; END IF;
          PERFORM pg_advisory_xact_lock(\(auditLock));
          IF head IS NULL OR head = '' THEN
            NEW.previous := coalesce((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), ''::bytea);
          ELSE
            NEW.previous := decode(head, 'hex');
          END IF;
          NEW.id := nextval(pg_get_serial_sequence('audit', 'id'));
          NEW.hash := sha256(NEW.previous || audit_content(NEW));
          PERFORM set_config('dixian.audit_head', encode(NEW.hash, 'hex'), true);
          RETURN NEW;
        END $$;
        CREATE TRIGGER seal BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION audit_seal();
        CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the audit trail is append-only: an entry cannot be changed or removed'; END $$;
        CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();
        CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

        \(userAuditFunction(secrets: ["token_hash", "salt"], replaced: ["token": "token_hash"]))
        CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON server_user
          FOR EACH ROW EXECUTE FUNCTION audit_server_user();
        """

    /// Users' passwords (bcrypt hashes), and the user audit function made again so that it
    /// leaves the password's hash out as it does the token's (it copies the row) and says
    /// whether an update replaced it (`"password_replaced": true`).
    private static let passwordHashes = """
        ALTER TABLE server_user ADD COLUMN password_hash text COLLATE "C";
        \(userAuditFunction(secrets: ["token_hash", "salt", "password_hash"], replaced: ["token": "token_hash", "password": "password_hash"]))
        """

    /// The function of `server_user`'s audit trigger: each change with the row as JSON, less the
    /// columns `secrets` (it copies the row), and for an update whether each column of
    /// `replaced` changed (`"token_replaced": true` for `"token": "token_hash"`).
    private static func userAuditFunction(secrets: [String], replaced: KeyValuePairs<String, String>) -> String {
        let row = { (record: String) in "(to_jsonb(\(record))" + secrets.map { " - '\($0)'" }.joined() + ")" }
        let flags = replaced.map { "'\($0.key)_replaced', OLD.\($0.value) IS DISTINCT FROM NEW.\($0.value)" }.joined(separator: ", ")
        return """
            CREATE OR REPLACE FUNCTION audit_server_user() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
              who text COLLATE "C" := coalesce(nullif(current_setting('dixian.actor', true), ''), session_user);
            BEGIN
              IF current_setting('dixian.copying', true) = 'on' THEN RETURN NULL; END IF;
              INSERT INTO audit (actor, table_name, row_key, household_number, action, before, after)
              VALUES (who, 'server_user', CASE WHEN TG_OP = 'DELETE' THEN OLD.name ELSE NEW.name END, NULL, lower(TG_OP),
                      CASE WHEN TG_OP <> 'INSERT' THEN \(row("OLD"))::text END,
                      CASE WHEN TG_OP = 'UPDATE' THEN (\(row("NEW")) || jsonb_build_object(\(flags)))::text
                           WHEN TG_OP = 'INSERT' THEN \(row("NEW"))::text END);
              RETURN NULL;
            END $$;
            """
    }

    /// The advisory lock a transaction holds from its first audit entry (or from its start,
    /// for the store's own writes) to its end: one writer at a time extends the chain.
    static let auditLock = 20_250_425

    private static let serverTables = """
        CREATE TABLE disclosure (
          id bigserial PRIMARY KEY,
          at text COLLATE "C" NOT NULL DEFAULT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          actor text COLLATE "C" NOT NULL CHECK (actor <> ''),
          action text COLLATE "C" NOT NULL,
          destination text COLLATE "C" NOT NULL,
          records bigint NOT NULL CHECK (records >= 0)
        );
        CREATE FUNCTION disclosure_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'disclosures are append-only'; END $$;
        CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON disclosure
          FOR EACH ROW EXECUTE FUNCTION disclosure_append_only();

        CREATE TABLE server_user (
          name text COLLATE "C" PRIMARY KEY CHECK (name <> ''),
          role text COLLATE "C" NOT NULL \(oneOf("role", UserRole.self)),
          areas text COLLATE "C" NOT NULL,
          token_hash text COLLATE "C" NOT NULL,
          salt text COLLATE "C" NOT NULL,
          expires_on date NOT NULL,
          revoked boolean NOT NULL DEFAULT false
        );

        CREATE TABLE screening_run (
          id bigserial PRIMARY KEY,
          actor text COLLATE "C" NOT NULL,
          plugin_id text COLLATE "C" NOT NULL,
          plugin_version text COLLATE "C" NOT NULL,
          as_of date NOT NULL,
          area text COLLATE "C",
          started_at text COLLATE "C" NOT NULL,
          finished_at text COLLATE "C" NOT NULL,
          household_count bigint NOT NULL CHECK (household_count >= 0),
          findings_by_check text COLLATE "C" NOT NULL,
          failures text COLLATE "C" NOT NULL
        );
        CREATE INDEX screening_run_by_plugin ON screening_run (plugin_id, as_of, id);
        CREATE TABLE screening_finding (
          position bigserial PRIMARY KEY,
          run_id bigint NOT NULL REFERENCES screening_run (id),
          household_number text COLLATE "C",
          asset_id bigint,
          township_code text COLLATE "C" NOT NULL,
          check_id text COLLATE "C" NOT NULL,
          severity text COLLATE "C" NOT NULL \(oneOf("severity", Severity.self)),
          risk_types text COLLATE "C" NOT NULL,
          message text COLLATE "C" NOT NULL,
          CHECK ((household_number IS NULL) <> (asset_id IS NULL))
        );
        CREATE INDEX screening_finding_by_run ON screening_finding (run_id, position);
        """

    /// The tables a copy from SQLite carries over row by row besides the registry's records
    /// (whose columns are the same in both stores), in an order that satisfies their references.
    static let copiedAsIs = ["audit", "disclosure", "server_user", "screening_run", "screening_finding", "current_finding", "finding_event", "household_dirty", "due_item", "current_state", "household_wake"]
}

extension PostgresSchema {
    /// Every table whose rows take their ids from a sequence, with that column: a copy sets
    /// the sequences past the ids it brought.
    static var sequences: [(table: String, column: String)] {
        tables.filter { $0.hasSequence }.map { ($0.name, "id") }
            + [("audit", "id"), ("disclosure", "id"), ("screening_run", "id"), ("screening_finding", "position"),
               ("current_finding", "position"), ("finding_event", "id"), ("due_item", "position")]
    }
}
