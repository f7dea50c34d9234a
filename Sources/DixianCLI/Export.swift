import ArgumentParser
import DixianInterchange
import Foundation

extension Dixian {
    /// `dixian export`: the registry in the interchange format.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandHelp.exportAbstract.shown,
            discussion: CommandHelp.exportDiscussion.shown
        )

        @OptionGroup var registry: StoreOptions

        @Option(help: .shown(.actorDefaultSystemUser))
        var actor: String = ProcessInfo.processInfo.userName

        @Option(help: .shown(.exportOut))
        var out: String

        @Flag(help: .shown(.exportUnmasked))
        var unmasked = false

        func run() async throws {
            let store = try registry.open()
            let counts = try await ProgressLine.showing(.exporting) { progress in
                try await RegistryExport.write(
                    from: store, to: URL(fileURLWithPath: out), idNumbers: unmasked ? .unmasked(by: actor) : .masked, progress: progress)
            }
            print(CommandMessage.exported(rows: counts.reduce(0) { $0 + $1.rows }, to: out, masked: !unmasked).shown)
        }
    }
}
