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

    /// Runs a program; returns its standard output, or throws with its standard error.
    ///
    /// Spawned and waited for with `posix_spawn` and `waitpid`: Foundation's `Process` can miss
    /// the exit of a child while tests start in parallel, and wait for ever (and a server the
    /// program starts would hold a pipe open).
    @discardableResult
    public static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputPath = folder.appendingPathComponent("out").path, errorPath = folder.appendingPathComponent("err").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0)=\($1)" }
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var child = pid_t()
        let spawned = posix_spawn(&child, program, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw TestPostgresError(message: "\(program) could not be started: \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(child, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            let problem = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            throw TestPostgresError(message: "\(program) \(arguments.joined(separator: " ")) failed: \(problem)")
        }
        return text
    }
}

/// The test server could not be started or a database created.
public struct TestPostgresError: Error, CustomStringConvertible {
    /// What went wrong.
    public let message: String
    public var description: String { message }
}
