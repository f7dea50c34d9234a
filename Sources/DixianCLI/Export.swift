import ArgumentParser
import DixianInterchange
import Foundation

extension Dixian {
    /// `dixian export`: the registry in the interchange format.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the registry as interchange CSV files, ID numbers masked.",
            discussion: """
                Writes one CSV per table into --out. ID numbers are masked unless --unmasked is given; an \
                unmasked export is recorded in the registry as a disclosure by --actor (dixian audit disclosures).
                """
        )

        @OptionGroup var registry: StoreOptions

        @Option(help: "Who the changes are made by, for the audit trail (default: the system user).")
        var actor: String = ProcessInfo.processInfo.userName

        @Option(help: "The folder to write the files into (created if needed; an earlier export there is replaced only once every file is written).")
        var out: String

        @Flag(help: "Write ID numbers in full. For authorised users only; recorded as a disclosure by --actor.")
        var unmasked = false

        func run() async throws {
            let store = try registry.open()
            let counts = try await ProgressLine.showing(.exporting) { progress in
                try await RegistryExport.write(
                    from: store, to: URL(fileURLWithPath: out), idNumbers: unmasked ? .unmasked(by: actor) : .masked, progress: progress)
            }
            print("exported \(counts.reduce(0) { $0 + $1.rows }) rows to \(out)\(unmasked ? "" : " (ID numbers masked)")")
        }
    }
}
