import DixianCore
@testable import DixianSQLite
import DixianTestSupport
import Foundation
import GRDB
import Testing

/// The audit trail cannot be changed through the store's SQL, and what is done to it after its
/// triggers are dropped is named by `verifyAuditTrail` at the first broken entry.
struct AuditChainTests {
    /// A registry file with the fixtures, a change, a removal and a user, and a raw connection to it.
    private static func registry() async throws -> (path: String, registry: SQLiteRegistry, raw: DatabaseQueue) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-\(UUID().uuidString).sqlite").path
        let registry = try SQLiteRegistry(path: path)
        try await registry.apply(Fixtures.everyKind.map(RegistryChange.insert), as: "import")
        var household = Fixtures.household
        household.helper = "王帮扶"
        try await registry.apply([.update(.household(household))], as: "乡镇:李")
        try await registry.apply([.delete(try #require(Fixtures.everyKind.first(where: { if case .visit = $0 { true } else { false } })))], as: "乡镇:李")
        try await registry.saveUser(ServerUser(name: "cadre", role: .villageCadre, areas: ["620621100201"], tokenHash: "ab", salt: "cd",
                                               expiresOn: LocalDate(iso: "2030-01-01")!), as: "县:管理员")
        return (path, registry, try DatabaseQueue(path: path))
    }

    private static func broken(_ registry: SQLiteRegistry) async throws -> AuditChainBreak? {
        if case .broken(let broken, _) = try await registry.verifyAuditTrail() { return broken }
        return nil
    }

    @Test func anUntouchedTrailAfterChangesAndUserChangesVerifies() async throws {
        let (path, registry, raw) = try await Self.registry()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var user = try #require(try await registry.user(named: "cadre"))
        user.revoked = true
        try await registry.saveUser(user, as: "县:管理员")
        let count = try await raw.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit") }
        #expect(try await registry.verifyAuditTrail() == .intact(entries: try #require(count)))
    }

    @Test func entriesAndTheirHashesCannotBeChangedOrRemoved() async throws {
        let (path, registry, raw) = try await Self.registry()
        defer { try? FileManager.default.removeItem(atPath: path) }
        for sql in ["UPDATE audit SET actor = 'someone else'", "DELETE FROM audit WHERE id = 2", "DELETE FROM audit",
                    "UPDATE audit_hash SET hash = zeroblob(32)", "DELETE FROM audit_hash", "DELETE FROM audit_actor",
                    "INSERT INTO audit_actor VALUES ('someone else')"] {
            await #expect(throws: DatabaseError.self, "\(sql)") { try await raw.write { try $0.execute(sql: sql) } }
        }
        guard case .intact = try await registry.verifyAuditTrail() else { Issue.record("the trail was changed"); return }
    }

    @Test func anEntryChangedAfterItsTriggerWasDroppedIsNamed() async throws {
        let (path, registry, raw) = try await Self.registry()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await raw.write {
            try $0.execute(sql: "DROP TRIGGER audit_refuses_update; UPDATE audit SET actor = 'someone else' WHERE id = 3")
        }
        let broken = try #require(try await Self.broken(registry))
        #expect(broken.id == 3 && broken.kind == .changedContent && broken.table == "member")
        #expect(!broken.at.isEmpty)
    }

    @Test func anEntryRemovedAfterItsTriggerWasDroppedIsNamed() async throws {
        let (path, registry, raw) = try await Self.registry()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await raw.write { try $0.execute(sql: "DROP TRIGGER audit_refuses_delete; DELETE FROM audit WHERE id = 5") }
        let broken = try #require(try await Self.broken(registry))
        #expect(broken.id == 6 && broken.kind == .deletedEntry)

        try await raw.write {
            try $0.execute(sql: "DROP TRIGGER audit_hash_refuses_delete; DELETE FROM audit_hash WHERE id = 5")
        }
        #expect(try await Self.broken(registry)?.kind == .deletedEntry)
    }

    @Test func theLastEntryRemovedLeavesItsHashBehindAndIsNamed() async throws {
        let (path, registry, raw) = try await Self.registry()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let last = try #require(try await raw.read { try Int64.fetchOne($0, sql: "SELECT max(id) FROM audit") })
        try await raw.write { try $0.execute(sql: "DROP TRIGGER audit_refuses_delete; DELETE FROM audit WHERE id = ?", arguments: [last]) }
        let broken = try #require(try await Self.broken(registry))
        #expect(broken.id == last && broken.kind == .deletedEntry)
    }

    @Test func aForgedEntryIsNamed() async throws {
        let (path, registry, raw) = try await Self.registry()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let forged = try await raw.write { db in
            try db.execute(sql: """
                INSERT INTO audit (at, actor, table_name, row_key, household_number, action, before, after)
                VALUES ('2024-01-01T00:00:00.000Z', '县:局长', 'household', '6206211002010001', '6206211002010001', 'update', '{}', '{}')
                """)
            return db.lastInsertedRowID
        }
        let broken = try #require(try await Self.broken(registry))
        #expect(broken.id == forged && broken.kind == .insertedEntry)
        // The store's next change does not adopt the forged entry into the chain.
        try await registry.apply([.delete(try #require(Fixtures.everyKind.first(where: { if case .problem = $0 { true } else { false } })))], as: "乡镇:李")
        #expect(try await Self.broken(registry)?.id == forged)
    }

    @Test func aChangeMadeUnderAForgedActorIsNamed() async throws {
        let (path, registry, raw) = try await Self.registry()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await raw.write { db in
            try db.execute(sql: "UPDATE audit_actor SET actor = '县:局长'; UPDATE server_user SET areas = '[\"620621\"]'")
        }
        let entry = try #require(try await raw.read { try Row.fetchOne($0, sql: "SELECT id, actor, table_name FROM audit ORDER BY id DESC LIMIT 1") })
        #expect(entry["table_name"] == "server_user" && entry["actor"] == "县:局长")
        let broken = try #require(try await Self.broken(registry))
        #expect(broken.id == entry["id"] && broken.kind == .insertedEntry)
    }

    @Test func entriesSwappedAfterTheTriggerWasDroppedAreNamedAsReordered() async throws {
        let (path, registry, raw) = try await Self.registry()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await raw.write {
            try $0.execute(sql: """
                DROP TRIGGER audit_refuses_update;
                UPDATE audit SET id = -1 WHERE id = 4; UPDATE audit SET id = 4 WHERE id = 5; UPDATE audit SET id = 5 WHERE id = -1;
                """)
        }
        let broken = try #require(try await Self.broken(registry))
        #expect(broken.id == 4 && broken.kind == .reordered, "\(broken)")
    }

    @Test func usersAreAuditedWithTheirActorAndNeverTheirToken() async throws {
        let (path, registry, raw) = try await Self.registry()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var user = try #require(try await registry.user(named: "cadre"))
        user.areas = ["620621"]
        user.tokenHash = "ef"
        try await registry.saveUser(user, as: "县:管理员")
        let rows = try await raw.read { try Row.fetchAll($0, sql: "SELECT * FROM audit WHERE table_name = 'server_user' ORDER BY id") }
        #expect(rows.map { $0["actor"] as String } == ["县:管理员", "县:管理员"])
        #expect(rows.map { $0["action"] as String } == ["insert", "update"])
        let after: String = try #require(rows.last?["after"])
        #expect(after.contains("\"areas\":[\"620621\"]") && after.contains("\"token_replaced\":true"), "\(after)")
        #expect(!rows.contains { ($0["before"] as String? ?? "").contains("\"ab\"") || ($0["after"] as String? ?? "").contains("\"ef\"") })
        await #expect(throws: DatabaseError.self) {
            try await raw.write { try $0.execute(sql: "UPDATE server_user SET role = 'county-administrator'") }
        }
    }

    @Test func aPasswordIsAuditedAsSetOrReplacedAndItsHashNever() async throws {
        let (path, registry, raw) = try await Self.registry()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let user = try #require(try await PasswordChanges.make(to: "cadre", in: registry))
        #expect(user.passwordHash == PasswordChanges.hashes.last && user.revoked)
        let rows = try await raw.read { try Row.fetchAll($0, sql: "SELECT * FROM audit WHERE table_name = 'server_user' ORDER BY id") }
        let afters = rows.map { $0["after"] as String? ?? "" }
        #expect(afters.suffix(3).map { $0.contains("\"password_replaced\":true") } == [true, true, false], "\(afters)")
        #expect(!rows.contains { row in ["before", "after"].contains { (row[$0] as String? ?? "").contains("$2") } })
        if case .broken(let broken, _) = try await registry.verifyAuditTrail() { Issue.record("\(broken)") }
    }

    @Test func aRegistryFromBeforeTheChainGetsItsTrailChainedWhenOpened() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let old = try DatabaseQueue(path: path)
        try RegistrySchema.migrator.migrate(old, upTo: "v6: audit trail indexed by table, then household")
        try await old.write { db in
            try db.execute(sql: """
                UPDATE audit_actor SET actor = 'import';
                INSERT INTO household (number, village_code, head_name, category, relocated, minimum_living_allowance,
                  extreme_poverty_support, no_member_able_to_work, left_behind) VALUES ('6206211002010001', '620621100201', '张', 'general', 0, 0, 0, 0, 0);
                UPDATE household SET helper = '李';
                UPDATE audit_actor SET actor = NULL;
                """)
        }
        try old.close()
        let registry = try SQLiteRegistry(path: path)
        #expect(try await registry.verifyAuditTrail() == .intact(entries: 2))
    }

    @Test func aHouseholdNumberOutsideItsVillageOrNotDigitsIsRefusedEvenByRawSQL() async throws {
        let (path, registry, raw) = try await Self.registry()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var stray = Fixtures.household
        stray.number = "6206211002020001"
        await #expect(throws: RegistryStoreError.self) { try await registry.apply([.insert(.household(stray))], as: "import") }
        for number in ["ABC", "../../etc", "<b>x</b>", "620621100201000A", "62062110020100011"] {
            await #expect(throws: DatabaseError.self, "\(number)") {
                try await raw.write { db in
                    try db.execute(sql: """
                        UPDATE audit_actor SET actor = 'raw';
                        INSERT INTO household (number, village_code, head_name, category, relocated, minimum_living_allowance,
                          extreme_poverty_support, no_member_able_to_work, left_behind) VALUES (?, '620621100201', '张', 'general', 0, 0, 0, 0, 0)
                        """, arguments: [number])
                }
            }
        }
        await #expect(throws: DatabaseError.self) {
            try await raw.write { try $0.execute(sql: "UPDATE audit_actor SET actor = 'raw'; UPDATE household SET village_code = '620621100202'") }
        }
    }
}
