import DixianSynthetic
import Foundation
import Testing

/// docs/synthetic.md lists every county's targets with their sources, as the profiles give them.
struct SyntheticDocsTests {
    static let document = SyntheticCountyTests.plugins.deletingLastPathComponent().appendingPathComponent("docs/synthetic.md")

    /// The table row of `figure` in docs/synthetic.md.
    static func row(_ figure: CountyProfile.Figure, _ profile: CountyProfile) -> String {
        let source = profile.sources[figure.source]!
        let cited = source.url.isEmpty ? source.title : "[\(source.title)](\(source.url))"
        let value = figure.name.isShare ? String(format: "%.2f%%", figure.value * 100) : String(format: "%g", figure.value)
        return "| \(figure.name.rawValue) | \(value) | \(cited) | \(figure.note) |"
    }

    @Test(arguments: ["minqin", "xiaoxian", "binxian", "yanchi"])
    func everyTargetOfEveryCountyIsListedWithItsSource(county: String) throws {
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        let profile = try CountyProfile.load(plugin: county, from: [SyntheticCountyTests.plugins])
        #expect(text.contains("### \(county)\n"))
        for name in CalibratedFigure.allCases {
            let row = Self.row(profile.figure(name), profile)
            #expect(text.contains(row + "\n"), "docs/synthetic.md lacks the row\n\(row)")
        }
    }
}
