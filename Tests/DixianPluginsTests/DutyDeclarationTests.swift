import DixianCore
import DixianPlugins
import Foundation
import LuaHost
import Testing

/// `dixian.duty` falls due on its day of the months it lists (all twelve when it lists none),
/// within its window of dates; months or a window that make no sense are refused at the line.
struct DutyDeclarationTests {
    /// What loading plugin `duties` with `declaration` on its second line threw ("(loaded)" when nothing).
    static func loadingError(_ declaration: String) throws -> String {
        let plugins = TemporaryPlugins()
        defer { plugins.remove() }
        try plugins.write("duties", ["deadlines/a.lua": "-- one duty\n" + declaration])
        do {
            _ = try PluginRuntime(chain: plugins.catalog.chain(for: plugins.catalog.plugin("duties")), state: LuaState())
            return "(loaded)"
        } catch {
            return "\(error)"
        }
    }

    /// The duties `declarations` declare, read back.
    static func duties(_ declarations: String) throws -> [String: DutyDeclaration] {
        let plugins = TemporaryPlugins()
        defer { plugins.remove() }
        try plugins.write("duties", ["deadlines/a.lua": declarations])
        let runtime = try PluginRuntime(chain: plugins.catalog.chain(for: plugins.catalog.plugin("duties")), state: LuaState())
        return Dictionary(uniqueKeysWithValues: runtime.declarations.duties.map { ($0.declaration.id, $0) })
    }

    static func dates(_ duty: DutyDeclaration?, _ from: String, _ through: String) -> [String] {
        duty?.dueDates(from: LocalDate(iso: from)!, through: LocalDate(iso: through)!).map(\.description) ?? ["no duty"]
    }

    @Test(arguments: [
        ("months = { 3, 13 }", "duty 'q': months[2] must be a month, 1 to 12, got 13"),
        ("months = { 0 }", "duty 'q': months[1] must be a month, 1 to 12, got 0"),
        ("months = { 3.5 }", "duty 'q': months[1] must be a month, 1 to 12, got 3.5"),
        ("months = { 'March' }", "duty 'q': months[1] must be a month, 1 to 12, got March"),
        ("months = { 3, 6, 3 }", "duty 'q': months lists 3 twice"),
        ("months = {}", "duty 'q': months must be a list of the months it falls due in, 1 to 12 (all twelve when absent), got a table that is not a list of months"),
        ("months = { 3, x = 6 }", "duty 'q': months must be a list of the months it falls due in, 1 to 12 (all twelve when absent), got a table that is not a list of months"),
        ("months = 3", "duty 'q': months must be a list of the months it falls due in, 1 to 12 (all twelve when absent), got number"),
        ("from = '2021-13-01'", "duty 'q': from must be a date written YYYY-MM-DD, got 2021-13-01"),
        ("through = 2021", "duty 'q': through must be a date written YYYY-MM-DD, got 2021"),
        ("from = '2022-01-01', through = '2021-12-31'", "duty 'q': through (2021-12-31) is before from (2022-01-01)"),
    ])
    func monthsOrAWindowThatMakeNoSenseAreRefusedNamingTheLine(field: String, message: String) throws {
        let error = try Self.loadingError("dixian.duty { id = 'q', title = '季度核查', responsible = '县农业农村局', day = 31, \(field) }")
        #expect(error.contains("duties/deadlines/a.lua:2: \(message)"), "\(error)")
    }

    @Test func aQuarterlyDutyFallsDueOnItsDayOfEachQuartersMonthOnly() throws {
        let duties = try Self.duties("""
            dixian.duty { id = 'quarterly', title = '季度核查', responsible = '县农业农村局', day = 31, months = { 12, 3, 9, 6 } }
            dixian.duty { id = 'monthly', title = '月报', responsible = '县农业农村局', day = 30 }
            """)
        #expect(duties["quarterly"]?.months == [3, 6, 9, 12])
        #expect(Self.dates(duties["quarterly"], "2024-01-01", "2024-12-31") == ["2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31"])
        #expect(Self.dates(duties["quarterly"], "2024-04-01", "2024-06-29") == [])
        // A duty that lists no months is due every month, as before.
        #expect(Self.dates(duties["monthly"], "2024-01-01", "2024-03-31") == ["2024-01-30", "2024-02-29", "2024-03-30"])
    }

    @Test func aDutyWithAWindowFallsDueOnlyInsideIt() throws {
        let duties = try Self.duties("""
            dixian.duty { id = 'report-2021', title = '自查报告', responsible = '各乡镇', day = 27, months = { 12 },
                          from = '2021-12-01', through = '2021-12-31' }
            dixian.duty { id = 'yearly', title = '迎评准备', responsible = '各乡镇', day = 31, months = { 12 }, from = '2021-01-01' }
            """)
        #expect(Self.dates(duties["report-2021"], "2020-01-01", "2024-12-31") == ["2021-12-27"])
        #expect(Self.dates(duties["report-2021"], "2021-12-28", "2024-12-31") == [])
        #expect(Self.dates(duties["yearly"], "2019-06-01", "2023-06-30") == ["2021-12-31", "2022-12-31"])
    }
}
