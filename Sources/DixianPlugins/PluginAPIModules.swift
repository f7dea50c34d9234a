/// The Lua modules of plugin API v1: the files of `dixian.api/` in this target, embedded in the
/// binary. Each is loaded as trusted host code in a chunk named by its file
/// (`dixian.api/runners.lua`), so a traceback's lines are the file's; `api.lua` wires them
/// together and returns the host's functions. docs/plugin-api.md documents what plugins see.
package enum PluginAPIModules {
    /// The modules `api.lua` is handed, by the names it calls them.
    package static let modules: [(name: String, source: [UInt8])] = [
        ("support", PackageResources.support_lua),
        ("date", PackageResources.date_lua),
        ("documents", PackageResources.documents_lua),
        ("calendar", PackageResources.calendar_lua),
        ("declarations", PackageResources.declarations_lua),
        ("context", PackageResources.context_lua),
        ("views", PackageResources.views_lua),
        ("runners", PackageResources.runners_lua),
    ]

    /// The module that wires the others and returns the host's functions.
    package static let entry: (name: String, source: [UInt8]) = ("api", PackageResources.api_lua)

    /// The chunk name of module `name`: its file's path in this target. Host chunks are named
    /// `dixian.*`, a name no plugin's chunk can have (plugin ids hold no '.'), and the sandbox
    /// skips their frames when it locates an error in plugin code.
    package static func chunkName(_ name: String) -> String { "@dixian.api/\(name).lua" }
}
