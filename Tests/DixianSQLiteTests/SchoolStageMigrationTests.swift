import DixianCore
@testable import DixianSQLite
import DixianTestSupport
import Foundation
import GRDB
import Testing

/// A registry of before 中职 and 高职 were told apart (schema v8) is migrated when opened: its
/// `vocational` members read back as `secondary-vocational`, each change in a trail that verifies.
struct SchoolStageMigrationTests {
    /// A v8 registry file holding the fixture household, its child at `vocational` school and
    /// its spouse at `tertiary`, written and sealed as the store of then wrote it.
    private static func registryOfV8() async throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-\(UUID().uuidString).sqlite").path
        let old = try DatabaseQueue(path: path)
        try RegistrySchema.migrator.migrate(old, upTo: "v8: household numbers are their village code and four digits")
        try await old.write { db in
            try db.execute(sql: """
                UPDATE audit_actor SET actor = 'import';
                INSERT INTO household (number, village_code, head_name, category, relocated, minimum_living_allowance,
                  extreme_poverty_support, no_member_able_to_work, left_behind) VALUES (?, '620621100201', '张三', 'general', 0, 0, 0, 0, 0);
                INSERT INTO member (resident_id, household_number, name, relation, labor_capacity, health, school_stage, school_status,
                  medical_insurance, migrant_work_months, local_work, public_welfare_post)
                VALUES (?, ?, '张三', '户主', 'full', 'healthy', NULL, NULL, 1, 0, 0, 0),
                       (?, ?, '王芳', '配偶', 'full', 'healthy', 'tertiary', 'enrolled', 1, 0, 0, 0),
                       (?, ?, '张小明', '之子', 'none', 'healthy', 'vocational', 'enrolled', 1, 0, 0, 0);
                UPDATE audit_actor SET actor = NULL;
                """, arguments: [Fixtures.household.number, Fixtures.head.residentID.rawValue, Fixtures.household.number,
                                 Fixtures.spouse.residentID.rawValue, Fixtures.household.number,
                                 Fixtures.child.residentID.rawValue, Fixtures.household.number])
            try AuditSeal.seal(after: 0, in: db)
        }
        try old.close()
        return path
    }

    @Test func aVocationalMemberReadsBackAsSecondaryVocationalAndTheTrailRecordsTheChange() async throws {
        let path = try await Self.registryOfV8()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let registry = try SQLiteRegistry(path: path)
        let stages = try await registry.members(ofHousehold: Fixtures.household.number).map { [$0.name: $0.schoolStage] }
        #expect(stages == [["张三": nil], ["王芳": .tertiary], ["张小明": .secondaryVocational]])
        #expect(try await registry.verifyAuditTrail() == .intact(entries: 5))
        let trail = try await registry.auditTrail(ofHousehold: Fixtures.household.number)
        let change = try #require(trail.last)
        #expect(change.actor == RegistrySchema.vocationalStagesActor && change.action == .update && change.key == Fixtures.child.residentID.rawValue)
        #expect(change.before?.contains("\"school_stage\":\"vocational\"") == true, "\(change)")
        #expect(change.after?.contains("\"school_stage\":\"secondary-vocational\"") == true, "\(change)")
        #expect(trail.dropLast().allSatisfy { $0.action == .insert && $0.actor == "import" })
    }

    @Test func theMigratedMemberTableTakesOnlyTodaysStagesAndKeepsItsAuditTriggersAndIndexes() async throws {
        let path = try await Self.registryOfV8()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let registry = try SQLiteRegistry(path: path)
        var child = try #require(try await registry.members(ofHousehold: Fixtures.household.number).last)
        child.schoolStage = .higherVocational
        try await registry.apply([.update(.member(child))], as: "乡镇:李")
        let trail = try await registry.auditTrail(ofHousehold: Fixtures.household.number)
        #expect(trail.last?.actor == "乡镇:李" && trail.last?.after?.contains("\"school_stage\":\"higher-vocational\"") == true)
        #expect(try await registry.verifyAuditTrail() == .intact(entries: 6))

        let raw = try DatabaseQueue(path: path)
        defer { try? raw.close() }
        let objects = try await raw.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE tbl_name = 'member' AND sql IS NOT NULL ORDER BY name")
        }
        // The v17 indexes (查户) come after, on the migrated table.
        #expect(objects == ["audit_member_delete", "audit_member_insert", "audit_member_update", "member", "member_by_name",
                            "member_by_resident_id", "member_by_resident_id_ending"])
        await #expect(throws: DatabaseError.self) {
            try await raw.write { try $0.execute(sql: "UPDATE audit_actor SET actor = 'raw'; UPDATE member SET school_stage = 'vocational'") }
        }
    }

    @Test func aNewRegistryGetsTheSameMemberTableAsAMigratedOne() async throws {
        let path = try await Self.registryOfV8()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try SQLiteRegistry(path: path)
        let fresh = try DatabaseQueue()
        try RegistrySchema.migrator.migrate(fresh)
        let migrated = try DatabaseQueue(path: path)
        defer { try? migrated.close() }
        let sql = "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'member' ORDER BY type, name"
        let new = try fresh.read { try Row.fetchAll($0, sql: sql) }
        #expect(try await migrated.read { try Row.fetchAll($0, sql: sql) } == new)
        #expect(new.contains { ($0["sql"] as String? ?? "").contains("'secondary-vocational', 'higher-vocational', 'tertiary'") })
    }
}
