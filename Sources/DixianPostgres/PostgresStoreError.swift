import DixianCore
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
    /// The message from the store's catalogue, for officials in their language; nil when the
    /// message is PostgreSQL's own (a refused statement) or a developer's (a value unread).
    public let said: PostgresMessage?

    init(_ kind: Kind, _ message: String, code: String? = nil) {
        self.kind = kind
        self.message = message
        self.code = code
        self.said = nil
    }

    init(_ kind: Kind, _ said: PostgresMessage, code: String? = nil) {
        self.kind = kind
        self.message = said.english
        self.code = code
        self.said = said
    }

    init(message: String, code: String? = nil) {
        self.init(code == nil ? .other : .server, message, code: code)
    }

    /// The store's error for what postgres-nio threw, on the way to `server` (`host:port/database`).
    init(_ error: any Error, server: String? = nil) {
        if let error = error as? PostgresStoreError {
            self = error
        } else if let error = error as? PSQLError, Self.losesConnection(error) {
            self.init(.connectionLost, .connectionLost(server: server, session: false))
        } else if let error = error as? PSQLError, let info = error.serverInfo {
            let detail = info[.detail].map { " (\($0))" } ?? ""
            self.init(.server, (info[.message] ?? "error") + detail, code: info[.sqlState])
        } else if let error = error as? PSQLError, error.code == .sslUnsupported {
            self.init(.tls, .tlsUnsupported(server: server))
        } else if let error = error as? PSQLError, error.code == .failedToAddSSLHandler || error.underlying is NIOSSLError
                    || error.underlying is BoringSSLError {
            self.init(.tls, .tlsFailed(server: server, reason: error.underlying.map { "\($0)" } ?? "\(error.code)"))
        } else if let error = error as? PSQLError, error.code == .connectionError {
            self.init(.unreachable, .unreachable(server: server ?? "", reason: error.underlying.map { "\($0)" }))
        } else if let error = error as? PSQLError {
            self.init(.other, "PostgreSQL: \(error.code)" + (error.underlying.map { ": \($0)" } ?? ""))
        } else if error is NIOSSLError || error is BoringSSLError {
            self.init(.tls, .tlsFailed(server: server, reason: "\(error)"))
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

    public var description: String { message }
}
