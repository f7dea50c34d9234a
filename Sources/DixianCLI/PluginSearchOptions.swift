import ArgumentParser
import Foundation

/// Where plugins are looked up: `--plugins` folders, then `DIXIAN_PLUGIN_PATH` (colon-separated),
/// then `Plugins/` in the current folder.
struct PluginSearchOptions: ParsableArguments {
    @Option(name: .customLong("plugins"), help: "A folder of plugins to search first (repeatable).")
    var folders: [String] = []

    var searchPath: [URL] {
        let environment = ProcessInfo.processInfo.environment["DIXIAN_PLUGIN_PATH"]?
            .split(separator: ":").map(String.init) ?? []
        return (folders + environment + ["Plugins"]).map { URL(fileURLWithPath: $0, isDirectory: true) }
    }
}
