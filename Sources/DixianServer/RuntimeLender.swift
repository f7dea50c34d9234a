import DixianCore
import DixianPlugins
import Foundation
import LuaHost
import Synchronization

/// Lends plugin runtimes to requests, one each at a time: a runtime (a Lua state) serves one
/// request, and is handed back for the next. A new one is loaded when all are busy, so there
/// are as many as requests ever ran at once.
final class RuntimeLender: Sendable {
    private struct Idle: @unchecked Sendable { var runtimes: [PluginRuntime] }
    private let chain: [PluginManifest]
    private let idle = Mutex(Idle(runtimes: []))

    init(chain: [PluginManifest]) throws {
        self.chain = chain
        let first = try load()
        idle.withLock { $0.runtimes.append(first) }
    }

    private func load() throws -> PluginRuntime {
        try PluginRuntime(chain: chain, state: try LuaState())
    }

    /// Runs `body` with a runtime prepared for `date`.
    func withRuntime<T>(on date: LocalDate, _ body: (PluginRuntime) async throws -> T) async throws -> T {
        let runtime = try idle.withLock { $0.runtimes.popLast() } ?? load()
        defer { idle.withLock { $0.runtimes.append(runtime) } }
        try runtime.prepare(asOf: date)
        return try await body(runtime)
    }
}
