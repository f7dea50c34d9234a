import DixianCore
import Foundation
import HTTPTypes
import Hummingbird

/// An error answered as RFC 9457 problem details (`application/problem+json`): a title, the
/// status, what went wrong, and for bad input the fields at fault, in the plugin's language
/// (`response(in:)`). A refusal says only what the user may know: never whether a record
/// outside their areas exists.
public struct ProblemDetails: Error, HTTPResponseError, Sendable {
    /// One field at fault.
    public struct FieldError: Sendable {
        /// The field, as the request named it.
        public var field: String
        /// What is wrong with it.
        public var message: ServerMessage
    }

    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A short title (by default the status's).
    public var title: ServerMessage
    /// What went wrong.
    public var detail: ServerMessage?
    /// The fields at fault, for bad input.
    public var errors: [FieldError]
    /// Seconds after which the request may be tried again (sent as `Retry-After`), for 503.
    public var retryAfter: Int?
    /// The methods the path takes (sent as `Allow`), for 405.
    public var allow: [String]?

    /// A problem titled by its status.
    public init(_ status: HTTPResponse.Status, detail: ServerMessage?, errors: [FieldError] = []) {
        self.status = status
        self.title = .title(code: status.code, phrase: status.reasonPhrase)
        self.detail = detail
        self.errors = errors
    }

    /// The problem as it is sent, in one language.
    private struct Body: Encodable {
        struct Field: Encodable { let field: String, message: String }
        let type = "about:blank"
        let title: String
        let status: Int
        let detail: String
        let errors: [Field]?
    }

    /// The JSON body in `language`: the title, the status, the detail (for bad input, each
    /// field and what is wrong with it), and the fields at fault.
    public func body(in language: Language) throws -> Data {
        let fields = errors.map { Body.Field(field: $0.field, message: $0.message.text(in: language)) }
        let detail = detail?.text(in: language) ?? fields.map { "\($0.field): \($0.message)" }.joined(separator: ServerMessage.fieldSeparator.text(in: language))
        return try JSONEncoder().encode(Body(title: title.text(in: language), status: status.code, detail: detail,
                                       errors: fields.isEmpty ? nil : fields))
    }

    /// The response in `language`.
    public func response(in language: Language) throws -> Response {
        let body = try body(in: language)
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        if let allow { headers[.allow] = allow.joined(separator: ", ") }
        // A request timed out (a body still trickling in) ends its connection (RFC 9110 15.5.9):
        // what the sender goes on sending is not read, and the connection is not kept waiting.
        if status == .requestTimeout { headers[.connection] = "close" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The response in English, for a problem that reaches Hummingbird without passing the
    /// server's `ResponseMiddleware` (which answers in the plugin's language).
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try response(in: .english)
    }

    /// 400 with the fields at fault.
    public static func badRequest(_ errors: [FieldError]) -> ProblemDetails {
        ProblemDetails(.badRequest, detail: nil, errors: errors)
    }

    /// 400 for one field.
    public static func badField(_ field: String, _ message: ServerMessage) -> ProblemDetails {
        badRequest([FieldError(field: field, message: message)])
    }

    /// 401: no valid token.
    public static let unauthenticated = ProblemDetails(.unauthorized, detail: .tokenNeeded)

    /// 503: the registry stayed busy (another process writing) through every retry.
    public static let busy = {
        var problem = ProblemDetails(.serviceUnavailable, detail: .registryBusy)
        problem.retryAfter = 2
        return problem
    }()

    /// 500: something failed that the request could not have caused; what it was is logged, not sent.
    public static let internalError = ProblemDetails(.internalServerError, detail: .serverFailed)

    /// 403: a request signed in by the sign-in cookie that changes something, without the CSRF token.
    public static let missingCSRFToken = ProblemDetails(.forbidden, detail: .csrfTokenMissing)

    /// 403: the user may not do this here (the same answer whether or not the record exists).
    public static let forbidden = ProblemDetails(.forbidden, detail: .notAllowed)
}
