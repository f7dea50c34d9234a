import CLua
import CLuaShim

extension LuaState {
    /// Calls `function` with `arguments` and returns its results.
    ///
    /// The call is protected and gets a fresh instruction budget; any Lua error, budget or
    /// memory overrun comes back as a `LuaError` and leaves the state usable.
    @discardableResult
    public func call(_ function: LuaFunction, _ arguments: [LuaValue] = []) throws(LuaError) -> [LuaValue] {
        try call(function, pushingArguments: { stack in
            for argument in arguments { stack.push(argument) }
            return Int32(arguments.count)
        })
    }

    /// Calls `function` with one argument pushed straight from Swift (a household view, say).
    @discardableResult
    public func call(_ function: LuaFunction, with argument: some LuaPushable) throws(LuaError) -> [LuaValue] {
        try call(function, pushingArguments: { stack in
            argument.push(onto: stack)
            return 1
        })
    }

    /// Calls `function` with the arguments `pushArguments` pushes (it returns how many).
    @discardableResult
    public func call(_ function: LuaFunction, pushingArguments pushArguments: (LuaStack) -> Int32)
        throws(LuaError) -> [LuaValue]
    {
        try call(function, pushingArguments: pushArguments) { stack, first, count in
            (0..<count).map { stack.value(at: first + $0) }
        }
    }

    /// Calls `function` and hands its results to `readResults` while they are still on the stack
    /// (`first` is the index of the first result, `count` how many there are).
    ///
    /// A `repeatable` call is one whose effects do not matter if it runs twice (screening a batch
    /// of read-only views, say). It runs without counting its instructions, which costs every
    /// instruction a trip through the count hook, until it has used budget × 0.25 ns of CPU time:
    /// faster than any call could run its budget out. A call that runs that long is stopped and
    /// run again from the start, counted, so the budget holds exactly as for any call;
    /// `pushArguments` then runs again too.
    public func call<Result>(
        _ function: LuaFunction,
        repeatable: Bool = false,
        pushingArguments pushArguments: (LuaStack) -> Int32,
        readingResults readResults: (LuaStack, _ first: Int32, _ count: Int32) -> Result
    ) throws(LuaError) -> Result {
        precondition(function.state === self, "the function belongs to another Lua state")
        return try invoke(
            repeatable: repeatable,
            pushing: { stack in
                function.push(onto: stack)
                return pushArguments(stack)
            },
            results: readResults)
    }

    /// The function at `index` of `stack`, kept for later calls; nil if the value is not a function.
    /// Use it in `readingResults` to keep a function a chunk returns (a plugin's check, say).
    public func function(at index: Int32, in stack: LuaStack) -> LuaFunction? {
        guard lua_type(stack.L, index) == LUA_TFUNCTION else { return nil }
        stack.reserve(1)
        lua_pushvalue(stack.L, index)
        return LuaFunction(takingTopOf: self, stack: stack)
    }

    /// The one entry into Lua from the host: a protected call with a fresh budget.
    func invoke<Result>(
        repeatable: Bool = false,
        pushing: (LuaStack) -> Int32,
        results: (LuaStack, Int32, Int32) -> Result
    ) throws(LuaError) -> Result {
        guard activeCallbacks == 0 else {
            throw LuaError(kind: .hostMisuse, message: "a host function called LuaState.call; use LuaCallFrame.call")
        }
        let stack = LuaStack(L)
        let top = stack.top
        defer { lua_settop(L, top) }
        var uncounted = repeatable
        while true {
            stack.reserve(2)
            let argumentCount = pushing(stack)
            clua_begin_call(L, uncounted ? 1 : 0)
            let status = clua_pcall(L, argumentCount, LUA_MULTRET)
            if clua_end_call(L) != 0 {
                // It ran long uncounted: again from the start, counting (see `call`).
                lua_settop(L, top)
                uncounted = false
                continue
            }
            guard status == LUA_OK else { throw error(status: status, stack: stack) }
            return results(stack, top + 1, stack.top - top)
        }
    }

    /// Turns a failed protected call's status and message into a `LuaError`.
    func error(status: Int32, stack: LuaStack) -> LuaError {
        let record = control.pointee
        let raw = stack.string(at: -1) ?? "(error object is a \(stack.typeName(at: -1)) value)"
        let traceback = record.traceback.map { String(cString: $0) }
        let stackLocation = record.error_line > 0 ? (text(of: record.error_source), Int(record.error_line)) : nil

        // A stop's message names where the script was first stopped; it may have been raised
        // again elsewhere (after a pcall or a coroutine caught it), where the stack now is.
        if record.interrupted != 0 {
            let location = LuaError.location(in: raw).map { ($0.chunk, $0.line) } ?? stackLocation
            return LuaError(kind: .interrupted, message: raw, chunk: location?.0, line: location?.1, traceback: traceback)
        }
        if record.budget_exceeded != 0 {
            let recorded = text(of: record.stop_message)
            let message = recorded.isEmpty ? "instruction budget of \(limits.instructionBudget) instructions exceeded" : recorded
            let location = LuaError.location(in: message).map { ($0.chunk, $0.line) } ?? stackLocation
            return LuaError(kind: .instructionBudgetExceeded, message: message, chunk: location?.0,
                            line: location?.1, traceback: traceback)
        }
        if status == LUA_ERRMEM || record.memory_refused != 0 {
            let refused = record.refused_line > 0 ? (text(of: record.refused_source), Int(record.refused_line)) : nil
            let location = refused ?? LuaError.location(in: raw).map { ($0.chunk, $0.line) } ?? stackLocation
            let cap = "memory cap of \(limits.memoryCap) bytes exceeded"
            let message = location.map { "\($0.0):\($0.1): \(cap)" } ?? cap
            return LuaError(kind: .memoryCapExceeded, message: message, traceback: traceback)
        }
        // The sandbox tells the pattern guard's refusal and Lua's stack overflows from the
        // script's own errors (as it does for the runners of the plugin API).
        let stop = raw.withCString { clua_stop_kind(L, $0) }
        let kind: LuaError.Kind = switch status {
        case LUA_ERRERR: .errorHandler
        case LUA_ERRSYNTAX: .syntax
        case _ where stop == CLUA_STOP_PATTERN: .patternTooCostly
        case _ where stop == CLUA_STOP_STACK: .stackOverflow
        default: .runtime
        }
        let messageLocation = LuaError.location(in: raw)
        return LuaError(kind: kind, message: raw, chunk: messageLocation?.chunk ?? stackLocation?.0,
                        line: messageLocation?.line ?? stackLocation?.1, traceback: traceback)
    }

    private func text<T>(of buffer: T) -> String {
        withUnsafeBytes(of: buffer) { bytes in
            String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
    }
}
