import DixianCore
import DixianSQLite
import DixianWorkflow

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

/// The workflow actions the console binds, whatever the store: `Workflow` over the console's
/// store, its type opened from the existential.
protocol ConsoleWorkflow {
    func closeProblem(_ problemID: Int64, fix: String, on date: LocalDate) async throws
    func report(household number: String, channel: DiscoveryChannel, on date: LocalDate, by person: String, notes: String)
        async throws -> Int64
    func makePlan(episode episodeID: Int64, on date: LocalDate, by person: String) async throws -> Int64
    func take(_ action: MonitoringAction, episode episodeID: Int64, on date: LocalDate, by person: String)
        async throws -> MonitoringEpisode
    func recordVisit(_ visit: Visit) async throws -> Int64
}

extension Workflow: ConsoleWorkflow {}
