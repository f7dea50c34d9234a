import DixianCore

/// What the PostgreSQL store says when it cannot reach or keep its server, or cannot use its
/// URL: the catalogue of `PostgresStoreError.said`. The server's own words (a refused
/// statement, a reason for refusing a connection) are quoted as PostgreSQL gave them.
public enum PostgresMessage: MessageCatalogue, Hashable {
    /// The server cannot be reached or refused the connection (`server` is `host:port/database`).
    case unreachable(server: String, reason: String?)
    /// `sslmode` asks for TLS and the server offers none.
    case tlsUnsupported(server: String?)
    /// TLS with the server failed.
    case tlsFailed(server: String?, reason: String)
    /// TLS cannot be set up on this side as `sslmode` asks.
    case tlsSetup(mode: String, reason: String)
    /// The connection was lost while a command ran; `session`: in a session, whose uncommitted
    /// changes were lost.
    case connectionLost(server: String?, session: Bool)
    /// The connection was lost during a commit: the changes may or may not have been kept.
    case commitUnknown(server: String)
    /// Every connection of the pool stayed busy for its timeout.
    case poolExhausted(server: String, size: Int, timeout: String)
    /// Not a PostgreSQL URL (the location, its password left out).
    case notAURL(String)
    /// A parameter the store does not know, and those it does.
    case unknownParameter(String, known: [String])
    /// An `sslmode` the store does not know.
    case unknownSSLMode(String)
    /// The URL gives a parameter twice.
    case repeatedParameter(String)
    /// `sslrootcert` with an `sslmode` other than verify-full.
    case rootCertificateMode(String)
    /// `pool_size` that is not 1 to 100.
    case poolSize(String)
    /// `pool_timeout` that is not above 0 and at most 3600.
    case poolTimeout(String)
    /// TLS asked for over a Unix socket.
    case socketTLS(mode: String, folder: String)
    /// A root certificate file that cannot be read.
    case rootCertificateUnreadable(String)

    public var texts: (chinese: String, english: String) {
        func place(_ server: String?) -> String { server.map { " \($0)" } ?? "" }
        switch self {
        case .unreachable(let server, let reason):
            return ("无法连接 PostgreSQL 服务器 \(server)" + (reason.map { "：\($0)" } ?? ""),
                    "cannot connect to the PostgreSQL server \(server)" + (reason.map { ": \($0)" } ?? ""))
        case .tlsUnsupported(let server):
            return ("PostgreSQL 服务器\(place(server))不接受 TLS，而 sslmode 要求使用（sslmode=disable 或 prefer 时不加密连接）",
                    "the PostgreSQL server\(place(server)) does not accept TLS, which sslmode asks for (sslmode=disable or prefer connects without)")
        case .tlsFailed(let server, let reason):
            return ("与 PostgreSQL 服务器\(place(server))的 TLS 连接失败：\(reason)", "TLS with the PostgreSQL server\(place(server)) failed: \(reason)")
        case .tlsSetup(let mode, let reason):
            return ("无法建立 TLS（sslmode=\(mode)）：\(reason)", "TLS cannot be set up (sslmode=\(mode)): \(reason)")
        case .connectionLost(let server, let session):
            return ("命令执行中与 PostgreSQL 服务器\(place(server))的连接中断："
                        + (session ? "本次会话尚未提交的修改未保存" : "本次命令的修改未保存") + "（PostgreSQL 会回滚未完成的事务）",
                    "the connection to the PostgreSQL server\(place(server)) was lost during the command: "
                        + (session ? "the session's changes not yet committed were not kept" : "the command's changes were not kept")
                        + " (PostgreSQL rolls back a transaction it did not finish)")
        case .commitUnknown(let server):
            return ("提交事务时与 PostgreSQL 服务器 \(server) 的连接中断：修改可能已保存，也可能未保存；请先核对，再决定是否重做",
                    "the connection to the PostgreSQL server \(server) was lost while its transaction was being committed: "
                        + "the changes may or may not have been kept; check before doing them again")
        case .poolExhausted(let server, let size, let timeout):
            return ((size == 1 ? "到 \(server) 的唯一连接正忙" : "到 \(server) 的 \(size) 个连接都在忙")
                        + "：\(timeout) 秒内没有空闲连接（URL 中的 pool_size 和 pool_timeout 设定连接数和等待时间）",
                    (size == 1 ? "the only connection to \(server) is busy" : "all \(size) connections to \(server) are busy")
                        + ": no connection came free within \(timeout) s (pool_size and pool_timeout in the URL set how many and how long)")
        case .notAURL(let location):
            return ("“\(location)”不是 PostgreSQL URL（postgres://用户[:密码]@主机[:端口]/数据库）",
                    "'\(location)' is not a PostgreSQL URL (postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE)")
        case .unknownParameter(let name, let known):
            return ("PostgreSQL URL 中有不认识的参数“\(name)”（可用：\(known.joined(separator: "、"))）",
                    "the PostgreSQL URL has an unknown parameter '\(name)' (known: \(known.joined(separator: ", ")))")
        case .unknownSSLMode(let mode):
            return ("sslmode“\(mode)”无效（可用：disable、prefer、require、verify-full）",
                    "sslmode '\(mode)' is not one Dixian knows (disable, prefer, require, verify-full)")
        case .repeatedParameter(let name):
            return ("PostgreSQL URL 两次给出“\(name)”", "the PostgreSQL URL gives '\(name)' twice")
        case .rootCertificateMode(let mode):
            return ("sslrootcert 只能与 sslmode=verify-full 同用，不能与 \(mode) 同用", "sslrootcert is used only with sslmode=verify-full, not \(mode)")
        case .poolSize(let text):
            return ("pool_size 须为 1 至 100 的整数，不能是“\(text)”", "pool_size must be a whole number from 1 to 100, not '\(text)'")
        case .poolTimeout(let text):
            return ("pool_timeout 须为大于 0、不超过 3600 的秒数，不能是“\(text)”",
                    "pool_timeout must be a number of seconds above 0 and at most 3600, not '\(text)'")
        case .socketTLS(let mode, let folder):
            return ("通过 Unix 套接字（host=\(folder)）连接时不能使用 sslmode=\(mode)", "sslmode=\(mode) cannot be used over a Unix socket (host=\(folder))")
        case .rootCertificateUnreadable(let path):
            return ("无法读取 sslrootcert \(path)", "sslrootcert \(path) cannot be read")
        }
    }

    public static var samples: [PostgresMessage] {
        [.unreachable(server: "127.0.0.1:5432/dixian", reason: "connection refused"), .unreachable(server: "127.0.0.1:5432/dixian", reason: nil),
         .tlsUnsupported(server: "db:5432/dixian"), .tlsFailed(server: nil, reason: "certificate verify failed"),
         .tlsSetup(mode: "verify-full", reason: "no such file"), .connectionLost(server: "db:5432/dixian", session: false),
         .connectionLost(server: nil, session: true), .commitUnknown(server: "db:5432/dixian"),
         .poolExhausted(server: "db:5432/dixian", size: 1, timeout: "10"), .poolExhausted(server: "db:5432/dixian", size: 8, timeout: "2.5"),
         .notAURL("mysql://x"), .unknownParameter("ssl", known: ["sslmode", "pool_size"]), .unknownSSLMode("strict"), .repeatedParameter("sslmode"), .rootCertificateMode("require"), .poolSize("0"), .poolTimeout("-1"),
         .socketTLS(mode: "require", folder: "/run/postgresql"), .rootCertificateUnreadable("/etc/ssl/ca.pem")]
    }
}
