import DixianCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

extension DixianServer {
    /// An HTML page response.
    func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// A staff page for the signed-in user, who may read: signed out, a redirect to `/login`;
    /// a role that does not read, the 403 page.
    func readerPage(_ context: ServerContext, _ page: (ServerUser) async throws -> Response) async throws -> Response {
        guard let user = context.user else { return Response(status: .seeOther, headers: [.location: "/login"]) }
        guard user.may(.read) else { return forbiddenPage() }
        return try await page(user)
    }

    /// The 403 page, for a role that may not read households.
    func forbiddenPage() -> Response {
        page(PageTemplates.message(title: ServerMessage.title(code: 403, phrase: "").text(in: plugin.language),
                                   text: ServerMessage.notAllowed.text(in: plugin.language)), status: .forbidden)
    }

    /// A url-encoded form's fields.
    func form(_ request: Request) async throws -> [String: String] {
        Self.formFields(try await body(of: request, upTo: Self.formLimit))
    }

    /// The most a form's body may hold.
    static var formLimit: Int { 64 * 1024 }

    /// The fields of a url-encoded form's body.
    static func formFields(_ buffer: ByteBuffer) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in String(buffer: buffer).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            if parts.count == 2 { fields[parts[0]] = parts[1] } else if parts.count == 1 { fields[parts[0]] = "" }
        }
        return fields
    }
}
