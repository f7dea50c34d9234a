import DixianCore
import DixianPlugins
import Foundation

/// The OpenAPI 3.1 description of the JSON API: `Resources/openapi.json` (compiled into the
/// binary) is its source, and the server sends it at `/openapi.json` completed from what only
/// the running server knows: the plugin it serves (`info.x-dixian-plugin`) and the values of
/// each official term (identifier and Chinese name), taken from the terms' types. Tests hold
/// the routes to it, openapi-spec-validator reads it and schemathesis exercises every operation.
enum OpenAPIDocument {
    /// The path every operation of the API lies under: the API's major version.
    static let basePath = "api/v1"

    /// The file's bytes.
    static let file: [UInt8] = PackageResources.openapi_json

    /// The schemas of `components.schemas` that are official terms, and the values each takes.
    static let terms: [String: [String]] = [
        "HouseholdCategory": values(HouseholdCategory.self), "MonitoredKind": values(MonitoredKind.self),
        "DiscoveryChannel": values(DiscoveryChannel.self), "RiskType": values(RiskType.self),
        "EliminationStage": values(EliminationStage.self), "VisitorRole": values(VisitorRole.self),
        "Department": values(Department.self),
    ]

    /// The identifiers of a term, then its Chinese names (a request may send either).
    static func values<Term: OfficialTerm>(_: Term.Type) -> [String] {
        Term.allCases.map(\.rawValue) + Term.allCases.map(\.chineseName)
    }

    /// A part of the file the server completes is missing or not an object.
    struct Incomplete: Error, CustomStringConvertible {
        /// The JSON pointer of the part.
        let pointer: String
        var description: String { "Resources/openapi.json has no object at \(pointer)" }
    }

    /// The document served with `plugin`.
    static func served(for plugin: PluginManifest) throws -> [UInt8] {
        guard var document = try JSONSerialization.jsonObject(with: Data(file)) as? [String: Any] else { throw Incomplete(pointer: "") }
        guard var info = document["info"] as? [String: Any] else { throw Incomplete(pointer: "/info") }
        info["x-dixian-plugin"] = ["id": plugin.id, "name": plugin.name, "version": plugin.version]
        document["info"] = info
        guard var components = document["components"] as? [String: Any], var schemas = components["schemas"] as? [String: Any] else {
            throw Incomplete(pointer: "/components/schemas")
        }
        for (name, values) in terms {
            guard var schema = schemas[name] as? [String: Any] else { throw Incomplete(pointer: "/components/schemas/\(name)") }
            schema["enum"] = values
            schemas[name] = schema
        }
        components["schemas"] = schemas
        document["components"] = components
        return Array(try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes]))
    }
}
