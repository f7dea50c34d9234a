import Foundation
import PostgresNIO

/// How the store reaches a PostgreSQL database, read from its URL:
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?PARAMETER=VALUE&...]`. The parameters are
/// `sslmode` (as libpq's: `disable`, `prefer` (the default), `require`, `verify-full`),
/// `sslrootcert` (the CA certificates `verify-full` trusts, a PEM file; default: the system's),
/// `pool_size` (at most this many connections, 1 to 100), `pool_timeout` (seconds a command
/// waits for a free connection before it fails) and `host` (a Unix socket folder, as libpq's).
/// Any other parameter is refused, so that a misspelt `sslmode` cannot quietly mean no TLS.
struct ConnectionSettings: Sendable {
    /// TLS as libpq's `sslmode` asks for it.
    enum SSLMode: String, Sendable, CaseIterable {
        /// No TLS.
        case disable
        /// TLS if the server offers it, without verifying its certificate; plain otherwise.
        case prefer
        /// TLS, without verifying the server's certificate.
        case require
        /// TLS, verifying the certificate's chain and that it names the host.
        case verifyFull = "verify-full"
    }

    /// The parameters a URL may carry.
    static let parameters = ["sslmode", "sslrootcert", "pool_size", "pool_timeout", "host"]
    /// The pool's size when the URL does not say: enough for screening's workers and a storer.
    static let defaultPoolSize = min(100, max(10, ProcessInfo.processInfo.activeProcessorCount + 2))
    /// How long a command waits for a connection when the URL does not say, in seconds.
    static let defaultPoolTimeout = 30.0

    /// The connection's configuration (host, user, database, TLS).
    let configuration: PostgresConnection.Configuration
    /// The TLS mode asked for.
    let sslMode: SSLMode
    /// At most this many connections are open at once.
    let poolSize: Int
    /// How long a command waits for a free connection, in seconds.
    let poolTimeout: Double
    /// The server and database, for messages (`127.0.0.1:5432/county`).
    let server: String

    /// The settings of `url`.
    /// - Throws: `PostgresStoreError` (`.invalidURL`) naming what is wrong: not a PostgreSQL URL,
    ///   an unknown parameter, an unknown `sslmode`, a pool size or timeout out of range.
    init(url: String) throws {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme ?? ""),
              let user = components.user, !user.isEmpty
        else {
            throw PostgresStoreError(.invalidURL, .notAURL(PostgresRegistry.location(of: url)))
        }
        var values: [String: String] = [:]
        for item in components.queryItems ?? [] {
            guard Self.parameters.contains(item.name) else {
                throw PostgresStoreError(.invalidURL, .unknownParameter(item.name, known: Self.parameters))
            }
            guard values[item.name] == nil else {
                throw PostgresStoreError(.invalidURL, .repeatedParameter(item.name))
            }
            values[item.name] = item.value ?? ""
        }
        let mode = values["sslmode"] ?? SSLMode.prefer.rawValue
        guard let sslMode = SSLMode(rawValue: mode) else {
            throw PostgresStoreError(.invalidURL, .unknownSSLMode(mode))
        }
        self.sslMode = sslMode
        if values["sslrootcert"] != nil && sslMode != .verifyFull {
            throw PostgresStoreError(.invalidURL, .rootCertificateMode(sslMode.rawValue))
        }
        if let text = values["pool_size"] {
            guard let size = Int(text), (1...100).contains(size) else {
                throw PostgresStoreError(.invalidURL, .poolSize(text))
            }
            poolSize = size
        } else {
            poolSize = Self.defaultPoolSize
        }
        if let text = values["pool_timeout"] {
            guard let seconds = Double(text), seconds > 0, seconds <= 3600 else {
                throw PostgresStoreError(.invalidURL, .poolTimeout(text))
            }
            poolTimeout = seconds
        } else {
            poolTimeout = Self.defaultPoolTimeout
        }
        let database = components.path.isEmpty ? nil : String(components.path.dropFirst())
        let port = components.port ?? 5432
        if let socketFolder = values["host"] {
            guard values["sslmode"] == nil || sslMode == .disable || sslMode == .prefer else {
                throw PostgresStoreError(.invalidURL, .socketTLS(mode: sslMode.rawValue, folder: socketFolder))
            }
            configuration = PostgresConnection.Configuration(
                unixSocketPath: "\(socketFolder)/.s.PGSQL.\(port)", username: user, password: components.password,
                database: database)
            server = "\(socketFolder)/.s.PGSQL.\(port)/\(database ?? user)"
            return
        }
        let host = components.host ?? "localhost"
        configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: components.password, database: database,
            tls: try Self.tls(sslMode, rootCertificates: values["sslrootcert"]))
        server = "\(host):\(port)/\(database ?? user)"
    }

    /// postgres-nio's TLS for `mode`.
    private static func tls(_ mode: SSLMode, rootCertificates: String?) throws -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable:
            return .disable
        case .prefer, .require:
            // libpq's prefer and require encrypt without checking whom they talk to.
            tls.certificateVerification = .none
        case .verifyFull:
            tls.certificateVerification = .fullVerification
            if let rootCertificates {
                guard FileManager.default.isReadableFile(atPath: rootCertificates) else {
                    throw PostgresStoreError(.invalidURL, .rootCertificateUnreadable(rootCertificates))
                }
                tls.trustRoots = .file(rootCertificates)
            }
        }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: tls)
        } catch {
            throw PostgresStoreError(.tls, .tlsSetup(mode: mode.rawValue, reason: "\(error)"))
        }
        return mode == .prefer ? .prefer(context) : .require(context)
    }
}
