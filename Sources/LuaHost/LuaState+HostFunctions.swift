import CLua
import CLuaShim

/// A Swift function callable from Lua. It reads its arguments and returns results through the
/// frame; a thrown error becomes a Lua error at the caller's line.
public typealias LuaHostFunction = (inout LuaCallFrame) throws -> Void

struct HostCallback {
    let name: String
    let body: LuaHostFunction
}

extension LuaState {
    /// Makes `body` callable from Lua as global `name` of `environment`.
    public func define(_ name: String, in environment: LuaEnvironment, _ body: @escaping LuaHostFunction) {
        let function = makeFunction(name, body)
        let stack = LuaStack(L)
        stack.reserve(3)
        environment.push(onto: stack)
        stack.push(name)
        function.push(onto: stack)
        lua_rawset(L, -3)
        stack.pop()
    }

    /// `body` as a Lua function the host can pass to Lua (as a field of a table it hands a
    /// script, say), named `name` in error messages.
    public func makeFunction(_ name: String, _ body: @escaping LuaHostFunction) -> LuaFunction {
        let index = register(name: name, body)
        let stack = LuaStack(L)
        stack.reserve(1)
        clua_pushcallback(L, lua_Integer(index))
        return LuaFunction(takingTopOf: self, stack: stack)
    }

    func register(name: String, _ body: @escaping LuaHostFunction) -> Int {
        callbacks.append(HostCallback(name: name, body: body))
        return callbacks.count - 1
    }

    /// Runs host function `index` for the trampoline; returns the result count, or -1/-2 with
    /// an error on the stack (see clua_dispatch_fn). Never lets a Swift error escape.
    func dispatch(_ L: OpaquePointer, index: Int) -> Int32 {
        let callback = callbacks[index]
        var frame = LuaCallFrame(state: self, stack: LuaStack(L), functionName: callback.name)
        activeCallbacks += 1
        defer { activeCallbacks -= 1 }
        do {
            try callback.body(&frame)
            return frame.resultCount
        } catch let error as LuaError {
            frame.stack.push(error.message)
            return -2
        } catch {
            frame.stack.push(String(describing: error))
            return -1
        }
    }
}
