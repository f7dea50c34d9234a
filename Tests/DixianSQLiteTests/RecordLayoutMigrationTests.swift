import DixianCore
@testable import DixianSQLite
import DixianTestSupport
import Foundation
import GRDB
import Testing

/// A registry of before the record layouts (schema v9: the group in `group_name`, risk types
/// separated by `,`) is migrated when opened: its records read back whole, its trail still
/// verifies, and changes made after are audited under the new column name (issue 22).
struct RecordLayoutMigrationTests {
    /// A v9 registry file with the fixture household in group 三组 and an identified episode
    /// with two risk types, each step listing them as the store of then wrote them.
    private static func registryOfV9() async throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-\(UUID().uuidString).sqlite").path
        let old = try DatabaseQueue(path: path)
        try RegistrySchema.migrator.migrate(old, upTo: "v9: 中职 and 高职 are distinct school stages")
        try await old.write { db in
            try db.execute(sql: """
                UPDATE audit_actor SET actor = 'import';
                INSERT INTO household (number, village_code, group_name, head_name, category, monitored_kind, relocated,
                  minimum_living_allowance, extreme_poverty_support, no_member_able_to_work, left_behind)
                VALUES (?, '620621100201', '三组', '张三', 'monitored', 'marginal', 0, 0, 0, 0, 0);
                INSERT INTO monitoring_episode (id, household_number, channel, reported_on, status, risk_types, identified_on)
                VALUES (1, ?, 'self-report', '2024-03-01', 'identified', 'accident,illness', '2024-03-20');
                INSERT INTO monitoring_step (id, episode_id, household_number, transition, taken_on, actor, risk_types, notes)
                VALUES (1, 1, ?, 'approve', '2024-03-20', '县', 'accident,illness', '');
                UPDATE audit_actor SET actor = NULL;
                """, arguments: [Fixtures.household.number, Fixtures.household.number, Fixtures.household.number])
            try AuditSeal.seal(after: 0, in: db)
        }
        try old.close()
        return path
    }

    @Test func theGroupAndRiskTypesReadBackAndTheTrailStillVerifies() async throws {
        let path = try await Self.registryOfV9()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let registry = try SQLiteRegistry(path: path)
        let household = try #require(try await registry.household(number: Fixtures.household.number))
        #expect(household.area.group == "三组")
        let episodes = try await registry.records(in: .monitoringEpisode, where: "household_number", equals: Fixtures.household.number)
        #expect(episodes == [.monitoringEpisode(MonitoringEpisode(
            id: 1, householdNumber: Fixtures.household.number, channel: .selfReport, reportedOn: LocalDate(iso: "2024-03-01")!,
            status: .identified, riskTypes: [.accident, .illness], identifiedOn: LocalDate(iso: "2024-03-20")!))])
        let steps = try await registry.records(in: .monitoringStep, where: "episode_id", equals: "1")
        guard case .monitoringStep(let step) = steps.first else { Issue.record("no step"); return }
        #expect(step.riskTypes == [.accident, .illness])
        // The dashboard counts the household under each of its risk types.
        #expect(try await registry.householdSummary(area: nil).monitoredByRiskType == [.accident: 1, .illness: 1])
        #expect(try await registry.verifyAuditTrail() == .intact(entries: 3))

        var moved = household
        moved.area = Area(villageCode: "620621100201", group: "四组")!
        try await registry.apply([.update(.household(moved))], as: "乡镇:李")
        let trail = try await registry.auditTrail(ofHousehold: Fixtures.household.number)
        #expect(trail.last?.before?.contains("\"group\":\"三组\"") == true, "\(String(describing: trail.last))")
        #expect(trail.last?.after?.contains("\"group\":\"四组\"") == true)
        #expect(try await registry.verifyAuditTrail() == .intact(entries: 4))
    }

    @Test func aNewRegistryGetsTheSameHouseholdTableAsAMigratedOne() async throws {
        let path = try await Self.registryOfV9()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try SQLiteRegistry(path: path)
        let fresh = try DatabaseQueue()
        try RegistrySchema.migrator.migrate(fresh)
        let migrated = try DatabaseQueue(path: path)
        defer { try? migrated.close() }
        let columns = { (queue: DatabaseQueue) in try queue.read { try $0.columns(in: "household").map(\.name) } }
        #expect(try columns(fresh) == columns(migrated))
        #expect(try columns(fresh).contains("group"))
    }
}
