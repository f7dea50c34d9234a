import Crypto
import Foundation

extension PluginManifest {
    /// The revision of what the host itself decides about a screening besides the plugin API's
    /// Lua: the views' fields and the records they hold as of a date (`ViewDating`), ages and
    /// birthdays, wake-up dates. Part of the fingerprint: raise it with any change to those, so
    /// that the first run after an upgrade is a whole one instead of trusting a state the old
    /// host kept.
    static let hostScreeningRevision = 2  // 2: the views carry their village (places)

    /// A SHA-256 digest (hex) of what a plugin chain screens with: the host's own Lua modules
    /// of the plugin API (which a new Dixian may change), each plugin's id and every file under
    /// its folder except its specs, by relative path. Two runs with the same
    /// fingerprint ran the same rules and parameters, so findings and deadline items one kept
    /// current stay current for the other (issue 23); a county that edits a parameter file
    /// without raising the plugin's version still changes it.
    public static func fingerprint(of chain: [PluginManifest]) throws -> String {
        var hash = SHA256()
        hash.update(data: Data("host \(hostScreeningRevision)\n".utf8))
        for module in PluginAPIModules.modules + [PluginAPIModules.entry] {
            hash.update(data: Data("api \(module.name) \(module.source.count)\n".utf8))
            hash.update(data: module.source)
        }
        for plugin in chain {
            hash.update(data: Data("plugin \(plugin.id)\n".utf8))
            for (path, url) in try ruleFiles(under: plugin.directory) {
                let contents = try Data(contentsOf: url)
                hash.update(data: Data("file \(path) \(contents.count)\n".utf8))
                hash.update(data: contents)
            }
        }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The regular files under `directory`, except those under `spec/`, by relative path.
    private static func ruleFiles(under directory: URL) throws -> [(path: String, url: URL)] {
        let root = directory.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var files: [(path: String, url: URL)] = []
        for case let url as URL in walker {
            let path = String(url.standardizedFileURL.path.dropFirst(root.count + 1))
            if path == "spec" || path.hasPrefix("spec/") {
                walker.skipDescendants()
                continue
            }
            if try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true { files.append((path, url)) }
        }
        return files.sorted { $0.path < $1.path }
    }
}
