/// A Lua function held by the host (a loaded chunk, a function a script handed over),
/// callable with `LuaState.call`. It keeps its state alive and is released with it.
public final class LuaFunction: LuaPushable {
    private let reference: RegistryReference

    /// The state the function lives in.
    public var state: LuaState { reference.state }

    /// Takes the function on top of the stack.
    init(takingTopOf state: LuaState, stack: LuaStack) {
        reference = RegistryReference(takingTopOf: stack, in: state)
    }

    /// Pushes the function (to pass it to another Lua function).
    public func push(onto stack: LuaStack) {
        reference.push(onto: stack)
    }
}
