import ArgumentParser
import DixianPlugins
import Foundation

/// Where plugins are looked up, in this order: `--plugin-dir` folders, `DIXIAN_PLUGIN_PATH`
/// (colon-separated), the configuration file's `plugin_folders`, `Plugins/` in the current
/// folder, then the installation's: `share/dixian/plugins` beside the binary's `bin` folder,
/// `Plugins/` beside the binary, and `/usr/share/dixian/plugins`. The first plugin found with
/// an id wins.
struct PluginSearchOptions: ParsableArguments {
    @Option(name: [.customLong("plugin-dir"), .customLong("plugins")],
            help: "A folder of plugins to search before DIXIAN_PLUGIN_PATH and Plugins/ (repeatable).")
    var folders: [String] = []

    var searchPath: [URL] { Self.searchPath(folders) }

    /// The folders searched, in order, each with where it comes from.
    var searchFolders: [PluginSearchFolder] { Self.searchFolders(folders) }

    /// `folders`, then `DIXIAN_PLUGIN_PATH`, the file's `plugin_folders`, `Plugins/` and the installation's.
    static func searchPath(_ folders: [String]) -> [URL] { searchFolders(folders).map(\.url) }

    /// `folders` and the rest of the search path, each with where it comes from; a folder named
    /// twice is searched once, where it is first named.
    static func searchFolders(_ folders: [String]) -> [PluginSearchFolder] {
        let environment = ProcessInfo.processInfo.environment["DIXIAN_PLUGIN_PATH"]?
            .split(separator: ":").map(String.init) ?? []
        let groups: [([String], PluginSearchFolder.Origin)] = [
            (folders, .option), (environment, .environment), (DixianConfiguration.current.pluginFolders, .configuration),
            (["Plugins"], .workingFolder), (installationFolders, .installation), ([systemFolder], .system),
        ]
        let named = groups.flatMap { paths, origin in paths.map { ($0, origin) } }
        var seen: Set<String> = []
        return named.compactMap { path, origin in
            let url = URL(fileURLWithPath: path, isDirectory: true)
            return seen.insert(url.standardizedFileURL.path).inserted ? PluginSearchFolder(url: url, origin: origin) : nil
        }
    }

    /// The plugins every installation shares (scripts/install puts the shipped ones beside the binary instead).
    static let systemFolder = "/usr/share/dixian/plugins"

    /// The plugin folders of the installation the running binary belongs to: `PREFIX/share/dixian/plugins`
    /// for `PREFIX/bin/dixian`, and `Plugins/` beside a binary unpacked with its plugins.
    static var installationFolders: [String] {
        guard let binary = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return [] }
        let folder = binary.deletingLastPathComponent()
        return [folder.appendingPathComponent("../share/dixian/plugins").standardizedFileURL.path,
                folder.appendingPathComponent("Plugins").path]
    }

    /// Plugin `id` and the plugins it extends, base first (the plugin asked for is last).
    func chain(of id: String) throws -> [PluginManifest] {
        try Self.chain(of: id, in: searchPath)
    }

    /// Plugin `id` and the plugins it extends, found in `searchPath`. An empty `id` is a
    /// `--plugin` given neither on the command line nor in the configuration file.
    static func chain(of id: String, in searchPath: [URL]) throws -> [PluginManifest] {
        guard !id.isEmpty else { throw ValidationError(ConfigurationMessages.noPlugin) }
        let catalog = PluginCatalog(searchPath: searchPath)
        return try catalog.chain(for: try catalog.plugin(id))
    }
}

/// A folder plugins are looked up in, and why it is searched (`dixian plugin list` shows it).
struct PluginSearchFolder: Equatable {
    enum Origin {
        case option, environment, configuration, workingFolder, installation, system
    }

    var url: URL
    var origin: Origin

    /// Whether `directory` (a plugin's folder) was found in this folder.
    func holds(_ directory: URL) -> Bool {
        let folder = url.standardizedFileURL.path, plugin = directory.standardizedFileURL.path
        return plugin == folder || plugin.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
