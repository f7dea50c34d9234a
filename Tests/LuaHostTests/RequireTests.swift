import LuaHost
import Testing

/// `require` loads modules from the plugin's own directory, once, in the plugin's environment.
struct RequireTests {
    @Test func modulesLoadFromThePluginDirectoryOnce() throws {
        let plugin = try PluginDirectory([
            "thresholds.lua": "loads = (loads or 0) + 1\nreturn { line = 7800 }",
            "checks/income.lua": "local t = require('thresholds')\nreturn { below = function(x) return x < t.line end }",
            "calendars/init.lua": "return 'calendar package'",
        ])
        let sandbox = try Sandbox(pluginDirectory: plugin.url)
        let results = try sandbox.run("""
            local income = require('checks.income')
            local again = require('thresholds')
            return income.below(7000), income.below(9000), loads, require('calendars'), again.line
            """)
        #expect(results == [true, false, 1, "calendar package", 7800])
    }

    @Test func errorsInModulesNameTheFileAndLine() throws {
        let plugin = try PluginDirectory(["broken.lua": "local x = {}\nlocal y = x.field.missing\n"])
        let error = try Sandbox(pluginDirectory: plugin.url).failure("local b = require('broken')")
        #expect(error.message == "broken.lua:2: attempt to index a nil value (field 'field')")
        #expect(error.chunk == "broken.lua")
        #expect(error.line == 2)
    }

    @Test func syntaxErrorsInModulesNameTheFile() throws {
        let plugin = try PluginDirectory(["bad.lua": "return {\n  line = ,\n}"])
        let error = try Sandbox(pluginDirectory: plugin.url).failure("local b = require('bad')")
        #expect(error.chunk == "bad.lua")
        #expect(error.line == 2)
    }

    @Test func cyclicRequireIsReported() throws {
        let plugin = try PluginDirectory(["a.lua": "return require('b')", "b.lua": "local a = require('a') return a"])
        let error = try Sandbox(pluginDirectory: plugin.url).failure("local a = require('a')")
        #expect(error.message.contains("module 'a' requires itself"))
    }

    @Test func loadingAFileNamesItInsideThePluginDirectory() throws {
        let plugin = try PluginDirectory(["checks/water.lua": "return function() error('no water data') end"])
        let sandbox = try Sandbox(pluginDirectory: plugin.url)
        let chunk = try sandbox.state.load(
            contentsOf: plugin.url.appendingPathComponent("checks/water.lua"), in: sandbox.environment)
        let check = try sandbox.state.call(chunk)
        #expect(check == [.opaque("function")])
        do {
            try sandbox.run("error('x')", name: "unused")
        } catch {
            #expect(error.chunk == "unused")
        }
    }

    @Test func missingFileIsAnUnreadableChunk() throws {
        let sandbox = try Sandbox()
        #expect(throws: LuaError.self) {
            try sandbox.state.load(contentsOf: .init(fileURLWithPath: "/nonexistent/plugin.lua"), in: sandbox.environment)
        }
    }
}
