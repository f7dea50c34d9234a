import ArgumentParser
import DixianSQLite
import Foundation

/// Which registry a command works on.
struct RegistryOptions: ParsableArguments {
    @Option(help: "The registry's SQLite database file (created if it does not exist).")
    var db: String

    @Option(help: "Who the changes are made by, for the audit trail (default: the system user).")
    var actor: String = ProcessInfo.processInfo.userName

    func open() throws -> SQLiteRegistry {
        try SQLiteRegistry(path: db)
    }
}

/// The registry at `db`, which must exist (commands that only read or add to a registry do
/// not create an empty one by mistake).
func existingRegistry(_ db: String) throws -> SQLiteRegistry {
    guard FileManager.default.fileExists(atPath: db) else { throw ValidationError("--db \(db) does not exist") }
    return try SQLiteRegistry(path: db)
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
