import ArgumentParser
import DixianConsole
import DixianPostgres
import DixianSQLite
import Foundation

extension PostgresRegistry: ConsoleStore {}

extension StoreOptions {
    /// The registry for the console (`repl`, `run`, `eval --plugin`), in either store: a
    /// session when `write`, so that changes join one transaction until commit(). A SQLite
    /// file must exist.
    func openForConsole(write: Bool) throws -> any ConsoleStore {
        if let url = postgresURL {
            return write ? try PostgresRegistry.session(url: url) : try PostgresRegistry(url: url)
        }
        let path = try existingSQLiteFile()
        guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("--db \(path) does not exist") }
        return write ? try SQLiteRegistry.session(path: path) : try SQLiteRegistry(path: path)
    }
}
