import Foundation

/// A plugin's sandboxed global environment inside a state: the safe base functions, frozen
/// shared libraries, `load` for text only and `require` resolved inside `pluginDirectory`.
/// Chunks loaded into an environment see its globals and nothing of other environments.
public final class LuaEnvironment: LuaPushable {
    /// The folder `require` resolves modules in, if any.
    public let pluginDirectory: URL?
    private let reference: RegistryReference

    /// The state the environment lives in.
    public var state: LuaState { reference.state }

    init(state: LuaState, pluginDirectory: URL?, takingTopOf stack: LuaStack) {
        self.pluginDirectory = pluginDirectory
        self.reference = RegistryReference(takingTopOf: stack, in: state)
    }

    /// Pushes the environment table (to hand it to trusted host code).
    public func push(onto stack: LuaStack) {
        reference.push(onto: stack)
    }

    /// The chunk name for a file: its path inside the plugin directory, or its full path.
    func chunkName(for file: URL) -> String {
        let path = file.standardizedFileURL.path
        if let base = pluginDirectory?.standardizedFileURL.path, path.hasPrefix(base + "/") {
            return String(path.dropFirst(base.count + 1))
        }
        return path
    }
}
