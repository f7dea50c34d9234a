import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// Connections to one PostgreSQL database, opened as needed and reused, at most the URL's
/// `pool_size` at once: a command that finds them all busy waits for one, and fails with
/// `.poolExhausted` after `pool_timeout`. Callers in Swift concurrency wait without blocking;
/// synchronous callers (screening workers, exports) block their own thread on the event loop's
/// answer, never the concurrency pool's.
///
/// A session's pool (`session: true`) holds one connection for good, on which a transaction
/// stays open across calls (see `Session`).
final class ConnectionPool: Sendable {
    let settings: ConnectionSettings
    private let state = Mutex(State())
    private let opened = Atomic<Int>(0)
    private let logger: Logger
    /// The session this pool is for, if it is a session's.
    let session: Session?

    /// The pool's bookkeeping.
    private struct State {
        /// Connections not in use.
        var idle: [PostgresConnection] = []
        /// Connections open or being opened, in use or idle.
        var live = 0
        /// Callers waiting for a connection, first come first served.
        var waiters: [Waiter] = []
        /// Whether the pool was closed (its registry went).
        var closed = false
    }

    private typealias Grant = PoolGrant

    /// A caller waiting for a connection.
    private final class Waiter: Sendable {
        let deliver: @Sendable (Grant) -> Void
        init(_ deliver: @escaping @Sendable (Grant) -> Void) { self.deliver = deliver }
    }

    /// A pool for the database at `url` (see `ConnectionSettings` for its parameters).
    init(url: String, session: Bool = false) throws {
        settings = try ConnectionSettings(url: url)
        var logger = Logger(label: "dixian.postgres")
        logger.logLevel = .critical
        self.logger = logger
        self.session = session ? Session() : nil
    }

    /// Where the pool connects, for messages (`127.0.0.1:5432/county`).
    var server: String { settings.server }

    private func connect() -> EventLoopFuture<PostgresConnection> {
        PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.next(), configuration: settings.configuration,
            id: opened.add(1, ordering: .relaxed).newValue, logger: logger)
    }

    /// The error of a connection that could not be opened: TLS, or the server unreachable or
    /// refusing (a wrong database, a password): never a lost connection, as none was made.
    private func connectError(_ error: any Error) -> PostgresStoreError {
        let converted = PostgresStoreError(error, server: server)
        switch converted.kind {
        case .tls, .unreachable, .invalidURL: return converted
        default:
            let reason = (error as? PSQLError)?.serverInfo?[.message] ?? converted.message
            return PostgresStoreError(.unreachable, .unreachable(server: server, reason: reason),
                                      code: (error as? PSQLError)?.serverInfo?[.sqlState])
        }
    }

    private var exhausted: PostgresStoreError {
        let size = settings.poolSize
        let timeout = settings.poolTimeout.formatted(.number.precision(.fractionLength(0...3)))
        return PostgresStoreError(.poolExhausted, .poolExhausted(server: server, size: size, timeout: timeout))
    }

    /// An idle connection, the right to open one, or nil after queueing `waiter`.
    private func take(orQueue waiter: Waiter) -> Grant? {
        state.withLock { state in
            while let connection = state.idle.popLast() {
                if !connection.isClosed { return .connection(connection) }
                state.live -= 1
                close(connection)
            }
            if state.live < settings.poolSize {
                state.live += 1
                return .slot
            }
            state.waiters.append(waiter)
            return nil
        }
    }

    /// Takes `waiter` out of the queue; false when it was already given something.
    private func withdraw(_ waiter: Waiter) -> Bool {
        state.withLock { state in
            guard let index = state.waiters.firstIndex(where: { $0 === waiter }) else { return false }
            state.waiters.remove(at: index)
            return true
        }
    }

    /// Gives a connection back (or, with nil, the right to open one of a connection that could
    /// not be opened): to the first waiter, or to the idle ones.
    private func giveBack(_ connection: PostgresConnection?, healthy: Bool) {
        let usable = healthy && connection.map { !$0.isClosed } ?? false
        let (waiter, grant): (Waiter?, Grant?) = state.withLock { state in
            if usable, let connection, !state.closed {
                if state.waiters.isEmpty {
                    state.idle.append(connection)
                    return (nil, nil)
                }
                return (state.waiters.removeFirst(), .connection(connection))
            }
            if !state.waiters.isEmpty && !state.closed { return (state.waiters.removeFirst(), .slot) }
            state.live -= 1
            return (nil, nil)
        }
        if !usable, let connection { close(connection) }
        if let waiter, let grant { waiter.deliver(grant) }
    }

    private func close(_ connection: PostgresConnection) {
        // The connection must outlive its closing (postgres-nio asserts it).
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    /// A connection for a synchronous caller, blocking its thread while every one is busy.
    private func acquire() throws -> PostgresConnection {
        let handoff = GrantHandoff()
        let waiter = Waiter { grant in handoff.put(grant) }
        var grant = take(orQueue: waiter)
        if grant == nil {
            if !handoff.wait(seconds: settings.poolTimeout) {
                if withdraw(waiter) { throw exhausted }
                _ = handoff.wait(seconds: nil)
            }
            grant = handoff.grant
        }
        switch grant! {
        case .connection(let connection): return connection
        case .slot:
            do {
                return try connect().wait()
            } catch {
                giveBack(nil, healthy: false)
                throw connectError(error)
            }
        }
    }

    /// A connection for a caller in Swift concurrency, suspending it while every one is busy.
    private func acquire() async throws -> PostgresConnection {
        let timeout = settings.poolTimeout, exhausted = self.exhausted
        let grant: Grant = try await withCheckedThrowingContinuation { continuation in
            let waiter = Waiter { grant in continuation.resume(returning: grant) }
            if let grant = take(orQueue: waiter) {
                continuation.resume(returning: grant)
                return
            }
            MultiThreadedEventLoopGroup.singleton.next().scheduleTask(in: .milliseconds(Int64(timeout * 1000))) {
                if self.withdraw(waiter) { continuation.resume(throwing: exhausted) }
            }
        }
        switch grant {
        case .connection(let connection): return connection
        case .slot:
            do {
                return try await connect().get()
            } catch {
                giveBack(nil, healthy: false)
                throw connectError(error)
            }
        }
    }

    /// Runs `body` on a connection of its own, for a synchronous caller.
    func withConnection<T>(_ body: (Connection) throws -> T) throws -> T {
        if let session { return try session.run(self, body) }
        let connection = try acquire()
        let wrapped = Connection(connection: connection, logger: logger, server: server, session: nil)
        do {
            let result = try body(wrapped)
            giveBack(connection, healthy: true)
            return result
        } catch {
            giveBack(connection, healthy: Self.leavesConnectionUsable(error))
            throw error
        }
    }

    /// Whether a connection is still good after `error`: an error the server reported (a
    /// refused change, its transaction rolled back) leaves it so; a lost connection does not.
    static func leavesConnectionUsable(_ error: any Error) -> Bool {
        guard let error = error as? PostgresStoreError else { return true }
        return error.kind == .server
    }

    /// Runs `body` on a connection of its own, for a caller in Swift concurrency.
    func withConnection<T: Sendable>(_ body: (Connection) async throws -> T) async throws -> T {
        if let session { return try await session.run(self, body) }
        let connection = try await acquire()
        let wrapped = Connection(connection: connection, logger: logger, server: server, session: nil)
        do {
            let result = try await body(wrapped)
            giveBack(connection, healthy: true)
            return result
        } catch {
            giveBack(connection, healthy: Self.leavesConnectionUsable(error))
            throw error
        }
    }

    /// A new connection for a session, wrapped.
    func sessionConnection(_ session: Session) throws -> Connection {
        do {
            return Connection(connection: try connect().wait(), logger: logger, server: server, session: session)
        } catch {
            throw connectError(error)
        }
    }

    /// Closes the idle connections (and a session's), without waiting (safe on any thread); a
    /// session's open transaction is rolled back by the server as its connection closes.
    func close() {
        let connections = state.withLock { state in
            state.closed = true
            defer { state.idle = [] }
            return state.idle
        }
        for connection in connections { close(connection) }
        if let connection = session?.detach() { close(connection) }
    }
}

/// What a caller waiting for a connection is given: a connection someone gave back, or the
/// right to open one.
private enum PoolGrant: Sendable {
    case connection(PostgresConnection)
    case slot
}

/// Carries a grant to a thread blocked waiting for it.
private final class GrantHandoff: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let value = Mutex<PoolGrant?>(nil)

    func put(_ grant: PoolGrant) {
        value.withLock { $0 = grant }
        semaphore.signal()
    }

    /// Waits for the grant, at most `seconds` (for ever with nil); whether it came.
    func wait(seconds: Double?) -> Bool {
        guard let seconds else {
            semaphore.wait()
            return true
        }
        return semaphore.wait(timeout: .now() + seconds) == .success
    }

    var grant: PoolGrant? { value.withLock { $0 } }
}
/// One connection, with queries whose parameters and results are text (or NULL): the store
/// casts in SQL, so that values cross as the interchange format writes them.
struct Connection: Sendable {
    let connection: PostgresConnection
    let logger: Logger
    /// Where it goes, for messages.
    let server: String
    /// The session whose connection it is, if it is one's.
    let session: Session?

    private func query(_ sql: String, _ parameters: [String?]) throws -> PostgresQuery {
        var binds = PostgresBindings(capacity: parameters.count)
        for parameter in parameters { binds.append(parameter) }
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    /// The rows answering `sql`, or a lost connection. postgres-nio drops a query sent on a
    /// connection that has just closed without ever answering it, so that waiting for it would
    /// hang: the connection is checked before, and every second while the query runs.
    private func answer(_ sql: String, _ parameters: [String?]) throws -> EventLoopFuture<[PostgresRow]> {
        try answer(try query(sql, parameters)) { $0 }
    }

    /// The answer to `query`, each row as `keep` keeps it (as it arrives, on the connection's thread).
    private func answer<Kept: Sendable>(
        _ query: PostgresQuery, keeping keep: @escaping @Sendable (PostgresRow) -> Kept
    ) throws -> EventLoopFuture<[Kept]> {
        let lost = PostgresStoreError(.connectionLost, .connectionLost(server: server, session: false))
        guard !connection.isClosed else { throw lost }
        // Rows are gathered here as they come: postgres-nio's own gathering (`query` without a
        // row handler) copies the rows gathered so far at every read from the socket, which for
        // the tens of thousands of rows of a partition's view cost more than reading them.
        let rows = Mutex<[Kept]>([])
        let result = connection.query(query, logger: logger) { row in
            let kept = keep(row)
            rows.withLock { $0.append(kept) }
        }.map { _ in
            rows.withLock { rows in
                defer { rows = [] }
                return rows
            }
        }
        let loop = result.eventLoop, connection = self.connection
        let promise = loop.makePromise(of: [Kept].self)
        let state = Mutex<(done: Bool, watch: RepeatedTask?)>((false, nil))
        let watch = loop.scheduleRepeatedTask(initialDelay: .seconds(1), delay: .seconds(1)) { task in
            guard connection.isClosed, state.withLock({ state in defer { state.done = true }; return !state.done }) else { return }
            task.cancel()
            promise.fail(lost)
        }
        state.withLock { $0.watch = watch }
        result.whenComplete { outcome in
            let watch = state.withLock { state in
                defer { state.done = true }
                return state.done ? nil : state.watch
            }
            guard let watch else { return }
            watch.cancel()
            promise.completeWith(outcome)
        }
        return promise.futureResult
    }

    /// The rows of `sql`, waited for on the calling thread.
    private func result(_ sql: String, _ parameters: [String?]) throws -> [PostgresRow] {
        do {
            return try answer(sql, parameters).wait()
        } catch {
            throw PostgresStoreError(error, server: server)
        }
    }

    /// The rows of `sql`, for a caller in Swift concurrency.
    private func result(_ sql: String, _ parameters: [String?]) async throws -> [PostgresRow] {
        do {
            return try await answer(sql, parameters).get()
        } catch {
            throw PostgresStoreError(error, server: server)
        }
    }

    /// How a read of several statements that must agree begins: they all see one snapshot.
    static let snapshot = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"

    /// The first cell of each row of each of `queries` (nil for NULL), as PostgreSQL sent it
    /// (numbers, flags and dates in binary). The queries are handed to the connection at once,
    /// which sends each when the one before it is answered. Blocks the calling thread.
    func firstCellsOfEach(_ queries: [(sql: String, parameters: [String?])]) throws -> [[ByteBuffer?]] {
        do {
            // Every answer is waited for before any failure is reported, so that none is still
            // on its way when the connection goes back to the pool.
            let answers = try queries.map { try answer(try query($0.sql, $0.parameters), keeping: Self.firstCell) }
            return try answers.map { answer in Result { try answer.wait() } }.map { try $0.get() }
        } catch {
            throw PostgresStoreError(error, server: server)
        }
    }

    /// The first cells of each of `queries`, as `firstCellsOfEach` reads them, for a caller in Swift concurrency.
    func firstCellsOfEach(_ queries: [(sql: String, parameters: [String?])]) async throws -> [[ByteBuffer?]] {
        do {
            let answers = try queries.map { try answer(try query($0.sql, $0.parameters), keeping: Self.firstCell) }
            var cells: [Result<[ByteBuffer?], any Error>] = []
            for answer in answers {
                do { cells.append(.success(try await answer.get())) } catch { cells.append(.failure(error)) }
            }
            return try cells.map { try $0.get() }
        } catch {
            throw PostgresStoreError(error, server: server)
        }
    }

    @Sendable private static func firstCell(_ row: PostgresRow) -> ByteBuffer? {
        var cells = row.makeIterator()
        return cells.next()?.bytes
    }

    /// Runs `sql` with each parameter a list of text (`text[]`), as an insert of many rows
    /// through `unnest` takes them: one short statement, whatever the number of rows, where a
    /// VALUES list of thousands of parameters costs the server more to plan than to run.
    /// (postgres-nio sends no NULL in a list: the statement turns what stands for one back.)
    /// Blocks the calling thread.
    func run(_ sql: String, lists: [[String]]) throws {
        var binds = PostgresBindings(capacity: lists.count)
        for list in lists { binds.append(list) }
        do {
            _ = try answer(PostgresQuery(unsafeSQL: sql, binds: binds)) { _ in () }.wait()
        } catch {
            throw PostgresStoreError(error, server: server)
        }
    }

    /// Runs `sql` and returns its rows, each cell as text (nil for NULL). Blocks the calling thread.
    @discardableResult
    func rows(_ sql: String, _ parameters: [String?] = []) throws -> [[String?]] {
        try Self.text(try result(sql, parameters))
    }

    /// Runs `sql` and returns its rows, each cell as text (nil for NULL).
    @discardableResult
    func rows(_ sql: String, _ parameters: [String?] = []) async throws -> [[String?]] {
        try Self.text(try await result(sql, parameters))
    }

    /// Runs `sql`, whose rows hold one `text[]` cell each, and returns the arrays. Blocks the calling thread.
    func arrays(_ sql: String, _ parameters: [String?] = []) throws -> [[String]] {
        try Self.arrays(try result(sql, parameters))
    }

    /// Runs `sql`, whose rows hold one `text[]` cell each, and returns the arrays.
    func arrays(_ sql: String, _ parameters: [String?] = []) async throws -> [[String]] {
        try Self.arrays(try await result(sql, parameters))
    }

    /// Runs `sql`, which may hold several statements separated by `;` (a migration), one by one.
    func script(_ sql: String) throws {
        for statement in Self.statements(in: sql) { try rows(statement) }
    }

    /// The statements of a script: split at each `;` outside quotes and `$$` bodies.
    static func statements(in sql: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var inQuote = false, inBody = false
        var previous: Character = " "
        for character in sql {
            if character == "'" && !inBody { inQuote.toggle() }
            if character == "$" && previous == "$" && !inQuote { inBody.toggle() }
            if character == ";" && !inQuote && !inBody {
                statements.append(current)
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        statements.append(current)
        return statements.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// Runs `body` in a transaction: committed if it returns, rolled back if it throws. In a
    /// session whose transaction is open, `body` joins it (under the savepoint of the call).
    /// A connection lost before the COMMIT was answered is `.commitUnknown`: the transaction
    /// may have been committed, and is not tried again.
    func transaction<T>(_ begin: String = "BEGIN", _ body: () throws -> T) throws -> T {
        if session?.isInTransaction == true { return try body() }
        try rows(begin)
        let result: T
        do {
            result = try body()
        } catch {
            _ = try? rows("ROLLBACK")
            throw error
        }
        try commit()
        return result
    }

    /// Runs `body` in a transaction, for a caller in Swift concurrency.
    func transaction<T: Sendable>(_ begin: String = "BEGIN", _ body: () async throws -> T) async throws -> T {
        if session?.isInTransaction == true { return try await body() }
        try await rows(begin)
        let result: T
        do {
            result = try await body()
        } catch {
            _ = try? await rows("ROLLBACK")
            throw error
        }
        do {
            try await rows("COMMIT")
        } catch let error as PostgresStoreError where error.kind == .connectionLost {
            throw Self.commitUnknown(server)
        }
        return result
    }

    /// Runs `body` as one change: in a transaction of its own, or in a session in the
    /// session's transaction, begun here if need be (and counted as one of its changes).
    /// In a session, begins its transaction if none is open (a change is about to be made);
    /// elsewhere nothing.
    func beginSessionTransaction() async throws {
        guard let session, !session.isInTransaction else { return }
        try await rows("BEGIN")
        session.began()
    }

    func change<T>(_ body: () throws -> T) throws -> T {
        guard let session else { return try transaction("BEGIN", body) }
        if !session.isInTransaction {
            try rows("BEGIN")
            session.began()
        }
        return try savepoint("change") {
            let result = try body()
            session.changed()
            return result
        }
    }

    /// Runs `body` under savepoint `name` of the open transaction: released if it returns,
    /// rolled back to (the transaction going on) if it throws, unless the connection is gone.
    func savepoint<T>(_ name: String, _ body: () throws -> T) throws -> T {
        try rows("SAVEPOINT \(name)")
        do {
            let result = try body()
            try rows("RELEASE SAVEPOINT \(name)")
            return result
        } catch {
            if ConnectionPool.leavesConnectionUsable(error) {
                try rows("ROLLBACK TO SAVEPOINT \(name)")
                try rows("RELEASE SAVEPOINT \(name)")
            }
            throw error
        }
    }

    /// `savepoint` for a caller in Swift concurrency.
    func savepoint<T: Sendable>(_ name: String, _ body: () async throws -> T) async throws -> T {
        try await rows("SAVEPOINT \(name)")
        do {
            let result = try await body()
            try await rows("RELEASE SAVEPOINT \(name)")
            return result
        } catch {
            if ConnectionPool.leavesConnectionUsable(error) {
                try await rows("ROLLBACK TO SAVEPOINT \(name)")
                try await rows("RELEASE SAVEPOINT \(name)")
            }
            throw error
        }
    }

    /// COMMIT; a connection lost before the answer came is `.commitUnknown`.
    func commit() throws {
        do {
            try rows("COMMIT")
        } catch let error as PostgresStoreError where error.kind == .connectionLost {
            throw Self.commitUnknown(server)
        }
    }

    static func commitUnknown(_ server: String) -> PostgresStoreError {
        PostgresStoreError(.commitUnknown, .commitUnknown(server: server))
    }

    private static func text(_ rows: [PostgresRow]) throws -> [[String?]] {
        do {
            return try rows.map { row in try row.map { cell in try cell.decode(String?.self) } }
        } catch {
            throw PostgresStoreError(.other, "a value PostgreSQL sent cannot be read: \(error)")
        }
    }

    private static func arrays(_ rows: [PostgresRow]) throws -> [[String]] {
        do {
            return try rows.map { row in try row.decode([String].self) }
        } catch {
            throw PostgresStoreError(.other, "a value PostgreSQL sent cannot be read: \(error)")
        }
    }
}
