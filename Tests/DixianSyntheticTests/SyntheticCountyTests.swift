import DixianCore
import DixianInterchange
import DixianSQLite
import DixianPlugins
import DixianSynthetic
import Foundation
import Testing

/// Synthetic counties are valid, deterministic, and survive an import and export unchanged.
struct SyntheticCountyTests {
    /// The repository's Plugins folder.
    static let plugins = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Plugins")

    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("dixian-synthetic-\(UUID().uuidString)")
    }

    static func contents(of directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for url in try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil) {
            files[url.lastPathComponent] = try Data(contentsOf: url)
        }
        return files
    }

    @Test func generateImportExportReproducesTheFilesByteForByte() async throws {
        let generated = Self.temporaryDirectory(), exported = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: generated); try? FileManager.default.removeItem(at: exported) }
        let counts = try SyntheticCounty.load(plugin: "minqin", from: [Self.plugins], households: 3000, seed: 7).write(to: generated).rows
        for table in ["households.csv", "members.csv", "monitoring_episodes.csv", "measures.csv", "visits.csv",
                      "department_warnings.csv", "problems.csv", "hospital_stays.csv", "complaints.csv", "microcredit_loans.csv", "assets.csv", "asset_distributions.csv"] {
            #expect((counts.first { $0.file == table }?.rows ?? 0) > 0, "\(table) is empty")
        }

        let registry = try SQLiteRegistry()
        let report = try await RegistryImport(path: generated).apply(to: registry, as: "import")
        #expect(report.problems.isEmpty)
        try await RegistryExport.write(from: registry, to: exported, idNumbers: .unmasked(by: "test"))
        let before = try Self.contents(of: generated), after = try Self.contents(of: exported)
        #expect(before.keys.sorted() == after.keys.sorted())
        for (file, data) in before {
            #expect(after[file] == data, "\(file) differs after the round trip")
        }
    }

    @Test func theSameSeedGivesTheSameCountyAndAnotherSeedAnother() throws {
        let county = { (seed: UInt64) in try SyntheticCounty.load(plugin: "yanchi", from: [Self.plugins], households: 500, seed: seed) }
        let first = Self.temporaryDirectory(), second = Self.temporaryDirectory(), third = Self.temporaryDirectory()
        defer { for url in [first, second, third] { try? FileManager.default.removeItem(at: url) } }
        try county(42).write(to: first)
        try county(42).write(to: second)
        try county(43).write(to: third)
        #expect(try Self.contents(of: first) == Self.contents(of: second))
        #expect(try Self.contents(of: first)["members.csv"] != Self.contents(of: third)["members.csv"])
    }

    @Test(arguments: ["minqin", "xiaoxian", "binxian", "yanchi"])
    func everyShippedCountyGeneratesAValidRegistry(county: String) async throws {
        let synthetic = try SyntheticCounty.load(plugin: county, from: [Self.plugins], households: 1000, seed: 1)
        let geography = synthetic.geography
        let folder = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try synthetic.write(to: folder)
        let registry = try SQLiteRegistry()
        try await RegistryImport(path: folder).apply(to: registry, as: "import")
        let summary = try await registry.householdSummary(area: nil)
        #expect(summary.byCategory.values.reduce(0, +) == 1000)
        let general = summary.byCategory[.general] ?? 0
        #expect(general > 600 && general < 990, "most households are general")
        let households = try String(contentsOf: folder.appendingPathComponent("households.csv"), encoding: .utf8)
        #expect(households.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix(geography.code) })
    }

    @Test func aMissingOrBrokenGeographyIsReported() throws {
        #expect(throws: GeographyError.self) { try CountyGeography.load(plugin: "atlantis", from: [Self.plugins]) }
        #expect(throws: ProfileError.self) { try CountyProfile.load(plugin: "atlantis", from: [Self.plugins]) }
    }

    @Test func aProfileFigureCitingNoListedSourceIsRefusedNamingTheField() throws {
        let folder = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plugin = folder.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: plugin, withIntermediateDirectories: true)
        let text = try String(contentsOf: Self.plugins.appendingPathComponent("minqin/profile.lua"), encoding: .utf8)
            .replacingOccurrences(of: "sex_ratio = { value = 102.16, source = 'wuwei_census'", with: "sex_ratio = { value = 102.16, source = 'nowhere'")
        try text.write(to: plugin.appendingPathComponent("profile.lua"), atomically: true, encoding: .utf8)
        #expect {
            try CountyProfile.load(plugin: "broken", from: [folder, Self.plugins])
        } throws: { error in
            "\(error)" == "broken/profile.lua: figures.sex_ratio cites source 'nowhere', which profile.sources does not list"
        }
    }
}
