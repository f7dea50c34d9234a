/// Every sentence the configuration file shows its reader, in one place so that a message
/// catalogue can take them over.
enum ConfigurationMessages {
    /// `FILE:LINE: key: reason`.
    static func describe(_ error: ConfigurationError) -> String {
        let place = error.file + (error.line.map { ":\($0)" } ?? "")
        let key = error.key.map { "\($0): " } ?? ""
        return "\(place): \(key)\(reason(error.reason))"
    }

    static func reason(_ reason: ConfigurationError.Reason) -> String {
        switch reason {
        case .notFound: "no such configuration file"
        case .noFileGiven: "give the configuration file after --config"
        case .unreadable(let why): "cannot be read: \(why)"
        case .notUTF8: "is not UTF-8 text"
        case .syntax(let description, let column): "not TOML (column \(column)): \(description)"
        case .unknownKey: "unknown key (known: \(knownKeys))"
        case .wrongType(let expected, let found): "must be \(expected) (found: \(found))"
        case .empty: "must not be empty"
        case .twoRegistries: "give registry (a SQLite file) or postgres (a URL), not both"
        }
    }

    static let knownKeys = "registry, postgres, plugin, plugin_folders, [server] address, port, public_url, self_report_limit, idle_timeout, max_connections"

    /// A command needs the registry and neither a flag nor the file gives it.
    static let noRegistry = "give the registry: --db FILE or --postgres URL, or registry or postgres in dixian.toml (see docs/operations.md)"

    /// A command needs a plugin and neither `--plugin` nor the file gives it.
    static let noPlugin = "give the plugin: --plugin ID, or plugin in dixian.toml (see docs/operations.md)"

    /// The SQLite registry the file names does not exist.
    static func missingRegistry(_ path: String, file: String) -> String {
        "the registry \(path) (registry in \(file)) does not exist"
    }

    /// Why `dixian plugin list` searched the folder a plugin was found in.
    static func origin(_ origin: PluginSearchFolder.Origin) -> String {
        switch origin {
        case .option: "--plugin-dir"
        case .environment: "DIXIAN_PLUGIN_PATH"
        case .configuration: "plugin_folders in \(DixianConfiguration.current.file?.path ?? DixianConfiguration.fileName)"
        case .workingFolder: "the working folder"
        case .installation: "the installation"
        case .system: "the system"
        }
    }
}
