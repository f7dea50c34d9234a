import PostgresNIO
import Synchronization

/// An administrator's session on a PostgreSQL registry (`PostgresRegistry.session(url:)`): one
/// connection of its own, on which the first change begins a transaction that stays open
/// across calls, its changes visible to the session's reads and to no one else, until
/// `commit()` or `rollback()`. Each call in the open transaction runs under a savepoint, so
/// that a refused change or a failed read undoes only itself, as in SQLite's sessions. If the
/// connection is lost, PostgreSQL rolls the transaction back; the session says so and starts
/// afresh on a new connection at its next call. A session serves one caller at a time (the
/// console's thread).
final class Session: Sendable {
    private struct State {
        var connection: Connection?
        var inTransaction = false
        var changes = 0
    }

    private let state = Mutex(State())

    /// Whether the session's transaction is open.
    var isInTransaction: Bool { state.withLock { $0.inTransaction } }

    /// How many changes (actions) the open transaction holds.
    var uncommittedChanges: Int { state.withLock { $0.changes } }

    func began() { state.withLock { $0.inTransaction = true } }

    func changed() { state.withLock { $0.changes += 1 } }

    /// Forgets the connection and the transaction (closed, lost or ended); whether changes were pending.
    @discardableResult
    private func reset(dropConnection: Bool) -> Bool {
        state.withLock { state in
            defer {
                state.inTransaction = false
                state.changes = 0
                if dropConnection { state.connection = nil }
            }
            return state.inTransaction
        }
    }

    /// Takes the connection away, for closing.
    func detach() -> PostgresConnection? {
        state.withLock { state in
            defer { state.connection = nil }
            return state.connection?.connection
        }
    }

    /// The session's connection, opened if need be.
    /// - Throws: `.connectionLost` if it was lost with changes not committed.
    private func connection(_ pool: ConnectionPool) throws -> Connection {
        if let connection = state.withLock({ $0.connection }) {
            if !connection.connection.isClosed { return connection }
            if reset(dropConnection: true) { throw lost(pool.server) }
        }
        let connection = try pool.sessionConnection(self)
        state.withLock { $0.connection = connection }
        return connection
    }

    private func lost(_ server: String) -> PostgresStoreError {
        PostgresStoreError(.connectionLost, .connectionLost(server: server, session: true))
    }

    /// What a call that failed with `error` throws: a lost connection ends the transaction.
    private func failed(_ error: any Error, _ pool: ConnectionPool) -> any Error {
        guard let error = error as? PostgresStoreError, error.kind == .connectionLost || error.kind == .commitUnknown else {
            return error
        }
        let pending = reset(dropConnection: true)
        return pending && error.kind == .connectionLost ? lost(pool.server) : error
    }

    /// Runs `body` on the session's connection: under a savepoint while the transaction is open.
    func run<T>(_ pool: ConnectionPool, _ body: (Connection) throws -> T) throws -> T {
        let connection = try connection(pool)
        do {
            guard isInTransaction else { return try body(connection) }
            return try connection.savepoint("call") { try body(connection) }
        } catch {
            throw failed(error, pool)
        }
    }

    /// `run` for a caller in Swift concurrency.
    func run<T: Sendable>(_ pool: ConnectionPool, _ body: (Connection) async throws -> T) async throws -> T {
        let connection = try connection(pool)
        do {
            guard isInTransaction else { return try await body(connection) }
            return try await connection.savepoint("call") { try await body(connection) }
        } catch {
            throw failed(error, pool)
        }
    }

    /// Commits the open transaction, if there is one.
    func commit(_ pool: ConnectionPool) throws {
        guard isInTransaction else { return }
        let connection = try connection(pool)
        do {
            try connection.commit()
            reset(dropConnection: false)
        } catch {
            let error = failed(error, pool)
            // A COMMIT the server refused (a deferred check) ended the transaction too.
            reset(dropConnection: false)
            throw error
        }
    }

    /// Rolls the open transaction back, if there is one. A lost connection has done so already.
    func rollback(_ pool: ConnectionPool) throws {
        guard isInTransaction, let connection = try? connection(pool) else { return }
        do {
            try connection.rows("ROLLBACK")
            reset(dropConnection: false)
        } catch let error as PostgresStoreError where error.kind == .connectionLost {
            reset(dropConnection: true)
        }
    }
}
