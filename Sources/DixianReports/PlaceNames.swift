import DixianCore
import DixianPlugins
import Foundation

/// The names of a county's area codes, for the forms and pages officials read: the county and
/// its townships from the geography of the nearest plugin of the chain that has one, and every
/// place of the registry's place table (villages above all), which wins where both name a code.
public enum PlaceNames {
    /// The places of the geography of the nearest plugin of `chain` that has one; none when
    /// no plugin of the chain has a geography.
    public static func geographyPlaces(of chain: [PluginManifest]) throws -> [Place] {
        for manifest in chain.reversed()
        where FileManager.default.fileExists(atPath: manifest.directory.appendingPathComponent("geography.lua").path) {
            return try CountyGeography.load(plugin: manifest.id, from: [manifest.directory.deletingLastPathComponent()]).places
        }
        return []
    }

    /// The places of `chain`'s geography and of `store`'s place table.
    public static func directory(of chain: [PluginManifest], store: (any RegistryStore)?) throws -> PlaceDirectory {
        var directory = PlaceDirectory(try geographyPlaces(of: chain))
        if let store {
            for place in try PlaceDirectory.read(from: store).places.values { directory.add(place) }
        }
        return directory
    }

    /// Names by area code, of `chain`'s geography and of `store`'s place table.
    public static func of(_ chain: [PluginManifest], store: (any RegistryStore)? = nil) throws -> [String: String] {
        try directory(of: chain, store: store).names
    }

    /// Writes the places of `chain`'s geography that `store` does not hold yet into its place
    /// table, as `actor`, in one audited transaction: a registry imported or used with a plugin
    /// then names its county and townships without a places file. Returns how many it wrote.
    @discardableResult
    public static func recordGeography(of chain: [PluginManifest], in store: any RegistryStore, as actor: String) async throws -> Int {
        let held = try PlaceDirectory.read(from: store)
        let missing = try geographyPlaces(of: chain).filter { held.places[$0.code] == nil }
        guard !missing.isEmpty else { return 0 }
        try await store.apply(missing.map { RegistryChange.insert(.place($0)) }, as: actor)
        return missing.count
    }
}
