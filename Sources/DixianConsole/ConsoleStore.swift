import DixianCore
import DixianSQLite

/// A registry the console can work on, in either store: it reads views, screens, reports and
/// changes records, and when opened for writing it is a session, holding one transaction
/// across calls until `commit()` or `rollback()` (`SQLiteRegistry.session(path:)`, or
/// PostgreSQL's `PostgresRegistry.session(url:)`).
public protocol ConsoleStore: RegistryStore, HouseholdViewSource, ScreeningRunStore {
    /// Makes the session's changes permanent (nothing happens when there are none).
    func commit() throws
    /// Drops the session's changes.
    func rollback() throws
    /// How many changes (actions) the session holds uncommitted.
    var uncommittedChanges: Int { get }
}

extension SQLiteRegistry: ConsoleStore {}
