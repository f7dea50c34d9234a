import LuaHost
import Testing

/// Every Lua failure reaches Swift as a `LuaError` naming the chunk and line, whatever the
/// script raised and wherever it raised it.
struct ErrorReportingTests {
    @Test func runtimeErrorCarriesMessageChunkLineAndTraceback() throws {
        let error = try Sandbox().failure("local function inner()\n  local t = nil\n  return t.field\nend\ninner()")
        #expect(error.kind == .runtime)
        #expect(error.message == "hostile:3: attempt to index a nil value (local 't')")
        #expect(error.chunk == "hostile")
        #expect(error.line == 3)
        #expect(error.traceback?.contains("in local 'inner'") == true)
        #expect(error.traceback?.contains("hostile:5") == true)
    }

    @Test func syntaxErrorNamesChunkAndLine() throws {
        let error = try Sandbox().failure("local x = 1\nlocal = 2", name: "checks/income.lua")
        #expect(error.kind == .syntax)
        #expect(error.chunk == "checks/income.lua")
        #expect(error.line == 2)
    }

    @Test func tableErrorObjectIsLocated() throws {
        let error = try Sandbox().failure("local x = 1\nerror({code = 7})")
        #expect(error.kind == .runtime)
        #expect(error.message == "(error object is a table value)")
        #expect(error.chunk == "hostile")
        #expect(error.line == 2)
        #expect(error.description == "hostile:2: (error object is a table value)")
    }

    @Test func nilErrorObjectIsLocated() throws {
        let error = try Sandbox().failure("\n\nerror(nil)")
        #expect(error.message == "(error object is a nil value)")
        #expect(error.line == 3)
    }

    @Test func errorObjectWithTostringUsesIt() throws {
        let error = try Sandbox().failure("error(setmetatable({}, {__tostring = function() return 'custom' end}))")
        #expect(error.message == "custom")
        #expect(error.line == 1)
    }

    @Test func errorObjectWhoseTostringFailsIsStillReported() throws {
        let error = try Sandbox().failure(
            "local bad = setmetatable({}, {__tostring = function() error('in tostring') end})\nerror(bad)")
        #expect(error.message == "(error object is a table value)")
        #expect(error.line == 2)
    }

    @Test func errorInTostringMetamethodPointsAtIt() throws {
        let error = try Sandbox().failure("""
            local v = setmetatable({}, {
              __tostring = function() error('cannot print this') end,
            })
            return tostring(v)
            """)
        #expect(error.message == "hostile:2: cannot print this")
        #expect(error.line == 2)
    }

    @Test func finalizersAreRefusedBecauseNoBudgetReachesThem() throws {
        let sandbox = try Sandbox(limits: LuaLimits(instructionBudget: 1_000_000))
        let error = sandbox.failure("""
            local x = 1
            setmetatable({}, {__gc = function() while true do end end})
            collectgarbage()
            """)
        #expect(error.kind == .runtime)
        #expect(error.message == "hostile:2: __gc metamethods are not available in the Dixian sandbox")
        #expect(try sandbox.run("return getmetatable(setmetatable({}, {__index = {answer = 42}})).__index.answer") == [42])
    }
}
