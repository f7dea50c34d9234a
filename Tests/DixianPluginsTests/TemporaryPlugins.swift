import DixianPlugins
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
        let directory = root.appendingPathComponent(id)
        var all = files
        if all["plugin.lua"] == nil {
            let extends = base.map { "extends = '\($0)', " } ?? ""
            all["plugin.lua"] = "return { id = '\(id)', name = '\(id)', api = 1, version = '1.0', areas = { '620621' }, \(extends)language = 'zh' }"
        }
        for (path, text) in all {
            let file = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return directory
    }

    /// The catalog over these plugins, then the shipped ones.
    var catalog: PluginCatalog { PluginCatalog(searchPath: [root, Self.shipped]) }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
