import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// Connections to one PostgreSQL database, opened as needed and reused. Callers in Swift
/// concurrency wait without blocking; synchronous callers (screening workers, exports) block
/// their own thread on the event loop's answer, never the concurrency pool's.
final class ConnectionPool: Sendable {
    private let configuration: PostgresConnection.Configuration
    private let idle = Mutex<[PostgresConnection]>([])
    private let opened = Atomic<Int>(0)
    private let logger: Logger

    /// A pool for the database at `url` (`postgres://user:password@host:port/database`).
    init(url: String) throws {
        configuration = try Self.configuration(url)
        var logger = Logger(label: "dixian.postgres")
        logger.logLevel = .critical
        self.logger = logger
    }

    /// A connection configuration from a `postgres://` or `postgresql://` URL; the query
    /// `?host=/path` names a Unix socket folder, as libpq's URLs do.
    static func configuration(_ url: String) throws -> PostgresConnection.Configuration {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme ?? ""),
              let user = components.user, !user.isEmpty
        else {
            throw PostgresStoreError(message: "'\(url)' is not a PostgreSQL URL (postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE)")
        }
        let database = components.path.isEmpty ? nil : String(components.path.dropFirst())
        if let socketFolder = components.queryItems?.first(where: { $0.name == "host" })?.value {
            let port = components.port ?? 5432
            return PostgresConnection.Configuration(
                unixSocketPath: "\(socketFolder)/.s.PGSQL.\(port)", username: user, password: components.password,
                database: database)
        }
        return PostgresConnection.Configuration(
            host: components.host ?? "localhost", port: components.port ?? 5432, username: user,
            password: components.password, database: database, tls: .disable)
    }

    private func connect() -> EventLoopFuture<PostgresConnection> {
        PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration,
            id: opened.add(1, ordering: .relaxed).newValue, logger: logger)
    }

    private func takeIdle() -> PostgresConnection? {
        idle.withLock { $0.popLast() }
    }

    private func giveBack(_ connection: PostgresConnection, healthy: Bool) {
        if healthy && !connection.isClosed {
            idle.withLock { $0.append(connection) }
        } else {
            // The connection must outlive its closing (postgres-nio asserts it).
            connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
        }
    }

    /// Runs `body` on a connection of its own, for a synchronous caller.
    func withConnection<T>(_ body: (Connection) throws -> T) throws -> T {
        let connection: PostgresConnection
        do {
            connection = try takeIdle() ?? connect().wait()
        } catch {
            throw PostgresStoreError(error)
        }
        let wrapped = Connection(connection: connection, logger: logger)
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
    private static func leavesConnectionUsable(_ error: any Error) -> Bool {
        guard let error = error as? PostgresStoreError else { return true }
        return error.code != nil
    }

    /// Runs `body` on a connection of its own, for a caller in Swift concurrency.
    func withConnection<T: Sendable>(_ body: (Connection) async throws -> T) async throws -> T {
        let connection: PostgresConnection
        do {
            if let existing = takeIdle() { connection = existing } else { connection = try await connect().get() }
        } catch {
            throw PostgresStoreError(error)
        }
        let wrapped = Connection(connection: connection, logger: logger)
        do {
            let result = try await body(wrapped)
            giveBack(connection, healthy: true)
            return result
        } catch {
            giveBack(connection, healthy: Self.leavesConnectionUsable(error))
            throw error
        }
    }

    /// Closes the idle connections, without waiting (safe on any thread).
    func close() {
        for connection in idle.withLock({ connections in defer { connections = [] }; return connections }) {
            giveBack(connection, healthy: false)
        }
    }
}

/// One connection, with queries whose parameters and results are text (or NULL): the store
/// casts in SQL, so that values cross as the interchange format writes them.
struct Connection: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    private func query(_ sql: String, _ parameters: [String?]) throws -> PostgresQuery {
        var binds = PostgresBindings(capacity: parameters.count)
        for parameter in parameters { binds.append(parameter) }
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    /// The rows of `sql`, waited for on the calling thread.
    private func result(_ sql: String, _ parameters: [String?]) throws -> [PostgresRow] {
        do {
            return try connection.query(try query(sql, parameters), logger: logger).wait().rows
        } catch {
            throw PostgresStoreError(error)
        }
    }

    /// The rows of `sql`, for a caller in Swift concurrency.
    private func result(_ sql: String, _ parameters: [String?]) async throws -> [PostgresRow] {
        do {
            return try await connection.query(try query(sql, parameters), logger: logger).get().rows
        } catch {
            throw PostgresStoreError(error)
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

    /// Runs `body` in a transaction: committed if it returns, rolled back if it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try rows("BEGIN")
        do {
            let result = try body()
            try rows("COMMIT")
            return result
        } catch {
            _ = try? rows("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` in a transaction, for a caller in Swift concurrency.
    func transaction<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await rows("BEGIN")
        do {
            let result = try await body()
            try await rows("COMMIT")
            return result
        } catch {
            _ = try? await rows("ROLLBACK")
            throw error
        }
    }

    private static func text(_ rows: [PostgresRow]) throws -> [[String?]] {
        do {
            return try rows.map { row in try row.map { cell in try cell.decode(String?.self) } }
        } catch {
            throw PostgresStoreError(error)
        }
    }

    private static func arrays(_ rows: [PostgresRow]) throws -> [[String]] {
        do {
            return try rows.map { row in try row.decode([String].self) }
        } catch {
            throw PostgresStoreError(error)
        }
    }
}

/// What PostgreSQL (or the way to it) said when the store could not do something.
public struct PostgresStoreError: Error, CustomStringConvertible {
    /// The message, with the server's detail where it gave one.
    public let message: String
    /// The SQLSTATE code, for errors the server reported.
    public let code: String?

    init(message: String, code: String? = nil) {
        self.message = message
        self.code = code
    }

    init(_ error: any Error) {
        if let error = error as? PostgresStoreError {
            self = error
        } else if let error = error as? PSQLError, let server = error.serverInfo {
            let detail = server[.detail].map { " (\($0))" } ?? ""
            self.init(message: (server[.message] ?? "error") + detail, code: server[.sqlState])
        } else if let error = error as? PSQLError {
            self.init(message: "PostgreSQL: \(error.code)" + (error.underlying.map { ": \($0)" } ?? ""))
        } else {
            self.init(message: String(describing: error))
        }
    }

    public var description: String { message }
}
