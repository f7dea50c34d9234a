import DixianCore
import DixianPlugins
import DixianSQLite
import Foundation
import LuaHost

/// An administrator's Lua console on the live registry: chunks run in the sandbox, in an
/// environment with the plugin's modules (`require('lib.minqin')`) and the bound API
/// (`ConsoleAPI`). The plugin runs in a state of its own, so that its checks, deadlines and
/// guards can be called from the console's functions. Read-only unless opened for writing:
/// then every change joins one transaction, ended by `commit()` or `rollback()`, and the
/// audit trail names the administrator.
///
/// A console runs on a thread of its own (a terminal's, a script's), never on one of Swift
/// concurrency's pool: its workflow and report functions wait there for the registry.
public final class Console {
    /// How the console is opened.
    public struct Options: Sendable {
        /// Whether changes may be made (in a session transaction).
        public var write: Bool
        /// Who the administrator is, for the audit trail.
        public var actor: String
        /// The console's date: views are read as of it, actions default to it.
        public var asOf: LocalDate
        /// The sandbox's limits, for the console's chunks and the plugin.
        public var limits: LuaLimits

        /// Options.
        public init(write: Bool, actor: String, asOf: LocalDate, limits: LuaLimits = LuaLimits()) {
            self.write = write
            self.actor = actor
            self.asOf = asOf
            self.limits = limits
        }
    }

    /// What evaluating some input gave.
    public enum Outcome: Sendable {
        /// It ran and returned these values (none for a statement).
        case values([LuaValue])
        /// It is not a complete chunk yet: more lines are needed.
        case incomplete
        /// It failed.
        case failed(LuaError)
    }

    /// The registry (a session when writing).
    public let store: any ConsoleStore
    /// The plugin chain (the plugin asked for last).
    public let chain: [PluginManifest]
    /// How the console was opened.
    public let options: Options
    /// The state the console's chunks run in.
    public let state: LuaState
    /// The environment they see.
    public let environment: LuaEnvironment
    /// The language the console speaks: the locale's, or the plugin's (`Language.shown`).
    public let language: Language
    /// The plugin, loaded in a state of its own (replaced by `reload()`).
    public internal(set) var plugin: PluginRuntime
    /// The audit trail's last entry when the session began or last committed: the households
    /// changed after it are those `commit()` re-screens.
    var committedThrough: Int64 = 0

    /// Opens the registry at `path` with plugin `chain`.
    public convenience init(db path: String, chain: [PluginManifest], options: Options) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw ConsoleError(ConsoleMessage.registryMissing(path).english) }
        try self.init(store: options.write ? try SQLiteRegistry.session(path: path) : try SQLiteRegistry(path: path),
                      chain: chain, options: options)
    }

    /// A console on `store` (in either store; a session when `options.write`, so that changes
    /// wait for `commit()`) with plugin `chain`.
    public init(store: any ConsoleStore, chain: [PluginManifest], options: Options) throws {
        self.store = store
        language = Language.shown(environment: ProcessInfo.processInfo.environment, plugin: chain.last?.language)
        self.chain = chain
        self.options = options
        state = try LuaState(limits: options.limits)
        environment = try state.makeEnvironment(pluginDirectory: chain[chain.count - 1].directory)
        plugin = try Self.loadPlugin(chain, options)
        committedThrough = options.write ? try store.lastAuditID() : 0
        bind()
    }

    static func loadPlugin(_ chain: [PluginManifest], _ options: Options) throws -> PluginRuntime {
        let runtime = try PluginRuntime(chain: chain, state: try LuaState(limits: options.limits))
        try runtime.prepare(asOf: options.asOf)
        return runtime
    }

    /// Evaluates one chunk of input as the standard `lua` console does: `=expr` and a bare
    /// expression print their values; a statement runs; an unfinished chunk asks for more.
    public func evaluate(_ input: String) -> Outcome {
        let source = input.hasPrefix("=") ? "return " + input.dropFirst() : input
        do throws(LuaError) {
            let chunk: LuaFunction
            if let expression = try? state.load("return " + source, name: "console", in: environment) {
                chunk = expression
            } else {
                chunk = try state.load(source, name: "console", in: environment)
            }
            state.clearInterrupt()
            return .values(try state.call(chunk))
        } catch {
            if error.kind == .syntax && error.message.hasSuffix("<eof>") { return .incomplete }
            return .failed(error)
        }
    }

    /// Runs the script at `url` with `arguments` (as `...` and the global `arg`).
    public func run(script url: URL, arguments: [String]) throws(LuaError) -> [LuaValue] {
        guard let source = try? String(contentsOf: url, encoding: .utf8) else {
            throw LuaError(kind: .unreadableChunk, message: ConsoleMessage.unreadableScript(url.path).text(in: language))
        }
        let chunk = try state.load(source, name: url.lastPathComponent, in: environment)
        let list = LuaValue.table(LuaTable(array: arguments.map(LuaValue.string)))
        try state.call(state.load("arg = ...", name: "arguments", in: environment), [list])
        return try state.call(chunk, arguments.map(LuaValue.string))
    }

    /// The names that complete `text` at the end of the input: globals of the console, or the
    /// string keys of the table `text` names up to its last `.` or `:`.
    public func completions(for text: String) -> [String] {
        guard let split = text.lastIndex(where: { $0 == "." || $0 == ":" }) else {
            return keys(of: "_ENV").filter { $0.hasPrefix(text) }.sorted()
        }
        let path = String(text[..<split]), partial = String(text[text.index(after: split)...])
        guard path.range(of: #"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$"#, options: .regularExpression) != nil else {
            return []
        }
        return keys(of: path).filter { $0.hasPrefix(partial) }.sorted().map { String(text[...split]) + $0 }
    }

    /// The string keys of the table at `path` (names only: nothing is called).
    private func keys(of path: String) -> [String] {
        var names: [String] = []
        var value: LuaValue?
        if path == "_ENV" {
            value = try? state.call(state.load("local t = {} for k in pairs(_ENV) do t[#t + 1] = k end return t",
                                               name: "completion", in: environment)).first
            names = ConsoleAPI.globals
        } else {
            let walk = "local t = _ENV for part in (...):gmatch('[^.]+') do if type(t) ~= 'table' then return nil end t = t[part] end "
                + "if type(t) ~= 'table' then return nil end local keys = {} for k in pairs(t) do keys[#keys + 1] = k end return keys"
            value = try? state.call(state.load(walk, name: "completion", in: environment), [.string(path)]).first
        }
        names += value?.tableValue?.array.compactMap(\.stringValue) ?? []
        return Array(Set(names))
    }

    /// Changes not yet committed (write mode).
    public var uncommittedChanges: Int { store.uncommittedChanges }

    /// Drops uncommitted changes.
    public func rollback() throws { try store.rollback() }
}

/// A console that cannot open, or a console function used wrongly.
public struct ConsoleError: Error, CustomStringConvertible {
    /// What is wrong.
    public let description: String

    /// An error saying `description`.
    public init(_ description: String) { self.description = description }
}
