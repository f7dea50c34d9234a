import Foundation
import LuaHost
import Testing

/// A state with one plugin environment, for tests.
struct Sandbox {
    let state: LuaState
    let environment: LuaEnvironment

    init(limits: LuaLimits = LuaLimits(), pluginDirectory: URL? = nil) throws {
        state = try LuaState(limits: limits)
        environment = try state.makeEnvironment(pluginDirectory: pluginDirectory)
    }

    /// Runs `source` as chunk `name` and returns its results.
    @discardableResult
    func run(_ source: String, name: String = "hostile") throws(LuaError) -> [LuaValue] {
        try state.run(source, name: name, in: environment)
    }

    /// Runs `source`, which must fail, and returns the error.
    func failure(_ source: String, name: String = "hostile", sourceLocation: SourceLocation = #_sourceLocation)
        -> LuaError
    {
        do {
            let results = try run(source, name: name)
            Issue.record("expected an error, got \(results)", sourceLocation: sourceLocation)
        } catch {
            return error
        }
        return LuaError(kind: .hostMisuse, message: "no error")
    }
}

/// A temporary plugin directory with the given files.
struct PluginDirectory: ~Copyable {
    let url: URL

    init(_ files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-\(UUID().uuidString)")
        for (path, text) in files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
