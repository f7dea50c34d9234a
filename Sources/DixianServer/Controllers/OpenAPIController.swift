import Hummingbird
import NIOCore

/// `/openapi.json`: the API's description as `OpenAPIDocument.served(for:)` completes it.
struct OpenAPIController: Sendable {
    /// The document's bytes.
    let document: [UInt8]

    var routes: RouteCollection<ServerContext> {
        RouteCollection(context: ServerContext.self).get(use: send)
    }

    /// The document.
    @Sendable func send(_ request: Request, context: ServerContext) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: document)))
    }
}
