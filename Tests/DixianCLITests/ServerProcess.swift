import DixianTestSupport
import Foundation

/// `dixian serve` run as a process, for the tests that reach the server over the network.
enum ServerProcess {
    /// The server answered on no port it was given.
    struct NotListening: Error {}

    /// `dixian serve` with `arguments` (Minqin's plugin, a registry, limits) on a loopback port
    /// of its own, once it listens: the process, and the port. A port another process took
    /// meanwhile is given up for another, five times at most.
    static func start(_ arguments: [String]) async throws -> (Process, Int) {
        for _ in 0..<5 {
            let port = 20_000 + Int.random(in: 0..<20_000)
            let server = Process()
            server.executableURL = DixianProcess.executable
            server.environment = DixianTestEnvironment.isolated
            server.arguments = ["serve", "--plugin", "minqin", "--plugins", RegistryCommandTests.plugins, "--port", String(port)] + arguments
            server.standardOutput = FileHandle.nullDevice
            server.standardError = FileHandle.nullDevice
            try server.run()
            for _ in 0..<300 where server.isRunning {
                if ConnectionLimitTests.listens(port) { return (server, port) }
                try await Task.sleep(for: .milliseconds(100))
            }
            server.terminate()
            server.waitUntilExit()
        }
        throw NotListening()
    }
}
