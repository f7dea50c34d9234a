import DixianTestSupport
import LuaHost
import Testing

/// Lua's pattern matcher runs in C where the instruction budget cannot reach; the guard bounds
/// its work up front without changing what ordinary patterns do.
struct PatternGuardTests {
    @Test func catastrophicPatternIsRefusedAtOnce() throws {
        let sandbox = try Sandbox()
        let (error, elapsed) = threadCPUTime {
            sandbox.failure("local s = string.rep('a', 100000)\nreturn s:find('a-a-a-a-a-a-a-a-b')")
        }
        #expect(error.kind == .patternTooCostly)
        #expect(error.message.hasPrefix("hostile:2: pattern 'a-a-a-a-a-a-a-a-b' is too costly for a subject of 100000 bytes"))
        #expect(error.line == 2)
        #expect(elapsed < .seconds(5))
    }

    @Test(arguments: ["match", "gmatch", "gsub"])
    func everyPatternFunctionIsGuarded(function: String) throws {
        let call = function == "gsub" ? "s:gsub('(a*)*b', '')" : "s:\(function)('a*a*a*a*a*a*b')"
        let error = try Sandbox().failure("local s = string.rep('a', 50000)\nreturn \(call)")
        #expect(error.message.contains("too costly") || error.message.contains("malformed"))
    }

    @Test func aRefusalCaughtByTheScriptDoesNotMakeItsOwnLaterErrorAStop() throws {
        let error = try Sandbox().failure("pcall(string.find, string.rep('a', 100000), 'a-a-a-a-a-a-a-a-b')\nerror('own')")
        #expect(error.kind == .runtime)
        #expect(error.message == "hostile:2: own")
    }

    @Test func aRefusalRaisedAgainUnchangedIsStillAStop() throws {
        let error = try Sandbox().failure(
            "local ok, e = pcall(string.find, string.rep('a', 100000), 'a-a-a-a-a-a-a-a-b')\nerror(e, 0)")
        #expect(error.kind == .patternTooCostly)
    }

    @Test func quadraticScanOverLongSubjectIsRefused() throws {
        let error = try Sandbox().failure("return string.rep('x', 1000000):find('x*y')")
        #expect(error.message.contains("too costly"))
    }

    @Test func ordinaryPatternsBehaveAsInLua() throws {
        let results = try Sandbox().run(#"""
            local trimmed = ('  户主 张三  '):match('^%s*(.-)%s*$')
            local parts = {}
            for field in ('620621,341322,230125'):gmatch('[^,]+') do parts[#parts + 1] = field end
            local masked = ('620621199001011234'):gsub('^(%d%d%d%d%d%d)%d+(%d%d%d%w)$', '%1********%2')
            local year, month = ('2024-10-01'):match('^(%d+)-(%d+)')
            local balanced = ('f(a(b)c) tail'):match('%b()')
            local word = ('THE (quick) fox'):find('%f[%a]%a+%f[%A]', 5)
            local plain = ('a.b'):find('.', 1, true)
            return trimmed, table.concat(parts, '|'), masked, tonumber(year), tonumber(month), balanced, word, plain
            """#)
        #expect(results == ["户主 张三", "620621|341322|230125", "620621********1234", 2024, 10, "(a(b)c)", 6, 2])
    }

    @Test func longSubjectsWithCheapPatternsAreAllowed() throws {
        let results = try Sandbox().run("""
            local s = string.rep('abc,', 50000)
            local count = select(2, s:gsub(',', ','))
            local first = s:match('^(.-),')
            return count, first, #s:gsub('%s*$', '')
            """)
        #expect(results == [50000, "abc", 200000])
    }

    @Test(arguments: [
        ("return ('x'):find('%')", "malformed pattern (ends with '%')"),
        ("return ('x'):find('[a')", "malformed pattern (missing ']')"),
        ("return ('x'):find('%b')", "malformed pattern (missing arguments to '%b')"),
        ("return ('x'):find('%fa')", "missing '[' after '%f' in pattern"),
    ])
    func malformedPatternsGetLuasMessages(chunk: String, message: String) throws {
        let error = try Sandbox().failure(chunk)
        #expect(error.message == "hostile:1: " + message)
    }

    @Test func limitIsConfigurable() throws {
        let strict = try Sandbox(limits: LuaLimits(patternCost: 100))
        #expect(throws: LuaError.self) { try strict.run("return string.rep('a', 200):find('a*b')") }
        #expect(try strict.run("return ('abc'):find('b')") == [2, 2])
    }
}
