import ArgumentParser
import DixianSynthetic
import Foundation

extension Dixian {
    /// `dixian generate`: a synthetic county in the interchange format.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandHelp.generateAbstract.shown,
            discussion: CommandHelp.generateDiscussion.shown
        )

        @Option(help: .shown(.generateCounty))
        var county: String = DixianConfiguration.current.plugin ?? ""

        @Option(help: .shown(.households))
        var households: Int

        @Option(help: .shown(.seed))
        var seed: UInt64 = 1

        @Option(help: .shown(.generateOut))
        var out: String

        @OptionGroup var plugins: PluginSearchOptions

        func validate() throws {
            guard !county.isEmpty else { throw ValidationError(ConfigurationMessage.noCounty.shown) }
            guard households > 0 else { throw ValidationError(CommandMessage.mustBePositive(option: "--households").shown) }
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
