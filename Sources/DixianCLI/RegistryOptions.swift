import DixianCore
import ArgumentParser
import DixianPostgres
import DixianServer
import DixianSQLite
import Foundation

/// The registry at `db`, which must exist (commands that only read or add to a registry do
/// not create an empty one by mistake).
func existingRegistry(_ db: String) throws -> SQLiteRegistry {
    guard FileManager.default.fileExists(atPath: db) else { throw ValidationError(CommandMessage.registryMissing(db).shown) }
    return try SQLiteRegistry(path: db)
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Which registry a command works on, in either store: a SQLite file (`--db`) or a PostgreSQL
/// database (`--postgres`, or `DIXIAN_POSTGRES` when neither option is given).
struct StoreOptions: ParsableArguments {
    @Option(help: .shown(.storeOptionsDb))
    var db: String?

    @Option(help: ArgumentHelp(
        OptionHelp.storeOptionsPostgres.shown,
        valueName: "url"))
    var postgres: String?

    /// The PostgreSQL URL, from the option or the environment.
    var postgresURL: String? {
        postgres ?? (db == nil ? ProcessInfo.processInfo.environment["DIXIAN_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 } : nil)
    }

    func validate() throws {
        if db != nil && postgres != nil { throw ValidationError(CommandMessage.twoRegistries.shown) }
        if db == nil && postgresURL == nil { throw ValidationError(CommandMessage.registryNeeded.shown) }
    }

    /// The registry; a SQLite file must exist unless `creating`.
    func open(creating: Bool = false) throws -> any ServerStore {
        if let url = postgresURL { return try PostgresRegistry(url: url) }
        return creating ? try SQLiteRegistry(path: db!) : try existingRegistry(db!)
    }

    /// Where the registry is, for messages (a PostgreSQL URL without its password).
    var label: String {
        postgresURL.map(PostgresRegistry.location(of:)) ?? db ?? ""
    }
}
