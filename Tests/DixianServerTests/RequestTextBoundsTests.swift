import DixianCore
import DixianServer
import DixianTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Issue 25, item 13: the text of a request is held to the bounds an import holds the registry
/// to (no control characters, names of at most 100 characters, notes of at most 2,000), so
/// neither the API nor the public form stores what an import would refuse.
struct RequestTextBoundsTests {
    @Test func anAPIBodyWithAnEscapeSequenceOrAnOverlongNameIsRefusedNamingTheField() async throws {
        let (server, tokens) = try await ServerAccessTests.server()
        let headers = ServerAccessTests.bearer(tokens["township"])
        let uri = "/api/v1/households/\(Fixtures.household.number)"
        try await Application(router: server.router()).test(.router) { client in
            let tag = try await client.execute(uri: uri, method: .get, headers: headers) { $0.headers[.eTag] }
            var edit = headers
            edit[.ifMatch] = try #require(tag)
            let bodies = [
                (#"{"head_name": "张\u001b]0;pwned\u0007三"}"#, "head_name"),
                (#"{"helper": "\#(String(repeating: "王", count: 101))"}"#, "helper"),
            ]
            for (body, field) in bodies {
                try await client.execute(uri: uri, method: .put, headers: edit, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .badRequest, "\(body.prefix(30))")
                    let problem = try QueryValidationTests.problem(response)
                    let errors = problem["errors"] as? [[String: String]]
                    #expect(errors?.first?["field"] == field)
                }
            }
            try await client.execute(uri: uri, method: .put, headers: edit, body: ByteBuffer(string: #"{"helper": "王新帮扶"}"#)) { response in
                #expect(response.status == .ok)
            }
        }
        #expect(try await server.store.household(number: Fixtures.household.number)?.headName == Fixtures.household.headName)
    }

    @Test func thePublicFormRefusesControlCharactersAndNovelsInPlainChinese() async throws {
        let (server, _) = try await ServerAccessTests.server()
        let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        let resident = Fixtures.head.residentID.rawValue
        let forms = [
            ("name=%E5%BC%A0%1B%5B2J%E4%B8%89&resident_id=\(resident)&difficulty=%E4%BD%8F%E9%99%A2", "姓名过长或含有无法显示的字符"),
            ("name=%E5%BC%A0%E4%B8%89&resident_id=\(resident)&difficulty=" + String(repeating: "%E4%BD%8F", count: 2001),
             "困难说明最多2000字"),
        ]
        try await Application(router: server.router()).test(.router) { client in
            for (form, message) in forms {
                try await client.execute(uri: "/self-report", method: .post, headers: headers, body: ByteBuffer(string: form)) { response in
                    #expect(response.status == .badRequest)
                    #expect(String(buffer: response.body).contains(message))
                }
            }
        }
    }
}
