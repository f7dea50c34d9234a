import ArgumentParser
import DixianPostgres
import Foundation

extension Dixian {
    /// `dixian copy`: a SQLite registry into PostgreSQL.
    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandHelp.copyAbstract.shown,
            discussion: CommandHelp.copyDiscussion.shown
        )

        @Option(help: .shown(.copyDb))
        var db: String

        @Option(help: ArgumentHelp(OptionHelp.copyPostgres.shown, valueName: "url"))
        var postgres: String

        @Option(help: .shown(.copyActor))
        var actor: String = ProcessInfo.processInfo.userName

        func run() async throws {
            let source = try existingRegistry(db)
            let target = try PostgresRegistry(url: postgres)
            let started = Date()
            let summary = try await ProgressLine.showing(.copying) { try await target.copy(from: source, as: actor, progress: $0) }
            let seconds = Date().timeIntervalSince(started)
            print(summary.rows.map { "\($0.table) \($0.count)" }.joined(separator: ", "))
            print(CommandMessage.copied(rows: summary.rows.reduce(0) { $0 + $1.count }, seconds: String(format: "%.1f", seconds)).shown)
        }
    }
}
