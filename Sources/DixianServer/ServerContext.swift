import DixianCore
import HTTPTypes
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
/// none is refused too (401) under `/api/`, and elsewhere goes on unsigned (the public pages).
///
/// The cookie is sent by the browser whatever page made the request, so a change to the API
/// signed in by it must also send the `X-CSRF-Token` header, which only a page of the server can
/// know (the `dixian_csrf` cookie, derived from the token); without it, 403. Outside the API
/// the cookie signs in only reads: the public pages' forms never act as the signed-in user.
struct AuthenticationMiddleware<Users: UserStore>: RouterMiddleware {
    let users: Users

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws
        -> Response
    {
        var context = context
        let api = request.uri.path.hasPrefix("/api/")
        let reads = [.get, .head, .options].contains(request.method)
        if let (token, fromCookie) = Self.token(in: request), !fromCookie || api || reads {
            guard let user = try await AccessToken.verify(token, today: LocalDate.today, in: users) else {
                if api { throw ProblemDetails.unauthenticated }
                return Response(status: .seeOther, headers: [.location: "/login"])
            }
            if fromCookie && !reads {
                guard let sent = request.headers[HTTPField.Name("X-CSRF-Token")!], AccessToken.matches(sent, AccessToken.csrfToken(for: token))
                else { throw ProblemDetails.missingCSRFToken }
            }
            context.user = user
        }
        // Every route of the API needs a user: refused before the request is looked at further.
        if api && context.user == nil { throw ProblemDetails.unauthenticated }
        return try await next(request, context)
    }

    /// The token a request presents, and whether it came in the sign-in cookie.
    static func token(in request: Request) -> (token: String, fromCookie: Bool)? {
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            return (String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces), false)
        }
        if let token = cookie("dixian_token", in: request) { return (token, true) }
        return nil
    }

    /// The value of cookie `name`, if the request sends it.
    static func cookie(_ name: String, in request: Request) -> String? {
        for cookie in request.headers[values: .cookie].flatMap({ $0.split(separator: ";") }) {
            let parts = cookie.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0] == name { return String(parts[1]).removingPercentEncoding }
        }
        return nil
    }
}
