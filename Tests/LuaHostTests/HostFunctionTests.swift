import LuaHost
import Testing

/// Swift functions registered in an environment are called from Lua with arguments and
/// results, and their errors become Lua errors that never unwind through Swift.
struct HostFunctionTests {
    @Test func hostFunctionTakesArgumentsAndReturnsResults() throws {
        let sandbox = try Sandbox()
        sandbox.state.define("per_capita", in: sandbox.environment) { frame in
            let total = try frame.number(1)
            let size = try frame.integer(2)
            frame.return(total / Double(size))
            frame.return("yuan")
        }
        #expect(try sandbox.run("return per_capita(31200, 4)") == [7800.0, "yuan"])
    }

    @Test func valueHostFunctionRoundTripsTables() throws {
        let sandbox = try Sandbox()
        sandbox.state.define("echo", in: sandbox.environment) { frame in
            for index in 1...frame.argumentCount { frame.return(frame.argument(index)) }
        }
        #expect(try sandbox.run("return echo({1, 2, name = '张三'}, nil, true)")
            == [.table(LuaTable(array: [1, 2], fields: ["name": "张三"])), .nil, true])
    }

    @Test func badArgumentIsRaisedAtTheCallersLine() throws {
        let sandbox = try Sandbox()
        sandbox.state.define("need_string", in: sandbox.environment) { frame in _ = try frame.string(1) }
        let error = sandbox.failure("local x = 1\nneed_string({})")
        #expect(error.message == "hostile:2: bad argument #1 to 'need_string' (string expected, got table)")
        #expect(error.line == 2)
    }

    @Test func swiftErrorBecomesACatchableLuaError() throws {
        struct RegistryUnavailable: Error, CustomStringConvertible {
            var description: String { "registry unavailable" }
        }
        let sandbox = try Sandbox()
        sandbox.state.define("fail", in: sandbox.environment) { _ in throw RegistryUnavailable() }
        #expect(try sandbox.run("local ok, e = pcall(function() local r = fail() end) return ok, e")
            == [false, "hostile:1: registry unavailable"])
    }

    @Test func hostFunctionCanCallBackIntoLua() throws {
        let sandbox = try Sandbox()
        sandbox.state.define("apply", in: sandbox.environment) { frame in
            let function = try frame.function(1)
            for result in try frame.call(function, [frame.argument(2)]) { frame.return(result) }
        }
        #expect(try sandbox.run("return apply(function(x) return x * 2, 'twice' end, 21)") == [42, "twice"])
        let error = sandbox.failure("local y = 1\nreturn apply(function(x) error('inner failure') end, 1)")
        #expect(error.message == "hostile:2: inner failure")
    }

    @Test func budgetCoversLuaCalledFromSwift() throws {
        let sandbox = try Sandbox(limits: LuaLimits(instructionBudget: 1_000_000))
        sandbox.state.define("apply", in: sandbox.environment) { frame in
            try frame.call(try frame.function(1))
        }
        let error = sandbox.failure("apply(function() while true do end end)")
        #expect(error.kind == .instructionBudgetExceeded)
    }

    @Test func coroutineCannotYieldAcrossASwiftCall() throws {
        let sandbox = try Sandbox()
        sandbox.state.define("apply", in: sandbox.environment) { frame in
            try frame.call(try frame.function(1))
        }
        let error = sandbox.failure("""
            local co = coroutine.wrap(function()
              apply(function() coroutine.yield(1) end)
            end)
            return co()
            """)
        #expect(error.kind == .runtime)
        #expect(error.message.contains("attempt to yield across a C-call boundary"))
        #expect(error.chunk == "hostile")
        #expect(try sandbox.run("return coroutine.wrap(function() coroutine.yield(5) end)()") == [5])
    }

    @Test func hostFunctionWorksInsideACoroutine() throws {
        let sandbox = try Sandbox()
        sandbox.state.define("double", in: sandbox.environment) { frame in frame.return(try frame.integer(1) * 2) }
        #expect(try sandbox.run("""
            local co = coroutine.create(function(x) local y = coroutine.yield(double(x)) return double(y) end)
            local _, a = coroutine.resume(co, 2)
            local _, b = coroutine.resume(co, 5)
            return a, b
            """) == [4, 10])
    }

    @Test func stateCallInsideAHostFunctionIsRefused() throws {
        let sandbox = try Sandbox()
        let inner = try sandbox.state.load("return 1", name: "inner", in: sandbox.environment)
        sandbox.state.define("reenter", in: sandbox.environment) { _ in try sandbox.state.call(inner) }
        let error = sandbox.failure("reenter()")
        #expect(error.message.contains("use LuaCallFrame.call"))
    }

    @Test func printGoesToTheStatesOutput() throws {
        let sandbox = try Sandbox()
        var lines: [String] = []
        sandbox.state.output = { lines.append($0) }
        try sandbox.run("print('户主', 3, nil, true)")
        #expect(lines == ["户主\t3\tnil\ttrue"])
    }

    @Test func stateIsReleasedWithItsLastReference() throws {
        weak var released: LuaState?
        do {
            let sandbox = try Sandbox()
            sandbox.state.define("noop", in: sandbox.environment) { _ in }
            let function = try sandbox.state.load("return noop()", name: "f", in: sandbox.environment)
            try sandbox.state.call(function)
            released = sandbox.state
        }
        #expect(released == nil)
    }
}
