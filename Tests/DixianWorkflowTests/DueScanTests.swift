import DixianCore
import DixianPlugins
import DixianWorkflow
import Foundation
import LuaHost
import Testing

/// The due list with a plugin whose deadline fails on some households.
struct DueScanTests {
    /// The due list on `asOf`, of what falls due within `within` days, of two Minqin households
    /// under plugin `broken`, extending Minqin with `deadline`.
    func due(with deadline: String, asOf: String = "2024-06-30", within: Int = 7,
             limits: LuaLimits = LuaLimits()) async throws -> DueList {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-due-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plugin = folder.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: plugin.appendingPathComponent("deadlines"), withIntermediateDirectories: true)
        try "return { id = 'broken', name = '测试', api = 1, version = '1', areas = { '620621' }, extends = 'minqin' }"
            .write(to: plugin.appendingPathComponent("plugin.lua"), atomically: true, encoding: .utf8)
        try deadline.write(to: plugin.appendingPathComponent("deadlines/a.lua"), atomically: true, encoding: .utf8)
        let catalog = PluginCatalog(searchPath: [folder, MinqinWorkflow.plugins])
        let registry = try MinqinWorkflow()
        try await registry.addHousehold("6206211002010001")
        try await registry.addHousehold("6206211002010002", sequence: 3)
        return try await DueScan(chain: try catalog.chain(for: catalog.plugin("broken")), asOf: LocalDate(iso: asOf)!,
                                 area: nil, withinDays: within, limits: limits).run(on: registry.store)
    }

    @Test func aDeadlineThatFailsIsNamedWithItsLineAndTheOthersItemsStand() async throws {
        let list = try await due(with: """
            dixian.deadline { id = 'broken.raise', title = '出错', responsible = '测试',
              run = function(h) if h.number:sub(-1) == '2' then error('boom') end end }
            """)
        #expect(list.failures == ["6206211002010002: broken/deadlines/a.lua:2: boom"])
        // The summary (as `dixian demo` prints it) says the list is incomplete, and why.
        let catalog = PluginCatalog(searchPath: [MinqinWorkflow.plugins])
        let summary = DueOutput(list: list, plugin: try catalog.plugin("minqin"), language: .chinese).summary()
        #expect(summary.contains("清单不完整：以下时限规则出错（共 1 处）。\n  6206211002010002: broken/deadlines/a.lua:2: boom"), "\(summary)")
        // Minqin's visit deadline still lists both households.
        #expect(Set(list.items.filter { $0.source == .deadline("minqin.visits") }.compactMap(\.householdNumber))
            == ["6206211002010001", "6206211002010002"])
    }

    @Test func workDoneLateIsListedApartWithItsDatesAndAnItemDoneInTimeIsRefused() async throws {
        let list = try await due(with: """
            dixian.deadline { id = 'broken.late', title = '逾期办结', responsible = '测试',
              run = function(h)
                if h.number:sub(-1) == '1' then return { due_on = '2024-06-01', done_on = '2024-06-04', message = '核查' } end
                return { due_on = '2024-06-01', done_on = '2024-06-01', message = '按时核查' }
              end }
            """)
        #expect(list.failures.count == 1)
        #expect(list.failures.first?.contains(
            "6206211002010002: broken/deadlines/a.lua:1: deadline broken.late returned an item done on 2024-06-01, not after its due date 2024-06-01"
        ) == true, "\(list.failures)")
        // Kept apart from the work still owed, whatever --within says, with how late it was.
        #expect(!list.items.contains { $0.source == .deadline("broken.late") })
        #expect(list.doneLate.filter { $0.source == .deadline("broken.late") }
            .map { "\($0.householdNumber ?? "") \($0.dueOn!) \($0.doneOn!) \(DueList.daysLate($0)) \($0.message)" }
            == ["6206211002010001 2024-06-01 2024-06-04 3 核查"])
    }

    @Test func aDeadlineThatLoopsForeverIsStoppedByTheBudgetAndNamed() async throws {
        let list = try await due(with: """
            dixian.deadline { id = 'broken.loop', title = '死循环', responsible = '测试',
              run = function(h) while true do end end }
            """, limits: LuaLimits(instructionBudget: 2_000_000))
        #expect(list.failures.count == 1)
        #expect(list.failures.first?.hasPrefix("broken/deadlines/a.lua:1: deadline broken.loop was stopped (") == true)
        #expect(list.items.contains { $0.source == .deadline("minqin.visits") })
    }

    @Test func aDeadlineStoppedInsideTheAPIIsNamedAtItsLineThatWasRunning() async throws {
        let list = try await due(with: """
            dixian.deadline { id = 'broken.loop', title = '死循环', responsible = '测试',
              run = function(h, ctx)
                local d = ctx.as_of
                while true do d = dixian.date.add_days(d, dixian.date.weekday(d)) end
              end }
            """, limits: LuaLimits(instructionBudget: 2_000_000))
        let failure = list.failures.first ?? ""
        #expect(failure.contains("broken/deadlines/a.lua:4: instruction budget"), "\(list.failures)")
        #expect(!failure.contains("dixian.api"), "\(failure)")
    }

    @Test func aQuarterlyDutyIsListedOnlyInItsMonthsAndADatedOneOnlyInItsWindow() async throws {
        let duties = """
            dixian.duty { id = 'broken.quarterly', title = '季度数据核查', responsible = '县农业农村局', day = 31, months = { 3, 6, 9, 12 } }
            dixian.duty { id = 'broken.report-2021', title = '2021年自查报告', responsible = '各乡镇', day = 27, months = { 12 },
                          from = '2021-12-01', through = '2021-12-31' }
            """
        func dates(_ id: String, in list: DueList) -> [String] {
            list.items.filter { $0.source == .duty(id) }.compactMap { $0.dueOn?.description }.sorted()
        }
        let rest2024 = try await due(with: duties, asOf: "2024-04-01", within: 274)
        #expect(dates("broken.quarterly", in: rest2024) == ["2024-06-30", "2024-09-30", "2024-12-31"])
        #expect(dates("broken.report-2021", in: rest2024) == [])
        // A monthly duty is listed in every month of the same window.
        #expect(dates("minqin.monthly-report", in: rest2024).count == 9, "\(dates("minqin.monthly-report", in: rest2024))")
        let december2021 = try await due(with: duties, asOf: "2021-12-20", within: 11)
        #expect(dates("broken.report-2021", in: december2021) == ["2021-12-27"])
        #expect(dates("broken.quarterly", in: december2021) == ["2021-12-31"])
    }
}
