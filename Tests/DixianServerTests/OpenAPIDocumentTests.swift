import DixianServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 24: the OpenAPI document is a file of the server's resources, held to the routes the
/// router registers.
struct OpenAPIDocumentTests {
    /// The methods an OpenAPI path item may describe.
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// The document served at `/openapi.json`.
    static func served() async throws -> [UInt8] {
        let (server, _) = try await ServerAccessTests.server()
        return try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                return Array(buffer: response.body)
            }
        }
    }

    /// The operations a document describes, as "METHOD /path".
    static func operations(in document: [UInt8]) throws -> Set<String> {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(document)) as? [String: Any])
        let paths = try #require(json["paths"] as? [String: [String: Any]])
        return Set(paths.flatMap { path, item in item.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" } })
    }

    @Test func theServedDocumentIsTheResourceFile() async throws {
        let file = PageTemplateTests.resources.appendingPathComponent("openapi.json")
        #expect(try await Self.served() == Array(try Data(contentsOf: file)))
    }

    @Test func everyAPIRouteIsDocumentedAndEveryDocumentedOperationIsRouted() async throws {
        let (server, _) = try await ServerAccessTests.server()
        let routed = Set(server.router().routes.map { "\($0.method) \($0.path)" })
        let documented = try Self.operations(in: try await Self.served())
        let api = routed.filter { $0.split(separator: " ")[1].hasPrefix("/api/") }
        #expect(api.count >= 11, "\(routed.sorted())")
        #expect(api.subtracting(documented).isEmpty, "routed but not documented: \(api.subtracting(documented).sorted())")
        #expect(documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed).sorted())")
    }
}
