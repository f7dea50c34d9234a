import DixianServer
import Foundation
import Hummingbird
import NIOCore
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 25, item 16: silent and slow connections are closed after the idle timeout, and
/// beyond the connection limit new ones wait instead of exhausting the server.
struct ConnectionLimitTests {
    /// A TCP connection to the loopback address, read and written with blocking calls (made on
    /// threads of their own, never on the concurrency pool the server answers on).
    final class Connection: Sendable {
        let descriptor: Int32

        /// Connects to `port`; a read waits at most `timeout` seconds.
        init(port: Int, timeout: Int) throws {
            descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            #expect(connected == 0, "connect: errno \(errno)")
            var limit = timeval(tv_sec: timeout, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        }

        deinit { close(descriptor) }

        func send(_ text: String) {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }

        /// Everything the server sends until it closes the connection; nil if the read timed out first.
        func readUntilClosed() async -> String? {
            await withCheckedContinuation { continuation in
                Thread.detachNewThread {
                    var received: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 4096)
                    while true {
                        let count = buffer.withUnsafeMutableBytes { recv(self.descriptor, $0.baseAddress, $0.count, 0) }
                        if count > 0 { received += buffer[0..<count]; continue }
                        continuation.resume(returning: count == 0 || errno == ECONNRESET ? String(decoding: received, as: UTF8.self) : nil)
                        return
                    }
                }
            }
        }
    }

    /// Runs `server` on a loopback port of its own; the task running it, and the port.
    static func serve<Store: ServerStore>(_ server: DixianServer<Store>) async throws -> (Task<Void, any Error>, Int) {
        let port = Mutex<Int?>(nil)
        let application = server.application(host: "127.0.0.1", port: 0) { channel in
            port.withLock { $0 = channel.localAddress?.port }
        }
        let running = Task { try await application.run() }
        var bound: Int?
        for _ in 0..<200 where bound == nil {
            try await Task.sleep(for: .milliseconds(50))
            bound = port.withLock { $0 }
        }
        guard let bound else {
            running.cancel()
            throw ServerNotListening()
        }
        return (running, bound)
    }

    struct ServerNotListening: Error {}

    /// A body sent a byte every 0.05 s is never idle: it is cut off once the idle timeout (4 s)
    /// has passed since the request began, with 408 problem details, instead of holding its
    /// connection for as long as the sender likes (here 10 s, after which the old server closed
    /// it only once it had been idle for the timeout, at 14 s).
    ///
    /// On a loaded machine the request's handler can start so late that Hummingbird stops
    /// reading the body it does not yet take (back pressure) and then closes the connection as
    /// idle before the 408 is written: the connection is cut off all the same, so the test
    /// holds the bound and requires the 408 whenever an answer arrives.
    @Test func aBodyTricklingInIsCutOffAfterTheIdleTimeout() async throws {
        let (plain, _) = try await ServerAccessTests.server()
        let server = try DixianServer(store: plain.store, chain: plain.chain,
                                      options: ServerOptions(idleTimeout: .seconds(4), maxConnections: 4))
        let (running, serving) = try await Self.serve(server)
        defer { running.cancel() }
        let trickling = try Connection(port: serving, timeout: 30)
        let clock = ContinuousClock(), start = clock.now
        trickling.send("POST /self-report HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                       + "Content-Length: 200\r\n\r\n")
        Thread.detachNewThread {
            for _ in 0..<199 {  // 10 s at most, far past the timeout (and short of the body's 200 bytes)
                trickling.send("a")
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        let answer = await trickling.readUntilClosed()
        let elapsed = clock.now - start
        #expect(answer != nil, "the connection was still open when the read timed out")
        #expect(elapsed < .seconds(9), "the trickling body held its connection for \(elapsed)")
        if let answer, !answer.isEmpty {
            #expect(answer.hasPrefix("HTTP/1.1 408"), "\(answer)")
            #expect(answer.contains("application/problem+json"))
        }
    }

    @Test func halfOpenConnectionsBeyondTheLimitAreClosedAfterTheIdleTimeoutAndANormalRequestIsThenServed() async throws {
        let (plain, _) = try await ServerAccessTests.server()
        let server = try DixianServer(store: plain.store, chain: plain.chain,
                                      options: ServerOptions(idleTimeout: .seconds(1), maxConnections: 4))
        let (running, serving) = try await Self.serve(server)
        defer { running.cancel() }

        // Twice the limit of connections that send half a request head and then nothing.
        let slow = try (0..<8).map { _ in try Connection(port: serving, timeout: 10) }
        for connection in slow { connection.send("GET /openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n") }
        // A normal request waits for them to be closed, then is answered; its connection, kept
        // alive, is closed in turn once it has been idle for the timeout.
        let normal = try Connection(port: serving, timeout: 15)
        normal.send("GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let clock = ContinuousClock(), start = clock.now
        let answer = await normal.readUntilClosed()
        #expect(answer?.hasPrefix("HTTP/1.1 200") == true, "the normal request: \(answer ?? "no answer before the read timed out")")
        #expect(clock.now - start < .seconds(15))
        for (index, connection) in slow.enumerated() {
            let closed = await connection.readUntilClosed()
            #expect(closed != nil, "half-open connection \(index) was not closed")
            if closed == nil { break }
        }
    }
}
