import DixianCore
import DixianInterchange
@testable import DixianPostgres
import DixianSQLite
import DixianSynthetic
import DixianTestSupport
import Foundation
import Testing

/// Issue 18: the day an asset's status began (状态起始日期), imported from a file with Chinese
/// headers into both stores, refused before the asset was formed,
/// exported and imported again unchanged, audited when it changes (on a PostgreSQL registry
/// migrated from before it too; SQLite's: `AssetStatusMigrationTests`), copied between stores,
/// and given by the generator to idle and lost assets.
@Suite struct AssetStatusSinceTests {
    static let header = "编号,项目名称,资产类别,资产价值,村级区划代码,管护主体,是否确权登记,使用状态,形成日期,状态起始日期\n"

    /// A folder holding `assets.csv`: the header and `rows`.
    static func folder(assets rows: String) throws -> URL {
        let directory = try PostgresRegistryTests.temporaryDirectory()
        try (header + rows).write(to: directory.appendingPathComponent("assets.csv"), atomically: true, encoding: .utf8)
        return directory
    }

    static let rows = """
        1,村级光伏电站,operating,1200000,620621100201,村股份经济合作社,是,in-use,2019-06-30,
        2,养殖暖棚,operating,800000,620621100201,村股份经济合作社,是,idle,2020-03-01,2023-05-20
        3,到户养殖圈舍,household,30000,620621100201,,否,lost,2018-05-01,2022-11-30

        """

    /// Every asset of `store`, in id order.
    static func assets(of store: any RegistryStore) throws -> [Asset] {
        var assets: [Asset] = []
        try store.forEachRecord(in: .asset) { record in
            if case .asset(let asset) = record { assets.append(asset) }
        }
        return assets
    }

    @Test(arguments: Backend.allCases)
    func theDateIsImportedAndExportedToImportAgainUnchanged(_ backend: Backend) async throws {
        let directory = try Self.folder(assets: Self.rows)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try backend.open()
        let report = try await RegistryImport(path: directory).apply(to: store, as: "import")
        #expect(report.problems.isEmpty, "\(report.problems)")
        let assets = try Self.assets(of: store)
        #expect(assets.map(\.statusSince) == [nil, LocalDate(iso: "2023-05-20"), LocalDate(iso: "2022-11-30")])

        let export = try PostgresRegistryTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: export) }
        try await RegistryExport.write(from: store, to: export.appendingPathComponent("out"))
        let exported = try String(contentsOf: export.appendingPathComponent("out/assets.csv"), encoding: .utf8)
        let lines = exported.split(separator: "\n")
        #expect(lines.first?.contains("status_since") == true || lines.first?.contains("状态起始日期") == true, "\(exported)")
        #expect(lines.count == 4 && lines[2].hasSuffix(",2023-05-20") && lines[1].hasSuffix(","), "\(exported)")
        let again = try backend.open()
        try await RegistryImport(path: export.appendingPathComponent("out")).apply(to: again, as: "import")
        #expect(try Self.assets(of: again) == assets)
    }

    @Test(arguments: Backend.allCases)
    func aStatusBeganBeforeTheAssetWasFormedIsRefusedNamingLineAndColumn(_ backend: Backend) async throws {
        let directory = try Self.folder(assets: """
            1,村级光伏电站,operating,1200000,620621100201,村股份经济合作社,是,idle,2019-06-30,2019-06-29
            2,养殖暖棚,operating,800000,620621100201,村股份经济合作社,是,idle,2020-03-01,2020-02-30

            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try backend.open()
        do {
            try await RegistryImport(path: directory).apply(to: store, as: "import")
            Issue.record("an asset whose status began before it was formed was imported")
        } catch let rejection as ImportRejected {
            let problems = rejection.report.problems.map(\.description)
            #expect(problems.count == 2, "\(problems)")
            #expect(problems.contains { $0.hasPrefix("assets.csv:2: 状态起始日期:") && $0.contains("before the asset was formed") },
                    "\(problems)")
            #expect(problems.contains { $0.hasPrefix("assets.csv:3: 状态起始日期:") }, "\(problems)")
        }
        #expect(try Self.assets(of: store).isEmpty, "the import is one transaction")
    }

    /// The `after` of each audit entry of an asset update, by SQL on each store's own trail.
    static func assetUpdates(_ store: any RegistryStore, postgres url: String?) throws -> [String] {
        let sql = "SELECT after FROM audit WHERE table_name = 'asset' AND action = 'update' ORDER BY id"
        if let url {
            return try TestPostgres.run("/usr/lib/postgresql/15/bin/psql", [url, "-tAc", sql])
                .split(separator: "\n").map(String.init)
        }
        var after: [String] = []
        try #require(store as? SQLiteRegistry).forEachRow(ofTable: "audit", columns: ["table_name", "action", "after"]) { row in
            if row[0] == "asset" && row[1] == "update", let text = row[2] { after.append(text) }
        }
        return after
    }

    @Test(arguments: Backend.allCases)
    func aChangeOfStatusAndItsDateIsAudited(_ backend: Backend) async throws {
        let url = backend == .postgres ? try TestPostgres.newDatabase() : nil
        let store: any Store
        if let url { store = try PostgresRegistry(url: url) } else { store = try SQLiteRegistry() }
        try await store.apply(Fixtures.everyKind.map(RegistryChange.insert), as: "import")
        var asset = try #require(try Self.assets(of: store).first)
        asset.status = .idle
        asset.statusSince = LocalDate(iso: "2024-05-06")!
        try await store.apply([.update(.asset(asset))], as: "village:王会计")
        #expect(try Self.assets(of: store) == [asset])
        let updates = try Self.assetUpdates(store, postgres: url)
        #expect(updates.count == 1 && updates[0].contains("\"status_since\":\"2024-05-06\"") && updates[0].contains("\"status\":\"idle\""),
                "\(updates)")
    }

    @Test func aPostgreSQLRegistryOfBeforeTheDateReadsItsAssetsWithoutOneAndAuditsTheChangesAfter() async throws {
        let url = try TestPostgres.newDatabase()
        let pool = try ConnectionPool(url: url)
        try pool.withConnection { connection in
            try PostgresRegistry.migrate(connection, through: "v17: households' microcredit loans (小额信贷)")
            try connection.transaction {
                try connection.rows("SELECT set_config('dixian.actor', 'import', true)")
                try connection.rows("""
                    INSERT INTO asset (id, project, asset_class, value_fen, village_code, custodian, ownership_registered, status, formed_on)
                    VALUES (1, '养殖暖棚', 'operating', 80000000, '620621100201', '村股份经济合作社', true, 'idle', '2020-03-01')
                    """)
            }
        }
        pool.close()

        let registry = try PostgresRegistry(url: url)
        var asset = try #require(try Self.assets(of: registry).first)
        #expect(asset.status == .idle && asset.statusSince == nil)
        asset.statusSince = LocalDate(iso: "2023-05-20")!
        try await registry.apply([.update(.asset(asset))], as: "village:王会计")
        #expect(try Self.assets(of: registry) == [asset])
        let updates = try Self.assetUpdates(registry, postgres: url)
        #expect(updates.count == 1 && updates[0].contains("\"status_since\":\"2023-05-20\""), "\(updates)")
        #expect(try await registry.verifyAuditTrail() == .intact(entries: 2))
    }

    @Test func theGeneratorDatesIdleAndLostAssetsAndACopyKeepsTheDates() async throws {
        let generated = try PostgresRegistryTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: generated) }
        // Idle and lost assets are rare (2.5%, a county has a few dozen assets): this county has two.
        try SyntheticCounty.load(plugin: "binxian", from: [PostgresRegistryTests.plugins], households: 3000, seed: 1).write(to: generated)
        let sqlite = try SQLiteRegistry()
        try await RegistryImport(path: generated).apply(to: sqlite, as: "import")
        let assets = try Self.assets(of: sqlite)
        let changed = assets.filter { $0.status != .inUse }
        #expect(!changed.isEmpty, "a few of \(assets.count) assets are idle or lost")
        let asOf = SyntheticCounty.asOf
        #expect(changed.allSatisfy { asset in
            asset.statusSince.map { $0 >= asset.formedOn.adding(days: 365) && $0 <= asOf.adding(days: -30) } ?? false
        }, "each idle or lost asset is dated a year after it was formed or later, and a month before the county's date or earlier")
        #expect(assets.filter { $0.status == .inUse }.allSatisfy { $0.statusSince == nil })

        let postgres = try PostgresRegistry(url: try TestPostgres.newDatabase())
        _ = try await postgres.copy(from: sqlite, as: "test")
        #expect(try Self.assets(of: postgres) == assets)
    }
}
