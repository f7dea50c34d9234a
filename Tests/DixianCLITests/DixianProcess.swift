import DixianTestSupport
import Foundation

/// Runs the built `dixian` executable, as a user or a script would.
struct DixianProcess {
    struct Outcome {
        var status: Int32
        var output: String
        var errorOutput: String
        var seconds: Double
    }

    /// The `dixian` binary next to the test bundle in the build folder.
    static var executable: URL {
        let products = Bundle.main.bundleURL.deletingLastPathComponent()
        let sibling = products.appendingPathComponent("dixian")
        if FileManager.default.isExecutableFile(atPath: sibling.path) { return sibling }
        return Bundle.main.bundleURL.appendingPathComponent("dixian")
    }

    /// Runs `dixian` with `arguments` to its end, waiting on a thread of its own: a test that
    /// waited on Swift concurrency's pool (two threads on a two-core machine) would hold up
    /// every other test in the process, and the servers some of them run, until the child ends.
    /// Another binary (an installed one), another working folder and another environment may be given;
    /// either way the run sees nothing of this machine's deployment (`DixianTestEnvironment`).
    static func run(_ arguments: [String], executable: URL = DixianProcess.executable, in folder: URL? = nil,
                    environment: [String: String]? = nil) async throws -> Outcome {
        try await offThePool { try runBlocking(arguments, executable: executable, in: folder, environment: environment) }
    }

    /// Runs `dixian` with `arguments` to its end on the calling thread.
    static func runBlocking(_ arguments: [String], executable: URL = DixianProcess.executable, in folder: URL? = nil,
                            environment: [String: String]? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        process.environment = environment.map(DixianTestEnvironment.isolating) ?? DixianTestEnvironment.isolated
        let output = Pipe(), errorOutput = Pipe()
        process.standardOutput = output
        process.standardError = errorOutput
        // Never the test runner's own input: `dixian user add` reads a password from an input
        // that is not a terminal, and would wait on a pipe that never ends.
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errorOutput.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            output: String(decoding: outputData, as: UTF8.self),
            errorOutput: String(decoding: errorData, as: UTF8.self),
            seconds: Date().timeIntervalSince(start))
    }
}
