import DixianCore
import Foundation
import LuaHost

/// A county's code, names and townships, as its plugin's `geography.lua` gives them.
public struct CountyGeography: Sendable, Hashable {
    /// The plugin's id (`minqin`).
    public var id: String
    /// The 6-digit GB/T 2260 county code.
    public var code: String
    /// The county's name (`民勤县`).
    public var name: String
    /// Towns and townships in order; township `i` has code `code + (100 + i)`.
    public var townships: [String]

    /// The 9-digit code of township `index`.
    public func townshipCode(_ index: Int) -> String { code + String(100 + index) }

    /// The county and its townships as places, so that their names exist in a registry that
    /// was never given a places file.
    public var places: [Place] {
        [Place(code: code, name: name, level: .county)]
            + townships.indices.map { Place(code: townshipCode($0), name: townships[$0], level: .township) }
    }

    /// Loads `geography.lua` of plugin `id` from the first of `pluginDirectories` that has it,
    /// running it in the sandbox.
    public static func load(plugin id: String, from pluginDirectories: [URL]) throws -> CountyGeography {
        guard let directory = pluginDirectories.map({ $0.appendingPathComponent(id) }).first(where: {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("geography.lua").path)
        }) else {
            let searched = pluginDirectories.map(\.path).joined(separator: ", ")
            throw GeographyError(message: "no plugin '\(id)' with a geography.lua in \(searched)")
        }
        let state = try LuaState(limits: LuaLimits(instructionBudget: 1_000_000, memoryCap: 16 << 20))
        let environment = try state.makeEnvironment(pluginDirectory: directory)
        let chunk = try state.load(contentsOf: directory.appendingPathComponent("geography.lua"), in: environment)
        let value = try state.call(chunk).first ?? .nil
        guard let code = value["code"].stringValue, code.count == 6, code.allSatisfy(\.isNumber),
            let name = value["name"].stringValue, let list = value["townships"].tableValue?.array, !list.isEmpty,
            list.count <= 899
        else {
            throw GeographyError(message: "\(id)/geography.lua must return code (6 digits), name and townships (1 to 899 names)")
        }
        let townships = try list.map { entry in
            guard let township = entry.stringValue else {
                throw GeographyError(message: "\(id)/geography.lua: every township is a name")
            }
            return township
        }
        return CountyGeography(id: id, code: code, name: name, townships: townships)
    }
}

/// A plugin's geography is missing or malformed.
public struct GeographyError: Error, CustomStringConvertible {
    /// What is wrong.
    public let message: String
    public var description: String { message }
}
