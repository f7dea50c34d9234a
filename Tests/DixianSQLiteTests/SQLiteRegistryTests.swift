import DixianCore
import DixianSQLite
import DixianTestSupport
import Foundation
import GRDB
import Testing

/// The SQLite registry stores every kind of record, applies changes all or nothing, and
/// audits every change.
struct SQLiteRegistryTests {
    @Test func everyKindOfRecordIsStoredAndReadBack() async throws {
        let registry = try SQLiteRegistry()
        try await registry.apply(Fixtures.everyKind.map(RegistryChange.insert), as: "import")
        #expect(try await registry.household(number: Fixtures.household.number) == Fixtures.household)
        #expect(try await registry.members(ofHousehold: Fixtures.household.number)
            == [Fixtures.head, Fixtures.child, Fixtures.spouse].sorted { ($0.isHead ? 0 : 1, $0.residentID) < ($1.isHead ? 0 : 1, $1.residentID) })
        let dump = try await registry.dump()
        for table in ["asset_distribution", "asset_income", "measure", "monitoring_episode", "guarantee_survey"] {
            #expect(dump.contains("# \(table)\n["), "\(table) is empty")
        }
        #expect(dump.contains("risk_types:\"disability,illness\""))
    }

    @Test func everyChangeIsAuditedWithActorAndValues() async throws {
        let registry = try SQLiteRegistry()
        try await registry.apply(Fixtures.everyKind.map(RegistryChange.insert), as: "import")
        var moved = Fixtures.household
        moved.helper = "周新帮扶"
        try await registry.apply([.update(.household(moved)), .delete(.visit(Visit(
            id: 1, householdNumber: moved.number, visitedOn: Fixtures.reportDay, visitor: "", role: .helper)))],
            as: "township:孙镇长")

        let trail = try await registry.auditTrail(ofHousehold: moved.number)
        // The household and the 13 records that hang from it (assets hang from none), then
        // the update and the delete.
        #expect(trail.count == 14 + 2)
        let update = try #require(trail.first { $0.action == .update })
        #expect(update.actor == "township:孙镇长")
        #expect(update.table == "household")
        #expect(update.before?.contains("\"helper\":\"李帮扶\"") == true)
        #expect(update.after?.contains("\"helper\":\"周新帮扶\"") == true)
        let delete = try #require(trail.last)
        #expect(delete.action == .delete && delete.table == "visit" && delete.after == nil)
        #expect(trail.contains { $0.table == "measure" })  // reached through its plan
        #expect(trail.contains { $0.table == "department_warning" })  // reached through the member
        #expect(trail.allSatisfy { $0.at.hasSuffix("Z") && $0.at.count == 24 })
    }

    @Test func aFailingChangeLeavesEverythingAsItWas() async throws {
        let registry = try SQLiteRegistry()
        try await registry.apply([.insert(.household(Fixtures.household))], as: "import")
        let before = try await registry.dump()
        var orphan = Fixtures.child
        orphan.householdNumber = "no-such-household"
        await #expect(throws: RegistryStoreError(changeIndex: 2, message: "FOREIGN KEY constraint failed")) {
            try await registry.apply([.insert(.member(Fixtures.head)), .insert(.member(Fixtures.spouse)),
                                      .insert(.member(orphan))], as: "import")
        }
        #expect(try await registry.dump() == before)
    }

    @Test func constraintsRefuseInconsistentRecords() async throws {
        let registry = try SQLiteRegistry()
        var kindless = Fixtures.household
        kindless.monitoredKind = nil
        await #expect(throws: RegistryStoreError.self) {
            try await registry.apply([.insert(.household(kindless))], as: "import")
        }
        try await registry.apply([.insert(.household(Fixtures.household)), .insert(.member(Fixtures.head))], as: "import")
        do {
            try await registry.apply([.insert(.member(Fixtures.head))], as: "import")
            Issue.record("a duplicate ID number was stored")
        } catch let error as RegistryStoreError {
            #expect(error.message == "UNIQUE constraint failed: member.resident_id")
        }
        var negative = IncomeRecord(householdNumber: Fixtures.household.number, year: 2024)
        negative.wage = Money(yuan: -1)
        await #expect(throws: RegistryStoreError.self) {
            try await registry.apply([.insert(.income(negative))], as: "import")
        }
    }

    @Test func updatingOrDeletingAMissingRecordIsRefused() async throws {
        let registry = try SQLiteRegistry()
        await #expect(throws: RegistryStoreError(changeIndex: 0, message: "no household with key 6206211002010001")) {
            try await registry.apply([.update(.household(Fixtures.household))], as: "admin")
        }
        await #expect(throws: RegistryStoreError.self) {
            try await registry.apply([.delete(.member(Fixtures.head))], as: "admin")
        }
    }

    @Test func aChangeWithoutAnActorIsRefusedEvenOutsideTheStore() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let registry = try SQLiteRegistry(path: path)
        try await registry.apply([.insert(.household(Fixtures.household))], as: "import")

        let direct = try DatabaseQueue(path: path)
        #expect(try await direct.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        await #expect(throws: DatabaseError.self) {
            try await direct.write { try $0.execute(sql: "UPDATE household SET helper = 'nobody'") }
        }
        #expect(try await SQLiteRegistry(path: path).household(number: Fixtures.household.number)?.helper == "李帮扶")
    }

    @Test func aDisclosureCannotBeChangedOrErased() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let registry = try SQLiteRegistry(path: path)
        try await registry.recordDisclosure(Disclosure(actor: "县乡村振兴局:张审核", action: "unmasked export", destination: "/tmp/x", records: 3))

        let direct = try DatabaseQueue(path: path)
        await #expect(throws: DatabaseError.self) { try await direct.write { try $0.execute(sql: "DELETE FROM disclosure") } }
        await #expect(throws: DatabaseError.self) { try await direct.write { try $0.execute(sql: "UPDATE disclosure SET actor = 'x'") } }
        #expect(try await registry.disclosures().map(\.actor) == ["县乡村振兴局:张审核"])
    }

    @Test func aSessionSeesItsOwnChangesAndNoOneElseDoesUntilItCommits() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let other = try SQLiteRegistry(path: path)
        var session: SQLiteRegistry? = try SQLiteRegistry.session(path: path)
        try await session!.apply([.insert(.household(Fixtures.household))], as: "管理员:王")
        #expect(session!.uncommittedChanges == 1)
        #expect(try await session!.household(number: Fixtures.household.number) != nil)
        #expect(try await other.household(number: Fixtures.household.number) == nil)
        try session!.rollback()
        #expect(try await session!.household(number: Fixtures.household.number) == nil)

        try await session!.apply([.insert(.household(Fixtures.household))], as: "管理员:王")
        session = nil  // closed without committing
        #expect(try await other.household(number: Fixtures.household.number) == nil)

        let again = try SQLiteRegistry.session(path: path)
        try await again.apply([.insert(.household(Fixtures.household))], as: "管理员:王")
        try again.commit()
        #expect(again.uncommittedChanges == 0)
        #expect(try await other.household(number: Fixtures.household.number) != nil)
        #expect(try await other.auditTrail(ofHousehold: Fixtures.household.number).map(\.actor) == ["管理员:王"])
    }
}
