import ArgumentParser
import DixianCore
import DixianPlugins
import Foundation

/// The language `dixian` speaks in this run: its help, its argument errors and its messages.
/// It is decided once, before the command line is parsed (so that `--help` is already in it):
/// the locale's language when `LC_ALL`, `LC_MESSAGES` or `LANG` names Chinese or English, else
/// the language of the plugin the run names (`--plugin`, or `plugin` in the configuration
/// file), else English (`Language.shown`).
enum CommandLanguage {
    /// This run's language.
    /// A configuration file that is refused still names the plugin when it is TOML
    /// (`DixianConfiguration.pluginSettingsLeniently`): it is refused in that plugin's language.
    static let current: Language = {
        let configured = (try? DixianConfiguration.loaded.get()).map { (plugin: $0.plugin, folders: $0.pluginFolders) }
            ?? DixianConfiguration.pluginSettingsLeniently
        return decide(arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment,
                      configuredPlugin: configured.plugin, configuredFolders: configured.folders)
    }()

    /// The language of a run with `arguments` (the program's name left off) in `environment`.
    static func decide(arguments: [String], environment: [String: String], configuredPlugin: String?,
                       configuredFolders: [String]) -> Language {
        // A locale that names a language decides alone: no plugin need be read.
        if let language = Language.ofLocale(environment) { return language }
        guard let reference = option("--plugin", in: arguments).last ?? option("--county", in: arguments).last
            ?? pluginArgument(in: arguments) ?? configuredPlugin
        else { return .english }
        let folders = option("--plugin-dir", in: arguments) + option("--plugins", in: arguments) + configuredFolders
        return pluginLanguage(reference, searching: PluginSearchOptions.searchPath(folders)) ?? .english
    }

    /// The plugin `plugin check` and `plugin test` name as their argument: the first word after
    /// the subcommand that is not an option or an option's value.
    static func pluginArgument(in arguments: [String]) -> String? {
        guard arguments.count >= 3, arguments[0] == "plugin", ["check", "test"].contains(arguments[1]) else { return nil }
        let valued: Set = ["--plugin-dir", "--plugins", "--instruction-budget", "--memory-cap", "--config"]
        var index = 2
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" { return index + 1 < arguments.count ? arguments[index + 1] : nil }
            if valued.contains(word) { index += 2; continue }
            if word.hasPrefix("-") { index += 1; continue }
            return word
        }
        return nil
    }

    /// The values `arguments` give option `name` (`--plugin minqin`, `--plugin=minqin`), before any `--`.
    static func option(_ name: String, in arguments: [String]) -> [String] {
        var values: [String] = []
        var index = 0
        while index < arguments.count, arguments[index] != "--" {
            if arguments[index] == name, index + 1 < arguments.count {
                values.append(arguments[index + 1])
                index += 1
            } else if arguments[index].hasPrefix(name + "=") {
                values.append(String(arguments[index].dropFirst(name.count + 1)))
            }
            index += 1
        }
        return values
    }

    /// The language of plugin `reference` (an id or a folder), reading only its `plugin.lua`
    /// where a search folder holds a folder of that name with that id, or `reference` is a
    /// plugin's folder; else the catalogue's (every installed manifest). Nil when it cannot be
    /// found or read: the command then says so, in English.
    static func pluginLanguage(_ reference: String, searching searchPath: [URL]) -> Language? {
        func manifest(in folder: URL) -> PluginManifest? {
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("plugin.lua").path) else { return nil }
            return try? PluginManifest.load(from: folder)
        }
        for folder in searchPath {
            if let found = manifest(in: folder.appendingPathComponent(reference, isDirectory: true)), found.id == reference {
                return found.language
            }
        }
        return (manifest(in: URL(fileURLWithPath: reference, isDirectory: true))
            ?? (try? PluginCatalog(searchPath: searchPath).plugin(reference)))?.language
    }
}

extension CatalogueMessage {
    /// The message in the language of this run.
    var shown: String { text(in: CommandLanguage.current) }
}

extension ArgumentHelp {
    /// The help of an option, argument or flag, in the language of this run.
    static func shown(_ help: OptionHelp) -> ArgumentHelp { ArgumentHelp(help.shown) }
}
