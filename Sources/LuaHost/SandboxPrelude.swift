/// The Lua side of the sandbox, `dixian.sandbox/prelude.lua` in this target, embedded in the
/// binary. It runs once per state, before any plugin code, with the state's private globals
/// (which no plugin code ever sees), and returns the function that makes a plugin environment.
/// It is the one place that says what plugins may use.
enum SandboxPrelude {
    /// The chunk name, the file's path in this target: a traceback names the file's own lines.
    /// The C message handler skips frames of chunks named `dixian.*` (the host's) when
    /// locating errors.
    static let chunkName = "@dixian.sandbox/prelude.lua"

    /// The prelude's Lua source text.
    static var source: String { String(decoding: PackageResources.prelude_lua, as: UTF8.self) }
}
