import DixianCore
import Hummingbird

/// A request's context: Hummingbird's, and the user its token names, once authenticated.
public struct ServerContext: RequestContext {
    /// Hummingbird's part.
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user, if any.
    public var user: ServerUser?
    /// The address the request came from (for the self-report rate limit).
    public let remoteAddress: String

    /// A context for a request arriving on `source`.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        user = nil
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// The signed-in user allowed `operation`, or the refusal to send.
    public func require(_ operation: Operation) throws -> ServerUser {
        guard let user else { throw ProblemDetails.unauthenticated }
        guard user.may(operation) else { throw ProblemDetails.forbidden }
        return user
    }

    /// The user allowed `operation` on area `code` (a household number starts with its village code).
    public func require(_ operation: Operation, in code: String) throws -> ServerUser {
        let user = try require(operation)
        guard user.covers(code) else { throw ProblemDetails.forbidden }
        return user
    }
}

/// Signs requests in: `Authorization: Bearer NAME.SECRET`, or the `dixian_token` cookie the
/// sign-in page sets. A request with a token that does not verify is refused (401); one with
/// none goes on unsigned (the public pages), and routes that need a user refuse it.
struct AuthenticationMiddleware<Users: UserStore>: RouterMiddleware {
    let users: Users

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if let token = Self.token(in: request) {
            guard let user = try await AccessToken.verify(token, today: LocalDate.today, in: users) else {
                if request.uri.path.hasPrefix("/api/") { throw ProblemDetails.unauthenticated }
                return Response(status: .seeOther, headers: [.location: "/login"])
            }
            context.user = user
        }
        return try await next(request, context)
    }

    static func token(in request: Request) -> String? {
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            return String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        }
        for cookie in request.headers[values: .cookie].flatMap({ $0.split(separator: ";") }) {
            let parts = cookie.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0] == "dixian_token" { return String(parts[1]).removingPercentEncoding }
        }
        return nil
    }
}
