import DixianCore
import DixianInterchange
import DixianPostgres
import DixianSQLite
import DixianTestSupport
import Foundation
import Testing

/// On PostgreSQL the trail cannot be changed, removed or added to with SQL, and what is done to
/// it after its triggers are dropped is named by `verifyAuditTrail` at the first broken entry.
@Suite struct PostgresAuditChainTests {
    private static func registry() async throws -> (url: String, registry: PostgresRegistry) {
        let url = try TestPostgres.newDatabase()
        let registry = try PostgresRegistry(url: url)
        try await registry.apply(Fixtures.everyKind.map(RegistryChange.insert), as: "import")
        var household = Fixtures.household
        household.helper = "王帮扶"
        try await registry.apply([.update(.household(household))], as: "乡镇:李")
        try await registry.saveUser(ServerUser(name: "cadre", role: .villageCadre, areas: ["620621100201"], tokenHash: "ab", salt: "cd",
                                               expiresOn: LocalDate(iso: "2030-01-01")!), as: "县:管理员")
        return (url, registry)
    }

    private static func psql(_ url: String, _ sql: String) throws -> Bool { try PostgresRegistryTests.psql(url, sql) }

    private static func broken(_ registry: PostgresRegistry) async throws -> AuditChainBreak? {
        if case .broken(let broken, _) = try await registry.verifyAuditTrail() { return broken }
        return nil
    }

    @Test func anUntouchedTrailAfterChangesAndUserChangesVerifies() async throws {
        let (url, registry) = try await Self.registry()
        var user = try #require(try await registry.user(named: "cadre"))
        user.revoked = true
        try await registry.saveUser(user, as: "县:管理员")
        #expect(try Self.psql(url, """
            BEGIN; SELECT set_config('dixian.actor', 'admin:psql', true); UPDATE household SET helper = '赵帮扶'; COMMIT;
            """))
        guard case .intact(let entries) = try await registry.verifyAuditTrail() else {
            Issue.record("the chain is broken: \(String(describing: try await Self.broken(registry)))")
            return
        }
        #expect(entries == Fixtures.everyKind.count + 4)
    }

    @Test func entriesCannotBeChangedRemovedOrAddedWithSQL() async throws {
        let (url, registry) = try await Self.registry()
        for sql in ["UPDATE audit SET actor = 'someone else'", "DELETE FROM audit WHERE id = 2", "TRUNCATE audit",
                    "INSERT INTO audit (actor, table_name, row_key, action) VALUES ('县:局长', 'household', 'x', 'update')"] {
            #expect(try !Self.psql(url, sql), "\(sql)")
        }
        guard case .intact = try await registry.verifyAuditTrail() else { Issue.record("the trail was changed"); return }
    }

    @Test func anEntryOrItsActorChangedAfterTheTriggerWasDroppedIsNamed() async throws {
        let (url, registry) = try await Self.registry()
        #expect(try Self.psql(url, "DROP TRIGGER append_only ON audit; UPDATE audit SET actor = '县:局长' WHERE id = 3"))
        let broken = try #require(try await Self.broken(registry))
        #expect(broken.id == 3 && broken.kind == .changedContent && broken.table == "member", "\(broken)")
    }

    @Test func anEntryRemovedAfterTheTriggerWasDroppedIsNamed() async throws {
        let (url, registry) = try await Self.registry()
        #expect(try Self.psql(url, "DROP TRIGGER append_only ON audit; DELETE FROM audit WHERE id = 5"))
        let broken = try #require(try await Self.broken(registry))
        #expect(broken.id == 6 && broken.kind == .deletedEntry, "\(broken)")
    }

    @Test func anEntryForgedAfterTheSealWasDroppedIsNamed() async throws {
        let (url, registry) = try await Self.registry()
        #expect(try Self.psql(url, """
            DROP TRIGGER seal ON audit;
            INSERT INTO audit (id, actor, table_name, row_key, action)
            SELECT max(id) + 1, '县:局长', 'household', '6206211002010001', 'update' FROM audit
            """))
        let broken = try #require(try await Self.broken(registry))
        #expect(broken.kind == .insertedEntry && broken.id == Int64(Fixtures.everyKind.count + 3), "\(broken)")
    }

    @Test func entriesSwappedAfterTheTriggerWasDroppedAreNamedAsReordered() async throws {
        let (url, registry) = try await Self.registry()
        #expect(try Self.psql(url, """
            DROP TRIGGER append_only ON audit;
            UPDATE audit SET id = -1 WHERE id = 4; UPDATE audit SET id = 4 WHERE id = 5; UPDATE audit SET id = 5 WHERE id = -1
            """))
        let broken = try #require(try await Self.broken(registry))
        #expect(broken.id == 4 && broken.kind == .reordered, "\(broken)")
    }

    @Test func usersAreAuditedWithTheirActorAndNeverTheirToken() async throws {
        let (url, registry) = try await Self.registry()
        #expect(try Self.psql(url, "UPDATE server_user SET areas = '[\"620621\"]'"))
        let trail = try await registry.verifyAuditTrail()
        guard case .intact = trail else { Issue.record("\(trail)"); return }
        #expect(try Self.psql(url, """
            DO $$ BEGIN
              IF (SELECT count(*) FROM audit WHERE table_name = 'server_user' AND actor = '县:管理员' AND action = 'insert') <> 1
                 OR NOT EXISTS (SELECT 1 FROM audit WHERE table_name = 'server_user' AND actor = session_user AND action = 'update'
                                AND after LIKE '%620621%' AND after NOT LIKE '%620621100201%' AND after LIKE '%"token_replaced": false%')
                 OR EXISTS (SELECT 1 FROM audit WHERE table_name = 'server_user' AND (before LIKE '%"ab"%' OR after LIKE '%"ab"%'))
              THEN RAISE EXCEPTION 'users are not audited as they should be'; END IF;
            END $$
            """))
    }

    @Test func aPasswordIsAuditedAsSetOrReplacedAndItsHashNever() async throws {
        let (url, registry) = try await Self.registry()
        let user = try #require(try await PasswordChanges.make(to: "cadre", in: registry))
        #expect(user.passwordHash == PasswordChanges.hashes.last && user.revoked)
        let trail = try await registry.verifyAuditTrail()
        guard case .intact = trail else { Issue.record("\(trail)"); return }
        #expect(try Self.psql(url, """
            DO $$ BEGIN
              IF (SELECT count(*) FROM audit WHERE table_name = 'server_user' AND action = 'update'
                  AND after LIKE '%"password_replaced": true%') <> 2
                 OR (SELECT count(*) FROM audit WHERE table_name = 'server_user' AND action = 'update'
                     AND after LIKE '%"password_replaced": false%') <> 1
                 OR EXISTS (SELECT 1 FROM audit WHERE table_name = 'server_user' AND (before LIKE '%$2b$%' OR after LIKE '%$2b$%'))
              THEN RAISE EXCEPTION 'passwords are not audited as they should be'; END IF;
            END $$
            """))
    }

    @Test func aHouseholdNumberOutsideItsVillageOrNotDigitsIsRefusedEvenByRawSQL() async throws {
        let (url, registry) = try await Self.registry()
        var stray = Fixtures.household
        stray.number = "6206211002020001"
        await #expect(throws: RegistryStoreError.self) { try await registry.apply([.insert(.household(stray))], as: "import") }
        for number in ["ABC", "../../etc", "<b>x</b>", "620621100201000A", "62062110020100011", "6206211002020001"] {
            #expect(try !Self.psql(url, """
                BEGIN; SELECT set_config('dixian.actor', 'admin:psql', true);
                INSERT INTO household (number, village_code, head_name, category, relocated, minimum_living_allowance,
                  extreme_poverty_support, no_member_able_to_work, left_behind)
                VALUES ('\(number)', '620621100201', '张', 'general', false, false, false, false, false); COMMIT;
                """), "\(number)")
        }
        #expect(try !Self.psql(url, """
            BEGIN; SELECT set_config('dixian.actor', 'admin:psql', true); UPDATE household SET village_code = '620621100202'; COMMIT;
            """))
        #expect(try Self.psql(url, """
            BEGIN; SELECT set_config('dixian.actor', 'admin:psql', true);
            INSERT INTO household (number, village_code, head_name, category, relocated, minimum_living_allowance,
              extreme_poverty_support, no_member_able_to_work, left_behind)
            VALUES ('6206211002010002', '620621100201', '张', 'general', false, false, false, false, false); COMMIT;
            """))
    }

    @Test func aTrailCopiedFromSQLiteVerifiesAndGoesOnChaining() async throws {
        let sqlite = try SQLiteRegistry()
        try await sqlite.apply(Fixtures.everyKind.map(RegistryChange.insert), as: "import")
        try await sqlite.saveUser(ServerUser(name: "cadre", role: .villageCadre, areas: ["620621"], tokenHash: "ab", salt: "cd",
                                             expiresOn: LocalDate(iso: "2030-01-01")!), as: "县:管理员")
        let postgres = try PostgresRegistry(url: try TestPostgres.newDatabase())
        _ = try await postgres.copy(from: sqlite, as: "县:管理员")
        var household = Fixtures.household
        household.helper = "王帮扶"
        try await postgres.apply([.update(.household(household))], as: "乡镇:李")
        #expect(try await postgres.verifyAuditTrail() == .intact(entries: Fixtures.everyKind.count + 2))
    }
}
