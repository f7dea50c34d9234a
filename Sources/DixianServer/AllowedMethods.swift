import HTTPTypes
import Hummingbird
import Synchronization

/// The methods each route path of the router takes (`/api/v1/households/{number}`: GET, PUT),
/// learnt once every route is added, so that a request with a method its path does not take
/// is answered 405 with `Allow` (TRACE too) instead of Hummingbird's 404.
final class AllowedMethods: Sendable {
    /// One path's segments (`nil`: a captured segment, which matches any) and its methods.
    private struct Entry: Sendable {
        let segments: [Substring?]
        var methods: [HTTPRequest.Method]
    }

    private let entries = Mutex<[Entry]>([])

    /// Learns the routes of `router` (called once its routes are added).
    func learn(_ routes: [Router<ServerContext>.RouteDescription]) {
        var entries: [Entry] = []
        for route in routes {
            let segments = Self.segments(of: route.path.description).map { $0.hasPrefix("{") || $0.hasPrefix(":") ? nil : $0 }
            if let index = entries.firstIndex(where: { $0.segments == segments }) {
                entries[index].methods.append(route.method)
            } else {
                entries.append(Entry(segments: segments, methods: [route.method]))
            }
        }
        self.entries.withLock { $0 = entries }
    }

    /// The methods of the route path `path` matches, or nil when it matches none.
    func methods(for path: String) -> [HTTPRequest.Method]? {
        let segments = Self.segments(of: path)
        return entries.withLock { entries in
            entries.first { entry in
                entry.segments.count == segments.count && zip(entry.segments, segments).allSatisfy { $0 == nil || $0 == $1 }
            }?.methods
        }
    }

    private static func segments(of path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }
}

/// Answers a request whose path is routed but not for its method: 405 problem details with
/// the `Allow` header listing the methods the path takes (RFC 9110 15.5.6).
struct MethodNotAllowedMiddleware: RouterMiddleware {
    let allowed: AllowedMethods

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws
        -> Response
    {
        if let methods = allowed.methods(for: request.uri.path), !methods.contains(request.method) {
            var problem = ProblemDetails(.methodNotAllowed, detail: .methodNotAllowed(methods.map(\.rawValue).sorted()))
            problem.allow = methods.map(\.rawValue).sorted()
            throw problem
        }
        return try await next(request, context)
    }
}
