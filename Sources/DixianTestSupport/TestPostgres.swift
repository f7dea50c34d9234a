import Foundation

/// The PostgreSQL server the tests use: the one `scripts/test` started (its URL in
/// `DIXIAN_TEST_POSTGRES`), or else a private one this process starts with `scripts/postgres`
/// in a temporary folder and stops when it exits. Each test gets a database of its own.
public enum TestPostgres {
    /// The URL of a new, empty database.
    public static func newDatabase() throws -> String {
        let server = try serverURL.get()
        let name = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        guard var components = URLComponents(string: server) else { throw TestPostgresError(message: "bad URL \(server)") }
        try run("/usr/lib/postgresql/15/bin/createdb",
                ["-h", components.host ?? "127.0.0.1", "-p", String(components.port ?? 5432), "-U", components.user ?? "dixian", name])
        components.path = "/" + name
        return components.string!
    }

    /// The server's URL, the server started on first use.
    private static let serverURL: Result<String, any Error> = Result {
        if let url = ProcessInfo.processInfo.environment["DIXIAN_TEST_POSTGRES"], !url.isEmpty { return url }
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

    /// The folder of the server this process started, if it did.
    nonisolated(unsafe) private static var startedFolder: String?

    private static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/postgres")

    /// Runs a program; returns its standard output, or throws with its standard error.
    @discardableResult
    private static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
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
