import Crypto
import DixianCore
import DixianServer
import DixianTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Issue 24: the pages are mustache templates and a stylesheet, files of the server's
/// resources, rendered as safely as the Swift strings they replace.
struct PageTemplateTests {
    /// The server's resources in the source tree.
    static let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/DixianServer/Resources")

    @Test func aScriptInAFormValueComesOutEscaped() async throws {
        let (server, _) = try await ServerAccessTests.server()
        let script = "\"><script>alert('x')</script>"
        let body = "name=\(script.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&resident_id=%3Cscript%3E&difficulty="
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/self-report", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: body)) { response in
                #expect(response.status == .badRequest)
                let page = String(buffer: response.body)
                #expect(!page.contains("<script"), "\(page)")
                #expect(page.contains("value=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\""), "\(page)")
                #expect(page.contains("value=\"&lt;script&gt;\""), "\(page)")
                #expect(page.contains("<p>身份证号不正确，请核对后重新填写</p>") && page.contains("<option value=\"illness\">"), "\(page)")
            }
        }
    }

    @Test func thePagesCarryTheStylesheetFileAndThePolicyAllowsItByTheFilesHash() async throws {
        let (server, _) = try await ServerAccessTests.server()
        let style = try String(contentsOf: Self.resources.appendingPathComponent("style.css"), encoding: .utf8)
        let hash = Data(SHA256.hash(data: Data(style.utf8))).base64EncodedString()
        try await Application(router: server.router()).test(.router) { client in
            let cookie = try await Browser.signIn(client, as: "township").cookie
            for (uri, headers) in [("/self-report", HTTPFields()), ("/login", [:]), ("/dashboard", [.cookie: cookie]),
                                   ("/password", [.cookie: cookie])] {
                try await client.execute(uri: uri, method: .get, headers: headers) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(String(buffer: response.body).contains("<style>\(style)</style>"), "\(uri)")
                    #expect(response.headers[.contentSecurityPolicy]?.contains("style-src 'sha256-\(hash)'") == true, "\(uri)")
                }
            }
        }
    }
}
