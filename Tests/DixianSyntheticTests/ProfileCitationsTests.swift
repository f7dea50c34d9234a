import DixianSynthetic
import Foundation
import Testing

/// `dixian demo` prints a county's targets with the titles of their sources (and docs/synthetic.md
/// their notes): a document is cited there by its number (文号), never as a seed file
/// ("seed 001"), as everywhere officials read (ShippedCitationsTests holds the declarations to it).
struct ProfileCitationsTests {
    @Test(arguments: ["minqin", "xiaoxian", "binxian", "yanchi"])
    func noSourceTitleOrNoteNamesASeed(county: String) throws {
        let profile = try CountyProfile.load(plugin: county, from: [SyntheticCountyTests.plugins])
        let texts = profile.sources.values.map { "source \($0.id): \($0.title)" }
            + profile.figures.values.map { "figure \($0.name.rawValue): \($0.note)" }
        #expect(!texts.isEmpty)
        for text in texts where text.split(separator: ":", maxSplits: 1)[1].range(of: "seed", options: .caseInsensitive) != nil {
            Issue.record("\(county)/profile.lua \(text) names a seed; cite the document by its number (文号)")
        }
    }
}
