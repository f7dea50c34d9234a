import Foundation

/// The PostgreSQL server the tests use: the one `scripts/test` started (its URL in
/// `DIXIAN_TEST_POSTGRES`), or else a private one this process starts with `scripts/postgres`
/// in a temporary folder and stops when it exits. Each test gets a database of its own, named
/// for the test process (`test_<pid>_…`); on a server the tests share, the databases of test
/// processes no longer running on this machine, and no longer connected to, are dropped when
/// the next one starts, so that they do not pile up run after run (they had grown to 12 GB).
public enum TestPostgres {
    /// The URL of a new, empty database.
    public static func newDatabase() throws -> String {
        let server = try serverURL.get()
        let name = "test_\(getpid())_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        guard var components = URLComponents(string: server) else { throw TestPostgresError(message: "bad URL \(server)") }
        try run(binaries + "createdb", connection(components) + [name])
        components.path = "/" + name
        return components.string!
    }

    /// The server's URL, the server started on first use.
    private static let serverURL: Result<String, any Error> = Result {
        if let url = ProcessInfo.processInfo.environment["DIXIAN_TEST_POSTGRES"], !url.isEmpty {
            try? dropLeftovers(on: url)  // a clean-up that cannot run leaves them; the tests go on
            return url
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-postgres-\(UUID().uuidString)")
        let port = 20000 + Int(getpid() % 20000)
        let url = try run(script.path, ["start", folder.path, String(port)], environment: ["DIXIAN_POSTGRES_OPTIONS": "-c fsync=off"])
        startedFolder = folder.path
        atexit {
            guard let folder = TestPostgres.startedFolder else { return }
            _ = try? TestPostgres.run(TestPostgres.script.path, ["stop", folder])
            try? FileManager.default.removeItem(atPath: folder)
        }
        return url.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Where PostgreSQL's programs are.
    private static let binaries = "/usr/lib/postgresql/15/bin/"

    /// The options of PostgreSQL's programs that reach the server of `components`.
    private static func connection(_ components: URLComponents) -> [String] {
        ["-h", components.host ?? "127.0.0.1", "-p", String(components.port ?? 5432), "-U", components.user ?? "dixian"]
    }

    /// Drops the test databases on the server at `url` whose test process has ended and which
    /// nothing is connected to (a process of another machine sharing the server has another
    /// process table; its databases in use are left alone, and dropping one in use fails).
    private static func dropLeftovers(on url: String) throws {
        guard let components = URLComponents(string: url) else { throw TestPostgresError(message: "bad URL \(url)") }
        let names = try run(binaries + "psql", connection(components) + [
            "-d", String(components.path.dropFirst()).isEmpty ? "postgres" : String(components.path.dropFirst()), "-Atc",
            "SELECT datname FROM pg_database d WHERE datname ~ '^test_[0-9]+_' "
                + "AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)",
        ]).split(separator: "\n").map(String.init)
        for name in names {
            guard let pid = Int32(name.split(separator: "_")[1]), kill(pid, 0) == -1, errno == ESRCH else { continue }
            _ = try? run(binaries + "dropdb", connection(components) + ["--if-exists", name])
        }
    }

    /// The folder of the server this process started, if it did.
    nonisolated(unsafe) private static var startedFolder: String?

    private static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/postgres")

    /// Runs a program (`ChildProcess.run`); returns its standard output, or throws with its
    /// standard error.
    @discardableResult
    public static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let child = try ChildProcess.run(program, arguments, environment: environment)
        guard child.status == 0 && !child.signalled else {
            throw TestPostgresError(message: "\(program) \(arguments.joined(separator: " ")) failed: \(child.errorOutput)")
        }
        return child.output
    }
}

/// The test server could not be started or a database created.
public struct TestPostgresError: Error, CustomStringConvertible {
    /// What went wrong.
    public let message: String
    public var description: String { message }
}
