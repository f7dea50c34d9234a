import DixianCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth

/// Signing in and out, and changing one's password: `/login` (user name and password for a
/// session cookie), `/logout` and `/password`. Every form carries a CSRF token, which
/// `FormCSRFMiddleware` checks before these routes see a post.
struct SessionController<Store: ServerStore>: Sendable {
    let server: DixianServer<Store>

    var routes: RouteCollection<ServerContext> {
        RouteCollection(context: ServerContext.self)
            .get("login", use: form)
            .post("login", use: signIn)
            .post("logout", use: signOut)
            .get("password", use: passwordForm)
            .post("password", use: changePassword)
    }

    private var language: Language { server.plugin.language }

    /// The sign-in form (signed in already: the dashboard). Its CSRF token is the
    /// `dixian_csrf` cookie's, set here when the browser has none.
    @Sendable func form(_ request: Request, context: ServerContext) async throws -> Response {
        if context.sessions.session != nil, context.user != nil { return Response(status: .seeOther, headers: [.location: "/dashboard"]) }
        let token = request.cookies[SignInSession.csrfCookie]?.value ?? SignInSession.randomToken()
        var response = server.page(PageTemplates.login(csrf: token))
        response.headers[values: .setCookie].append(csrfCookie(token))
        return response
    }

    /// A user name and password that verify begin a session and lead to the dashboard; else the
    /// form again with the reason: wrong (401, the same whether the name exists or not) or,
    /// after `SignInThrottle.limit` failures, locked out until a time it gives (429).
    @Sendable func signIn(_ request: Request, context: ServerContext) async throws -> Response {
        let form = try await server.form(request)
        let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces), password = form["password"] ?? ""
        let csrf = form["csrf"] ?? ""
        if let until = server.signIns.lockedUntil(name) {
            return server.page(PageTemplates.login(csrf: csrf, name: name, problem: locked(until)), status: .tooManyRequests)
        }
        let user = name.isEmpty ? nil : try await server.users.user(named: name)
        let hash = user?.revoked == false ? user?.passwordHash : nil
        guard try await server.offload({ Password.verify(password, against: hash) }), let user else {
            if let until = server.signIns.failed(name) {
                return server.page(PageTemplates.login(csrf: csrf, name: name, problem: locked(until)), status: .tooManyRequests)
            }
            return server.page(PageTemplates.login(csrf: csrf, name: name, problem: ServerMessage.signInFailed.text(in: language)),
                               status: .unauthorized)
        }
        server.signIns.succeeded(name)
        return begin(SignInSession(user: user), context: context, then: Response(status: .seeOther, headers: [.location: "/dashboard"]))
    }

    /// Ends the session (its cookie expires) and leads to the sign-in form.
    @Sendable func signOut(_ request: Request, context: ServerContext) async throws -> Response {
        context.sessions.clearSession()
        return Response(status: .seeOther, headers: [.location: "/login"])
    }

    /// The form to change one's password (signed out: to `/login`).
    @Sendable func passwordForm(_ request: Request, context: ServerContext) async throws -> Response {
        guard let session = context.sessions.session, let user = context.user else { return Response(status: .seeOther, headers: [.location: "/login"]) }
        return server.page(PageTemplates.password(user: user, csrf: session.csrf))
    }

    /// A new password, given with the current one (a wrong one counts towards the lock-out) and
    /// twice alike, replaces it (audited as the user's change, the hash never shown); the session
    /// begins anew, and every other session of the user ends.
    @Sendable func changePassword(_ request: Request, context: ServerContext) async throws -> Response {
        guard let session = context.sessions.session, let user = context.user else { return Response(status: .seeOther, headers: [.location: "/login"]) }
        let form = try await server.form(request)
        let current = form["current"] ?? "", new = form["new"] ?? "", again = form["repeat"] ?? ""
        func refused(_ problem: String, _ status: HTTPResponse.Status) -> Response {
            server.page(PageTemplates.password(user: user, csrf: session.csrf, problem: problem), status: status)
        }
        if let until = server.signIns.lockedUntil(user.name) { return refused(locked(until), .tooManyRequests) }
        guard try await server.offload({ Password.verify(current, against: user.passwordHash) }) else {
            if let until = server.signIns.failed(user.name) { return refused(locked(until), .tooManyRequests) }
            return refused(ServerMessage.currentPasswordWrong.text(in: language), .forbidden)
        }
        if let problem = Password.problem(new) { return refused(problem.text(in: language), .badRequest) }
        guard new == again else { return refused(ServerMessage.passwordsDiffer.text(in: language), .badRequest) }
        var changed = user
        changed.passwordHash = try await server.offload { Password.hash(new) }
        try await server.users.saveUser(changed, as: user.actor)
        let done = server.page(PageTemplates.message(title: ServerMessage.passwordChangedTitle.text(in: language),
                                                     text: ServerMessage.passwordChanged.text(in: language)))
        return begin(SignInSession(user: changed), context: context, then: done)
    }

    /// `response`, with `session` begun (a new session id: one from before signing in is never
    /// carried over) and its CSRF token in the `dixian_csrf` cookie.
    private func begin(_ session: SignInSession, context: ServerContext, then response: Response) -> Response {
        context.sessions.createSession(session, expiresIn: SignInSession.lifetime)
        var response = response
        response.headers[values: .setCookie].append(csrfCookie(session.csrf))
        return response
    }

    /// The `dixian_csrf` cookie holding `token`: readable by the server's own pages (not
    /// HttpOnly), sent only to this site's pages (SameSite=Lax), Secure behind HTTPS.
    private func csrfCookie(_ token: String) -> String {
        Cookie(name: SignInSession.csrfCookie, value: token, path: "/", secure: server.options.isSecure, httpOnly: false, sameSite: .lax)
            .description
    }

    /// Refused: locked out until `until`, said in Beijing time.
    private func locked(_ until: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let parts = calendar.dateComponents([.hour, .minute], from: until)
        return ServerMessage.signInLocked(until: String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)).text(in: language)
    }
}
