import DixianPlugins
import Foundation

/// The names of a county's area codes, for the forms officials read: the county and its
/// townships, from the geography of the nearest plugin of the chain that has one.
public enum PlaceNames {
    /// Names by area code; empty when no plugin of the chain has a geography.
    public static func of(_ chain: [PluginManifest]) throws -> [String: String] {
        for manifest in chain.reversed()
        where FileManager.default.fileExists(atPath: manifest.directory.appendingPathComponent("geography.lua").path) {
            let geography = try CountyGeography.load(plugin: manifest.id, from: [manifest.directory.deletingLastPathComponent()])
            var places = [geography.code: geography.name]
            for (index, name) in geography.townships.enumerated() { places[geography.townshipCode(index)] = name }
            return places
        }
        return [:]
    }
}
