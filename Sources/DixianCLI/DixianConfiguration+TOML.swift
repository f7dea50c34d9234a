import Foundation
import TOMLKit

extension DixianConfiguration {
    /// The settings written in `text`, the TOML of `file`. Paths are taken relative to the
    /// file's folder. An unknown key, a value of the wrong type or text that is not TOML is
    /// refused with the file, line and key, so a misspelt setting is never silently ignored.
    init(toml text: String, file: URL) throws(ConfigurationError) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(file: file.path, line: error.source.begin.line,
                                     reason: .syntax(error.description, column: error.source.begin.column))
        } catch {
            throw ConfigurationError(file: file.path, reason: .syntax("\(error)", column: 1))
        }
        let reader = ConfigurationReader(file: file, lines: TOMLKeyLines(text))
        let folder = file.deletingLastPathComponent()
        func path(_ value: String) -> String { URL(fileURLWithPath: value, relativeTo: folder).standardizedFileURL.path }

        self.init(file: file)
        for (key, value) in table {
            switch key {
            case "registry": registry = path(try reader.string(value, at: [key]))
            case "postgres": postgres = try reader.string(value, at: [key])
            case "plugin":
                let plugin = try reader.string(value, at: [key])
                self.plugin = plugin.contains("/") ? path(plugin) : plugin
            case "plugin_folders": pluginFolders = try reader.strings(value, at: [key]).map(path)
            case "server": server = try Server(try reader.table(value, at: [key]), reader: reader)
            default: throw reader.unknown([key])
            }
        }
        if registry != nil && postgres != nil {
            throw ConfigurationError(file: file.path, line: reader.lines.line(of: ["postgres"]), key: "postgres", reason: .twoRegistries)
        }
    }
}

extension DixianConfiguration.Server {
    init(_ table: TOMLTable, reader: ConfigurationReader) throws(ConfigurationError) {
        self.init()
        for (key, value) in table {
            let at = ["server", key]
            switch key {
            case "address": address = try reader.string(value, at: at)
            case "port": port = try reader.int(value, at: at)
            case "public_url": publicURL = try reader.string(value, at: at)
            case "self_report_limit": selfReportLimit = try reader.int(value, at: at)
            case "idle_timeout": idleTimeout = try reader.int(value, at: at)
            case "max_connections": maxConnections = try reader.int(value, at: at)
            case "rescreen_hour": rescreenHour = try reader.int(value, at: at)
            default: throw reader.unknown(at)
            }
        }
    }
}

/// Reads values of one file by the type each key takes, refusing others with their line.
struct ConfigurationReader {
    let file: URL
    let lines: TOMLKeyLines

    func string(_ value: any TOMLValueConvertible, at key: [String]) throws(ConfigurationError) -> String {
        guard let string = value.string else { throw wrongType(value, "a string", at: key) }
        guard !string.isEmpty else { throw problem(.empty, at: key) }
        return string
    }

    func int(_ value: any TOMLValueConvertible, at key: [String]) throws(ConfigurationError) -> Int {
        guard let int = value.int else { throw wrongType(value, "an integer", at: key) }
        return int
    }

    func strings(_ value: any TOMLValueConvertible, at key: [String]) throws(ConfigurationError) -> [String] {
        guard let array = value.array else { throw wrongType(value, "a list of strings", at: key) }
        var strings: [String] = []
        for element in array {
            guard let string = element.string else { throw wrongType(element, "a list of strings", at: key) }
            guard !string.isEmpty else { throw problem(.empty, at: key) }
            strings.append(string)
        }
        return strings
    }

    func table(_ value: any TOMLValueConvertible, at key: [String]) throws(ConfigurationError) -> TOMLTable {
        guard let table = value.table else { throw wrongType(value, "a table", at: key) }
        return table
    }

    func unknown(_ key: [String]) -> ConfigurationError { problem(.unknownKey, at: key) }

    private func wrongType(_ value: any TOMLValueConvertible, _ expected: String, at key: [String]) -> ConfigurationError {
        problem(.wrongType(expected: expected, found: "\(value.type)"), at: key)
    }

    private func problem(_ reason: ConfigurationError.Reason, at key: [String]) -> ConfigurationError {
        ConfigurationError(file: file.path, line: lines.line(of: key), key: key.joined(separator: "."), reason: reason)
    }
}
