import CLua
import CLuaShim

/// A Lua table the host keeps between calls (a batch table it refills, say). It belongs to one
/// state and is released with the reference.
public final class LuaTableReference: LuaPushable {
    private let reference: RegistryReference

    /// The state the table lives in.
    public var state: LuaState { reference.state }

    /// A new empty table in `state`.
    public init(in state: LuaState) {
        let stack = LuaStack(state.L)
        stack.pushTable()
        reference = RegistryReference(takingTopOf: stack, in: state)
    }

    /// The table at `index` of `stack`, kept; nil when the value there is not a table.
    public init?(at index: Int32, in stack: LuaStack, of state: LuaState) {
        guard lua_type(stack.L, index) == LUA_TTABLE else { return nil }
        stack.reserve(1)
        lua_pushvalue(stack.L, index)
        reference = RegistryReference(takingTopOf: stack, in: state)
    }

    /// Sets this table as the metatable of the table at `index` of `stack`.
    public func setAsMetatable(ofTableAt index: Int32, in stack: LuaStack) {
        let table = lua_absindex(stack.L, index)
        push(onto: stack)
        lua_setmetatable(stack.L, table)
    }

    /// Sets field `key` of the table to `value` (raw, no metamethods).
    public func set(_ key: String, _ value: some LuaPushable) {
        let stack = LuaStack(state.L)
        push(onto: stack)
        stack.setField(key, value)
        stack.pop()
    }

    /// Pushes the table.
    public func push(onto stack: LuaStack) {
        reference.push(onto: stack)
    }
}
