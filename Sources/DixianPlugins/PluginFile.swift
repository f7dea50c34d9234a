import Foundation

/// Reads the files of a plugin folder, and only those: a file (or a folder on its path) that is
/// a symbolic link to somewhere outside the plugin folder is refused, as `require` refuses a
/// module that resolves outside it. Links that stay inside the folder are followed.
enum PluginFile {
    /// The bytes of `path` (relative to `directory`, a plugin folder), read once its real path
    /// is known to lie inside the folder's real path.
    /// - Parameter plugin: the plugin as messages name it (`minqin`, its id, or the folder's
    ///   name while its `plugin.lua` is read).
    /// - Throws: `PluginError` naming the file and where it leads when it leaves the folder, or
    ///   when it cannot be read.
    static func contents(of path: String, in directory: URL, plugin: String) throws -> Data {
        let root = directory.resolvingSymlinksInPath().standardizedFileURL
        let real = root.appendingPathComponent(path).resolvingSymlinksInPath().standardizedFileURL
        guard real.path.hasPrefix(root.path + "/") else {
            throw PluginError(
                .unreadableFile, plugin: plugin, file: path, "refused: it is a symbolic link (or lies in a linked folder) that leads to \(real.path), "
                    + "outside the plugin folder \(root.path); a plugin loads only its own files")
        }
        guard let data = FileManager.default.contents(atPath: real.path) else {
            throw PluginError(.unreadableFile, plugin: plugin, file: path, "cannot read the file")
        }
        return data
    }
}
