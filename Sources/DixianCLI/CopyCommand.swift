import ArgumentParser
import DixianPostgres
import Foundation

extension Dixian {
    /// `dixian copy`: a SQLite registry into PostgreSQL.
    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy a SQLite registry into an empty PostgreSQL database, for a server over a multi-user database.",
            discussion: """
                Copies every record and the registry's own history with it: the audit trail, the \\
                disclosures, the server's users and the screening runs. All or nothing; the PostgreSQL \\
                database must hold no registry yet (its schema is created if it is new). The copy is \
                recorded in both registries as a disclosure of ID numbers by --actor (dixian audit disclosures).
                """
        )

        @Option(help: "The SQLite registry to copy.")
        var db: String

        @Option(help: ArgumentHelp("The PostgreSQL database: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE.", valueName: "url"))
        var postgres: String

        @Option(help: "Who makes the copy: it moves every ID number, and is recorded in both registries as a disclosure by them.")
        var actor: String = ProcessInfo.processInfo.userName

        func run() async throws {
            let source = try existingRegistry(db)
            let target = try PostgresRegistry(url: postgres)
            let started = Date()
            let summary = try await ProgressLine.showing(.copying) { try await target.copy(from: source, as: actor, progress: $0) }
            let seconds = Date().timeIntervalSince(started)
            print(summary.rows.map { "\($0.table) \($0.count)" }.joined(separator: ", "))
            print("copied \(summary.rows.reduce(0) { $0 + $1.count }) rows in \(String(format: "%.1f", seconds)) s")
        }
    }
}
