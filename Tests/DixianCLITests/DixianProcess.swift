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
    /// `environment` is added to the test's own (an empty value unsets a variable).
    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> Outcome {
        try await offThePool { try runBlocking(arguments, environment: environment) }
    }

    /// Runs `dixian` with `arguments` to its end on the calling thread.
    static func runBlocking(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }.filter { !$0.value.isEmpty }
        }
        let output = Pipe(), errorOutput = Pipe()
        process.standardOutput = output
        process.standardError = errorOutput
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
