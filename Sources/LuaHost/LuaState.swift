import CLua
import CLuaShim
import Foundation

/// One sandboxed Lua 5.4 state.
///
/// A state is confined to one worker at a time (it is not `Sendable`); use `LuaStatePool` to
/// spread work over cores. Everything Lua code can reach comes from a `LuaEnvironment` made by
/// `makeEnvironment(pluginDirectory:)`: the safe base functions, frozen `string`, `table`,
/// `math`, `utf8`, `coroutine` and `os.time`/`os.date`/`os.clock`, text-only `load`, and
/// `require` inside the plugin directory. Each top-level call gets `limits.instructionBudget`
/// instructions; the state never holds more than `limits.memoryCap` bytes.
public final class LuaState {
    /// The limits this state enforces.
    public let limits: LuaLimits
    /// Receives each line a script prints with `print`. Defaults to standard error.
    public var output: (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    let L: OpaquePointer
    let control: UnsafeMutablePointer<clua_control>
    var callbacks: [HostCallback] = []
    var activeCallbacks = 0
    /// The prelude's environment maker, held in the registry (a `LuaFunction` would keep the state alive).
    private var environmentFactory: Int32 = 0

    /// Stops the Lua code this state is running at its next budget check (within about a
    /// hundred thousand instructions): the call fails with a `LuaError` of kind `interrupted`,
    /// which the script's own `pcall` cannot catch.
    public func interrupt() { clua_interrupt(L) }

    /// Withdraws an interrupt no call has taken yet (a Ctrl-C at the prompt, say).
    public func clearInterrupt() { clua_clear_interrupt(L) }

    /// Makes Ctrl-C (SIGINT) interrupt this state's running call instead of ending the
    /// process. A read waiting for input returns early instead (see `takeSIGINT()`).
    public func interruptOnSIGINT() {
        _ = clua_interrupt_on_sigint(L)
    }

    /// Whether a Ctrl-C arrived since the last time this was asked.
    public static func takeSIGINT() -> Bool { clua_take_sigint() != 0 }

    /// Creates a state with the sandbox in place.
    /// - Throws: `LuaError` when the state cannot be set up within `limits`.
    public init(limits: LuaLimits = LuaLimits()) throws(LuaError) {
        guard let L = clua_newstate(limits.memoryCap, Int64(limits.instructionBudget), limits.patternCost) else {
            throw LuaError(kind: .memoryCapExceeded, message: "cannot create a Lua state")
        }
        self.limits = limits
        self.L = L
        self.control = clua_control_of(L)
        control.pointee.host = Unmanaged.passUnretained(self).toOpaque()
        control.pointee.dispatch = { L, host, index in
            Unmanaged<LuaState>.fromOpaque(host!).takeUnretainedValue().dispatch(L!, index: Int(index))
        }
        let stack = LuaStack(L)
        guard clua_openlibs(L) == LUA_OK else {
            throw LuaError(kind: .memoryCapExceeded, message: stack.string(at: -1) ?? "cannot open the Lua libraries")
        }
        let prelude = try loadChunk(SandboxPrelude.source, chunkName: SandboxPrelude.chunkName, environment: nil)
        let printIndex = register(name: "print") { [unowned self] frame in
            self.output(try frame.string(1))
        }
        environmentFactory = try invoke(
            pushing: { stack in
                prelude.push(onto: stack)
                clua_pushcallback(stack.L, lua_Integer(printIndex))
                return 1
            },
            results: { stack, _, _ in luaL_ref(stack.L, clua_registryindex()) })
    }

    deinit {
        clua_close(L)
    }

    /// Makes a fresh plugin environment whose `require` resolves modules in `pluginDirectory`.
    /// - Parameter chunkPrefix: put before the path of each module in messages (`minqin/`).
    public func makeEnvironment(pluginDirectory: URL? = nil, chunkPrefix: String = "") throws(LuaError) -> LuaEnvironment {
        let resolver = ModuleResolver(directory: pluginDirectory, chunkPrefix: chunkPrefix)
        let resolve = register(name: "require") { frame in
            switch resolver.resolve(try frame.string(1)) {
            case .success(let module):
                frame.return(module.source)
                frame.return(module.chunkName)
            case .failure(let problem):
                frame.return(LuaValue.nil)
                frame.return(problem.message)
            }
        }
        return try invoke(
            pushing: { stack in
                stack.reserve(2)
                lua_rawgeti(stack.L, clua_registryindex(), lua_Integer(environmentFactory))
                clua_pushcallback(stack.L, lua_Integer(resolve))
                return 1
            },
            results: { stack, _, _ in
                LuaEnvironment(state: self, pluginDirectory: pluginDirectory, takingTopOf: stack)
            })
    }

    /// Compiles a chunk of Lua source text (never binary) into a function running in `environment`.
    /// - Parameter name: the chunk name used in messages (`eval`, `checks/income.lua`).
    public func load(_ source: String, name: String, in environment: LuaEnvironment) throws(LuaError) -> LuaFunction {
        try loadChunk(source, chunkName: "=" + name, environment: environment)
    }

    /// Compiles a Lua source file into a function running in `environment`. The chunk is named
    /// by its path inside the environment's plugin directory.
    public func load(contentsOf file: URL, in environment: LuaEnvironment) throws(LuaError) -> LuaFunction {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw LuaError(kind: .unreadableChunk, message: "cannot read \(file.path)")
        }
        let name = environment.chunkName(for: file)
        guard let source = String(data: data, encoding: .utf8), !data.contains(0) else {
            throw LuaError(kind: .unreadableChunk, message: "\(name) is not UTF-8 Lua source text", chunk: name)
        }
        return try loadChunk(source, chunkName: "@" + name, environment: environment)
    }

    /// Compiles trusted host code (never a plugin's text): it runs with the state's private
    /// globals, the whole standard library included, and builds what plugins are then given
    /// (an API table, runners). Nothing it exposes may hand plugins a path out of the sandbox.
    public func loadHostChunk(_ source: String, name: String) throws(LuaError) -> LuaFunction {
        try loadChunk(source, chunkName: name, environment: nil)
    }

    /// Loads `source` as a chunk named `name` in `environment`, runs it and returns its results.
    @discardableResult
    public func run(_ source: String, name: String, in environment: LuaEnvironment) throws(LuaError) -> [LuaValue] {
        try call(load(source, name: name, in: environment))
    }

    private func loadChunk(_ source: String, chunkName: String, environment: LuaEnvironment?) throws(LuaError)
        -> LuaFunction
    {
        let stack = LuaStack(L)
        stack.reserve(2)
        var text = source
        let status = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { clua_loadtext(L, $0.baseAddress, $0.count, chunkName) }
        }
        guard status == LUA_OK else {
            let message = stack.string(at: -1) ?? "cannot load chunk \(chunkName.dropFirst())"
            stack.pop()
            throw LuaError(kind: status == LUA_ERRMEM ? .memoryCapExceeded : .syntax, message: message)
        }
        if let environment {
            environment.push(onto: stack)
            _ = lua_setupvalue(L, -2, 1)  // a main chunk's first upvalue is _ENV
        }
        return LuaFunction(takingTopOf: self, stack: stack)
    }
}

@available(*, unavailable, message: "a Lua state is confined to one worker; use LuaStatePool")
extension LuaState: Sendable {}
