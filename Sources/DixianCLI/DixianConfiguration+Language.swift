import Foundation
import TOMLKit

extension DixianConfiguration {
    /// The `plugin` and `plugin_folders` of this run's configuration file read leniently: from
    /// any file that is TOML, whatever else in it is refused, taking the two keys only where
    /// they are a string and strings. They choose the language a refused file is refused in (a
    /// file naming a Chinese plugin is refused in Chinese); nothing else reads them.
    static let pluginSettingsLeniently: (plugin: String?, folders: [String]) = {
        guard let split = try? ConfigurationArgument.split(Array(CommandLine.arguments.dropFirst())),
              let file = locate(given: split.file, environment: ProcessInfo.processInfo.environment,
                                workingFolder: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
        else { return (nil, []) }
        return pluginSettings(leniently: file)
    }()

    /// `plugin` and `plugin_folders` of `file` when it is TOML (paths relative to its folder),
    /// else none.
    static func pluginSettings(leniently file: URL) -> (plugin: String?, folders: [String]) {
        guard let text = try? String(contentsOf: file, encoding: .utf8), let table = try? TOMLTable(string: text) else { return (nil, []) }
        let folder = file.deletingLastPathComponent()
        func path(_ value: String) -> String { URL(fileURLWithPath: value, relativeTo: folder).standardizedFileURL.path }
        let plugin = table["plugin"]?.string.map { $0.contains("/") ? path($0) : $0 }
        let folders = table["plugin_folders"]?.array.map { $0.compactMap { $0.string }.map(path) } ?? []
        return (plugin, folders)
    }
}
