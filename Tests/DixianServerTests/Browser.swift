import DixianServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// A browser on the server's pages, through the test client: the cookies it holds, and the
/// forms it posts with their CSRF token.
struct Browser {
    /// The cookies held, by name (values only).
    var cookies: [String: String] = [:]
    /// The `Set-Cookie` lines of the last response that set any, by cookie name.
    var setCookies: [String: String] = [:]

    /// The `Cookie` header it sends.
    var cookie: String { cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
    /// The CSRF token its pages carry (the `dixian_csrf` cookie's).
    var csrf: String { cookies["dixian_csrf"] ?? "" }

    /// Keeps the cookies `response` sets (an expired one is dropped).
    mutating func keep(_ response: TestResponse) {
        let lines = response.headers[values: .setCookie]
        if !lines.isEmpty { setCookies = [:] }
        for line in lines {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            setCookies[pair[0]] = line
            if line.contains("Max-Age=0") || pair[1].isEmpty || Self.expired(line) { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair[1] }
        }
    }

    /// Whether a `Set-Cookie` line's `Expires` is past.
    private static func expired(_ line: String) -> Bool {
        guard let range = line.range(of: "Expires=") else { return false }
        let text = line[range.upperBound...].split(separator: ";")[0]
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return (formatter.date(from: String(text)) ?? .distantFuture) <= Date()
    }

    /// Opens `uri`.
    mutating func get(_ client: some TestClientProtocol, _ uri: String) async throws -> (status: HTTPResponse.Status, page: String) {
        let response = try await client.execute(uri: uri, method: .get, headers: cookies.isEmpty ? [:] : [.cookie: cookie])
        keep(response)
        return (response.status, String(buffer: response.body))
    }

    /// Posts the form `fields` to `uri`, with the page's CSRF token unless `csrf` says otherwise.
    mutating func post(_ client: some TestClientProtocol, _ uri: String, _ fields: [(String, String)], csrf: String?? = .none)
        async throws -> (status: HTTPResponse.Status, page: String, location: String?)
    {
        let token: String? = switch csrf {
        case .none: self.csrf
        case .some(let given): given
        }
        let all = fields + (token.map { [("csrf", $0)] } ?? [])
        let body = all.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }.joined(separator: "&")
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if !cookies.isEmpty { headers[.cookie] = cookie }
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        keep(response)
        return (response.status, String(buffer: response.body), response.headers[.location])
    }

    /// Opens the sign-in form and signs in as `name` with `password`.
    mutating func signIn(_ client: some TestClientProtocol, name: String, password: String) async throws
        -> (status: HTTPResponse.Status, page: String, location: String?)
    {
        _ = try await get(client, "/login")
        return try await post(client, "/login", [("name", name), ("password", password)])
    }

    /// A browser signed in as test user `name` (`ServerAccessTests.password(of:)`).
    static func signIn(_ client: some TestClientProtocol, as name: String) async throws -> Browser {
        var browser = Browser()
        let answer = try await browser.signIn(client, name: name, password: ServerAccessTests.password(of: name))
        #expect(answer.status == .seeOther && answer.location == "/dashboard", "\(answer.page)")
        return browser
    }
}
