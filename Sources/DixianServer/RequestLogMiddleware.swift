import HTTPTypes
import Hummingbird
import Logging

/// One log line per request, through the request's swift-log logger (whose metadata carries
/// Hummingbird's request id, `hb.request.id`): method, route, status and duration.
///
/// The route is the pattern the request matched (`/api/v1/households/{number}`, or `NotFound`),
/// never the path or query sent: a path or query may hold an ID number or a name, which a log
/// must not keep. Bodies are never logged.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context: context, status: response.status, since: start)
            return response
        } catch {
            log(request, context: context, status: (error as? any HTTPResponseError)?.status ?? .internalServerError, since: start)
            throw error
        }
    }

    /// Logs the line of `request`, answered with `status`.
    func log(_ request: Request, context: ServerContext, status: HTTPResponse.Status, since start: ContinuousClock.Instant) {
        let route = context.endpointPath ?? "NotFound"
        let elapsed = (ContinuousClock.now - start).components
        let milliseconds = Double(elapsed.seconds) * 1000 + Double(elapsed.attoseconds) / 1e15
        context.logger.info(
            "\(request.method) \(route) \(status.code) \(Self.format(milliseconds)) ms",
            metadata: [
                "hb.request.method": .string(request.method.rawValue), "hb.request.route": .string(route),
                "hb.response.status": .stringConvertible(status.code), "hb.request.duration_ms": .string(Self.format(milliseconds)),
            ])
    }

    /// `milliseconds` with one decimal.
    static func format(_ milliseconds: Double) -> String {
        let tenths = Int((milliseconds * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
