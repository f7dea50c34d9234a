import Synchronization

/// What a request's log line adds to its duration: the time its household's re-screening took
/// (`DixianServer.rescreen`), the part of an action that live screening adds (issue 23), so
/// that it can be read off a running server's log. `RequestLogMiddleware` gives each request
/// its own, through a task local.
final class RequestTiming: Sendable {
    /// The request's own, while it is handled.
    @TaskLocal static var current: RequestTiming?

    private let rescreenTime = Mutex<Duration?>(nil)

    /// How long the re-screening after the request's action took, if there was one.
    var rescreen: Duration? { rescreenTime.withLock { $0 } }

    /// Records that re-screening took `duration` (added, should an action re-screen twice).
    func addRescreen(_ duration: Duration) {
        rescreenTime.withLock { $0 = ($0 ?? .zero) + duration }
    }
}
