@testable import DixianPostgres
@testable import DixianSQLite
@testable import DixianServer
import DixianCore
import DixianTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

/// Issue 25, item 17: a screening run does not keep the server's writers waiting, a busy
/// registry gets a retry and at worst 503, and no error is ever an empty 500.
struct ScreeningWriterTests {
    /// Runs `body` on a thread of its own (it blocks) and returns its outcome.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async -> Result<T, any Error> {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: Result { try body() }) }
        }
    }

    /// A run that stores `findings` in `count` calls, waiting between them (and at the end) for
    /// `pause` to be signalled, after signalling `midway` the first time.
    static func slowRun(on store: some ScreeningRunStore, findings: [Finding], midway: DispatchSemaphore, pause: DispatchSemaphore)
        async -> Result<ScreeningRun, any Error>
    {
        await onThread {
            try store.recordScreening { record in
                try record(findings)
                midway.signal()
                _ = pause.wait(timeout: .now() + 600)  // the test signals it; the bound only ends a test that failed first
                try record(findings)
                return ScreeningRun(actor: "test", pluginID: "minqin", pluginVersion: "1", asOf: Fixtures.reportDay, area: nil,
                                    startedAt: "2024-09-27T08:00:00Z", finishedAt: "2024-09-27T08:01:00Z", householdCount: 1,
                                    findingsByCheck: ["income-line": findings.count * 2], failures: [])
            }
        }
    }

    static let findings = (1...5000).map { index in
        Finding(householdNumber: Fixtures.household.number, townshipCode: "620621100", checkID: "income-line", severity: .high,
                riskTypes: [.illness], message: "第\(index)条")
    }

    /// While another connection (another process: `dixian screen` beside `dixian serve`) is in
    /// the middle of a screening run, the API's writes and the public form go through.
    @Test func writesDuringAScreeningRunOfAnotherProcessSucceedAndTheUnfinishedRunIsNotShown() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("registry.sqlite").path
        let (server, tokens) = try await ServerAccessTests.server(try SQLiteRegistry(path: path))
        try await Self.writesDuringAScreeningRun(server: server, tokens: tokens, screening: try SQLiteRegistry(path: path))
    }

    /// The same on PostgreSQL, the run in the server's own store.
    @Test func writesDuringAScreeningRunOnPostgresSucceed() async throws {
        try await Self.writesDuringAScreeningRun(on: try ServerBackend.postgres.open())
    }

    private static func writesDuringAScreeningRun(on store: some ServerStore) async throws {
        let (server, tokens) = try await ServerAccessTests.server(store)
        try await Self.writesDuringAScreeningRun(server: server, tokens: tokens, screening: server.store)
    }

    private static func writesDuringAScreeningRun<Store: ServerStore>(
        server: DixianServer<Store>, tokens: [String: String], screening: some ScreeningRunStore
    ) async throws {
        let midway = DispatchSemaphore(value: 0), pause = DispatchSemaphore(value: 0)
        async let run = Self.slowRun(on: screening, findings: Self.findings, midway: midway, pause: pause)
        _ = await onThread { midway.wait() }
        let uri = "/api/v1/households/\(Fixtures.household.number)", headers = ServerAccessTests.bearer(tokens["township"])
        try await Application(router: server.router()).test(.router) { client in
            let tag = try await client.execute(uri: uri, method: .get, headers: headers) { $0.headers[.eTag] }
            var edit = headers
            edit[.ifMatch] = try #require(tag)
            try await client.execute(uri: uri, method: .put, headers: edit, body: ByteBuffer(string: #"{"helper": "王新帮扶"}"#)) { response in
                #expect(response.status == .ok, "\(response.status): \(String(buffer: response.body))")
            }
            try await client.execute(uri: "/self-report", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: PublicFormTests.form(name: Fixtures.head.name, resident: Fixtures.head.residentID)) { response in
                #expect(response.status == .ok, "\(response.status): \(String(buffer: response.body))")
            }
        }
        // The run is not finished: readers of runs do not see it.
        #expect(try server.store.latestScreeningRun(plugin: "minqin", asOf: Fixtures.reportDay) == nil)
        pause.signal()
        let recorded = try await run.get()
        let id = try #require(recorded.id)
        #expect(try server.store.latestScreeningRun(plugin: "minqin", asOf: Fixtures.reportDay)?.id == id)
        var count = 0
        try server.store.forEachFinding(ofRun: id) { _ in count += 1 }
        #expect(count == 2 * Self.findings.count)
        #expect(try await server.store.household(number: Fixtures.household.number)?.helper == "王新帮扶")
    }

    @Test(arguments: ServerBackend.allCases)
    func aRunThatFailsLeavesNothingOfItself(_ backend: ServerBackend) async throws {
        let store = try backend.open()
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            _ = try store.recordScreening { record in
                try record(Self.findings)
                throw Stop()
            }
        }
        #expect(try store.latestScreeningRun(plugin: "minqin", asOf: Fixtures.reportDay) == nil)
        #expect(try store.screeningRun(id: 1) == nil)
        var count = 0
        try store.forEachFinding(ofRun: 1) { _ in count += 1 }
        #expect(count == 0)
    }

    /// Two runs side by side (the server's timer and a command, say) both finish, each with
    /// every finding it found: the one recorded last holds the current findings, and the
    /// other's stay readable from the history (issue 23). A run a killed process left stored
    /// nothing: a run writes only once it is done.
    @Test(arguments: ServerBackend.allCases)
    func runsSideBySideBothFinish(_ backend: ServerBackend) async throws {
        let store = try backend.open()
        let midway = DispatchSemaphore(value: 0), pause = DispatchSemaphore(value: 0)
        async let earlier = Self.slowRun(on: store, findings: Self.findings, midway: midway, pause: pause)
        _ = await Self.onThread { midway.wait() }
        let next = try Self.shortRun(on: store)
        pause.signal()
        let first = try await earlier.get()
        for (run, expected) in [(first, 2 * Self.findings.count), (next, 10)] {
            var count = 0
            try store.forEachFinding(ofRun: try #require(run.id)) { _ in count += 1 }
            #expect(count == expected)
        }
    }

    /// A run of ten findings, finished at once.
    private static func shortRun(on store: some ScreeningRunStore) throws -> ScreeningRun {
        try store.recordScreening { record in
            try record(Array(Self.findings.prefix(10)))
            return ScreeningRun(actor: "test", pluginID: "minqin", pluginVersion: "1", asOf: Fixtures.reportDay, area: nil,
                                startedAt: "2024-09-27T09:00:00Z", finishedAt: "2024-09-27T09:01:00Z", householdCount: 1,
                                findingsByCheck: ["income-line": 10], failures: [])
        }
    }

    /// An error the request could not have caused is 500 problem details that leak nothing; a
    /// registry still busy after the retries is 503 with Retry-After.
    @Test func unforeseenErrorsAndABusyRegistryAreProblemDetails() async throws {
        struct Secret: Error, CustomStringConvertible { var description: String { "no such table: server_user at /srv/registry.sqlite" } }
        struct Locked: Error, CustomStringConvertible { var description: String { "SQLite error 5: database is locked" } }
        let attempts = Mutex(0)
        let router = Router(context: ServerContext.self)
        router.add(middleware: ResponseMiddleware(securityHeaders: ResponseMiddleware.securityHeaders(ServerOptions()), language: .english))
        router.get("secret") { _, _ -> Response in throw Secret() }
        router.get("busy") { _, _ -> Response in
            try await StoreBusy.retrying { () async throws -> Response in
                attempts.withLock { $0 += 1 }
                throw Locked()
            }
        }
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/secret", method: .get) { response in
                #expect(response.status == .internalServerError)
                #expect(response.headers[.contentType] == "application/problem+json")
                let body = String(buffer: response.body)
                #expect(body.contains("\"status\":500") && !body.contains("server_user") && !body.contains("/srv"), "\(body)")
            }
            try await client.execute(uri: "/busy", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "2")
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
        #expect(attempts.withLock { $0 } == 4)
    }
}
