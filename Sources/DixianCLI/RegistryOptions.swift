import DixianCore
import ArgumentParser
import DixianPostgres
import DixianServer
import DixianSQLite
import Foundation

/// The registry at `db`, which must exist (commands that only read or add to a registry do
/// not create an empty one by mistake), read through its memory map when `memoryMapped`.
func existingRegistry(_ db: String, memoryMapped: Bool = false) throws -> SQLiteRegistry {
    guard FileManager.default.fileExists(atPath: db) else { throw ValidationError(CommandMessage.registryMissing(db).shown) }
    return try SQLiteRegistry(path: db, memoryMapped: memoryMapped)
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Which registry a command works on, in either store: a SQLite file (`--db`) or a PostgreSQL
/// database (`--postgres`, or `DIXIAN_POSTGRES` when neither option is given), else the one
/// the configuration file names (`registry` or `postgres`).
struct StoreOptions: ParsableArguments {
    @Option(help: .shown(.storeOptionsDb))
    var db: String?

    @Option(help: ArgumentHelp(
        OptionHelp.storeOptionsPostgres.shown,
        valueName: "url"))
    var postgres: String?

    /// The PostgreSQL URL: the option; else, without `--db`, the environment's, then the file's.
    var postgresURL: String? {
        if let postgres { return postgres }
        guard db == nil else { return nil }
        return ProcessInfo.processInfo.environment["DIXIAN_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
            ?? DixianConfiguration.current.postgres
    }

    /// The SQLite file: the option; else, when no PostgreSQL database is given, the file's `registry`.
    var sqlitePath: String? {
        db ?? (postgresURL == nil ? DixianConfiguration.current.registry : nil)
    }

    func validate() throws {
        if db != nil && postgres != nil { throw ValidationError(CommandMessage.twoRegistries.shown) }
        if sqlitePath == nil && postgresURL == nil { throw ValidationError(ConfigurationMessages.noRegistry) }
    }

    /// The registry; a SQLite file must exist unless `creating`, and is read through its memory
    /// map when `memoryMapped` (the server: `SQLiteRegistry.init(path:memoryMapped:)`).
    func open(creating: Bool = false, memoryMapped: Bool = false) throws -> any ServerStore {
        if let url = postgresURL { return try PostgresRegistry(url: url) }
        return creating ? try SQLiteRegistry(path: sqlitePath!, memoryMapped: memoryMapped)
            : try existingRegistry(existingSQLiteFile(), memoryMapped: memoryMapped)
    }

    /// The SQLite file, which must exist: refused naming where it was given when it does not.
    func existingSQLiteFile() throws -> String {
        let path = sqlitePath!
        if db == nil, let file = DixianConfiguration.current.file, !FileManager.default.fileExists(atPath: path) {
            throw ValidationError(ConfigurationMessages.missingRegistry(path, file: file.path))
        }
        return path
    }

    /// Where the registry is, for messages (a PostgreSQL URL without its password).
    var label: String {
        postgresURL.map(PostgresRegistry.location(of:)) ?? sqlitePath ?? ""
    }
}
