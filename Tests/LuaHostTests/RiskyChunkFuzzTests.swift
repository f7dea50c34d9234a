import Foundation
import DixianCore
import LuaHost
import Testing

/// Random chunks of risky constructs (loops, recursion, patterns, string work, pcall, xpcall,
/// error, coroutines, metatables, collectgarbage) under a small budget: every chunk ends, with a
/// result or an error, within 2 s of CPU time, and the state goes on working. The seed is fixed,
/// so a failure names a chunk that fails again.
struct RiskyChunkFuzzTests {
    static let limits = LuaLimits(instructionBudget: 100_000, memoryCap: 16 << 20)

    @Test func everyRandomChunkEndsWithinTwoSecondsOfCPU() throws {
        var generator = RiskyChunkGenerator(seed: 0x25_D1C1A7)
        let sandbox = try Sandbox(limits: Self.limits)
        var outcomes: [String: Int] = [:]
        for index in 0..<400 {
            let chunk = generator.chunk()
            let before = threadCPUSeconds()
            let outcome: String
            do {
                _ = try sandbox.run(chunk, name: "fuzz")
                outcome = "result"
            } catch {
                outcome = error.kind.rawValue
                #expect(error.chunk == "fuzz" && error.line != nil,
                        "chunk \(index) failed without a location: \(error)\n\(chunk)")
            }
            let used = threadCPUSeconds() - before
            #expect(used < 2, "chunk \(index) used \(used) s of CPU:\n\(chunk)")
            outcomes[outcome, default: 0] += 1
        }
        #expect(try sandbox.run("return 6 * 7") == [42])
        // The grammar does reach the limits, and leaves some chunks whole.
        #expect(outcomes["instructionBudgetExceeded", default: 0] > 20, "\(outcomes)")
        #expect(outcomes["result", default: 0] > 20, "\(outcomes)")
        #expect(outcomes["syntax", default: 0] == 0, "\(outcomes)")
    }

    private func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// Builds chunks from a small grammar of statements that stress the sandbox's limits.
struct RiskyChunkGenerator {
    /// A fixed seed gives the same chunks on every platform.
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    private mutating func below(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }

    private mutating func pick(_ choices: [String]) -> String { choices[below(choices.count)] }

    private mutating func count() -> String {
        pick(["0", "1", "7", "100", "1000", "100000", "1e7", "2^31", "2^53", "-1", "math.huge"])
    }

    private mutating func subject() -> String {
        let unit = pick(["'a'", "'('", "')'", "'^('", "'ab,'", "'x y'", "'%'", "''", "'\\0'"])
        return "((\(unit)):rep(\(pick(["10", "1000", "100000", "1000000"]))))"
    }

    private mutating func pattern() -> String {
        let items = ["a", "a*", "a-", "a+", "a?", ".", ".*", ".-", "%a+", "[ab]*", "[^,]+", "%b()", "%f[%w]",
                     "(a*)", "%1", "()", "(", ")", "^", "$", "%d", "[%a_][%w_]*", "%s*", "b"]
        var pattern = ""
        for _ in 0..<(1 + below(6)) { pattern += items[below(items.count)] }
        return "'" + pattern + "'"
    }

    private mutating func expression(_ depth: Int) -> String {
        switch below(depth > 2 ? 6 : 11) {
        case 0: return subject()
        case 1: return "\(subject()):\(pick(["find", "match", "gsub", "gmatch"]))(\(pattern())\(pick(["", ", ''", ", '%0%0'"])))"
        case 2: return "string.rep(\(subject()), \(count())\(pick(["", ", ','"])))"
        case 3: return "tostring(\(pick(["nil", "{}", "1/0", "coroutine.running()"])))"
        case 4: return "select('#', pcall(function() \(statement(depth + 1)) end))"
        case 5: return "collectgarbage(\(pick(["", "'count'", "'step'", "'collect'", "'isrunning'"])))"
        case 6: return "xpcall(function() \(statement(depth + 1)) end, function(e) \(statement(depth + 1)) return e end)"
        case 7: return "coroutine.wrap(function() \(statement(depth + 1)) coroutine.yield(1) \(statement(depth + 1)) end)()"
        case 8: return "setmetatable({}, {\(metamethod(depth + 1))})"
        case 9: return "table.concat({\(subject()), \(subject())}, \(subject()))"
        default: return "(function(...) \(statement(depth + 1)) return ... end)(\(count()))"
        }
    }

    private mutating func metamethod(_ depth: Int) -> String {
        let name = pick(["__index", "__newindex", "__tostring", "__len", "__concat", "__eq", "__lt", "__call", "__close"])
        return "\(name) = function(...) \(statement(depth)) return 1 end"
    }

    private mutating func statement(_ depth: Int) -> String {
        if depth > 3 { return "local _ = \(subject())" }
        switch below(16) {
        case 0: return "while true do \(pick(["", "x = (x or 0) + 1", "local s = '' .. 'a'"])) end"
        case 1: return "for i = 1, \(count()) do \(statement(depth + 1)) end"
        case 2: return "local function f(n) return f(n + 1) + 1 end f(1)"
        case 3: return "local function f(n) \(statement(depth + 1)) return f(n) end f(1)"
        case 4: return "local _ = \(expression(depth))"
        case 5: return "pcall(function() \(statement(depth + 1)) end)"
        case 6: return "xpcall(function() \(statement(depth + 1)) end, function() \(statement(depth + 1)) end)"
        case 7: return "error(\(pick(["'boom'", "{}", "nil", "setmetatable({}, {__tostring = function() \(statement(depth + 1)) return 'x' end})"])), \(pick(["0", "1", "2", "3"])))"
        case 8: return "coroutine.yield(\(count()))"
        case 9: return "local co = coroutine.wrap(function() while true do \(statement(depth + 1)) coroutine.yield() end end) for i = 1, \(count()) do co() end"
        case 10: return "local t = setmetatable({}, {\(metamethod(depth + 1))}) local _ = t.x, #t, tostring(t), t .. 'x', t == {}, t < t"
        case 11: return "do local c <close> = setmetatable({}, {__close = function() \(statement(depth + 1)) end}) \(statement(depth + 1)) end"
        case 12: return "table.sort({\(count()), 3, 2, 1, 5, 4}, function(a, b) \(statement(depth + 1)) return a < b end)"
        case 13: return "table.\(pick(["insert(t0, 1, 1)", "remove(t0, 1)", "move(t0, 1, \(count()), 2)", "sort(t0)", "unpack(t0, 1, \(count()))"]))"
        case 14: return "collectgarbage() collectgarbage('step')"
        default: return "local s = \(subject()) for i = 1, \(count()) do s = s .. s end"
        }
    }

    /// A chunk of one to four statements, with a table `t0` for the table functions.
    mutating func chunk() -> String {
        var lines = ["local t0 = setmetatable({1, 2, 3}, {__len = function() return \(count()) end})"]
        for _ in 0..<(1 + below(4)) { lines.append(statement(0)) }
        return lines.joined(separator: "\n")
    }
}
