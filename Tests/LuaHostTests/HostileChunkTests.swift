import DixianTestSupport
import Foundation
import LuaHost
import Testing

/// Chunks written to escape the instruction budget, the memory cap or the pattern guard: each is
/// stopped within its budget with an error naming the chunk and line, and the state goes on
/// working. (The bounds on elapsed time only tell a stop from a hang.)
@Suite(.timeLimit(.minutes(2)))
struct HostileChunkTests {
    static let tight = LuaLimits(instructionBudget: 1_000_000, memoryCap: 16 << 20)
    static let hangBound = Duration.seconds(15)

    /// Runs `source`, which must fail with `kind` at `line` (nil: some line) of chunk "hostile" well
    /// before a hang,
    /// and checks that the state then runs another chunk.
    @discardableResult
    func stopped(
        _ source: String, kind: LuaError.Kind = .instructionBudgetExceeded, line: Int?,
        limits: LuaLimits = HostileChunkTests.tight, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> LuaError {
        let sandbox = try Sandbox(limits: limits)
        let (failure, elapsed) = threadCPUTime { sandbox.failure(source, sourceLocation: sourceLocation) }
        let error: LuaError! = failure
        #expect(elapsed < Self.hangBound, "took \(elapsed)", sourceLocation: sourceLocation)
        #expect(error.kind == kind, "\(error!)", sourceLocation: sourceLocation)
        #expect(error.chunk == "hostile", "\(error!)", sourceLocation: sourceLocation)
        if let line {
            #expect(error.line == line, "\(error!)", sourceLocation: sourceLocation)
            #expect(error.description.hasPrefix("hostile:\(line): "), "\(error!)", sourceLocation: sourceLocation)
        } else {
            #expect((error.line ?? 0) > 0, "\(error!)", sourceLocation: sourceLocation)
        }
        #expect(try sandbox.run("return 6 * 7") == [42], sourceLocation: sourceLocation)
        return error
    }

    // MARK: Slow instructions: the CPU-time backstop of counted calls

    /// Comparing two 4 MB strings is one instruction and about a millisecond of C: a million
    /// instructions of it would run for minutes. A counted call's CPU time is held to its
    /// budget (50 ns an instruction, at least 0.1 s), whatever its instructions cost.
    @Test func instructionsThatAreSlowInCAreStoppedByTheCPUBackstop() throws {
        let error = try stopped("""
            local a = string.rep('x', 1 << 22)
            local b, n = a .. '', 0
            while true do if a <= b then n = n + 1 end end
            """, line: 3)
        #expect(error.message.contains("CPU time"), "\(error)")
    }

    @Test func aLongIndexChainIsStoppedByTheCPUBackstop() throws {
        let error = try stopped("""
            local t = {}
            for i = 1, 1900 do t = setmetatable({}, { __index = t }) end
            local n = 0
            while true do n = n + (t.missing or 1) end
            """, line: 4)
        #expect(error.message.contains("CPU time"), "\(error)")
    }

    @Test func theBackstopDoesNotCountTheHostsOwnWork() throws {
        let sandbox = try Sandbox(limits: LuaLimits(instructionBudget: 1_000, memoryCap: 16 << 20))
        // A budget of 1,000 instructions gives 0.1 s of CPU: a host function busy for 0.3 s is
        // the host's time, not the script's.
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        let start = now.tv_sec * 1_000_000_000 + now.tv_nsec
        sandbox.state.define("busy", in: sandbox.environment) { frame in
            var spent = timespec(), spin = 0
            repeat {  // 0.3 s of this thread's CPU time
                spin &+= 1
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spent)
            } while spent.tv_sec * 1_000_000_000 + spent.tv_nsec < start + 300_000_000
            frame.return(spin & 1)
        }
        #expect(try sandbox.run("return busy() >= 0") == [true])
    }

    // MARK: Message handlers (issue 25, item 1)

    @Test func aLoopInAnXpcallHandlerIsStopped() throws {
        try stopped("local x = 1\nxpcall(error, function() while true do end end)", line: 2)
    }

    @Test func aHandlerCalledForABudgetStopCannotLoop() throws {
        try stopped("""
            xpcall(function() while true do end end,
              function() while true do end end)
            """, line: 1)
    }

    @Test func nestedHandlersAreStopped() throws {
        try stopped("""
            xpcall(function()
              xpcall(error, function()
                xpcall(error, function() while true do end end)
              end)
            end, function() while true do end end)
            """, line: 3)
    }

    @Test func aHandlerThatRaisesAndCatchesAgainEnds() throws {
        let sandbox = try Sandbox(limits: Self.tight)
        let results = try sandbox.run("""
            local function handler(e)
              pcall(error, e)
              xpcall(error, handler, e)
              error(e, 0)
            end
            return xpcall(error, handler, 'again')
            """)
        #expect(results.first == false)
        try stopped("""
            xpcall(error, function(e)
              pcall(error, e)
              xpcall(error, function() while true do end end)
            end)
            """, line: 3)
    }

    @Test func aCoroutineInsideAHandlerIsStopped() throws {
        try stopped("""
            xpcall(error, function()
              local co = coroutine.wrap(function()
                while true do coroutine.yield() end
              end)
              while true do co() end
            end)
            """, line: nil)
    }

    @Test(arguments: [
        "tostring(setmetatable({}, {__tostring = function() while true do end end}))",
        "local _ = setmetatable({}, {__index = function() while true do end end}).field",
        "local _ = setmetatable({}, {__concat = function() while true do end end}) .. 'x'",
        "local _ = #setmetatable({}, {__len = function() while true do end end})",
        "local _ = setmetatable({}, {__eq = function() while true do end end}) == setmetatable({}, {})",
        "table.sort({3, 2, 1}, function() while true do end end)",
    ])
    func metamethodsReachedFromAHandlerAreStopped(statement: String) throws {
        try stopped("xpcall(error, function()\n  \(statement)\nend)", line: 2)
    }

    @Test func aCloseMetamethodRunAsTheCallUnwindsIsStopped() throws {
        try stopped("""
            xpcall(function()
              local guard <close> = setmetatable({}, {__close = function() while true do end end})
              error('unwind')
            end, function(e) return e end)
            """, line: 2)
    }

    @Test func anErrorObjectsTostringIsCounted() throws {
        try stopped("""
            local object = setmetatable({}, {__tostring = function()
              while true do end
            end})
            error(object)
            """, line: 2)
    }

    @Test func xpcallStillReturnsWhatLuaDocuments() throws {
        let results = try Sandbox(limits: Self.tight).run("""
            local ok, sum, word = xpcall(function(a, b) return a + b, 'ok' end, error, 1, 2)
            local failed, handled = xpcall(error, function(e) return 'handled: ' .. e end, 'boom', 0)
            local table_ok, object = xpcall(error, function(e) return e.code end, {code = 7})
            local co = coroutine.wrap(function()
              return xpcall(function() return coroutine.yield('paused') + 1 end, error)
            end)
            local paused = co()
            local resumed, value = co(41)
            local bad, why = xpcall(error, function() error('in handler', 0) end, 'first')
            return ok, sum, word, failed, handled, table_ok, object, paused, resumed, value, bad, why
            """)
        #expect(results == [true, 3, "ok", false, "handled: boom", false, 7, "paused", true, 42, false, "in handler"])
    }

    // MARK: Patterns (item 2)

    @Test(arguments: [
        "(('('):rep(200000)):find('%b()')",
        "(('('):rep(100000) .. (')'):rep(100000)):gsub('(%b())%1', '')",
        "for _ in (('^('):rep(100000)):gmatch('^%b()') do end",
        "(('a'):rep(10000000)):find(('a'):rep(100000) .. 'b', 1, true)",
        "(('a'):rep(10000000)):match(('a'):rep(100000) .. 'b')",
        "(('x'):rep(100000)):match(('[' .. ('y'):rep(500000) .. ']'))",
    ])
    func costlyPatternItemsAreRefusedAtTheirLine(call: String) throws {
        let error = try stopped("local n = 1\n\(call)", kind: .patternTooCostly, line: 2, limits: LuaLimits(memoryCap: 64 << 20))
        #expect(error.message.hasPrefix("hostile:2: pattern '"))
        #expect(error.message.contains("' is too costly for a subject of "))
    }

    @Test(arguments: [
        "s:find('a-a-a-a-a-a-b')", "s:find('^a*a*a*a*b')", "s:match('a+a+a+a+$')", "s:find('a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?b')",
        "s:find('[ab]*[ab]*[ab]*c')", "s:find('%f[a]a*%f[a]a*b')", "s:find('(a*)%1b')", "s:gsub('.-.-.-b', '')",
    ])
    func everyKindOfItemIsBoundedOnALongSubject(call: String) throws {
        let error = try stopped("local s = ('a'):rep(200000)\nreturn \(call)", kind: .patternTooCostly, line: 2)
        #expect(error.message.contains("is too costly"))
    }

    @Test func ordinaryUsesOfEveryItemStillWork() throws {
        let results = try Sandbox(limits: Self.tight).run(#"""
            local text = ('call(f(a), g(b)) %s'):format(('word '):rep(2000))
            local balanced = text:match('%b()')
            local words = select(2, text:gsub('%f[%w]%w+', ''))
            local doubled = ('say "hi" and \'bye\''):match('(["\'])(.-)%1', 10)
            local ranged = ('2024-10-01'):match('^(%d%d%d%d)%-([01]%d)%-([0-3]%d)$')
            local found = text:find('word word', 1, true)
            local count = 0
            for _ in text:gmatch('^?word') do count = count + 1 end
            return balanced, words, doubled, ranged, found, count
            """#)
        #expect(results == ["(f(a), g(b))", 2005, "'", "2024", 18, 2000])
    }

    @Test func hugeStringsFromRepAndGsubHitTheMemoryCap() throws {
        try stopped("local s = ('x'):rep(1000)\nlocal t = s:rep(100000)", kind: .memoryCapExceeded, line: 2)
        try stopped("local s = ('x'):rep(1000000)\nlocal t = s:gsub('x', '%0%0%0%0%0%0%0%0%0%0%0%0%0%0%0%0%0%0%0%0')",
                    kind: .memoryCapExceeded, line: 2)
    }

    // MARK: Garbage collection (item 3)

    @Test func collectingInALoopIsStoppedByTheBudget() throws {
        let error = try stopped("""
            local heap = {}
            for i = 1, 100000 do heap[i] = {i} end
            while true do collectgarbage() end
            """, line: 3, limits: LuaLimits(instructionBudget: 10_000_000, memoryCap: 64 << 20))
        #expect(error.message == "hostile:3: instruction budget of 10000000 instructions exceeded")
        let stepping = try stopped("local heap = {}\nfor i = 1, 100000 do heap[i] = {i} end\nwhile true do collectgarbage('step', 0) end",
                                   line: 3, limits: LuaLimits(instructionBudget: 10_000_000, memoryCap: 64 << 20))
        #expect(stepping.kind == .instructionBudgetExceeded)
    }

    @Test func countingTheHeapStaysFree() throws {
        let results = try Sandbox(limits: LuaLimits(instructionBudget: 100_000)).run("""
            local n = 0
            for i = 1, 5000 do n = n + (collectgarbage('count') > 0 and 1 or 0) end
            return n, collectgarbage('isrunning')
            """)
        #expect(results == [5000, true])
    }

    // MARK: Locations (item 8)

    @Test func anErrorAcrossATailCallNamesTheLine() throws {
        let results = try Sandbox(limits: Self.tight).run("""
            local function validate(x)
              if not x then error('a value is needed', 2) end
            end
            local function run(x) return validate(x) end
            local ok, message = pcall(run, nil)
            local _, plain = pcall(error, 'as Lua says', 1)
            return message, plain
            """)
        #expect(results == ["hostile:2: a value is needed", "as Lua says"])
    }

    @Test func aCaughtMemoryErrorNamesTheLine() throws {
        let results = try Sandbox(limits: Self.tight).run("""
            local ok, message = pcall(function()
              local s = ('x'):rep(1000)
              return s:rep(100000)
            end)
            local wrapped = select(2, pcall(coroutine.wrap(function()
              return ('y'):rep(100000000)
            end)))
            local resumed = select(2, coroutine.resume(coroutine.create(function()
              return ('z'):rep(100000000)
            end)))
            return message, wrapped, resumed
            """)
        #expect(results == [
            .string("hostile:3: not enough memory (memory cap of \(16 << 20) bytes exceeded)"),
            .string("hostile:6: not enough memory (memory cap of \(16 << 20) bytes exceeded)"),
            .string("hostile:9: not enough memory (memory cap of \(16 << 20) bytes exceeded)"),
        ])
    }

    @Test func aStrayYieldNamesTheLine() throws {
        let sandbox = try Sandbox(limits: Self.tight)
        #expect(try sandbox.run("local x = 1\nreturn pcall(coroutine.yield, 1)")
            == [false, "hostile:2: attempt to yield from outside a coroutine"])
        let error = sandbox.failure("local x = 1\n\ncoroutine.yield()")
        #expect(error.message == "hostile:3: attempt to yield from outside a coroutine")
        #expect(try sandbox.run("""
            return coroutine.wrap(function()
              return select(2, pcall(table.sort, {1, 2, 3}, function() coroutine.yield() end))
            end)()
            """) == ["hostile:2: attempt to yield across a C-call boundary"])
    }

    // MARK: C work the budget did not count

    @Test(arguments: [
        ("local n = 2^53\nreturn #string.rep('', n)", LuaValue.integer(0)),
        ("local n = 2^53\nreturn #string.rep('', n, '')", LuaValue.integer(0)),
    ])
    func repeatingNothingReturnsAtOnce(chunk: String, expected: LuaValue) throws {
        let sandbox = try Sandbox(limits: Self.tight)
        let (results, elapsed) = try threadCPUTime { try sandbox.run(chunk) }
        #expect(results == [expected])
        #expect(elapsed < Self.hangBound)
    }

    @Test(arguments: [
        "table.move({}, 1, 2^53, 1)",
        "table.insert(setmetatable({}, {__len = function() return 2^53 end}), 1, 'x')",
        "table.remove(setmetatable({}, {__len = function() return 2^53 end}), 1)",
        "local t = {} for i = 1, 100000 do t[i] = -i end table.sort(t)",
        "local s = ('x'):rep(1000000) while true do local t = s .. 'y' end",
        "local s = ('x'):rep(1000000) while true do local t = s:upper() end",
        "local parts = {} for i = 1, 1000 do parts[i] = ('x'):rep(1000) end while true do local t = table.concat(parts) end",
    ])
    func workInCIsChargedToTheBudget(statement: String) throws {
        try stopped("local x = 1\n\(statement)", line: 2)
    }

    @Test func aCoroutineCopyingStringsIsStoppedToo() throws {
        try stopped("""
            local s = ('x'):rep(1000000)
            coroutine.wrap(function()
              while true do local t = s .. 'y' end
            end)()
            """, line: 3, limits: LuaLimits(instructionBudget: 10_000_000, memoryCap: 16 << 20))
    }

    // MARK: Stops a script catches

    @Test func aStopInsideACoroutineCannotBeSwallowed() throws {
        try stopped("""
            local ok = pcall(coroutine.wrap(function()
              while true do end
            end))
            return 'escaped', ok
            """, line: 2)
    }

    @Test func aStopInsideAHandlerNamesTheHandlersLine() throws {
        try stopped("""
            local ok, message = xpcall(error, function()
              for i = 1, math.huge do end
            end)
            return 'escaped', ok, message
            """, line: 2)
    }
}
