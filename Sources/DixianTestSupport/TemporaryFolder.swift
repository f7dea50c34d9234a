import Foundation

/// A folder of its own under the temporary directory, removed with everything in it when the
/// last reference goes (at the end of the test that holds it).
public final class TemporaryFolder: Sendable {
    /// The folder.
    public let url: URL

    /// Makes a folder named `prefix-UUID`.
    public init(_ prefix: String) {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the folder.
    public func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
