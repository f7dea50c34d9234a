import Foundation
import TOMLKit

extension DixianConfiguration {
    /// The `plugin` and `plugin_folders` of this run's configuration file read leniently: from
    /// a file refused for what it holds (a key unknown, a value of the wrong type, both
    /// registries) whatever else in it is refused, taking the two keys only where they are a
    /// string and strings. They choose the language the file is refused in (a file naming a
    /// Chinese plugin is refused in Chinese); nothing else reads them. A file that may have
    /// been planted (`untrusted`) is not read at all.
    static let pluginSettingsLeniently: (plugin: String?, folders: [String]) = {
        guard case .failure(let error) = loaded else { return (nil, []) }
        switch error.reason {
        case .unknownKey, .wrongType, .twoRegistries: break
        case .notFound, .noFileGiven, .unreadable, .notUTF8, .syntax, .empty, .untrusted: return (nil, [])
        }
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
