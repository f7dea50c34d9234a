import DixianPlugins
import DixianTestSupport
import Foundation

/// Plugin folders written for one test and removed after it.
struct TemporaryPlugins {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-plugins-\(UUID().uuidString)")

    /// The shipped plugins (for `extends = 'national'` and the like).
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Plugins")

    /// Writes plugin `id` with `files` (path → text); `plugin.lua` is made unless given.
    @discardableResult
    func write(_ id: String, extends base: String? = "national", _ files: [String: String]) throws -> URL {
        try PluginFolder.write(id, extends: base, files, in: root)
    }

    /// The catalog over these plugins, then the shipped ones.
    var catalog: PluginCatalog { PluginCatalog(searchPath: [root, Self.shipped]) }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
