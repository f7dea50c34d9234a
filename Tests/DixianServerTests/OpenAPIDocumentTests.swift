import DixianCore
import DixianServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 26: the OpenAPI document is the API's one source of truth. The router's routes under
/// `/api/` are exactly its operations (a route added without documenting it, or a documented
/// operation no route answers, fails here); it is served completed with the plugin's identity
/// and the official terms' values. OpenAPIContractTests has schemathesis prove the behaviour.
struct OpenAPIDocumentTests {
    /// The methods an OpenAPI path item may describe.
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
    /// The routes that are the server's pages, not the API, and so not in the document.
    static let pages: Set<String> = ["GET /", "GET /self-report", "POST /self-report", "GET /login", "POST /login", "GET /dashboard",
                                     "POST /logout", "GET /password", "POST /password", "GET /openapi.json",
                                     "GET /households/find", "GET /households/{number}", "POST /households/{number}/visit",
                                     "POST /households/{number}/report", "POST /households/{number}/episodes/{id}/{step}", "GET /work", "GET /reports",
                                     "POST /households/{number}/plans/{id}/measures", "POST /households/{number}/measures/{id}/done",
                                     "POST /households/{number}/problems", "POST /households/{number}/problems/{id}/close",
                                     "POST /households/{number}/warnings/{id}/close"]

    /// The document served at `/openapi.json`.
    static func served() async throws -> [String: Any] {
        let (server, _) = try await ServerAccessTests.server()
        return try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                return try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            }
        }
    }

    /// The resource file.
    static func file() throws -> [String: Any] {
        let data = try Data(contentsOf: PageTemplateTests.resources.appendingPathComponent("openapi.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The operations a document describes, as "METHOD /path".
    static func operations(in document: [String: Any]) throws -> Set<String> {
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        return Set(paths.flatMap { path, item in item.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" } })
    }

    @Test func everyRouteIsADocumentedOperationOrAPageAndEveryOperationIsRouted() async throws {
        let (server, _) = try await ServerAccessTests.server()
        let routed = Set(server.router().routes.map { "\($0.method) \($0.path)" })
        let documented = try Self.operations(in: try await Self.served())
        let api = routed.subtracting(Self.pages)
        #expect(api.count >= 18, "\(routed.sorted())")
        #expect(api.subtracting(documented).isEmpty, "routed but neither documented nor a page: \(api.subtracting(documented).sorted())")
        #expect(documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed).sorted())")
        #expect(routed.isSuperset(of: Self.pages), "a page listed here is no longer routed: \(Self.pages.subtracting(routed).sorted())")
        #expect(documented.allSatisfy { $0.split(separator: " ")[1].hasPrefix("/api/v1/") }, "\(documented.sorted())")
    }

    @Test func theDocumentCarriesTheAPIVersionAndThePluginServed() async throws {
        let document = try await Self.served()
        let info = try #require(document["info"] as? [String: Any])
        let version = try #require(info["version"] as? String)
        #expect(version.split(separator: ".").first == "1", "the paths' /api/v1/ is the major version of \(version)")
        let plugin = try #require(info["x-dixian-plugin"] as? [String: String])
        #expect(plugin["id"] == "minqin" && plugin["name"] == "民勤县" && plugin["version"]?.isEmpty == false, "\(plugin)")
    }

    @Test func theServedDocumentIsTheFileWithThePluginAndTheTermsValues() async throws {
        var served = try await Self.served(), file = try Self.file()
        var servedInfo = try #require(served["info"] as? [String: Any])
        servedInfo["x-dixian-plugin"] = nil
        served["info"] = servedInfo
        let servedSchemas = try #require((served["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
        let fileSchemas = try #require((file["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
        let terms: [String: [String]] = [
            "RiskType": RiskType.allCases.map(\.rawValue) + RiskType.allCases.map(\.chineseName),
            "Department": Department.allCases.map(\.rawValue) + Department.allCases.map(\.chineseName),
            "HouseholdCategory": HouseholdCategory.allCases.map(\.rawValue) + HouseholdCategory.allCases.map(\.chineseName),
            "MonitoredKind": MonitoredKind.allCases.map(\.rawValue) + MonitoredKind.allCases.map(\.chineseName),
            "DiscoveryChannel": DiscoveryChannel.allCases.map(\.rawValue) + DiscoveryChannel.allCases.map(\.chineseName),
            "EliminationStage": EliminationStage.allCases.map(\.rawValue) + EliminationStage.allCases.map(\.chineseName),
            "VisitorRole": VisitorRole.allCases.map(\.rawValue) + VisitorRole.allCases.map(\.chineseName),
        ]
        for (name, values) in terms {
            #expect(servedSchemas[name]?["enum"] as? [String] == values, "\(name)")
            #expect(fileSchemas[name]?["enum"] == nil, "\(name): the file leaves the values to the terms' types")
        }
        // With the values taken out again, the served document is the file.
        var schemas = servedSchemas
        for name in terms.keys { schemas[name]?["enum"] = nil }
        var components = try #require(served["components"] as? [String: Any])
        components["schemas"] = schemas
        served["components"] = components
        let canonical = { (object: [String: Any]) in try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) }
        #expect(try canonical(served) == canonical(file))
    }
}
