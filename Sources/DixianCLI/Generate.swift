import ArgumentParser
import DixianSynthetic
import Foundation

extension Dixian {
    /// `dixian generate`: a synthetic county in the interchange format.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a synthetic county in the interchange format.",
            discussion: """
                Uses the county plugin's geography (its real county code and townships) and writes \
                households, members, incomes, guarantee surveys, monitoring episodes, plans, visits, \
                warnings, problems and assets. The same county, size and seed give the same files.
                """
        )

        @Option(help: "The county plugin (minqin, xiaoxian, binxian, yanchi, ...).")
        var county: String

        @Option(help: "How many households.")
        var households: Int

        @Option(help: "The random seed.")
        var seed: UInt64 = 1

        @Option(help: "The folder to write into (created if needed).")
        var out: String

        @OptionGroup var plugins: PluginSearchOptions

        func validate() throws {
            guard households > 0 else { throw ValidationError("--households must be positive") }
        }

        func run() throws {
            let county = try SyntheticCounty.load(plugin: self.county, from: plugins.searchPath, households: households, seed: seed)
            let geography = county.geography
            let counts = try county.write(to: URL(fileURLWithPath: out, isDirectory: true)).rows
            let summary = counts.filter { $0.rows > 0 }.map { "\($0.file) \($0.rows)" }.joined(separator: ", ")
            print("\(geography.name) (\(geography.code)): \(summary)")
        }
    }
}
