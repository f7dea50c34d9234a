import DixianCore
import DixianPlugins
import DixianScreening
import Foundation
import LuaHost
import Testing

/// A check stopped by the instruction budget or the memory cap while it was inside the plugin
/// API (`dixian.date`) is reported at the plugin's own file and the line that was running: not
/// at a line of `dixian.api`, nor only at the line where the check is declared.
@Suite(.serialized)
struct StopLocationTests {
    let hostile = HostilePluginTests()
    /// The line of checks/loops.lua that loops (see `loops`).
    static let loopingLine = 7

    /// checks/loops.lua of a plugin in a temporary folder: check `county.loops`, declared on
    /// line 2, whose run repeats `statement` on line `loopingLine`.
    func loops(_ statement: String) -> [String: String] {
        ["checks/loops.lua": """
            -- A county check that never ends.
            dixian.check {
              id = 'county.loops',
              title = 'loops',
              run = function(h, ctx)
                local keep, d = {}, ctx.as_of
                while true do \(statement) end
              end,
            }
            """]
    }

    /// Screens the plugin with `files` and returns the failure that names check `county.loops`.
    func stop(_ files: [String: String], limits: LuaLimits) async throws -> String? {
        defer { try? FileManager.default.removeItem(at: hostile.root) }
        try hostile.write(files)
        let run = try #require(try await hostile.screen(try hostile.chain(), limits: limits))
        return run.failures.first { $0.contains("check county.loops") }
    }

    @Test func aBudgetStopInsideTheAPINamesThePluginLineThatWasRunning() async throws {
        let failure = try await stop(loops("d = dixian.date.add_days(d, dixian.date.weekday(d))"), limits: HostilePluginTests.limits)
        #expect(failure?.contains("hostile/checks/loops.lua:\(Self.loopingLine): instruction budget") == true, "\(failure ?? "no failure")")
        #expect(failure?.contains("dixian.api") == false, "\(failure ?? "")")
    }

    @Test func aMemoryStopInsideTheAPINamesThePluginLineThatWasRunning() async throws {
        let failure = try await stop(
            loops("keep[#keep + 1] = string.rep(dixian.date.add_days(d, #keep), 10000)"), limits: HostilePluginTests.roomy)
        #expect(failure?.contains("hostile/checks/loops.lua:\(Self.loopingLine): memory cap") == true, "\(failure ?? "no failure")")
        #expect(failure?.contains("dixian.api") == false, "\(failure ?? "")")
    }
}
