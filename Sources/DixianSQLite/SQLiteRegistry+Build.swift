import Foundation
import GRDB

extension SQLiteRegistry {
    /// Builds a new registry at `path`, which must not exist yet, with `body` (a county's first
    /// import). The registry is written into a file of its own, `path.importing`, with its
    /// journal in memory and without waiting for the disk, then flushed to the disk and put in place
    /// under `path` only once `body` has succeeded. If `body` throws, or the process is killed,
    /// there is no registry at `path`: the file being built is removed, or, after a kill, left
    /// behind to be removed by hand. Written through the WAL, a first import writes every page
    /// twice (to the WAL, then to the database).
    public static func build<T>(at path: String, _ body: (SQLiteRegistry) async throws -> T) async throws -> T {
        let building = path + ".importing"
        guard !FileManager.default.fileExists(atPath: path) else {
            throw RegistryOpenError(path: path, why: .exists)
        }
        guard !FileManager.default.fileExists(atPath: building) else {
            throw RegistryOpenError(path: path, why: .beingBuilt(building))
        }
        let result: T
        do {
            let registry = try SQLiteRegistry(path: building, temporaryDirectory: nil, connection: .building)
            result = try await body(registry)
            try (registry.writer as? DatabaseQueue)?.close()
            try synchronize(building)
            // A link, unlike a rename, never replaces a registry that appeared meanwhile.
            guard link(building, path) == 0 else {
                throw RegistryOpenError(path: path, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(atPath: building)
            throw error
        }
        unlink(building)
        try synchronize((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
        return result
    }

    /// Waits until the file or folder at `path` is on the disk.
    private static func synchronize(_ path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0, fsync(descriptor) == 0 else {
            if descriptor >= 0 { close(descriptor) }
            throw RegistryOpenError(path: path, reason: String(cString: strerror(errno)))
        }
        close(descriptor)
    }
}
