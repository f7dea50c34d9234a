import DixianCore
import Foundation
import HTTPTypes
import Hummingbird

/// Signing in (`/login`): an access token exchanged for the sign-in cookie and its CSRF token.
struct SessionController<Store: ServerStore>: Sendable {
    let server: DixianServer<Store>

    var routes: RouteCollection<ServerContext> {
        RouteCollection(context: ServerContext.self)
            .get(use: form)
            .post(use: signIn)
    }

    /// The sign-in form.
    @Sendable func form(_ request: Request, context: ServerContext) async throws -> Response {
        server.page(PageTemplates.login())
    }

    /// A token that verifies sets the cookies and leads to the dashboard; any other, the form again (401).
    @Sendable func signIn(_ request: Request, context: ServerContext) async throws -> Response {
        let form = try await server.form(request)
        let token = form["token"]?.trimmingCharacters(in: .whitespaces) ?? ""
        guard try await AccessToken.verify(token, today: LocalDate.today, in: server.users) != nil else {
            return server.page(PageTemplates.login(problem: "访问令牌无效或已过期"), status: .unauthorized)
        }
        // The token for the browser alone (HttpOnly); the CSRF token for the server's own pages to send back.
        let secure = server.options.isSecure ? "; Secure" : ""
        var headers: HTTPFields = [.location: "/dashboard"]
        headers.append(HTTPField(name: .setCookie, value: "dixian_token=\(token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            + "; Path=/; HttpOnly; SameSite=Strict" + secure))
        headers.append(HTTPField(name: .setCookie, value: "dixian_csrf=\(AccessToken.csrfToken(for: token)); Path=/; SameSite=Strict" + secure))
        return Response(status: .seeOther, headers: headers)
    }
}
