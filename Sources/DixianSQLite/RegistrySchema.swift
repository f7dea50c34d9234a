import DixianCore
import GRDB

/// The registry's schema on SQLite: named, ordered, append-only migrations.
enum RegistrySchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: registry tables") { db in
            try createHouseholdTables(db)
            try createMonitoringTables(db)
            try createAssistanceTables(db)
            try createAssetTables(db)
        }
        migrator.registerMigration("v1: audit trail") { db in
            try AuditTrail.create(db)
        }
        migrator.registerMigration("v2: members and visits stored in household order") { db in
            try storeInHouseholdOrder(db)
        }
        migrator.registerMigration("v2: screening runs") { db in
            try createScreeningTables(db)
        }
        migrator.registerMigration("v3: monitoring steps") { db in
            try createMonitoringSteps(db)
        }
        migrator.registerMigration("v4: disclosures") { db in
            try createDisclosures(db)
        }
        migrator.registerMigration("v5: server users") { db in
            try db.execute(sql: """
                CREATE TABLE server_user (
                  name TEXT PRIMARY KEY CHECK (name <> ''),
                  role TEXT NOT NULL CHECK (\(oneOf("role", UserRole.self))),
                  areas TEXT NOT NULL,
                  token_hash TEXT NOT NULL,
                  salt TEXT NOT NULL,
                  expires_on TEXT NOT NULL,
                  revoked INTEGER NOT NULL DEFAULT 0
                )
                """)
        }
        migrator.registerMigration("v6: audit trail indexed by table, then household") { db in
            try AuditTrail.indexByTableThenHousehold(db)
        }
        migrator.registerMigration("v7: audit trail append-only and chained, users audited") { db in
            try AuditSeal.create(db)
        }
        migrator.registerMigration("v8: household numbers are their village code and four digits") { db in
            try db.execute(sql: householdNumberShape("INSERT") + householdNumberShape("UPDATE OF number, village_code"))
        }
        migrator.registerMigration("v9: 中职 and 高职 are distinct school stages") { db in
            try separateVocationalStages(db)
        }
        migrator.registerMigration("v10: columns named and lists separated as the record layouts say") { db in
            try followRecordLayouts(db)
        }
        migrator.registerMigration("v11: current findings and the runs that opened and closed them") { db in
            try createCurrentFindings(db)
        }
        migrator.registerMigration("v12: households marked by every change until screened") { db in
            try createHouseholdMarks(db)
        }
        migrator.registerMigration("v13: current deadline items") { db in
            try createDeadlineItems(db)
        }
        migrator.registerMigration("v14: wake-up dates") { db in
            try createWakeDates(db)
        }
        migrator.registerMigration("v15: deadline items by township") { db in
            try indexDeadlineItemsByTownship(db)
        }
        migrator.registerMigration("v16: users' password hashes, audited as replaced, never shown") { db in
            try db.execute(sql: "ALTER TABLE server_user ADD COLUMN password_hash TEXT")
            try AuditSeal.recreateUserTriggersWithPasswords(db)
        }
        migrator.registerMigration("v17: households found by name and by the last digits of an ID number") { db in
            try db.execute(sql: HouseholdSearchIndexes.sql)
        }
        migrator.registerMigration("v18: places: the county, its townships and villages, named, with village facts") { db in
            try createPlaces(db)
        }
        migrator.registerMigration("v19: members' hospital stays (住院)") { db in
            try createHouseholdRecords(.hospitalStay, db)
        }
        migrator.registerMigration("v20: complaints about households (投诉举报)") { db in
            try createHouseholdRecords(.complaint, db)
        }
        migrator.registerMigration("v21: households' microcredit loans (小额信贷)") { db in
            try createHouseholdRecords(.microcreditLoan, db)
        }
        migrator.registerMigration("v22: the date an asset's status began (状态起始日期)") { db in
            try addAssetStatusSince(db)
        }
        migrator.registerMigration("v23: a change to a village's place marks its households") { db in
            try markVillagesHouseholds(db)
        }
        return migrator
    }

    /// Brings the tables made before the record layouts (DixianCore, `RecordLayout`) in line
    /// with them and with PostgreSQL: a household's group is the column `group` (it was
    /// `group_name`), and risk types are separated by `;` (they were by `,`). The audit triggers
    /// of the changed tables are made again around the change, which is the schema's, not a
    /// user's, and is not audited.
    private static func followRecordLayouts(_ db: Database) throws {
        for table in ["household", "monitoring_episode", "monitoring_step"] {
            try AuditTrail.dropTriggers(forTable: table, in: db)
        }
        try db.execute(sql: """
            ALTER TABLE household RENAME COLUMN group_name TO "group";
            UPDATE monitoring_episode SET risk_types = replace(risk_types, ',', ';') WHERE instr(risk_types, ',') > 0;
            UPDATE monitoring_step SET risk_types = replace(risk_types, ',', ';') WHERE instr(risk_types, ',') > 0;
            """)
        for table in ["household", "monitoring_episode", "monitoring_step"] {
            try AuditTrail.createTriggers(forTable: table, in: db)
        }
    }

    /// An asset's `status_since`, empty for the assets stored before. The audit triggers list
    /// the table's columns, so they are made again around the change: an entry written after
    /// it shows the new column, and adding it, the schema's change, is not audited.
    private static func addAssetStatusSince(_ db: Database) throws {
        try AuditTrail.dropTriggers(forTable: "asset", in: db)
        try db.execute(sql: "ALTER TABLE asset ADD COLUMN status_since TEXT CHECK (length(status_since) = 10)")
        try AuditTrail.createTriggers(forTable: "asset", in: db)
    }

    /// Disclosures of personal data (unmasked exports): append-only, no row is changed or removed.
    private static func createDisclosures(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE disclosure (
              id INTEGER PRIMARY KEY,
              at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
              actor TEXT NOT NULL CHECK (actor <> ''),
              action TEXT NOT NULL,
              destination TEXT NOT NULL,
              records INTEGER NOT NULL CHECK (records >= 0)
            );
            CREATE TRIGGER disclosure_no_update BEFORE UPDATE ON disclosure BEGIN
              SELECT RAISE(ABORT, 'disclosures are append-only');
            END;
            CREATE TRIGGER disclosure_no_delete BEFORE DELETE ON disclosure BEGIN
              SELECT RAISE(ABORT, 'disclosures are append-only');
            END;
            """)
    }

    /// A trigger refusing a household whose number is not its village code and
    /// `Household.numberSequenceDigits` digits (`Household.numberProblem`), for raw writes too;
    /// SQLite cannot add a CHECK to a table. Households stored before are left as they are.
    private static func householdNumberShape(_ event: String) -> String {
        let name = event.hasPrefix("INSERT") ? "insert" : "update"
        return """
            CREATE TRIGGER household_number_shape_\(name) BEFORE \(event) ON household
            WHEN NOT (length(NEW.number) = \(12 + Household.numberSequenceDigits) AND NEW.number NOT GLOB '*[^0-9]*'
                      AND substr(NEW.number, 1, 12) = NEW.village_code) BEGIN
              SELECT RAISE(ABORT, 'a household number is its village code and \(Household.numberSequenceDigits) digits');
            END;

            """
    }

    /// `CHECK (column IN (...))` for a closed list of official terms.
    static func oneOf<T: OfficialTerm>(_ column: String, _: T.Type) -> String {
        "\(column) IN (" + T.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"
    }

    /// Screening reads a household's members and visits together; clustering the member table
    /// by household (and covering visits by an index) turns those reads into sequential scans.
    private static func storeInHouseholdOrder(_ db: Database) throws {
        let columns = try db.columns(in: "member").map(\.name).joined(separator: ", ")
        try db.execute(sql: "PRAGMA legacy_alter_table = ON")
        try db.execute(sql: """
            CREATE TABLE member_clustered (
              resident_id TEXT NOT NULL CHECK (length(resident_id) = 18),
              household_number TEXT NOT NULL REFERENCES household (number),
              name TEXT NOT NULL,
              relation TEXT NOT NULL,
              labor_capacity TEXT NOT NULL CHECK (\(oneOf("labor_capacity", LaborCapacity.self))),
              health TEXT NOT NULL CHECK (\(oneOf("health", HealthCondition.self))),
              disability_grade INTEGER CHECK (disability_grade BETWEEN 1 AND 4),
              school_stage TEXT CHECK (\(schoolStagesBeforeV9)),
              school_status TEXT CHECK (\(oneOf("school_status", SchoolStatus.self))),
              medical_insurance INTEGER NOT NULL CHECK (medical_insurance IN (0, 1)),
              migrant_work_months INTEGER NOT NULL CHECK (migrant_work_months BETWEEN 0 AND 12),
              local_work INTEGER NOT NULL CHECK (local_work IN (0, 1)),
              public_welfare_post INTEGER NOT NULL CHECK (public_welfare_post IN (0, 1)),
              PRIMARY KEY (household_number, resident_id)
            ) WITHOUT ROWID;
            INSERT INTO member_clustered (\(columns)) SELECT \(columns) FROM member;
            DROP TABLE member;
            ALTER TABLE member_clustered RENAME TO member;
            CREATE UNIQUE INDEX member_by_resident_id ON member (resident_id);
            DROP INDEX visit_by_household;
            CREATE INDEX visit_by_household ON visit (household_number, visited_on, role);
            """)
        try db.execute(sql: "PRAGMA legacy_alter_table = OFF")
        try AuditTrail.createTriggers(forTable: "member", in: db)
    }

    /// The place table, from its record layout, audited like the other registry tables.
    private static func createPlaces(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE place (\n  " + SQLiteLayout.columnDefinitions(of: Place.layout).joined(separator: ",\n  ") + "\n)")
        try AuditTrail.createTriggers(forTable: "place", in: db)
    }

    /// A dated table of household records (hospital stays, complaints, microcredit loans): its
    /// columns from its record layout, its household referred to, indexed for the household
    /// views that read it by its date (`ViewDating`), audited (a change marks the household).
    private static func createHouseholdRecords(_ table: RegistryTable, _ db: Database) throws {
        guard case .date(let dated) = ViewDating.of(table) else { preconditionFailure("\(table.rawValue) is not dated by a day") }
        let name = table.rawValue
        try db.execute(sql: "CREATE TABLE \(name) (\n  "
            + (SQLiteLayout.columnDefinitions(of: table.valueType.layout)
                + ["FOREIGN KEY (household_number) REFERENCES household (number)"]).joined(separator: ",\n  ") + "\n)")
        try db.execute(sql: "CREATE INDEX \(name)_by_household ON \(name) (household_number, \(dated))")
        try AuditTrail.createTriggers(forTable: name, in: db)
    }

    /// Each transition of an episode becomes a dated, attributed step; an episode can now wait
    /// for approval after a positive answer (status `accepted`), which its CHECK must allow.
    private static func createMonitoringSteps(_ db: Database) throws {
        try db.execute(sql: "PRAGMA legacy_alter_table = ON")
        try db.execute(sql: """
            \(monitoringEpisodeTable(named: "monitoring_episode_v3"))
            INSERT INTO monitoring_episode_v3 SELECT * FROM monitoring_episode;
            DROP TABLE monitoring_episode;
            ALTER TABLE monitoring_episode_v3 RENAME TO monitoring_episode;
            CREATE INDEX monitoring_episode_by_household ON monitoring_episode (household_number);
            CREATE INDEX monitoring_episode_by_status ON monitoring_episode (status);

            CREATE TABLE monitoring_step (
              id INTEGER PRIMARY KEY NOT NULL,
              episode_id INTEGER NOT NULL REFERENCES monitoring_episode (id),
              household_number TEXT NOT NULL REFERENCES household (number),
              transition TEXT NOT NULL CHECK (\(oneOf("transition", MonitoringTransition.self))),
              taken_on TEXT NOT NULL,
              actor TEXT NOT NULL CHECK (length(actor) > 0),
              stage TEXT CHECK (\(oneOf("stage", EliminationStage.self))),
              accepted INTEGER CHECK (accepted IN (0, 1)),
              risk_types TEXT NOT NULL,
              notes TEXT NOT NULL,
              CHECK ((transition = 'eliminate') = (stage IS NOT NULL)),
              CHECK ((transition = 'answer') = (accepted IS NOT NULL))
            );
            CREATE INDEX monitoring_step_by_household ON monitoring_step (household_number, episode_id, taken_on);
            """)
        try db.execute(sql: "PRAGMA legacy_alter_table = OFF")
        try AuditTrail.createTriggers(forTable: "monitoring_episode", in: db)
        try AuditTrail.createTriggers(forTable: "monitoring_step", in: db)
    }

    private static func createScreeningTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE screening_run (
              id INTEGER PRIMARY KEY NOT NULL,
              actor TEXT NOT NULL,
              plugin_id TEXT NOT NULL,
              plugin_version TEXT NOT NULL,
              as_of TEXT NOT NULL,
              area TEXT,
              started_at TEXT NOT NULL,
              finished_at TEXT NOT NULL,
              household_count INTEGER NOT NULL CHECK (household_count >= 0),
              findings_by_check TEXT NOT NULL,
              failures TEXT NOT NULL
            );
            CREATE TABLE screening_finding (
              position INTEGER PRIMARY KEY NOT NULL,
              run_id INTEGER NOT NULL REFERENCES screening_run (id),
              household_number TEXT,
              asset_id INTEGER,
              township_code TEXT NOT NULL,
              check_id TEXT NOT NULL,
              severity TEXT NOT NULL CHECK (\(oneOf("severity", Severity.self))),
              risk_types TEXT NOT NULL,
              message TEXT NOT NULL,
              CHECK ((household_number IS NULL) <> (asset_id IS NULL))
            );
            CREATE INDEX screening_finding_by_run ON screening_finding (run_id, position);
            """)
    }

    private static func createHouseholdTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE household (
              number TEXT PRIMARY KEY NOT NULL CHECK (length(number) > 0),
              village_code TEXT NOT NULL CHECK (length(village_code) = 12),
              group_name TEXT,
              head_name TEXT NOT NULL,
              category TEXT NOT NULL CHECK (\(oneOf("category", HouseholdCategory.self))),
              monitored_kind TEXT CHECK (\(oneOf("monitored_kind", MonitoredKind.self))),
              relocated INTEGER NOT NULL CHECK (relocated IN (0, 1)),
              minimum_living_allowance INTEGER NOT NULL CHECK (minimum_living_allowance IN (0, 1)),
              extreme_poverty_support INTEGER NOT NULL CHECK (extreme_poverty_support IN (0, 1)),
              no_member_able_to_work INTEGER NOT NULL CHECK (no_member_able_to_work IN (0, 1)),
              left_behind INTEGER NOT NULL CHECK (left_behind IN (0, 1)),
              helper TEXT,
              CHECK ((category = 'monitored') = (monitored_kind IS NOT NULL))
            ) WITHOUT ROWID;
            CREATE INDEX household_by_village ON household (village_code);
            CREATE INDEX household_by_category ON household (category, monitored_kind);

            CREATE TABLE member (
              resident_id TEXT PRIMARY KEY NOT NULL CHECK (length(resident_id) = 18),
              household_number TEXT NOT NULL REFERENCES household (number),
              name TEXT NOT NULL,
              relation TEXT NOT NULL,
              labor_capacity TEXT NOT NULL CHECK (\(oneOf("labor_capacity", LaborCapacity.self))),
              health TEXT NOT NULL CHECK (\(oneOf("health", HealthCondition.self))),
              disability_grade INTEGER CHECK (disability_grade BETWEEN 1 AND 4),
              school_stage TEXT CHECK (\(schoolStagesBeforeV9)),
              school_status TEXT CHECK (\(oneOf("school_status", SchoolStatus.self))),
              medical_insurance INTEGER NOT NULL CHECK (medical_insurance IN (0, 1)),
              migrant_work_months INTEGER NOT NULL CHECK (migrant_work_months BETWEEN 0 AND 12),
              local_work INTEGER NOT NULL CHECK (local_work IN (0, 1)),
              public_welfare_post INTEGER NOT NULL CHECK (public_welfare_post IN (0, 1))
            ) WITHOUT ROWID;
            CREATE INDEX member_by_household ON member (household_number);

            CREATE TABLE income (
              household_number TEXT NOT NULL REFERENCES household (number),
              year INTEGER NOT NULL,
              wage_fen INTEGER NOT NULL CHECK (wage_fen >= 0),
              operating_fen INTEGER NOT NULL CHECK (operating_fen >= 0),
              property_fen INTEGER NOT NULL CHECK (property_fen >= 0),
              transfer_fen INTEGER NOT NULL CHECK (transfer_fen >= 0),
              production_costs_fen INTEGER NOT NULL CHECK (production_costs_fen >= 0),
              medical_spending_fen INTEGER NOT NULL CHECK (medical_spending_fen >= 0),
              education_spending_fen INTEGER NOT NULL CHECK (education_spending_fen >= 0),
              PRIMARY KEY (household_number, year)
            ) WITHOUT ROWID;

            CREATE TABLE monthly_income (
              household_number TEXT NOT NULL REFERENCES household (number),
              year INTEGER NOT NULL,
              month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
              net_income_fen INTEGER NOT NULL,
              PRIMARY KEY (household_number, year, month)
            ) WITHOUT ROWID;

            CREATE TABLE guarantee_survey (
              household_number TEXT NOT NULL REFERENCES household (number),
              surveyed_on TEXT NOT NULL,
              food_and_clothing INTEGER NOT NULL CHECK (food_and_clothing IN (0, 1)),
              compulsory_education INTEGER NOT NULL CHECK (compulsory_education IN (0, 1)),
              basic_medical INTEGER NOT NULL CHECK (basic_medical IN (0, 1)),
              safe_housing INTEGER NOT NULL CHECK (safe_housing IN (0, 1)),
              housing_assessed INTEGER NOT NULL CHECK (housing_assessed IN (0, 1)),
              water_quantity INTEGER NOT NULL CHECK (water_quantity IN (0, 1)),
              water_quality INTEGER NOT NULL CHECK (water_quality IN (0, 1)),
              notes TEXT NOT NULL,
              PRIMARY KEY (household_number, surveyed_on)
            ) WITHOUT ROWID;
            """)
    }

    /// The episode table as v1 created it and v3 rebuilt it (for the status list of the day).
    private static func monitoringEpisodeTable(named name: String) -> String {
        """
        CREATE TABLE \(name) (
          id INTEGER PRIMARY KEY NOT NULL,
          household_number TEXT NOT NULL REFERENCES household (number),
          channel TEXT NOT NULL CHECK (\(oneOf("channel", DiscoveryChannel.self))),
          reported_on TEXT NOT NULL,
          status TEXT NOT NULL CHECK (\(oneOf("status", MonitoringStatus.self))),
          risk_types TEXT NOT NULL,
          identified_on TEXT,
          eliminated_on TEXT
        );
        """
    }

    private static func createMonitoringTables(_ db: Database) throws {
        try db.execute(sql: """
            \(monitoringEpisodeTable(named: "monitoring_episode"))
            CREATE INDEX monitoring_episode_by_household ON monitoring_episode (household_number);
            CREATE INDEX monitoring_episode_by_status ON monitoring_episode (status);

            CREATE TABLE department_warning (
              id INTEGER PRIMARY KEY NOT NULL,
              department TEXT NOT NULL CHECK (\(oneOf("department", Department.self))),
              resident_id TEXT NOT NULL CHECK (length(resident_id) = 18),
              received_on TEXT NOT NULL,
              reason TEXT NOT NULL,
              result TEXT,
              closed_on TEXT
            );
            CREATE INDEX department_warning_by_resident ON department_warning (resident_id);
            """)
    }

    private static func createAssistanceTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE assistance_plan (
              id INTEGER PRIMARY KEY NOT NULL,
              household_number TEXT NOT NULL REFERENCES household (number),
              episode_id INTEGER REFERENCES monitoring_episode (id),
              made_on TEXT NOT NULL,
              adjusted_on TEXT
            );
            CREATE INDEX assistance_plan_by_household ON assistance_plan (household_number);

            CREATE TABLE measure (
              id INTEGER PRIMARY KEY NOT NULL,
              plan_id INTEGER NOT NULL REFERENCES assistance_plan (id),
              type TEXT NOT NULL CHECK (\(oneOf("type", MeasureType.self))),
              description TEXT NOT NULL,
              responsible_unit TEXT NOT NULL,
              responsible_person TEXT NOT NULL,
              starts_on TEXT NOT NULL,
              due_on TEXT NOT NULL,
              done_on TEXT
            );
            CREATE INDEX measure_by_plan ON measure (plan_id);

            CREATE TABLE visit (
              id INTEGER PRIMARY KEY NOT NULL,
              household_number TEXT NOT NULL REFERENCES household (number),
              visited_on TEXT NOT NULL,
              visitor TEXT NOT NULL,
              role TEXT NOT NULL CHECK (\(oneOf("role", VisitorRole.self))),
              notes TEXT NOT NULL
            );
            CREATE INDEX visit_by_household ON visit (household_number, visited_on);

            CREATE TABLE problem (
              id INTEGER PRIMARY KEY NOT NULL,
              household_number TEXT REFERENCES household (number),
              found_by TEXT NOT NULL,
              found_on TEXT NOT NULL,
              description TEXT NOT NULL,
              responsible_unit TEXT NOT NULL,
              responsible_person TEXT NOT NULL,
              measure TEXT NOT NULL,
              deadline TEXT NOT NULL,
              closed_on TEXT,
              fix TEXT,
              CHECK ((closed_on IS NULL) = (fix IS NULL))
            );
            CREATE INDEX problem_by_household ON problem (household_number);
            CREATE INDEX problem_open_by_deadline ON problem (deadline) WHERE closed_on IS NULL;
            """)
    }

    private static func createAssetTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE asset (
              id INTEGER PRIMARY KEY NOT NULL,
              project TEXT NOT NULL,
              asset_class TEXT NOT NULL CHECK (\(oneOf("asset_class", AssetClass.self))),
              value_fen INTEGER NOT NULL CHECK (value_fen >= 0),
              village_code TEXT NOT NULL CHECK (length(village_code) = 12),
              custodian TEXT,
              ownership_registered INTEGER NOT NULL CHECK (ownership_registered IN (0, 1)),
              status TEXT NOT NULL CHECK (\(oneOf("status", AssetStatus.self))),
              formed_on TEXT NOT NULL
            );
            CREATE INDEX asset_by_village ON asset (village_code);

            CREATE TABLE asset_income (
              asset_id INTEGER NOT NULL REFERENCES asset (id),
              year INTEGER NOT NULL,
              income_fen INTEGER NOT NULL CHECK (income_fen >= 0),
              PRIMARY KEY (asset_id, year)
            ) WITHOUT ROWID;

            CREATE TABLE asset_distribution (
              asset_id INTEGER NOT NULL REFERENCES asset (id),
              year INTEGER NOT NULL,
              purpose TEXT NOT NULL,
              amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
              PRIMARY KEY (asset_id, year, purpose)
            ) WITHOUT ROWID;
            """)
    }
}
