import DixianCore
import LuaHost

/// A plugin that cannot be found, loaded or run as declared: the kind of failure, the plugin,
/// file and line it is about where there are some, and the Lua error beneath it when there is
/// one. Its description is the located message users read (`minqin/checks/a.lua:3: ...`).
public struct PluginError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What failed, in kinds a caller may treat differently.
    public enum Kind: Hashable, Sendable {
        /// No plugin by that id or folder is installed (one asked for, or one a plugin extends).
        case notFound
        /// A file of the plugin cannot be read, or leads outside the plugin's folder.
        case unreadableFile
        /// `plugin.lua` does not describe a plugin this Dixian loads: a field, the API version,
        /// the language, plugins that extend each other in a circle.
        case manifest
        /// A file does not compile, or raised, while the plugin was loaded (a malformed
        /// declaration included).
        case load
        /// The plugin lacks what was asked of it (a checklist, a report), or a declaration gave
        /// something it may not (a checklist cell that is a table).
        case declaration
        /// The plugin's code raised while it ran (preparing a date, a guard, a checklist row, a
        /// report).
        case run
        /// A limit of the sandbox stopped the plugin's code.
        case stopped(Stop)
        /// A spec's fixture is malformed.
        case spec
        /// A run asked for an area the plugin does not serve.
        case areaNotServed
        /// A run's date falls where a parameter the county must set has no value: the run stops
        /// before it starts, once, instead of failing on every household.
        case parameterUnset
        /// The plugin API itself could not be started in the Lua state.
        case host
    }

    /// The limit that stopped a plugin's code.
    public enum Stop: Hashable, Sendable {
        /// The call's instruction budget (or the CPU time it allows).
        case instructionBudget
        /// The state's memory cap.
        case memoryCap
        /// Lua's stack or the C stack: calls nested too deep.
        case stack
        /// The pattern guard refused a `string.find`, `match`, `gmatch` or `gsub`.
        case pattern
        /// The host interrupted the call (Ctrl-C in the console).
        case interrupt
    }

    /// The kind of failure.
    public let kind: Kind
    /// The plugin's id (for a `plugin.lua` that cannot be read, its folder's name, which is
    /// what messages call it), when the failure is one plugin's.
    public let plugin: String?
    /// The file inside the plugin's folder (`checks/income.lua`), when known.
    public let file: String?
    /// The line in `file`, when known.
    public let line: Int?
    /// The Lua error beneath, when the failure came from Lua.
    public let luaError: LuaError?
    /// Lua's stack traceback where the error was raised, when one was taken.
    public var traceback: String? { luaError?.traceback }
    /// What is wrong, located: the text users read (in English where the failure is `said`).
    public let message: String
    /// The failure as a catalogue message, when the runtime has one for it: shown in the
    /// language of whoever reads it (`text(in:)`).
    public let said: PluginMessage?

    /// A failure of `kind`, at `plugin`'s `file` and `line` as far as they are known; the
    /// message is `reason` after `plugin/file:line: ` (as much of it as is known; nothing in
    /// front when there is no file).
    public init(_ kind: Kind, plugin: String? = nil, file: String? = nil, line: Int? = nil, _ reason: String) {
        self.kind = kind
        self.plugin = plugin
        self.file = file
        self.line = line
        luaError = nil
        said = nil
        if let file {
            let path = plugin.map { "\($0)/\(file)" } ?? file
            message = "\(line.map { "\(path):\($0)" } ?? path): \(reason)"
        } else {
            message = reason
        }
    }

    /// The failure of plugin code that raised `error` while the host was `doing` something
    /// (its message is `doing: error`): of kind `kind`, or the stop the error is. The plugin,
    /// file and line are those of the chunk that raised it when that is a plugin's file
    /// (`minqin/checks/a.lua`, of plugin `minqin`), otherwise `plugin` and no file.
    public init(_ error: LuaError, while doing: String, kind: Kind = .run, plugin: String? = nil) {
        self.kind = switch error.kind {
        case .instructionBudgetExceeded: .stopped(.instructionBudget)
        case .memoryCapExceeded: .stopped(.memoryCap)
        case .stackOverflow: .stopped(.stack)
        case .patternTooCostly: .stopped(.pattern)
        case .interrupted: .stopped(.interrupt)
        case .syntax, .runtime, .errorHandler, .unreadableChunk, .hostMisuse: kind
        }
        let inPlugin = error.chunk.flatMap { chunk in
            chunk.firstIndex(of: "/").map { (String(chunk[..<$0]), String(chunk[chunk.index(after: $0)...])) }
        }
        self.plugin = inPlugin?.0 ?? plugin
        file = inPlugin?.1
        line = inPlugin == nil ? nil : error.line
        luaError = error
        said = nil
        message = "\(doing): \(error.description)"
    }

    /// A failure of `kind` about `plugin` (no file), that the runtime's catalogue words.
    public init(_ kind: Kind, plugin: String?, said: PluginMessage) {
        self.kind = kind
        self.plugin = plugin
        file = nil
        line = nil
        luaError = nil
        self.said = said
        message = said.english
    }

    /// What is wrong in `language`: `said` in it, or `message` (located, the plugin's words or
    /// Lua's) when there is no catalogue message.
    public func text(in language: Language) -> String { said?.text(in: language) ?? message }

    public var description: String { message }
}
