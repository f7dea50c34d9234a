import DixianTestSupport
import Foundation
import Testing

extension TemporaryFolder {
    /// A registry imported from `files` (interchange file name → CSV text), written to the
    /// folder `county` inside this one: the registry's path.
    func importedRegistry(_ files: [String: String]) async throws -> String {
        let folder = url.appendingPathComponent("county")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try (text + "\n").write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let db = path("registry.sqlite")
        let imported = try await DixianProcess.run(["import", folder.path, "--db", db])
        #expect(imported.status == 0, "\(imported.errorOutput)")
        return db
    }
}
