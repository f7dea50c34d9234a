import Hummingbird
import NIOCore

/// `/openapi.json`: the API's description, as `Resources/openapi.json` has it.
struct OpenAPIController: Sendable {
    var routes: RouteCollection<ServerContext> {
        RouteCollection(context: ServerContext.self).get(use: document)
    }

    /// The document.
    @Sendable func document(_ request: Request, context: ServerContext) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.json)))
    }
}
