import DixianCore
import DixianServer
import DixianTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Synchronization
import Testing

/// Issue 24: one swift-log line per request (method, route, status, duration, request id), and
/// nothing of a query, path or body that may hold an ID number or a name.
struct RequestLogTests {
    /// A log handler that keeps every line logged through it, with its metadata.
    struct Recorder: LogHandler {
        /// The lines logged, each as its message and its metadata (the logger's and the line's).
        final class Lines: Sendable {
            let lines = Mutex<[(message: String, metadata: [String: String])]>([])
        }

        let recorded: Lines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        var metadataProvider: Logger.MetadataProvider?

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            recorded.lines.withLock { $0.append((event.message.description, all.mapValues(\.description))) }
        }
    }

    /// A logger whose lines go to `lines`.
    static func logger(_ lines: Recorder.Lines) -> Logger {
        Logger(label: "test") { _ in Recorder(recorded: lines) }
    }

    @Test func everyRequestIsLoggedOnceWithMethodRouteStatusDurationAndRequestID() async throws {
        let (server, tokens) = try await ServerAccessTests.server()
        let lines = Recorder.Lines()
        try await Application(router: server.router(), logger: Self.logger(lines)).test(.router) { client in
            try await client.execute(uri: "/api/v1/households/\(Fixtures.household.number)", method: .get,
                                     headers: ServerAccessTests.bearer(tokens["admin"])) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/households/\(Fixtures.household.number)", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/no-such-page", method: .get) { #expect($0.status == .notFound) }
        }
        let logged = lines.lines.withLock { $0 }
        #expect(logged.count == 3, "\(logged.map(\.message))")
        let expected = [("GET /api/v1/households/{number} 200 ", "200"), ("GET /api/v1/households/{number} 401 ", "401"), ("GET NotFound 404 ", "404")]
        for (line, (start, status)) in zip(logged, expected) {
            #expect(line.message.hasPrefix(start) && line.message.hasSuffix(" ms"), "\(line.message)")
            #expect(line.metadata["hb.response.status"] == status)
            #expect(line.metadata["hb.request.method"] == "GET")
            #expect(Double(line.metadata["hb.request.duration_ms"] ?? "") != nil)
            #expect(!(line.metadata["hb.request.id"] ?? "").isEmpty, "the request id")
        }
        #expect(Set(logged.compactMap { $0.metadata["hb.request.id"] }).count == 3, "each request its own id")
    }

    /// Issue 23: an action's line says how long its household's re-screening took, the time
    /// live screening adds to it; a read's says nothing of the kind.
    @Test func anActionsLineCarriesItsReScreeningTime() async throws {
        let (server, tokens) = try await ServerAccessTests.server()
        let lines = Recorder.Lines()
        try await Application(router: server.router(), logger: Self.logger(lines)).test(.router) { client in
            try await client.execute(
                uri: "/api/v1/visits", method: .post, headers: ServerAccessTests.bearer(tokens["cadre"]),
                body: ByteBuffer(string: #"{"household": "\#(Fixtures.household.number)", "visitor": "李帮扶", "role": "helper"}"#)
            ) { #expect($0.status == .created) }
            try await client.execute(uri: "/api/v1/households/\(Fixtures.household.number)", method: .get,
                                     headers: ServerAccessTests.bearer(tokens["admin"])) { #expect($0.status == .ok) }
        }
        let logged = lines.lines.withLock { $0 }.filter { $0.metadata["hb.request.route"] != nil }
        #expect(logged.count == 2, "\(logged.map(\.message))")
        let action = try #require(logged.first), read = try #require(logged.last)
        let rescreen = try #require(action.metadata["dixian.rescreen_ms"].flatMap(Double.init), "\(action)")
        #expect(rescreen >= 0 && rescreen <= Double(action.metadata["hb.request.duration_ms"] ?? "") ?? 0)
        #expect(action.message.hasPrefix("POST /api/v1/visits 201 ") && action.message.hasSuffix(" ms (re-screening \(action.metadata["dixian.rescreen_ms"]!) ms)"),
                "\(action.message)")
        #expect(read.metadata["dixian.rescreen_ms"] == nil && !read.message.contains("re-screening"))
    }

    @Test func aResidentIDOrANameInAQueryPathOrBodyIsNotLogged() async throws {
        let (server, tokens) = try await ServerAccessTests.server()
        let lines = Recorder.Lines()
        let resident = Fixtures.head.residentID.rawValue, name = Fixtures.head.name
        let encodedName = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        try await Application(router: server.router(), logger: Self.logger(lines)).test(.router) { client in
            let headers = ServerAccessTests.bearer(tokens["admin"])
            try await client.execute(uri: "/api/v1/households?village=620621100201&resident_id=\(resident)&name=\(encodedName)", method: .get,
                                     headers: headers) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/api/v1/households/\(resident)", method: .get, headers: headers) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/api/v1/households/\(encodedName)/\(resident)", method: .get, headers: headers) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/self-report", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: PublicFormTests.form(name: name, resident: Fixtures.head.residentID)) { #expect($0.status == .ok) }
        }
        let logged = lines.lines.withLock { $0 }
        #expect(logged.contains { $0.message.hasPrefix("GET /api/v1/households 400 ") }, "\(logged.map(\.message))")
        #expect(logged.contains { $0.message.hasPrefix("POST /self-report 200 ") }, "\(logged.map(\.message))")
        for line in logged {
            let text = ([line.message] + line.metadata.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
            #expect(!text.contains(resident) && !text.contains(name) && !text.contains(encodedName) && !text.contains("?"), "\(text)")
        }
    }
}
