/// The OpenAPI 3.1 description of the JSON API (`Resources/openapi.json`, compiled into the
/// binary), served at `/openapi.json`. A test holds it to the routes the router registers.
enum OpenAPIDocument {
    /// The document's bytes, as the file has them.
    static let json: [UInt8] = PackageResources.openapi_json
}
