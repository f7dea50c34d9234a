import DixianCore
import DixianInterchange
import DixianPostgres
import DixianSQLite
import DixianSynthetic
import DixianTestSupport
import Foundation
import Testing

/// What only the PostgreSQL store has to show: a copy from SQLite that loses nothing, and an
/// audit trail no one can bypass with SQL of their own.
@Suite struct PostgresRegistryTests {
    static let plugins = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Plugins")

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func files(in directory: URL) throws -> [String: Data] {
        var contents: [String: Data] = [:]
        for url in try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil) {
            contents[url.lastPathComponent] = try Data(contentsOf: url)
        }
        return contents
    }

    /// Runs SQL through psql as the database's owner; returns whether it succeeded.
    static func psql(_ url: String, _ sql: String) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/lib/postgresql/15/bin/psql")
        process.arguments = [url, "-v", "ON_ERROR_STOP=1", "-qc", sql]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test func aCopyFromSQLiteCarriesEveryRecordTheTrailAndTheUsers() async throws {
        let generated = try Self.temporaryDirectory(), fromSQLite = try Self.temporaryDirectory(),
            fromPostgres = try Self.temporaryDirectory()
        defer { for url in [generated, fromSQLite, fromPostgres] { try? FileManager.default.removeItem(at: url) } }
        try SyntheticCounty.load(plugin: "minqin", from: [Self.plugins], households: 400, seed: 11).write(to: generated)
        let sqlite = try SQLiteRegistry()
        try await RegistryImport(path: generated).apply(to: sqlite, as: "import")
        try await sqlite.saveUser(ServerUser(name: "cadre", role: .villageCadre, areas: ["620621"], tokenHash: "ab", salt: "cd",
                                             expiresOn: LocalDate(iso: "2030-01-01")!))
        try await sqlite.recordDisclosure(Disclosure(actor: "审核", action: "unmasked export", destination: "/tmp/x", records: 9))

        let url = try TestPostgres.newDatabase()
        let postgres = try PostgresRegistry(url: url)
        let summary = try await postgres.copy(from: sqlite, as: "县乡村振兴局:管理员")
        #expect(summary.rows.first { $0.table == "member" }?.count ?? 0 > 400)

        #expect(try contents(of: postgres) == contents(of: sqlite))
        try await RegistryExport.write(from: sqlite, to: fromSQLite, idNumbers: .unmasked(by: "test"))
        try await RegistryExport.write(from: postgres, to: fromPostgres, idNumbers: .unmasked(by: "test"))
        #expect(try Self.files(in: fromPostgres) == Self.files(in: fromSQLite))
        let number = try #require(try await sqlite.views(in: HouseholdPartition(from: nil, upTo: nil, area: nil),
                                                         asOf: SyntheticCounty.asOf).first?.household.number)
        #expect(try await postgres.auditTrail(ofHousehold: number) == sqlite.auditTrail(ofHousehold: number))
        #expect(try await postgres.users() == sqlite.users())
        // The source's disclosures come along, the copy is one in both registries, and the
        // export just made added one on each side.
        let copyDisclosure = try #require(try await sqlite.disclosures().last { $0.action == "copy to PostgreSQL" })
        #expect(copyDisclosure.destination == url && copyDisclosure.records > 400)
        #expect(try await postgres.disclosures().map(\.actor) == ["审核", "县乡村振兴局:管理员", "test"])
        #expect(try await sqlite.disclosures().map(\.actor) == ["审核", "县乡村振兴局:管理员", "test"])

        // New ids continue after the copied ones, and a second copy is refused.
        var highest: Int64 = 0
        try postgres.forEachRecord(in: .visit) { if case .visit(let visit) = $0 { highest = max(highest, visit.id) } }
        #expect(try await postgres.nextIdentifier(in: .visit) > highest)
        await #expect(throws: PostgresStoreError.self) { _ = try await postgres.copy(from: sqlite, as: "again") }
    }

    /// PostgreSQL reads a partition's views with a query for each kind of record, merged by
    /// household number: the views match SQLite's for every partition of the county and of a
    /// township (whose last partition ends where the township's numbers end), and one by one.
    @Test func viewsReadByPartitionMatchSQLites() async throws {
        let generated = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: generated) }
        try SyntheticCounty.load(plugin: "minqin", from: [Self.plugins], households: 300, seed: 5).write(to: generated)
        let sqlite = try SQLiteRegistry()
        try await RegistryImport(path: generated).apply(to: sqlite, as: "import")
        let postgres = try PostgresRegistry(url: try TestPostgres.newDatabase())
        _ = try await postgres.copy(from: sqlite, as: "test")
        let all = try await sqlite.views(in: HouseholdPartition(from: nil, upTo: nil, area: nil), asOf: SyntheticCounty.asOf)
        let township = String(all[0].household.area.villageCode.prefix(9))
        let inTownship = all.filter { $0.household.area.villageCode.hasPrefix(township) }
        #expect(inTownship.count < all.count && all.contains { !$0.steps.isEmpty && !$0.visits.isEmpty })

        for date in [SyntheticCounty.asOf, LocalDate(iso: "2023-03-31")!] {
            for area in [nil, township] {
                let partitions = try sqlite.partitions(area: area, size: 37)
                #expect(try postgres.partitions(area: area, size: 37) == partitions)
                var read: [HouseholdView] = []
                for partition in partitions {
                    let expected = try await sqlite.views(in: partition, asOf: date)
                    #expect(try await postgres.views(in: partition, asOf: date) == expected)
                    var batches: [HouseholdView] = []
                    try postgres.readViews(in: partition, asOf: date, batchSize: 10) { batches += $0 }
                    #expect(batches == expected)
                    read += batches
                }
                #expect(read.map(\.household.number) == (area == nil ? all : inTownship).map(\.household.number))
            }
            for view in all.prefix(40) {
                let number = view.household.number
                let expected = try await sqlite.householdView(number, asOf: date)
                #expect(try await postgres.householdView(number, asOf: date) == expected)
            }
        }
        #expect(try await postgres.householdView("6206990000000000", asOf: SyntheticCounty.asOf) == nil)
    }

    @Test func aChangeWithoutAnActorIsRefusedEvenOutsideTheStore() async throws {
        let url = try TestPostgres.newDatabase()
        let registry = try PostgresRegistry(url: url)
        try await registry.apply([.insert(.household(Fixtures.household))], as: "import")
        try await registry.recordDisclosure(Disclosure(actor: "审核", action: "unmasked export", destination: "/tmp/x", records: 3))

        #expect(try !Self.psql(url, "UPDATE household SET helper = 'nobody'"))
        #expect(try !Self.psql(url, "DELETE FROM disclosure"))
        #expect(try Self.psql(url, """
            BEGIN; SELECT set_config('dixian.actor', 'admin:psql', true); UPDATE household SET helper = '王帮扶'; COMMIT;
            """))
        let trail = try await registry.auditTrail(ofHousehold: Fixtures.household.number)
        #expect(trail.map(\.actor) == ["import", "admin:psql"])
        #expect(try await registry.household(number: Fixtures.household.number)?.helper == "王帮扶")
        #expect(try await registry.disclosures().count == 1)
    }

    @Test func aBadURLOrUnreachableServerIsAClearError() throws {
        #expect(throws: PostgresStoreError.self) { _ = try PostgresRegistry(url: "mysql://x@y/z") }
        do {
            _ = try PostgresRegistry(url: "postgres://dixian@127.0.0.1:1/none")
            Issue.record("a registry on a closed port opened")
        } catch let error as PostgresStoreError {
            #expect(error.message.contains("connect") || error.message.contains("refused"), "\(error.message)")
        }
    }
}
