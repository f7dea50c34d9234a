import Foundation

/// The installed plugins: a search folder that is itself a plugin (an integrator's plugin run
/// from its own folder with `--plugin-dir .`), or every folder holding a `plugin.lua` directly
/// inside a search folder, or one level deeper (`Plugins/examples/extra-check`). Earlier search
/// folders win, so a county's own folder can replace a shipped plugin without touching it.
public struct PluginCatalog: Sendable {
    /// The plugins found, in search order, with the ones they hide.
    public let plugins: [PluginManifest]
    /// Plugins hidden by an earlier one with the same id.
    public let shadowed: [PluginManifest]
    /// Folders whose `plugin.lua` could not be read, and why.
    public let broken: [PluginError]
    /// The folders searched.
    public let searchPath: [URL]

    /// Scans `searchPath` (missing folders are skipped).
    public init(searchPath: [URL]) {
        self.searchPath = searchPath
        var found: [PluginManifest] = []
        var shadowed: [PluginManifest] = []
        var broken: [PluginError] = []
        for folder in searchPath {
            for directory in Self.pluginDirectories(in: folder) {
                do {
                    let manifest = try PluginManifest.load(from: directory)
                    if found.contains(where: { $0.id == manifest.id }) {
                        shadowed.append(manifest)
                    } else {
                        found.append(manifest)
                    }
                } catch let error as PluginError {
                    broken.append(error)
                } catch {
                    broken.append(PluginError(.manifest, plugin: directory.lastPathComponent, "\(directory.path): \(error)"))
                }
            }
        }
        plugins = found
        self.shadowed = shadowed
        self.broken = broken
    }

    private static func pluginDirectories(in folder: URL) -> [URL] {
        let manager = FileManager.default
        func children(_ url: URL) -> [URL] {
            ((try? manager.contentsOfDirectory(at: url, includingPropertiesForKeys: [.isDirectoryKey])) ?? [])
                .filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        }
        func isPlugin(_ url: URL) -> Bool { manager.fileExists(atPath: url.appendingPathComponent("plugin.lua").path) }
        if isPlugin(folder) { return [folder] }
        var result: [URL] = []
        for child in children(folder) {
            if isPlugin(child) {
                result.append(child)
            } else {
                result.append(contentsOf: children(child).filter(isPlugin))
            }
        }
        return result
    }

    /// The plugin named by `reference`: an installed plugin's id, or a folder holding a `plugin.lua`.
    public func plugin(_ reference: String) throws -> PluginManifest {
        if let manifest = plugins.first(where: { $0.id == reference }) { return manifest }
        let directory = URL(fileURLWithPath: reference, isDirectory: true)
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent("plugin.lua").path) {
            return try PluginManifest.load(from: directory)
        }
        if let problem = broken.first(where: { $0.plugin == reference }) { throw problem }
        throw PluginError(.notFound, plugin: reference, said: .noPlugin(reference, installed: plugins.map(\.id), searched: searchPath.map(\.path)))
    }

    /// `manifest` and the plugins it extends, the base first.
    public func chain(for manifest: PluginManifest) throws -> [PluginManifest] {
        var chain = [manifest]
        while let base = chain[0].extends {
            if chain.contains(where: { $0.id == base }) {
                throw PluginError(.manifest, plugin: manifest.id, "\(manifest.id): plugins extend each other in a circle (\(chain.map(\.id).joined(separator: " → ")) → \(base))")
            }
            guard let found = plugins.first(where: { $0.id == base }) else {
                throw PluginError(.notFound, plugin: chain[0].id, file: "plugin.lua", "extends '\(base)', which is not installed")
            }
            chain.insert(found, at: 0)
        }
        return chain
    }
}
