import DixianPlugins
import Foundation
import LuaHost
import Testing

/// The plugin API's Lua modules, unit-tested from Lua: each `lua/<module>_test.lua` gets the
/// modules' chunks and returns its tests, which `lua/run.lua` runs.
struct APIModuleTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("lua")

    @Test(arguments: ["date", "support", "documents", "views", "calendar"])
    func theModulesUnitTestsPass(_ module: String) throws {
        let state = try LuaState()
        var modules: [String: LuaFunction] = [:]
        for module in PluginAPIModules.modules {
            modules[module.name] = try state.loadHostChunk(
                String(decoding: module.source, as: UTF8.self), name: PluginAPIModules.chunkName(module.name))
        }
        func chunk(_ file: String) throws -> LuaFunction {
            try state.loadHostChunk(String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8), name: "=tests/\(file)")
        }
        let tests = try chunk("\(module)_test.lua"), runner = try chunk("run.lua")
        let (count, failures) = try state.call(runner, pushingArguments: { stack in
            tests.push(onto: stack)
            stack.push(modules)
            return 2
        }, readingResults: { stack, first, _ in
            (stack.value(at: first).integerValue ?? 0, stack.value(at: first + 1).tableValue?.array.compactMap(\.stringValue) ?? [])
        })
        #expect(count > 0, "lua/\(module)_test.lua returned no tests")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}
