import Foundation

/// A plugin written for a test, in a folder of plugins.
public enum PluginFolder {
    /// Writes plugin `id` into `root` with `files` (path → text); its `plugin.lua` (Chinese,
    /// area 620621, extending `base`) is made unless given. Returns the plugin's folder.
    @discardableResult
    public static func write(_ id: String, extends base: String? = "national", _ files: [String: String], in root: URL) throws -> URL {
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
}
