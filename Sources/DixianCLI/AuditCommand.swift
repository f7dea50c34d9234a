import ArgumentParser
import Foundation

extension Dixian {
    /// `dixian audit`: what the registry recorded about who saw and changed what.
    struct Audit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read the registry's records of disclosures (a household's changes: dixian household show).",
            subcommands: [Disclosures.self]
        )
    }
}

extension Dixian.Audit {
    /// `dixian audit disclosures`: every unmasked export, oldest first.
    struct Disclosures: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the disclosures of ID numbers (unmasked exports): when, by whom, where to, how many records."
        )

        @OptionGroup var registry: StoreOptions

        func run() async throws {
            let disclosures = try await registry.open().disclosures()
            if disclosures.isEmpty { print("no disclosures recorded") }
            for disclosure in disclosures {
                print("\(disclosure.at)  \(disclosure.actor)  \(disclosure.action)  \(disclosure.records) records  → \(disclosure.destination)")
            }
        }
    }
}
