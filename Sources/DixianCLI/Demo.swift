import ArgumentParser
import DixianCore
import DixianInterchange
import DixianPlugins
import DixianScreening
import DixianSQLite
import DixianSynthetic
import DixianWorkflow
import Foundation
import LuaHost

extension Dixian {
    /// `dixian demo`: a synthetic county, imported into SQLite, summarised.
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandHelp.demoAbstract.shown,
            discussion: CommandHelp.demoDiscussion.shown
        )

        @Option(help: .shown(.demoCounty))
        var county: String = DixianConfiguration.current.plugin ?? ""

        @Option(help: .shown(.households))
        var households = 10_000

        @Option(help: .shown(.demoPlugin))
        var plugin: String?

        @Option(help: .shown(.seed))
        var seed: UInt64 = 1

        @Option(help: .shown(.demoDb))
        var db: String?

        @OptionGroup var plugins: PluginSearchOptions

        func validate() throws {
            guard !county.isEmpty else { throw ValidationError(ConfigurationMessage.noCounty.shown) }
        }

        func run() async throws {
            let county = try SyntheticCounty.load(plugin: self.county, from: plugins.searchPath, households: households, seed: seed)
            let geography = county.geography
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-demo-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let written = try county.write(to: folder.appendingPathComponent("county"))
            let path = db ?? folder.deletingLastPathComponent().appendingPathComponent("dixian-demo-\(self.county).sqlite").path
            try? FileManager.default.removeItem(atPath: path)
            let store = try SQLiteRegistry(path: path)
            let report = try await RegistryImport(path: folder.appendingPathComponent("county"))
                .apply(to: store, as: "dixian demo")
            let summary = try await store.householdSummary(area: nil)
            print(DemoSummary(geography: geography, summary: summary, rows: report.totalRows, path: path).text)
            print("")
            print(ProfileComparison(profile: county.profile, statistics: written.statistics).text)

            let catalog = PluginCatalog(searchPath: plugins.searchPath)
            let manifest = try catalog.plugin(plugin ?? self.county)
            let chain = try catalog.chain(for: manifest)
            let outcome = try ScreeningEngine(chain: chain, options: .init(asOf: SyntheticCounty.asOf, actor: "dixian demo"))
                .run(on: store)
            let checks = outcome.declarations.checks + outcome.declarations.assetChecks
            print("")
            print(ScreeningOutput(run: outcome.run, checks: checks, plugin: manifest).summary(), terminator: "")
            let due = try await DueScan(chain: chain, asOf: SyntheticCounty.asOf, area: nil).run(on: store)
            print("")
            print(DueOutput(list: due, plugin: manifest).summary().terminalEscaped, terminator: "")  // failures quote registry text
        }
    }
}

/// The demo's summary, in Chinese as the county's officials read it.
struct DemoSummary {
    let geography: CountyGeography
    let summary: HouseholdSummary
    let rows: Int
    let path: String

    var text: String {
        let total = summary.byCategory.values.reduce(0, +)
        var lines = ["\(geography.name)（\(geography.code)）合成数据已导入 \(path)：\(total) 户，共 \(rows) 条记录", ""]
        lines.append("按户属性：" + HouseholdCategory.allCases.map { "\($0.chineseName) \(summary.byCategory[$0] ?? 0)" }
            .joined(separator: "，"))
        lines.append("监测户按风险类别：" + RiskType.allCases.compactMap { risk in
            summary.monitoredByRiskType[risk].map { "\(risk.chineseName) \($0)" }
        }.joined(separator: "，"))
        lines.append("监测户按乡镇：")
        for (index, name) in geography.townships.enumerated() {
            lines.append("  \(name) \(summary.monitoredByTownship[geography.townshipCode(index)] ?? 0)")
        }
        return lines.joined(separator: "\n")
    }
}

/// The county's calibrated figures as generated beside the targets of its profile, with the
/// sources the targets are cited from.
struct ProfileComparison {
    let profile: CountyProfile
    let statistics: CountyStatistics

    var text: String {
        var lines = ["合成数据与公开统计对照（目标见插件 profile.lua）："]
        var cited: [String] = []
        for name in CalibratedFigure.allCases {
            let figure = profile.figure(name)
            if !cited.contains(figure.source) { cited.append(figure.source) }
            lines.append("  \(name.chineseName)：\(Self.format(statistics.value(name), name))（目标 \(Self.format(figure.value, name))，"
                + "来源[\(cited.firstIndex(of: figure.source)! + 1)]）")
        }
        lines.append("来源：")
        for (index, id) in cited.enumerated() {
            let source = profile.sources[id]!
            lines.append("  [\(index + 1)] \(source.title) \(source.url)")
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double, _ figure: CalibratedFigure) -> String {
        switch figure {
        case .householdSize: String(format: "%.2f", value)
        case .sexRatio: String(format: "%.1f", value)
        case .incomeMedian: String(format: "%.0f元", value)
        default: String(format: "%.1f%%", value * 100)
        }
    }
}
