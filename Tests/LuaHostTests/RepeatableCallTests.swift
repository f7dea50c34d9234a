import LuaHost
import Testing

/// A repeatable call runs without counting its instructions until it has run long, and then
/// again from its start, counted: the instruction budget holds exactly as for any call.
/// (Each chunk counts its runs in the global `runs`.)
@Suite(.timeLimit(.minutes(1)))
struct RepeatableCallTests {
    static let tight = LuaLimits(instructionBudget: 5_000_000, memoryCap: 16 << 20)

    func repeatable(_ sandbox: Sandbox, _ source: String) throws(LuaError) -> [LuaValue] {
        let chunk = try sandbox.state.load("runs = (runs or 0) + 1\n" + source, name: "hostile", in: sandbox.environment)
        return try sandbox.state.call(chunk, repeatable: true, pushingArguments: { _ in 0 }) { stack, first, count in
            (0..<count).map { stack.value(at: first + $0) }
        }
    }

    func runs(_ sandbox: Sandbox) throws -> [LuaValue] {
        try sandbox.run("return runs")
    }

    @Test func aShortCallRunsOnce() throws {
        let sandbox = try Sandbox(limits: Self.tight)
        #expect(try repeatable(sandbox, "return 6 * 7") == [42])
        #expect(try runs(sandbox) == [1])
    }

    @Test func anEndlessLoopIsRunAgainCountedAndStoppedAtItsLine() throws {
        let sandbox = try Sandbox(limits: Self.tight)
        #expect {
            try repeatable(sandbox, "local ok = pcall(function() while true do end end)\nwhile true do end")
        } throws: { error in
            // The budget ran out in the loop the pcall runs; the stop names that line.
            let error = error as! LuaError
            return error.kind == .instructionBudgetExceeded && error.chunk == "hostile" && error.line == 2
                && error.message.contains("instruction budget of 5000000 instructions exceeded")
        }
        #expect(try runs(sandbox) == [2])
        #expect(try repeatable(sandbox, "return 'alive'") == ["alive"])
    }

    @Test func aTinyBudgetStillStopsAnEndlessLoop() throws {
        // A quarter of a microsecond uncounted: the CPU timer expires at once, on the next tick.
        let sandbox = try Sandbox(limits: LuaLimits(instructionBudget: 1_000))
        for _ in 1...20 {
            #expect {
                try repeatable(sandbox, "while true do end")
            } throws: { error in
                (error as! LuaError).kind == .instructionBudgetExceeded
            }
        }
    }

    @Test func aLongCallWithinItsBudgetGivesItsResultAfterTheCountedRun() throws {
        // About 80 million instructions against a budget of 100 million: far longer than the
        // 25 ms it may run uncounted.
        let sandbox = try Sandbox(limits: LuaLimits(instructionBudget: 100_000_000))
        let sum = try repeatable(sandbox, """
            local s = 0
            for i = 1, 20000000 do s = s + i * 3 % 7 end
            return s
            """)
        // i * 3 % 7 runs 3, 6, 2, 5, 1, 4, 0 (21) over and over.
        let expected = 21 * (20_000_000 / 7) + [3, 6, 2, 5, 1, 4].prefix(20_000_000 % 7).reduce(0, +)
        #expect(sum == [.integer(Int64(expected))])
        #expect(try runs(sandbox) == [2])
    }

    @Test func aCoroutineMadeUncountedRunsAgainCounted() throws {
        let sandbox = try Sandbox(limits: Self.tight)
        #expect(try repeatable(sandbox, "return coroutine.wrap(function() return 'inside' end)()") == ["inside"])
        #expect(try runs(sandbox) == [2])
        #expect {
            try repeatable(sandbox, "coroutine.wrap(function() while true do end end)()")
        } throws: { error in
            (error as! LuaError).kind == .instructionBudgetExceeded
        }
    }
}
