import CLua
import CLuaShim

/// What a host function sees of its call: the arguments, a way to return results, and a way to
/// call back into Lua. Valid only while the host function runs.
public struct LuaCallFrame {
    /// The state the call runs in.
    public let state: LuaState
    /// The calling thread's stack (a coroutine's, when called from one).
    public let stack: LuaStack
    /// How many arguments were passed.
    public let argumentCount: Int32
    /// The name the function was registered under, for messages.
    public let functionName: String
    /// How many results have been returned so far.
    public private(set) var resultCount: Int32 = 0

    init(state: LuaState, stack: LuaStack, functionName: String) {
        self.state = state
        self.stack = stack
        self.argumentCount = stack.top
        self.functionName = functionName
    }

    // MARK: Arguments

    /// Argument `index` (1-based) copied into Swift; `nil` past the last argument.
    public func argument(_ index: Int32) -> LuaValue {
        index <= argumentCount ? stack.value(at: index) : .nil
    }

    /// Argument `index` as a string, or an error in Lua's `bad argument` wording.
    public func string(_ index: Int32) throws(LuaArgumentError) -> String {
        guard index <= argumentCount, let text = stack.string(at: index) else { throw badArgument(index, "string") }
        return text
    }

    /// Argument `index` as an integer (a float with an exact integer value is accepted).
    public func integer(_ index: Int32) throws(LuaArgumentError) -> Int64 {
        guard let value = argument(index).integerValue else { throw badArgument(index, "integer") }
        return value
    }

    /// Argument `index` as a number.
    public func number(_ index: Int32) throws(LuaArgumentError) -> Double {
        guard let value = argument(index).doubleValue else { throw badArgument(index, "number") }
        return value
    }

    /// Argument `index` as a function the host may keep and call later.
    public func function(_ index: Int32) throws(LuaArgumentError) -> LuaFunction {
        guard index <= argumentCount, let function = state.function(at: index, in: stack) else {
            throw badArgument(index, "function")
        }
        return function
    }

    private func badArgument(_ index: Int32, _ expected: String) -> LuaArgumentError {
        let got = index <= argumentCount ? stack.typeName(at: index) : "no value"
        return LuaArgumentError("bad argument #\(index) to '\(functionName)' (\(expected) expected, got \(got))")
    }

    // MARK: Results

    /// Adds `value` to the function's results.
    public mutating func `return`(_ value: some LuaPushable) {
        value.push(onto: stack)
        resultCount += 1
    }

    // MARK: Calling back into Lua

    /// Calls `function` from inside the host function, protected, within the current call's budget.
    /// A coroutine cannot yield across this call (Lua reports that as an error).
    @discardableResult
    public func call(_ function: LuaFunction, _ arguments: [LuaValue] = []) throws(LuaError) -> [LuaValue] {
        precondition(function.state === state, "the function belongs to another Lua state")
        let top = stack.top
        defer { lua_settop(stack.L, top) }
        stack.reserve(Int32(arguments.count) + 2)
        function.push(onto: stack)
        for argument in arguments { stack.push(argument) }
        let status = clua_pcall(stack.L, Int32(arguments.count), LUA_MULTRET)
        guard status == LUA_OK else { throw state.error(status: status, stack: stack) }
        return (0..<(stack.top - top)).map { stack.value(at: top + 1 + $0) }
    }
}

/// A host function's complaint about its arguments, raised in Lua at the caller's line.
public struct LuaArgumentError: Error, Sendable, CustomStringConvertible {
    /// The message Lua will show, without the position (Lua adds it).
    public let description: String

    /// An argument error with the given message.
    public init(_ message: String) {
        self.description = message
    }
}
