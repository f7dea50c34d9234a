import Foundation
import LuaHost
import Testing

/// Scripts reach no file, process, network or host internals, and cannot change what other
/// plugins see.
struct SandboxEscapeTests {
    @Test(arguments: [
        ("os.execute('touch /tmp/dixian-pwned')", "'os.execute' is not available in the Dixian sandbox"),
        ("os.exit(3)", "'os.exit' is not available in the Dixian sandbox"),
        ("local home = os.getenv('HOME')", "'os.getenv' is not available in the Dixian sandbox"),
        ("return io.open('/etc/passwd')", "'io' is not available in the Dixian sandbox"),
        ("local bytes = string.dump(print)", "'string.dump' is not available in the Dixian sandbox"),
        ("return debug.getregistry()", "'debug' is not available in the Dixian sandbox"),
        ("return dofile('/etc/passwd')", "'dofile' is not available in the Dixian sandbox"),
        ("return loadfile('/etc/passwd')", "'loadfile' is not available in the Dixian sandbox"),
        ("return package.loadlib('libc.so.6', 'system')", "'package' is not available in the Dixian sandbox"),
        ("collectgarbage('stop')", "collectgarbage('stop') is not available in the Dixian sandbox"),
    ])
    func forbiddenFunctionsRaiseAtTheCallersLine(chunk: String, message: String) throws {
        let error = try Sandbox().failure("local _ = 1\n" + chunk)
        #expect(error.kind == .runtime)
        #expect(error.message == "hostile:2: " + message)
        #expect(error.chunk == "hostile")
        #expect(error.line == 2)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/dixian-pwned"))
    }

    @Test func requireOfAStandardLibraryIsNotFound() throws {
        let plugin = try PluginDirectory([:])
        let error = try Sandbox(pluginDirectory: plugin.url).failure("local os = require('os')\nreturn os")
        #expect(error.message == "hostile:1: module 'os' not found in the plugin directory (looked for os.lua and os/init.lua)")
    }

    @Test func requireCannotLeaveThePluginDirectory() throws {
        let plugin = try PluginDirectory([:])
        let error = try Sandbox(pluginDirectory: plugin.url).failure("local x = require('../../etc/passwd')")
        #expect(error.message.hasPrefix("hostile:1: invalid module name '../../etc/passwd'"))
    }

    @Test func requireRefusesSymbolicLinksOutOfThePluginDirectory() throws {
        let outside = try PluginDirectory(["secret.lua": "return 'secret'"])
        let plugin = try PluginDirectory([:])
        try FileManager.default.createSymbolicLink(
            at: plugin.url.appendingPathComponent("leak.lua"),
            withDestinationURL: outside.url.appendingPathComponent("secret.lua"))
        let error = try Sandbox(pluginDirectory: plugin.url).failure("local s = require('leak')")
        #expect(error.message == "hostile:1: module 'leak' resolves outside the plugin directory")
    }

    @Test func loadRefusesBinaryChunks() throws {
        let results = try Sandbox().run(#"return load("\27Lua\84\0\25\147\13\10\26\10\4\8\8")"#)
        #expect(results.first == .nil)
        #expect(results.last?.stringValue?.contains("attempt to load a binary chunk (mode is 't')") == true)
        let forced = try Sandbox().run(#"return load("\27Lua", 'x', 'b')"#)
        #expect(forced.last?.stringValue?.contains("binary chunk") == true)
    }

    @Test func loadedTextRunsInThePluginsEnvironment() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.run("secret = 7\nreturn load('return secret')()") == [7])
        #expect(try sandbox.run("return load('return io')") != [])
        let error = sandbox.failure("local f = load('return io.open')\nreturn f()")
        #expect(error.message.contains("'io' is not available"))
    }

    @Test func stringMetatableIsReadOnlyAndOtherPluginsAreUnharmed() throws {
        let state = try LuaState()
        let attacker = try state.makeEnvironment()
        let victim = try state.makeEnvironment()
        do {
            try state.run("getmetatable('').__index.upper = nil", name: "attacker", in: attacker)
            Issue.record("the string metatable was modified")
        } catch {
            #expect(error.message == "attacker:1: attempt to modify read-only table 'string' (field 'upper')")
        }
        for attack in [
            "string.upper = function() return 'pwned' end",
            "getmetatable('').__index = {}",
            "rawset(string, 'upper', nil)",
            "rawset(getmetatable(''), '__index', {})",
            "setmetatable(string, nil)",
            "table.insert = nil",
            "math.floor = nil",
        ] {
            #expect(throws: LuaError.self) { try state.run(attack, name: "attacker", in: attacker) }
        }
        #expect(try state.run("return ('abc'):upper(), string.upper('x'), math.floor(2.5)", name: "victim", in: victim)
            == ["ABC", "X", 2])
        #expect(try state.run("return ('abc'):upper()", name: "attacker", in: attacker) == ["ABC"])
    }

    @Test func librariesCanStillBeIterated() throws {
        let count = try Sandbox().run("local n = 0 for _ in pairs(math) do n = n + 1 end return n, #'x'")
        #expect((count.first?.integerValue ?? 0) > 20)
    }

    @Test func environmentsDoNotShareGlobals() throws {
        let state = try LuaState()
        let first = try state.makeEnvironment()
        let second = try state.makeEnvironment()
        try state.run("shared = 'first'; _G.print = nil", name: "first", in: first)
        #expect(try state.run("return shared, type(print)", name: "second", in: second) == [.nil, "function"])
    }

    @Test func onlyTheSafeGlobalsAreThere() throws {
        let globals = try Sandbox().run("""
            local names = {}
            for name in pairs(_G) do names[#names + 1] = name end
            table.sort(names)
            return table.concat(names, ' ')
            """)
        #expect(globals == [
            "_G _VERSION assert collectgarbage coroutine error getmetatable ipairs load math next os pairs pcall print rawequal rawget rawlen rawset require select setmetatable string table tonumber tostring type utf8 xpcall"
        ])
        let os = try Sandbox().run("return type(os.time()), type(os.date('%Y')), type(os.clock())")
        #expect(os == ["number", "string", "number"])
    }
}
