import Foundation
import HTTPTypes
import Hummingbird

/// An error answered as RFC 9457 problem details (`application/problem+json`): a title, the
/// status, what went wrong, and for bad input the fields at fault. A refusal says only what
/// the user may know: never whether a record outside their areas exists.
public struct ProblemDetails: Error, HTTPResponseError, Encodable, Sendable {
    /// One field at fault.
    public struct FieldError: Encodable, Sendable {
        /// The field, as the request named it.
        public var field: String
        /// What is wrong with it.
        public var message: String
    }

    /// A short title.
    public var title: String
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// What went wrong.
    public var detail: String
    /// The fields at fault, for bad input.
    public var errors: [FieldError]
    /// Seconds after which the request may be tried again (sent as `Retry-After`), for 503.
    public var retryAfter: Int?

    /// A problem.
    public init(_ status: HTTPResponse.Status, _ title: String, detail: String, errors: [FieldError] = []) {
        self.status = status
        self.title = title
        self.detail = detail
        self.errors = errors
    }

    enum CodingKeys: String, CodingKey { case type, title, status, detail, errors }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("about:blank", forKey: .type)
        try container.encode(title, forKey: .title)
        try container.encode(status.code, forKey: .status)
        try container.encode(detail, forKey: .detail)
        if !errors.isEmpty { try container.encode(errors, forKey: .errors) }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = try JSONEncoder().encode(self)
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        // A request timed out (a body still trickling in) ends its connection (RFC 9110 15.5.9):
        // what the sender goes on sending is not read, and the connection is not kept waiting.
        if status == .requestTimeout { headers[.connection] = "close" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// 400 with the fields at fault.
    public static func badRequest(_ errors: [FieldError]) -> ProblemDetails {
        ProblemDetails(.badRequest, "Bad request", detail: errors.map { "\($0.field): \($0.message)" }.joined(separator: "; "),
                       errors: errors)
    }

    /// 400 for one field.
    public static func badField(_ field: String, _ message: String) -> ProblemDetails {
        badRequest([FieldError(field: field, message: message)])
    }

    /// 401: no valid token.
    public static let unauthenticated = ProblemDetails(.unauthorized, "Unauthorized",
                                                       detail: "a valid access token is needed (Authorization: Bearer NAME.SECRET)")

    /// 503: the registry stayed busy (another process writing) through every retry.
    public static let busy = {
        var problem = ProblemDetails(.serviceUnavailable, "Service unavailable",
                                     detail: "the registry is busy with another writer: try again in a few seconds")
        problem.retryAfter = 2
        return problem
    }()

    /// 500: something failed that the request could not have caused; what it was is logged, not sent.
    public static let internalError = ProblemDetails(.internalServerError, "Internal server error",
                                                     detail: "the server failed to answer this request; the failure is logged")

    /// 403: a request signed in by the sign-in cookie that changes something, without the CSRF token.
    public static let missingCSRFToken = ProblemDetails(
        .forbidden, "Forbidden",
        detail: "a change signed in by the sign-in cookie must send the X-CSRF-Token header with the dixian_csrf cookie's value")

    /// 403: the user may not do this here (the same answer whether or not the record exists).
    public static let forbidden = ProblemDetails(.forbidden, "Forbidden", detail: "your role or areas do not allow this")
}
