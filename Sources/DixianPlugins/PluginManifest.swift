import DixianCore
import Foundation
import LuaHost

/// What a plugin's `plugin.lua` declares about it.
public struct PluginManifest: Hashable, Sendable {
    /// The API version this build of Dixian speaks.
    public static let supportedAPIVersion = 1

    /// The plugin's id (`minqin`), unique among installed plugins.
    public var id: String
    /// Its display name, in its own language (`民勤县`).
    public var name: String
    /// The plugin API version it is written for.
    public var apiVersion: Int
    /// Its own version (`2024.1`), recorded with every screening run.
    public var version: String
    /// The area codes (county or province prefixes) it serves.
    public var areas: [String]
    /// The plugin it extends, if any.
    public var extends: String?
    /// The language of what it shows officials (Chinese unless `plugin.lua` says).
    public var language: Language
    /// A line about what it encodes.
    public var summary: String?
    /// The folder it was loaded from.
    public var directory: URL

    static let fields: Set<String> = ["id", "name", "api", "version", "areas", "extends", "language", "summary"]

    /// Reads `plugin.lua` in `directory`, in a sandbox of its own.
    /// - Throws: `PluginError` of kind `.manifest` naming the file (and the line of the
    ///   language, the one field whose value is checked against a list) when a field is
    ///   missing or wrong; `.load` or a stop when the file raises.
    public static func load(from directory: URL) throws -> PluginManifest {
        let folder = directory.lastPathComponent
        func problem(_ reason: String, line: Int? = nil) -> PluginError {
            PluginError(.manifest, plugin: folder, file: "plugin.lua", line: line, reason)
        }
        let data = try PluginFile.contents(of: "plugin.lua", in: directory, plugin: folder)
        guard let source = String(data: data, encoding: .utf8) else {
            throw PluginError(.unreadableFile, plugin: folder, file: "plugin.lua", "cannot read the file")
        }
        let value: LuaValue
        do {
            let state = try LuaState(limits: LuaLimits(instructionBudget: 1_000_000, memoryCap: 8 << 20))
            let environment = try state.makeEnvironment(pluginDirectory: directory)
            value = try state.call(state.load(source, name: "\(folder)/plugin.lua", in: environment)).first ?? .nil
        } catch {
            throw PluginError(error, while: "loading \(folder)/plugin.lua", kind: .load, plugin: folder)
        }
        guard let table = value.tableValue else {
            throw problem("must return a table describing the plugin (id, name, api, version, areas)")
        }
        for key in table.fields.keys {
            guard let field = key.stringValue, fields.contains(field) else {
                throw problem("unknown field '\(key.displayText)' (known fields: \(fields.sorted().joined(separator: ", ")))")
            }
        }
        func text(_ field: String, required: Bool = true) throws -> String? {
            switch value[field] {
            case .string(let text) where !text.isEmpty: return text
            case .nil where !required: return nil
            default: throw problem("'\(field)' must be a non-empty string")
            }
        }
        guard let api = value["api"].integerValue else {
            throw problem("'api' must be the plugin API version, an integer (this Dixian speaks \(supportedAPIVersion))")
        }
        guard api == supportedAPIVersion else {
            throw problem("written for plugin API \(api), but this Dixian speaks API \(supportedAPIVersion)")
        }
        let id = try text("id")!
        guard id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw problem("id '\(id)' may hold only ASCII letters, digits, '-' and '_'")
        }
        guard case .table(let areaList) = value["areas"], !areaList.array.isEmpty, areaList.fields.isEmpty else {
            throw problem("'areas' must be a list of area codes the plugin serves")
        }
        let areas = try areaList.array.map { entry in
            guard let code = entry.stringValue, (2...12).contains(code.count), code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw problem("every area is a code of 2 to 12 digits, got \(entry.displayText)")
            }
            return code
        }
        var language = Language.chinese
        if let code = try text("language", required: false) {
            guard let named = Language(code: code) else {
                throw problem("language '\(code)' is not one Dixian speaks (\(Language.codes.joined(separator: ", ")))",
                              line: line(of: "language", in: source))
            }
            language = named
        }
        return PluginManifest(
            id: id, name: try text("name")!, apiVersion: Int(api), version: try text("version")!, areas: areas,
            extends: try text("extends", required: false), language: language,
            summary: try text("summary", required: false), directory: directory.standardizedFileURL)
    }

    /// The line of `source` that sets `field` (`language = 'fr'`): the first line where the
    /// name stands on its own before an `=` that is not `==`; nil when no line does.
    static func line(of field: String, in source: String) -> Int? {
        for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let found = rest.range(of: field) {
                let before = rest[..<found.lowerBound].last
                let after = rest[found.upperBound...].drop(while: { $0 == " " || $0 == "\t" })
                if before.map({ !($0.isLetter || $0.isNumber || $0 == "_") }) ?? true,
                    after.hasPrefix("="), !after.hasPrefix("==")
                {
                    return index + 1
                }
                rest = rest[found.upperBound...]
            }
        }
        return nil
    }
}

extension PluginManifest {
    /// The area a run of this plugin covers (screening, the due list): the one asked for,
    /// which must lie within an area the plugin serves; otherwise the plugin's area when it
    /// serves one (a county's rules are not run on another county's households), or everything
    /// when it serves several.
    public func area(requested: String?) throws -> String? {
        guard let requested else { return areas.count == 1 ? areas[0] : nil }
        guard areas.contains(where: { requested.hasPrefix($0) || $0.hasPrefix(requested) }) else {
            throw PluginError(.areaNotServed, plugin: id, "plugin \(id) serves \(areas.joined(separator: ", ")); area \(requested) is outside it")
        }
        return areas.first(where: { $0.hasPrefix(requested) && $0.count > requested.count }) ?? requested
    }
}
