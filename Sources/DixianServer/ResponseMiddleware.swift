import DixianCore
import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// The outermost middleware: every error becomes problem details (a busy registry 503 with
/// `Retry-After`, anything unforeseen 500 without its internals, which are logged), and every
/// response gets the security headers.
struct ResponseMiddleware: RouterMiddleware {
    /// The headers every response carries (unless a route set its own).
    let securityHeaders: HTTPFields
    /// The language of problem details: the plugin's.
    let language: Language

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws
        -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let problem = Self.problem(for: error)
            if problem.status == .internalServerError {
                context.logger.error("\(request.method) \(context.endpointPath ?? "NotFound") failed: \(String(reflecting: error))")
            }
            response = try problem.response(in: language)
        }
        for field in securityHeaders where response.headers[field.name] == nil {
            response.headers.append(field)
        }
        return response
    }

    /// The content security policy of a page whose one inline stylesheet is `style`.
    static func policy(allowingStyle style: String) -> String {
        let hash = Data(SHA256.hash(data: Data(style.utf8))).base64EncodedString()
        return "default-src 'none'; style-src 'sha256-\(hash)'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    /// The policy of an HTML document of its own (a report): its first inline stylesheet allowed.
    static func policy(forDocument html: String) -> String {
        guard let start = html.range(of: "<style>"), let end = html.range(of: "</style>", range: start.upperBound..<html.endIndex) else {
            return policy(allowingStyle: "")
        }
        return policy(allowingStyle: String(html[start.upperBound..<end.lowerBound]))
    }

    /// The problem details answering `error`.
    static func problem(for error: any Error) -> ProblemDetails {
        switch error {
        case let problem as ProblemDetails:
            return problem
        case let error as HTTPError:
            return ProblemDetails(error.status, detail: error.body.map(ServerMessage.refusal)
                ?? .httpError(code: error.status.code, phrase: error.status.reasonPhrase))
        case let error as any HTTPResponseError where error.status != .internalServerError:
            return ProblemDetails(error.status, detail: .httpError(code: error.status.code, phrase: error.status.reasonPhrase))
        default:
            return StoreBusy.isBusy(error) ? .busy : .internalError
        }
    }

    /// The security headers of a server reached at `options.publicURL`: a content security
    /// policy that allows the pages' one stylesheet (by its hash) and nothing else to run or
    /// load, no framing, no sniffing, no referrer beyond the origin, and HTTPS only when served over it.
    static func securityHeaders(_ options: ServerOptions) -> HTTPFields {
        var headers: HTTPFields = [
            .contentSecurityPolicy: policy(allowingStyle: PageTemplates.style),
            .xContentTypeOptions: "nosniff",
            HTTPField.Name("X-Frame-Options")!: "DENY",
            HTTPField.Name("Referrer-Policy")!: "same-origin",
        ]
        if options.isSecure { headers[.strictTransportSecurity] = "max-age=31536000" }
        return headers
    }
}

/// Telling a registry that is busy with another writer (SQLite's lock, PostgreSQL's
/// serialization failures and deadlocks) from other store errors: a busy one is worth a retry.
enum StoreBusy {
    /// Whether `error` says the registry was busy.
    static func isBusy(_ error: any Error) -> Bool {
        if let error = error as? any RetryableStoreError { return error.isRetryable }
        // GRDB's DatabaseError and the store errors that carry its message: SQLITE_BUSY and SQLITE_LOCKED.
        let text = String(describing: error)
        return text.contains("database is locked") || text.contains("database table is locked") || text.contains("SQLITE_BUSY")
            || text.contains("SQLite error 5:") || text.contains("SQLite error 6:")
    }

    /// Runs `body`, trying again (up to four times in all, waiting a little longer each time)
    /// while the registry is busy; still busy after that, 503.
    static func retrying<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await body()
            } catch where isBusy(error) {
                attempt += 1
                guard attempt < 4 else { throw ProblemDetails.busy }
                try await Task.sleep(for: .milliseconds(100 << attempt))
            }
        }
    }
}
