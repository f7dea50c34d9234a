import Hummingbird
import NIOCore

extension DixianServer {
    /// The whole body of `request`, at most `limit` bytes, which must have arrived within the
    /// idle timeout: a body trickling in a byte at a time is never idle, and would hold its
    /// connection for as long as the sender likes. Cut off with 408 problem details.
    func body(of request: Request, upTo limit: Int) async throws -> ByteBuffer {
        let body = request.body, deadline = options.idleTimeout
        return try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask { try await body.collect(upTo: limit) }
            group.addTask {
                try await Task.sleep(for: deadline)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let buffer = first else {
                throw ProblemDetails(.requestTimeout, detail: .bodyTimedOut(seconds: deadline.components.seconds))
            }
            return buffer
        }
    }
}
