import DixianCore
import DixianInterchange
import DixianPostgres
import DixianSQLite
import DixianSynthetic
import DixianTestSupport
import Foundation
import Testing

/// Issue 18 and 20: the place table (the county, its townships and villages, with village
/// facts) imported from a places file with Chinese headers into both stores, refused row by
/// row naming file, line and field, audited, copied between stores, and written by the generator.
@Suite struct PlaceTableTests {
    static func places(_ csv: String) throws -> URL {
        let directory = try PostgresRegistryTests.temporaryDirectory()
        try csv.write(to: directory.appendingPathComponent("places.csv"), atomically: true, encoding: .utf8)
        return directory
    }

    static func stores() throws -> [any RegistryStore] {
        [try SQLiteRegistry(), try PostgresRegistry(url: try TestPostgres.newDatabase())]
    }

    @Test func aPlacesFileWithChineseHeadersIsImportedAndAuditedInBothStores() async throws {
        let directory = try Self.places("""
            行政区划代码,名称,级别,上级代码,受灾日期,受灾情况,备注
            620621,民勤县,县,,,,
            620621100,三雷镇,乡镇,620621,,,
            620621100201,红沙岗村,村,620621100,2024-07-21,暴雨洪涝,"东片农田受淹"
            620621100202,新河村,村,,,,

            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        for store in try Self.stores() {
            let report = try await RegistryImport(path: directory).apply(to: store, as: "import")
            #expect(report.problems.isEmpty)
            let directory = try PlaceDirectory.read(from: store)
            #expect(directory.names == ["620621": "民勤县", "620621100": "三雷镇", "620621100201": "红沙岗村", "620621100202": "新河村"])
            let hit = try #require(directory.places["620621100201"])
            #expect(hit.isDisasterHit && hit.disaster == "暴雨洪涝" && hit.parentCode == "620621100" && hit.notes == "东片农田受淹")
            #expect(directory.villageCodes(named: "新河") == ["620621100202"])
            #expect(try await PlaceDirectory.load(from: store).names == directory.names)
        }
    }

    @Test func badRowsAreRefusedNamingFileLineAndFieldAndNothingIsImported() async throws {
        let directory = try Self.places("""
            行政区划代码,名称,级别,上级代码,受灾日期,受灾情况
            6206211,某地,村,,,
            620621100201,红沙岗村,乡镇,,,
            620621100202,新河村,村,620621101,,
            620621100203,东湖村,村,,,冰雹
            620621100204,,村,,,
            620621100205,西渠村,村,,,

            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        for store in try Self.stores() {
            do {
                try await RegistryImport(path: directory).apply(to: store, as: "import")
                Issue.record("a places file with bad rows was imported")
            } catch let rejection as ImportRejected {
                let problems = rejection.report.problems.map(\.description)
                #expect(problems.count == 5, "\(problems)")
                #expect(problems.allSatisfy { $0.hasPrefix("places.csv:") })
                #expect(problems.contains { $0.hasPrefix("places.csv:2: 行政区划代码:") })
                #expect(problems.contains { $0.hasPrefix("places.csv:3: 级别:") })
                #expect(problems.contains { $0.hasPrefix("places.csv:4: 上级代码:") })
                #expect(problems.contains { $0.hasPrefix("places.csv:5: 受灾日期:") })
                #expect(problems.contains { $0.hasPrefix("places.csv:6: 名称:") })
            }
            #expect(try PlaceDirectory.read(from: store).places.isEmpty, "the import is one transaction")
        }
    }

    @Test func theGeneratorNamesVillagesUniquelyAndACopyKeepsThePlaces() async throws {
        let generated = try PostgresRegistryTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: generated) }
        try SyntheticCounty.load(plugin: "minqin", from: [PostgresRegistryTests.plugins], households: 9000, seed: 3).write(to: generated)
        let sqlite = try SQLiteRegistry()
        try await RegistryImport(path: generated).apply(to: sqlite, as: "import")
        let places = try PlaceDirectory.read(from: sqlite)
        #expect(places.names["620621"] == "民勤县" && places.names["620621100"] == "三雷镇")
        let villages = places.villages()
        #expect(villages.count >= 17 && villages.allSatisfy { $0.name.hasSuffix("村") })
        for township in Set(villages.map { $0.parentCode! }) {
            let names = villages.filter { $0.parentCode == township }.map(\.name)
            #expect(Set(names).count == names.count, "names are unique within \(township)")
        }
        #expect(villages.contains { $0.isDisasterHit }, "a few villages were hit by a disaster")

        let postgres = try PostgresRegistry(url: try TestPostgres.newDatabase())
        _ = try await postgres.copy(from: sqlite, as: "test")
        #expect(try PlaceDirectory.read(from: postgres).places == places.places)
    }
}
