import ArgumentParser
import DixianPlugins
import Foundation

/// Where plugins are looked up: `--plugin-dir` folders, then `DIXIAN_PLUGIN_PATH` (colon-separated),
/// then `Plugins/` in the current folder. The first plugin found with an id wins.
struct PluginSearchOptions: ParsableArguments {
    @Option(name: [.customLong("plugin-dir"), .customLong("plugins")],
            help: .shown(.pluginSearchOptionsFolders))
    var folders: [String] = []

    var searchPath: [URL] { Self.searchPath(folders) }

    /// `folders`, then `DIXIAN_PLUGIN_PATH`, then `Plugins/`.
    static func searchPath(_ folders: [String]) -> [URL] {
        let environment = ProcessInfo.processInfo.environment["DIXIAN_PLUGIN_PATH"]?
            .split(separator: ":").map(String.init) ?? []
        return (folders + environment + ["Plugins"]).map { URL(fileURLWithPath: $0, isDirectory: true) }
    }

    /// Plugin `id` and the plugins it extends, base first (the plugin asked for is last).
    func chain(of id: String) throws -> [PluginManifest] {
        try Self.chain(of: id, in: searchPath)
    }

    /// Plugin `id` and the plugins it extends, found in `searchPath`.
    static func chain(of id: String, in searchPath: [URL]) throws -> [PluginManifest] {
        let catalog = PluginCatalog(searchPath: searchPath)
        return try catalog.chain(for: try catalog.plugin(id))
    }
}
