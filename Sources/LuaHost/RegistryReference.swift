import CLua
import CLuaShim

/// A Lua value the host holds on to: an entry in the state's registry, released when the
/// reference goes. It keeps its state alive.
final class RegistryReference {
    let state: LuaState
    private let index: Int32

    /// Takes the value on top of `stack` (popping it) into the registry.
    init(takingTopOf stack: LuaStack, in state: LuaState) {
        self.state = state
        self.index = luaL_ref(stack.L, clua_registryindex())
    }

    deinit {
        luaL_unref(state.L, clua_registryindex(), index)
    }

    /// Pushes the value.
    func push(onto stack: LuaStack) {
        stack.reserve(1)
        lua_rawgeti(stack.L, clua_registryindex(), lua_Integer(index))
    }
}
