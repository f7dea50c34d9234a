import ArgumentParser
import DixianCore
import Foundation

extension Dixian {
    /// `dixian audit`: what the registry recorded about who saw and changed what.
    struct Audit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandHelp.auditAbstract.shown,
            subcommands: [Disclosures.self, Verify.self]
        )
    }
}

extension Dixian.Audit {
    /// `dixian audit disclosures`: every unmasked export, oldest first.
    struct Disclosures: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandHelp.disclosuresAbstract.shown
        )

        @OptionGroup var registry: StoreOptions

        func run() async throws {
            let disclosures = try await registry.open().disclosures()
            if disclosures.isEmpty { print(CommandMessage.noDisclosures.shown) }
            for disclosure in disclosures {
                print(CommandMessage.disclosure(at: disclosure.at, actor: disclosure.actor, action: disclosure.action, records: disclosure.records,
                                                destination: disclosure.destination).shown)
            }
        }
    }
}

extension Dixian.Audit {
    /// `dixian audit verify`: walks the chained trail; exit status 1 at the first break.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandHelp.auditVerifyAbstract.shown,
            discussion: CommandHelp.verifyDiscussion.shown
        )

        @OptionGroup var registry: StoreOptions

        func run() async throws {
            guard let store = try registry.open() as? any AuditChainStore else {
                throw ValidationError(CommandMessage.noChainedTrail(registry.label).shown)
            }
            switch try await store.verifyAuditTrail() {
            case .intact(let entries):
                print(CommandMessage.chainIntact(entries: entries).shown)
            case .broken(let broken, let entriesBefore):
                print(CommandMessage.chainBroken(at: "\(broken)", intactBefore: entriesBefore).shown)
                throw ExitCode(1)
            }
        }
    }
}
