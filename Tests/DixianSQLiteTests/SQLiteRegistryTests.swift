import DixianCore
@testable import DixianSQLite
import DixianTestSupport
import Foundation
import GRDB
import Testing

/// What only the SQLite registry has to show: triggers no connection can bypass, WAL, and
/// sessions. What every store promises (records, all-or-nothing changes, the audit trail,
/// stale and missing records) is tested against both stores in RegistryStoreContractTests.
struct SQLiteRegistryTests {
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

    @Test func aHouseholdsTrailIsReadThroughTheIndexGroupedByTable() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try SQLiteRegistry(path: path)

        let direct = try DatabaseQueue(path: path)
        let plan = try await direct.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + AuditTrail.householdTrailSQL, arguments: ["x"]).map { $0["detail"] as String }
        }
        #expect(plan.contains("SEARCH audit USING INDEX audit_by_household (table_name=? AND household_number=?)"))
        #expect(!plan.contains { $0.hasPrefix("SCAN audit") })
    }

    @Test func aFirstLoadIsAuditedRecordByRecordAsTheTriggersWouldHaveIt() async throws {
        let registry = try SQLiteRegistry()
        var renamed = Fixtures.spouse
        renamed.name = "王芳芳"
        // Every table is empty, so every one is a first load; the update ends the members' load.
        try await registry.apply(Fixtures.everyKind.map { .insert($0) } + [.update(.member(renamed))], as: "导入:张")

        let trail = try await registry.auditTrail(ofHousehold: Fixtures.household.number)
        #expect(trail.map(\.action) == Array(repeating: .insert, count: 17) + [.update])
        #expect(trail.allSatisfy { $0.actor == "导入:张" })
        #expect(Set(trail.map(\.table)) == Set(AuditTrail.householdTables))
        let update = try #require(trail.last)
        let inserted = try #require(trail.first { $0.table == "member" && $0.key == Fixtures.spouse.residentID.rawValue })
        #expect(inserted.after == update.before)  // the entry as the update trigger writes a record
        #expect(update.after?.contains("王芳芳") == true)
    }

    @Test func theTriggersAndIndexesOfAFirstLoadAreBackAfterItAndAfterOneThatFails() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let registry = try SQLiteRegistry(path: path)
        let direct = try DatabaseQueue(path: path)
        let triggers = """
            SELECT group_concat(type || ' ' || name || ': ' || sql, char(10))
            FROM (SELECT * FROM sqlite_master WHERE type IN ('trigger', 'index') ORDER BY type, name)
            """
        let before = try await direct.read { try String.fetchOne($0, sql: triggers) }
        #expect(before?.contains("CREATE UNIQUE INDEX member_by_resident_id ON member (resident_id)") == true)

        var stranger = Fixtures.child
        stranger.householdNumber = "6206211002019999"  // no such household
        await #expect(throws: RegistryStoreError.self) {
            try await registry.apply([.insert(.household(Fixtures.household)), .insert(.member(Fixtures.head)), .insert(.member(stranger))],
                                     as: "导入:张")
        }
        #expect(try await direct.read { try String.fetchOne($0, sql: triggers) } == before)
        #expect(try await registry.household(number: Fixtures.household.number) == nil)

        try await registry.apply([.insert(.household(Fixtures.household))], as: "导入:张")
        #expect(try await direct.read { try String.fetchOne($0, sql: triggers) } == before)
        await #expect(throws: DatabaseError.self) {
            try await direct.write { try $0.execute(sql: "UPDATE household SET helper = 'nobody'") }
        }
        var helped = Fixtures.household
        helped.helper = "赵帮扶"
        try await registry.apply([.update(.household(helped))], as: "乡镇:王")
        #expect(try await registry.auditTrail(ofHousehold: helped.number).map(\.actor) == ["导入:张", "乡镇:王"])
    }

    @Test func aFirstLoadBringingAnIDNumberIntoTwoHouseholdsIsRefusedWhole() async throws {
        let registry = try SQLiteRegistry()
        var neighbour = Fixtures.household
        neighbour.number = "6206211002010002"
        var twice = Fixtures.head
        twice.householdNumber = neighbour.number
        // The members' index by ID number is built after their load, and refuses it then.
        await #expect(throws: (any Error).self) {
            try await registry.apply(
                [.insert(.household(Fixtures.household)), .insert(.household(neighbour)), .insert(.member(Fixtures.head)),
                 .insert(.member(twice))],
                as: "导入:张")
        }
        #expect(try await registry.household(number: Fixtures.household.number) == nil)
        #expect(try await registry.auditTrail(ofHousehold: Fixtures.household.number).isEmpty)
        try await registry.apply([.insert(.household(Fixtures.household)), .insert(.member(Fixtures.head))], as: "导入:张")
        #expect(try await registry.members(ofHousehold: Fixtures.household.number) == [Fixtures.head])
    }

    /// Members of a village of 200 households, the one at `stray` in a household that is not there.
    private static func villageLoad(stray: Int) -> [RegistryChange] {
        let households = (1...200).map { number in
            var household = Fixtures.household
            household.number = "620621100201" + String(format: "%04d", number)
            return household
        }
        let members = households.enumerated().map { index, household in
            var member = Fixtures.head
            member.residentID = try! ResidentID(areaCode: "620621", birthDate: LocalDate(iso: "1968-03-01")!, sequence: index + 1)
            member.householdNumber = index == stray ? "6206211002019999" : household.number
            return member
        }
        return households.map { .insert(.household($0)) } + members.map { .insert(.member($0)) }
    }

    @Test func aRecordRefusedAmongThoseLoadedTogetherIsNamedByItsPosition() async throws {
        // Members after the first go in 64 to a statement: the stray one is the 71st member.
        let registry = try SQLiteRegistry()
        let changes = Self.villageLoad(stray: 70)
        await #expect(throws: RegistryStoreError(changeIndex: 270, message: "FOREIGN KEY constraint failed")) {
            try await registry.apply(changes, as: "导入:张")
        }
        #expect(try await registry.household(number: "6206211002010001") == nil)

        // The same in a registry being built, whose journal is in memory: the refused
        // statement is undone, so the error still names the stray member and not the ones
        // inserted with it.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-\(UUID().uuidString).sqlite").path
        await #expect(throws: RegistryStoreError(changeIndex: 270, message: "FOREIGN KEY constraint failed")) {
            try await SQLiteRegistry.build(at: path) { registry in try await registry.apply(changes, as: "导入:张") }
        }
        #expect(!FileManager.default.fileExists(atPath: path))

        try await SQLiteRegistry.build(at: path) { registry in
            try await registry.apply(Self.villageLoad(stray: -1), as: "导入:张")
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let built = try SQLiteRegistry(path: path)
        #expect(try await built.members(ofHousehold: "6206211002010200").count == 1)
        #expect(try await built.auditTrail(ofHousehold: "6206211002010071").map(\.table) == ["household", "member"])
    }

    @Test func aLongAppendToATableKeyedByIdIsAuditedOncePerRecordInOrder() async throws {
        let registry = try SQLiteRegistry()
        try await registry.apply(Fixtures.everyKind.map { .insert($0) }, as: "导入:张")
        let first = try #require(Fixtures.everyKind.lazy.compactMap { record -> DepartmentWarning? in
            if case .departmentWarning(let warning) = record { return warning } else { return nil }
        }.first)
        // A run longer than the triggers audit: its later inserts are a load, ended by the update.
        let pushed = (1...(LoadedTables.appendsBeforeLoad + 50)).map { offset in
            var warning = first
            warning.id = first.id + Int64(offset)
            warning.reason = "第\(offset)条"
            return warning
        }
        var closed = first
        closed.result = "已核实"
        closed.closedOn = LocalDate(iso: "2024-10-09")!
        try await registry.apply(pushed.map { .insert(.departmentWarning($0)) } + [.update(.departmentWarning(closed))],
                                 as: "县医保局:推送")

        let warnings = try await registry.auditTrail(ofHousehold: Fixtures.household.number).filter { $0.table == "department_warning" }
        #expect(warnings.map(\.action) == [.insert] + Array(repeating: .insert, count: pushed.count) + [.update])
        #expect(warnings.map(\.key) == ([first] + pushed + [first]).map { "\($0.id)" })
        #expect(warnings.map(\.actor) == ["导入:张"] + Array(repeating: "县医保局:推送", count: pushed.count + 1))
        #expect(warnings.dropFirst().dropLast().enumerated().allSatisfy { index, entry in
            entry.after?.contains("\"reason\":\"第\(index + 1)条\"") == true
        })
        #expect(warnings.last?.before == warnings.first?.after)
    }
}
