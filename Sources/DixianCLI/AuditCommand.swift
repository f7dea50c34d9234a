import ArgumentParser
import DixianCore
import Foundation

extension Dixian {
    /// `dixian audit`: what the registry recorded about who saw and changed what.
    struct Audit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read the registry's records of disclosures, and prove its audit trail untouched (a household's changes: dixian household show).",
            subcommands: [Disclosures.self, Verify.self]
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

extension Dixian.Audit {
    /// `dixian audit verify`: walks the chained trail; exit status 1 at the first break.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Prove the audit trail untouched, or name its first broken entry (changed, deleted, inserted or reordered).",
            discussion: "Exits with status 1 when the chain is broken."
        )

        @OptionGroup var registry: StoreOptions

        func run() async throws {
            guard let store = try registry.open() as? any AuditChainStore else {
                throw ValidationError("\(registry.label) does not keep a chained audit trail")
            }
            switch try await store.verifyAuditTrail() {
            case .intact(let entries):
                print("\(entries) entries, chain intact")
            case .broken(let broken, let entriesBefore):
                print("chain broken at \(broken) (\(entriesBefore) entries before it are intact)")
                throw ExitCode(1)
            }
        }
    }
}
