import DixianCore
import HTTPTypes
import Hummingbird
import HummingbirdAuth

/// A request's context: Hummingbird's, the browser's session, and the user its token or
/// session names, once authenticated.
public struct ServerContext: RequestContext, SessionRequestContext {
    /// Hummingbird's part.
    public var coreContext: CoreRequestContextStorage
    /// The session of a browser signed in at `/login` (loaded by `SessionMiddleware`).
    public let sessions: SessionContext<SignInSession>
    /// The signed-in user, if any.
    public var user: ServerUser?
    /// The address the request came from (for the self-report rate limit).
    public let remoteAddress: String

    /// A context for a request arriving on `source`.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        sessions = SessionContext()
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

/// Signs requests in: `Authorization: Bearer NAME.SECRET` (the API's integrations), or the
/// session a browser signed in to at `/login` with a user name and password (the
/// `dixian_session` cookie, which `SessionMiddleware` has loaded). A request with a token that
/// does not verify is refused (401); one with none is refused too (401) under `/api/`, and
/// elsewhere goes on unsigned (the public pages, or `/login` for the others). A session whose
/// user was revoked, or whose password changed since it began, ends.
///
/// The cookie is sent by the browser whatever page made the request, so a change to the API
/// signed in by the session must also send the `X-CSRF-Token` header with the session's CSRF
/// token (the `dixian_csrf` cookie, which only a page of the server can read); without it,
/// 403. The pages' forms send the same token as a field, checked by `FormCSRFMiddleware`.
struct AuthenticationMiddleware<Users: UserStore>: RouterMiddleware {
    let users: Users

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws
        -> Response
    {
        var context = context
        let api = request.uri.path.hasPrefix("/api/")
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
            guard let user = try await AccessToken.verify(token, today: LocalDate.today, in: users) else {
                if api { throw ProblemDetails.unauthenticated }
                return Response(status: .seeOther, headers: [.location: "/login"])
            }
            context.user = user
        } else if let session = context.sessions.session {
            if let user = try await users.user(named: session.user), session.isValid(for: user) {
                if api && ![.get, .head, .options].contains(request.method) {
                    guard let sent = request.headers[HTTPField.Name("X-CSRF-Token")!], AccessToken.matches(sent, session.csrf)
                    else { throw ProblemDetails.missingCSRFToken }
                }
                context.user = user
            } else {
                context.sessions.clearSession()
            }
        }
        // Every route of the API needs a user: refused before the request is looked at further.
        if api && context.user == nil { throw ProblemDetails.unauthenticated }
        return try await next(request, context)
    }
}
