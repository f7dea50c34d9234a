import DixianCore
@testable import DixianSQLite
import Foundation
import GRDB
import Testing

/// A registry of before assets held the day their status began (schema v21) is migrated when
/// opened: its assets read back without the date, a change that sets it is audited with the
/// column (the audit triggers, which list the table's columns, were made again), and the trail
/// still verifies (issue 18).
struct AssetStatusMigrationTests {
    @Test func anAssetOfBeforeTheDateReadsWithoutOneAndTheChangeThatSetsItIsAudited() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let old = try DatabaseQueue(path: path)
        try RegistrySchema.migrator.migrate(old, upTo: "v21: households' microcredit loans (小额信贷)")
        try await old.write { db in
            try db.execute(sql: """
                UPDATE audit_actor SET actor = 'import';
                INSERT INTO asset (id, project, asset_class, value_fen, village_code, custodian, ownership_registered, status, formed_on)
                VALUES (1, '养殖暖棚', 'operating', 80000000, '620621100201', '村股份经济合作社', 1, 'idle', '2020-03-01');
                UPDATE audit_actor SET actor = NULL;
                """)
            try AuditSeal.seal(after: 0, in: db)
        }
        try old.close()

        let registry = try SQLiteRegistry(path: path)
        var assets: [Asset] = []
        try registry.forEachRecord(in: .asset) { if case .asset(let asset) = $0 { assets.append(asset) } }
        var asset = try #require(assets.first)
        #expect(assets.count == 1 && asset.status == .idle && asset.statusSince == nil)
        asset.statusSince = LocalDate(iso: "2023-05-20")!
        try await registry.apply([.update(.asset(asset))], as: "village:王会计")
        var updates: [(before: String?, after: String?)] = []
        try registry.forEachRow(ofTable: "audit", columns: ["table_name", "action", "before", "after"]) { row in
            if row[0] == "asset" && row[1] == "update" { updates.append((row[2], row[3])) }
        }
        #expect(updates.count == 1)
        #expect(updates.first?.before?.contains("\"status_since\":null") == true, "\(updates)")
        #expect(updates.first?.after?.contains("\"status_since\":\"2023-05-20\"") == true, "\(updates)")
        #expect(try await registry.verifyAuditTrail() == .intact(entries: 2))
    }
}
