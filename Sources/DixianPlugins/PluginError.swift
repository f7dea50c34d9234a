import LuaHost

/// A plugin that cannot be found, loaded or run as declared. The message names the plugin
/// file and line where there is one.
public struct PluginError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, located.
    public let message: String

    /// An error with `message`.
    public init(_ message: String) { self.message = message }

    /// A Lua error raised while loading or running plugin code, with its location.
    public init(_ error: LuaError, while doing: String) {
        message = "\(doing): \(error.description)"
    }

    public var description: String { message }
}
