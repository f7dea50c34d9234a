import DixianTestSupport
import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 25, item 16: silent and slow connections are closed after the idle timeout, and
/// beyond the connection limit new ones wait instead of exhausting the server. The server runs
/// as `dixian serve` in a process of its own: in the test process, other suites' work on the
/// concurrency pool would hold up the handlers whose timing these tests measure.
@Suite(.serialized)
struct ConnectionLimitTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-connections-\(UUID().uuidString)")

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
        func readUntilClosed() async -> String? { await readUntilClosedTimed().text }

        /// Everything the server sends until it closes the connection (nil if the read timed
        /// out first), and the instant the reading thread saw it end: taken on that thread, so a
        /// test process too busy to resume the awaiting test at once does not lengthen it.
        func readUntilClosedTimed() async -> (text: String?, ended: ContinuousClock.Instant) {
            await withCheckedContinuation { continuation in
                Thread.detachNewThread {
                    var received: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 4096)
                    while true {
                        let count = buffer.withUnsafeMutableBytes { recv(self.descriptor, $0.baseAddress, $0.count, 0) }
                        if count > 0 { received += buffer[0..<count]; continue }
                        let ended = ContinuousClock.now
                        continuation.resume(returning: (count == 0 || errno == ECONNRESET ? String(decoding: received, as: UTF8.self) : nil, ended))
                        return
                    }
                }
            }
        }
    }

    /// `dixian serve` over a small generated county, with these limits, on a loopback port of
    /// its own, once it listens: the process, and the port.
    func serve(idleTimeout: Int, maxConnections: Int) async throws -> (Process, Int) {
        let county = folder.appendingPathComponent("county").path, db = folder.appendingPathComponent("r.sqlite").path
        if !FileManager.default.fileExists(atPath: db) {
            #expect(try await DixianProcess.run(["generate", "--county", "minqin", "--households", "20", "--seed", "5", "--out", county,
                                           "--plugins", RegistryCommandTests.plugins]).status == 0)
            #expect(try await DixianProcess.run(["import", county, "--db", db]).status == 0)
        }
        return try await ServerProcess.start(["--db", db, "--idle-timeout", String(idleTimeout), "--max-connections", String(maxConnections)])
    }

    /// Whether something accepts connections on `port` (a connection opened and closed at once).
    static func listens(_ port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    /// A body sent a byte every 0.15 s is never idle: it is cut off once the idle timeout (4 s)
    /// has passed since the request began, with 408 problem details, instead of holding its
    /// connection for as long as the sender likes. The sender here would go on for 120 s (the
    /// old server closed the connection only once it had then been idle for the timeout): the
    /// connection must end while it is still sending.
    ///
    /// On a loaded machine the request's handler can start so late that Hummingbird stops
    /// reading the body it does not yet take (back pressure) and then closes the connection as
    /// idle before the 408 is written: the connection is cut off all the same, so the test
    /// requires the 408 whenever an answer arrives.
    @Test func aBodyTricklingInIsCutOffAfterTheIdleTimeout() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (server, serving) = try await serve(idleTimeout: 4, maxConnections: 4)
        defer { server.terminate(); server.waitUntilExit() }
        let trickling = try Connection(port: serving, timeout: 180)
        trickling.send("POST /self-report HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                       + "Content-Length: 1000\r\n\r\n")
        let sending = Mutex(true)
        Thread.detachNewThread {
            // 120 s at least, far past the timeout even on a machine so loaded that the server acts
            // late (and short of the body's 1000 bytes, since the server may not read them all).
            for _ in 0..<800 {
                trickling.send("a")
                Thread.sleep(forTimeInterval: 0.15)
            }
            sending.withLock { $0 = false }
        }
        let answer = await trickling.readUntilClosed()
        #expect(answer != nil, "the connection was still open when the read timed out")
        #expect(sending.withLock { $0 }, "the trickling body held its connection for as long as it was sent")
        if let answer, !answer.isEmpty {
            #expect(answer.hasPrefix("HTTP/1.1 408"), "\(answer)")
            #expect(answer.contains("application/problem+json"))
        }
    }

    @Test func halfOpenConnectionsBeyondTheLimitAreClosedAfterTheIdleTimeoutAndANormalRequestIsThenServed() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (server, serving) = try await serve(idleTimeout: 1, maxConnections: 4)
        defer { server.terminate(); server.waitUntilExit() }

        // Twice the limit of connections that send half a request head and then nothing.
        let slow = try (0..<8).map { _ in try Connection(port: serving, timeout: 10) }
        for connection in slow { connection.send("GET /openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n") }
        // A normal request waits for them to be closed, then is answered; its connection, kept
        // alive, is closed in turn once it has been idle for the timeout.
        let normal = try Connection(port: serving, timeout: 15)
        normal.send("GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let start = ContinuousClock.now
        let (answer, ended) = await normal.readUntilClosedTimed()
        #expect(answer?.hasPrefix("HTTP/1.1 200") == true, "the normal request: \(answer ?? "no answer before the read timed out")")
        #expect(ended - start < .seconds(15))
        for (index, connection) in slow.enumerated() {
            let closed = await connection.readUntilClosed()
            #expect(closed != nil, "half-open connection \(index) was not closed")
            if closed == nil { break }
        }
    }
}
