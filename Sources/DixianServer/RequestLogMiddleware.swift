import HTTPTypes
import Hummingbird
import Logging

/// One log line per request, through the request's swift-log logger (whose metadata carries
/// Hummingbird's request id, `hb.request.id`): method, route, status and duration, and for an
/// action the time its household's re-screening took (`RequestTiming`).
///
/// The route is the pattern the request matched (`/api/v1/households/{number}`, or `NotFound`),
/// never the path or query sent: a path or query may hold an ID number or a name, which a log
/// must not keep. Bodies are never logged.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now, timing = RequestTiming()
        return try await RequestTiming.$current.withValue(timing) {
            do {
                let response = try await next(request, context)
                log(request, context: context, status: response.status, since: start, timing: timing)
                return response
            } catch {
                log(request, context: context, status: (error as? any HTTPResponseError)?.status ?? .internalServerError, since: start,
                    timing: timing)
                throw error
            }
        }
    }

    /// Logs the line of `request`, answered with `status`.
    func log(_ request: Request, context: ServerContext, status: HTTPResponse.Status, since start: ContinuousClock.Instant,
             timing: RequestTiming) {
        let route = context.endpointPath ?? "NotFound"
        let duration = Self.format(ContinuousClock.now - start)
        var metadata: Logger.Metadata = [
            "hb.request.method": .string(request.method.rawValue), "hb.request.route": .string(route),
            "hb.response.status": .stringConvertible(status.code), "hb.request.duration_ms": .string(duration),
        ]
        var line = "\(request.method) \(route) \(status.code) \(duration) ms"
        if let rescreen = timing.rescreen.map(Self.format) {
            metadata["dixian.rescreen_ms"] = .string(rescreen)
            line += " (re-screening \(rescreen) ms)"
        }
        context.logger.info("\(line)", metadata: metadata)
    }

    /// `duration` in milliseconds, with one decimal.
    static func format(_ duration: Duration) -> String {
        let elapsed = duration.components
        let tenths = Int(((Double(elapsed.seconds) * 1000 + Double(elapsed.attoseconds) / 1e15) * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
