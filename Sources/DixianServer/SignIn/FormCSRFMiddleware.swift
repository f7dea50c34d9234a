import DixianCore
import HTTPTypes
import Hummingbird
import HummingbirdAuth

/// Holds every form the pages post (all but the public self-report form, which acts as no one)
/// to the CSRF token the server rendered into it (the hidden field `csrf`): the session's token
/// when signed in, else that of the sign-in form, whose `dixian_csrf` cookie it must match. A
/// post without it, or with another, is refused with a page in the plugin's language (403)
/// before its route sees it. A page of another site can make a browser post a form with its
/// cookies, but can read neither the pages nor the cookie, so it cannot know the token.
struct FormCSRFMiddleware<Store: ServerStore>: RouterMiddleware {
    let server: DixianServer<Store>

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws
        -> Response
    {
        guard ![.get, .head, .options].contains(request.method) else { return try await next(request, context) }
        var request = request
        let buffer = try await server.body(of: request, upTo: DixianServer<Store>.formLimit)
        request.body = RequestBody(buffer: buffer)
        let expected = context.sessions.session?.csrf ?? request.cookies[SignInSession.csrfCookie]?.value
        guard let expected, !expected.isEmpty, let sent = DixianServer<Store>.formFields(buffer)["csrf"], AccessToken.matches(sent, expected)
        else {
            let language = server.plugin.language
            return server.page(PageTemplates.message(title: ServerMessage.formExpiredTitle.text(in: language),
                                                     text: ServerMessage.formExpired.text(in: language)), status: .forbidden)
        }
        return try await next(request, context)
    }
}
