import LuaHost
import Testing

/// The instruction budget and the memory cap stop hostile scripts with a clear error, and the
/// host goes on working.
struct ResourceLimitTests {
    static let tight = LuaLimits(instructionBudget: 5_000_000, memoryCap: 16 << 20)

    @Test func endlessLoopExceedsTheBudgetAtItsLine() throws {
        let sandbox = try Sandbox(limits: Self.tight)
        let error = sandbox.failure("local n = 0\nwhile true do n = n + 1 end")
        #expect(error.kind == .instructionBudgetExceeded)
        #expect(error.chunk == "hostile")
        #expect(error.line == 2)
        #expect(error.message.contains("instruction budget of 5000000 instructions exceeded"))
        #expect(try sandbox.run("return 6 * 7") == [42])
        #expect(try Sandbox(limits: Self.tight).run("return 'next state'") == ["next state"])
    }

    @Test func scriptsOwnPcallCannotSwallowTheStop() throws {
        let sandbox = try Sandbox(limits: Self.tight)
        let caught = sandbox.failure("""
            local ok = pcall(function() while true do end end)
            return 'escaped', ok
            """)
        #expect(caught.kind == .instructionBudgetExceeded)

        let retried = sandbox.failure("""
            while true do
              pcall(pcall, function() while true do end end)
            end
            """)
        #expect(retried.kind == .instructionBudgetExceeded)
        #expect(retried.chunk == "hostile")
        #expect(try sandbox.run("return 'alive'") == ["alive"])
    }

    @Test func anInterruptStopsALoopEvenUnderPcallAndTheNextCallRuns() throws {
        let sandbox = try Sandbox()
        // A host function that interrupts, as a Ctrl-C arriving while the script runs.
        let state = sandbox.state
        sandbox.state.define("ctrl_c", in: sandbox.environment) { _ in state.interrupt() }
        let error = sandbox.failure("ctrl_c()\nlocal ok = pcall(function() while true do end end)\nwhile true do end")
        #expect(error.kind == .interrupted)
        #expect(error.message.hasSuffix("interrupted"))
        #expect(try sandbox.run("return 6 * 7") == [42])
    }

    @Test func budgetResetsForEveryCall() throws {
        let sandbox = try Sandbox(limits: Self.tight)
        let spend = try sandbox.state.load("for i = 1, 200000 do end return true", name: "spend", in: sandbox.environment)
        for _ in 0..<50 {  // 50 calls together far exceed one budget
            #expect(try sandbox.state.call(spend) == [true])
        }
    }

    @Test func hugeStringHitsTheMemoryCap() throws {
        let sandbox = try Sandbox(limits: Self.tight)
        let error = sandbox.failure("local s = 'start'\nlocal big = string.rep('x', 2^30)\nreturn #big")
        #expect(error.kind == .memoryCapExceeded)
        #expect(error.message.contains("memory cap of \(16 << 20) bytes exceeded"))
        #expect(error.chunk == "hostile")
        #expect(error.line == 2)
        #expect(try sandbox.run("return #string.rep('x', 1000)") == [1000])
    }

    @Test func oversizedRepetitionIsRefused() throws {
        let error = try Sandbox(limits: Self.tight).failure("return string.rep('x', 2^40)")
        #expect(error.kind == .runtime)
        #expect(error.message == "hostile:1: resulting string too large")
    }

    @Test func endlessTableGrowthHitsTheMemoryCap() throws {
        let sandbox = try Sandbox(limits: LuaLimits(instructionBudget: 1_000_000_000, memoryCap: 16 << 20))
        let error = sandbox.failure("local t = {}\nlocal i = 0\nwhile true do i = i + 1; t[i] = {i} end")
        #expect(error.kind == .memoryCapExceeded)
        #expect(error.chunk == "hostile")
        #expect(error.line == 3)
        #expect(try sandbox.run("collectgarbage() return 'recovered'") == ["recovered"])
    }

    @Test func unboundedRecursionIsStopped() throws {
        let sandbox = try Sandbox(limits: LuaLimits(instructionBudget: 1_000_000_000, memoryCap: 256 << 20))
        let error = sandbox.failure("local function dig(n) return 1 + dig(n + 1) end\nreturn dig(1)")
        #expect(error.kind == .stackOverflow)
        #expect(error.message.contains("stack overflow"))
        #expect(error.chunk == "hostile")
        #expect(error.line == 1)
        #expect(try sandbox.run("return 1") == [1])
    }

    @Test func recursionThroughPcallHitsTheCStackLimit() throws {
        let sandbox = try Sandbox(limits: Self.tight)
        let error = sandbox.failure("local function f() local ok, e = pcall(f) error(e, 0) end\nf()")
        #expect(error.kind == .stackOverflow)
        #expect(error.message.contains("stack overflow"))
        #expect(error.chunk == "hostile")
    }
}
