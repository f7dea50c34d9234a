import DixianCore
@testable import DixianPostgres
import DixianTestSupport
import Foundation
import Testing

/// A PostgreSQL registry of before 中职 and 高职 were told apart (schema v4) is migrated when
/// opened: its `vocational` members read back as `secondary-vocational`, each change audited.
@Suite struct PostgresSchoolStageMigrationTests {
    /// A database at schema v4 holding the fixture household, its child at `vocational` school
    /// and its spouse at `tertiary`, written as the store of then wrote them.
    private static func registryOfV4() throws -> String {
        let url = try TestPostgres.newDatabase()
        let pool = try ConnectionPool(url: url)
        defer { pool.close() }
        try pool.withConnection { connection in
            try PostgresRegistry.migrate(connection, through: "v4: audit trail append-only and chained, users audited")
            try connection.transaction {
                try connection.rows("SELECT set_config('dixian.actor', 'import', true)")
                let number = Fixtures.household.number
                try connection.rows("""
                    INSERT INTO household (number, village_code, head_name, category, relocated, minimum_living_allowance,
                      extreme_poverty_support, no_member_able_to_work, left_behind) VALUES ($1, '620621100201', '张三', 'general', false, false, false, false, false)
                    """, [number])
                for (id, name, relation, stage) in [(Fixtures.head.residentID, "张三", "户主", nil), (Fixtures.spouse.residentID, "王芳", "配偶", "tertiary"),
                                                    (Fixtures.child.residentID, "张小明", "之子", "vocational")] {
                    try connection.rows("""
                        INSERT INTO member (resident_id, household_number, name, relation, labor_capacity, health, school_stage, school_status,
                          medical_insurance, migrant_work_months, local_work, public_welfare_post)
                        VALUES ($1, $2, $3, $4, 'full', 'healthy', $5, CASE WHEN $5::text IS NULL THEN NULL ELSE 'enrolled' END, true, 0, false, false)
                        """, [id.rawValue, number, name, relation, stage])
                }
            }
        }
        return url
    }

    @Test func aVocationalMemberReadsBackAsSecondaryVocationalAndTheTrailRecordsTheChange() async throws {
        let url = try Self.registryOfV4()
        let registry = try PostgresRegistry(url: url)
        let stages = try await registry.members(ofHousehold: Fixtures.household.number).map { [$0.name: $0.schoolStage] }
        #expect(stages == [["张三": nil], ["王芳": .tertiary], ["张小明": .secondaryVocational]])
        guard case .intact(let entries) = try await registry.verifyAuditTrail() else {
            Issue.record("the chain is broken after the migration")
            return
        }
        #expect(entries == 5)
        let trail = try await registry.auditTrail(ofHousehold: Fixtures.household.number)
        let change = try #require(trail.last)
        #expect(change.actor == PostgresSchema.vocationalStagesActor && change.action == .update && change.key == Fixtures.child.residentID.rawValue)
        #expect(change.before?.contains("\"school_stage\":\"vocational\"") == true, "\(change)")
        #expect(change.after?.contains("\"school_stage\":\"secondary-vocational\"") == true, "\(change)")
        #expect(trail.dropLast().allSatisfy { $0.action == .insert && $0.actor == "import" })
    }

    @Test func theMigratedMemberTableTakesOnlyTodaysStagesAndStillAuditsChanges() async throws {
        let url = try Self.registryOfV4()
        let registry = try PostgresRegistry(url: url)
        var child = try #require(try await registry.members(ofHousehold: Fixtures.household.number).last)
        child.schoolStage = .higherVocational
        try await registry.apply([.update(.member(child))], as: "乡镇:李")
        let trail = try await registry.auditTrail(ofHousehold: Fixtures.household.number)
        #expect(trail.last?.actor == "乡镇:李" && trail.last?.after?.contains("\"school_stage\":\"higher-vocational\"") == true)
        #expect(try await registry.members(ofHousehold: Fixtures.household.number).last?.schoolStage == .higherVocational)
        #expect(try !PostgresRegistryTests.psql(url, """
            BEGIN; SELECT set_config('dixian.actor', 'admin:psql', true); UPDATE member SET school_stage = 'vocational'; COMMIT;
            """))
        #expect(try PostgresRegistryTests.psql(url, """
            BEGIN; SELECT set_config('dixian.actor', 'admin:psql', true); UPDATE member SET school_stage = 'secondary-vocational'; COMMIT;
            """))
    }
}
