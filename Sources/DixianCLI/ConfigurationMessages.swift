import DixianCore

/// Every sentence the configuration file shows its reader, in the language of the run: the
/// texts are `ConfigurationMessage`'s.
enum ConfigurationMessages {
    /// `FILE:LINE: key: reason`.
    static func describe(_ error: ConfigurationError) -> String {
        let place = error.file + (error.line.map { ":\($0)" } ?? "")
        let key = error.key.map { "\($0): " } ?? ""
        return "\(place): \(key)\(reason(error.reason))"
    }

    static func reason(_ reason: ConfigurationError.Reason) -> String {
        let message: ConfigurationMessage = switch reason {
        case .notFound: .notFound
        case .noFileGiven: .noFileGiven
        case .unreadable(let why): .unreadable(why)
        case .notUTF8: .notUTF8
        case .syntax(let description, let column): .syntax(description, column: column)
        case .unknownKey: .unknownKey(known: knownKeys)
        case .wrongType(let expected, let found): .wrongType(expected: expected, found: found)
        case .empty: .empty
        case .twoRegistries: .twoRegistries
        case .untrusted(let distrust): .untrusted(distrust)
        }
        return message.shown
    }

    static let knownKeys = "registry, postgres, plugin, plugin_folders, [server] address, port, public_url, self_report_limit, idle_timeout, max_connections, rescreen_hour"

    /// A command needs the registry and neither a flag nor the file gives it.
    static var noRegistry: String { ConfigurationMessage.noRegistry.shown }

    /// A command needs a plugin and neither `--plugin` nor the file gives it.
    static var noPlugin: String { ConfigurationMessage.noPlugin.shown }

    /// The SQLite registry the file names does not exist.
    static func missingRegistry(_ path: String, file: String) -> String {
        ConfigurationMessage.missingRegistry(path, file: file).shown
    }

    /// Why `dixian plugin list` searched the folder a plugin was found in.
    static func origin(_ origin: PluginSearchFolder.Origin) -> String {
        ConfigurationMessage.origin(origin, file: DixianConfiguration.current.file?.path ?? DixianConfiguration.fileName).shown
    }
}

/// The catalogue of what the configuration file's reader is told. Keys, file names, option
/// names and TOML's own words stay as they are.
enum ConfigurationMessage: MessageCatalogue, Hashable {
    case notFound, noFileGiven, notUTF8, empty, twoRegistries, noRegistry, noPlugin
    /// `generate` or `demo` without `--county` and no plugin in the configuration file.
    case noCounty
    /// The file cannot be read, for the system's reason.
    case unreadable(String)
    /// Not TOML: the parser's description and the column it stopped at.
    case syntax(String, column: Int)
    /// A key the file may not hold; the keys it may.
    case unknownKey(known: String)
    /// A value of the wrong TOML type.
    case wrongType(expected: String, found: String)
    /// The registry the file names does not exist.
    case missingRegistry(String, file: String)
    /// The working folder's file is not read: why, and how to proceed.
    case untrusted(FileTrust.Distrust)
    /// Why `plugin list` searched a folder (`file`: the configuration file, for `plugin_folders`).
    case origin(PluginSearchFolder.Origin, file: String)

    static var samples: [ConfigurationMessage] {
        [
            .notFound, .noFileGiven, .notUTF8, .empty, .twoRegistries, .noRegistry, .noPlugin, .noCounty, .unreadable("Permission denied"),
            .syntax("expected '='", column: 3), .unknownKey(known: ConfigurationMessages.knownKeys),
            .wrongType(expected: "a list of strings", found: "string"), .missingRegistry("/srv/dixian/registry.sqlite", file: "/etc/dixian/dixian.toml"),
            .untrusted(.ownedByOther(owner: 1001)), .untrusted(.fileWritableByOthers), .untrusted(.folderWritableByOthers),
            .untrusted(.folderOwnedByOther(owner: 1001)), .untrusted(.symbolicLink),
        ] + [PluginSearchFolder.Origin.option, .environment, .configuration, .workingFolder, .installation, .system].map {
            .origin($0, file: "/etc/dixian/dixian.toml")
        }
    }

    /// Why the working folder's file is not read, then how to proceed, in both languages.
    private static func untrusted(_ distrust: FileTrust.Distrust) -> (chinese: String, english: String) {
        let why: (chinese: String, english: String) = switch distrust {
        case .ownedByOther(let owner): ("其所有者（uid \(owner)）既不是当前用户也不是 root", "it belongs to uid \(owner), neither this user nor root")
        case .fileWritableByOthers: ("同组或其他用户可以修改它", "group or others may write it")
        case .folderWritableByOthers: ("同组或其他用户可以在其所在文件夹中放置文件", "group or others may write its folder, so anyone could have put it there")
        case .folderOwnedByOther(let owner): ("其所在文件夹的所有者（uid \(owner)）既不是当前用户也不是 root", "its folder belongs to uid \(owner), neither this user nor root")
        case .symbolicLink: ("它是一个符号链接", "it is a symbolic link")
        }
        return ("工作文件夹中的配置文件未被采用：\(why.chinese)。如信任此文件，请用 --config 文件 明确指定；否则请在其他文件夹中运行",
                "the working folder's configuration file is not read: \(why.english). Name it with --config FILE if you trust it, or run from another folder")
    }

    /// The TOML types a key may take, as the reader names them, in Chinese.
    private static let chineseTypes = ["a string": "字符串", "an integer": "整数", "a list of strings": "字符串列表", "a table": "表"]

    var texts: (chinese: String, english: String) {
        switch self {
        case .notFound: ("没有这个配置文件", "no such configuration file")
        case .noFileGiven: ("请在 --config 后给出配置文件", "give the configuration file after --config")
        case .unreadable(let why): ("无法读取：\(why)", "cannot be read: \(why)")
        case .notUTF8: ("不是 UTF-8 文本", "is not UTF-8 text")
        case .syntax(let description, let column): ("不是有效的 TOML（第 \(column) 列）：\(description)", "not TOML (column \(column)): \(description)")
        case .unknownKey(let known):
            ("不认识的配置项（可用：\(known.replacingOccurrences(of: ", ", with: "、"))）", "unknown key (known: \(known))")
        case .wrongType(let expected, let found):
            ("类型应为\(Self.chineseTypes[expected] ?? expected)（实际为 \(found)）", "must be \(expected) (found: \(found))")
        case .empty: ("不能为空", "must not be empty")
        case .twoRegistries: ("registry（SQLite 文件）与 postgres（URL）只能给出一个", "give registry (a SQLite file) or postgres (a URL), not both")
        case .noRegistry:
            ("请给出登记库：--db FILE 或 --postgres URL，或在 dixian.toml 中设置 registry 或 postgres（见 docs/operations.md）",
             "give the registry: --db FILE or --postgres URL, or registry or postgres in dixian.toml (see docs/operations.md)")
        case .noCounty:
            ("请给出县：--county 插件 ID，或在 dixian.toml 中设置 plugin（见 docs/operations.md）",
             "give the county: --county PLUGIN, or plugin in dixian.toml (see docs/operations.md)")
        case .noPlugin:
            ("请给出插件：--plugin ID，或在 dixian.toml 中设置 plugin（见 docs/operations.md）",
             "give the plugin: --plugin ID, or plugin in dixian.toml (see docs/operations.md)")
        case .missingRegistry(let path, let file):
            ("登记库 \(path)（\(file) 中的 registry）不存在", "the registry \(path) (registry in \(file)) does not exist")
        case .untrusted(let distrust):
            Self.untrusted(distrust)
        case .origin(let origin, let file):
            switch origin {
            case .option: ("--plugin-dir", "--plugin-dir")
            case .environment: ("DIXIAN_PLUGIN_PATH", "DIXIAN_PLUGIN_PATH")
            case .configuration: ("\(file) 中的 plugin_folders", "plugin_folders in \(file)")
            case .workingFolder: ("工作文件夹", "the working folder")
            case .installation: ("安装目录", "the installation")
            case .system: ("系统目录", "the system")
            }
        }
    }
}
