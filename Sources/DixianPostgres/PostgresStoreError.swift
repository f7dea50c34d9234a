import PostgresNIO

/// What PostgreSQL (or the way to it) said when the store could not do something.
public struct PostgresStoreError: Error, CustomStringConvertible {
    /// What kind of failure it is.
    public enum Kind: Sendable, Equatable {
        /// The server refused a statement (`code` says why); the connection is still good.
        case server
        /// The URL is not one the store can use (its form, a parameter, a value).
        case invalidURL
        /// TLS could not be set up or negotiated as `sslmode` asks (the server has no TLS, or
        /// its certificate does not verify).
        case tls
        /// The server could not be reached, or refused the connection.
        case unreachable
        /// Every connection of the pool stayed busy for the pool's timeout.
        case poolExhausted
        /// The connection was lost while a command ran: PostgreSQL rolled its transaction back.
        case connectionLost
        /// The connection was lost while a transaction was being committed: PostgreSQL may or
        /// may not have committed it before it went.
        case commitUnknown
        /// Something else (a value the store could not read).
        case other
    }

    /// What kind of failure it is.
    public let kind: Kind
    /// The message, with the server's detail where it gave one.
    public let message: String
    /// The SQLSTATE code, for errors the server reported.
    public let code: String?

    init(_ kind: Kind, _ message: String, code: String? = nil) {
        self.kind = kind
        self.message = message
        self.code = code
    }

    init(message: String, code: String? = nil) {
        self.init(code == nil ? .other : .server, message, code: code)
    }

    /// The store's error for what postgres-nio threw, on the way to `server` (`host:port/database`).
    init(_ error: any Error, server: String? = nil) {
        let place = server.map { " \($0)" } ?? ""
        if let error = error as? PostgresStoreError {
            self = error
        } else if let error = error as? PSQLError, Self.losesConnection(error) {
            self.init(.connectionLost, Self.lostMessage(server: server))
        } else if let error = error as? PSQLError, let info = error.serverInfo {
            let detail = info[.detail].map { " (\($0))" } ?? ""
            self.init(.server, (info[.message] ?? "error") + detail, code: info[.sqlState])
        } else if let error = error as? PSQLError, error.code == .sslUnsupported {
            self.init(.tls, "the PostgreSQL server\(place) does not accept TLS, which sslmode asks for (sslmode=disable or prefer connects without)")
        } else if let error = error as? PSQLError, error.code == .failedToAddSSLHandler || error.underlying is NIOSSLError
                    || error.underlying is BoringSSLError {
            self.init(.tls, "TLS with the PostgreSQL server\(place) failed: \(error.underlying.map { "\($0)" } ?? "\(error.code)")")
        } else if let error = error as? PSQLError, error.code == .connectionError {
            self.init(.unreachable, "cannot connect to the PostgreSQL server\(place)" + (error.underlying.map { ": \($0)" } ?? ""))
        } else if let error = error as? PSQLError {
            self.init(.other, "PostgreSQL: \(error.code)" + (error.underlying.map { ": \($0)" } ?? ""))
        } else if error is NIOSSLError || error is BoringSSLError {
            self.init(.tls, "TLS with the PostgreSQL server\(place) failed: \(error)")
        } else {
            self.init(.other, String(describing: error))
        }
    }

    /// Whether `error` means the connection is gone: closed under the command, or ended by
    /// the server (an administrator's pg_terminate_backend, a shutdown, a crash).
    static func losesConnection(_ error: PSQLError) -> Bool {
        switch error.code {
        case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
            return true
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let severity = error.serverInfo?[.severity] ?? ""
            return state.hasPrefix("57P") || severity == "FATAL" || severity == "PANIC"
        default:
            return false
        }
    }

    /// The message of a connection lost while a command ran.
    static func lostMessage(server: String?, what: String = "the command's changes were not kept") -> String {
        "the connection to the PostgreSQL server\(server.map { " \($0)" } ?? "") was lost during the command: "
            + "\(what) (PostgreSQL rolls back a transaction it did not finish)"
    }

    public var description: String { message }
}
