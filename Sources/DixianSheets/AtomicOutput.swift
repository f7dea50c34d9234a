import Foundation

/// Writes a file all or nothing: into a hidden file beside it, renamed into place only when
/// the writing succeeded. A failed report or checklist leaves no partial file at its path, and
/// an earlier file there stays as it was.
public enum AtomicOutput {
    /// Calls `body` with the temporary path to write, then moves it to `url`.
    public static func write<Result>(to url: URL, _ body: (URL) throws -> Result) throws -> Result {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())")
        do {
            let result = try body(temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw SheetError("cannot move the finished file to \(url.path): \(String(cString: strerror(errno)))")
            }
            return result
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
