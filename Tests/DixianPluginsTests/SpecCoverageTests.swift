import DixianCore
import DixianPlugins
import Foundation
import LuaHost
import Testing

/// `dixian plugin test` counts, for every rule a plugin declares, whether a passing spec shows
/// it firing and one shows it not firing.
@Suite(.serialized)
struct SpecCoverageTests {
    let plugins = TemporaryPlugins()

    static let rules = """
        dixian.check { id = 'big', title = '大户', run = function(h) if h.size > 3 then return '人口多' end end }
        dixian.check { id = 'untested', title = '未测', run = function() end }
        dixian.guard { id = 'small', title = '小户不消', transition = 'eliminate', run = function(h) if h.size < 2 then return '人口少' end end }
        dixian.deadline { id = 'visit', title = '走访', responsible = '驻村工作队', run = function(h)
          if h.size > 3 then return { due_on = '2024-07-10', message = '走访' } end
        end }
        dixian.duty { id = 'report', title = '月报', responsible = '乡村振兴局', day = 25 }
        """

    func coverage(specs: String) throws -> [String: PluginSpecRunner.RuleCoverage] {
        try plugins.write("covered", extends: nil, ["checks/a.lua": Self.rules, "spec/a.lua": specs])
        let catalog = plugins.catalog
        let report = try PluginSpecRunner.report(chain: catalog.chain(for: catalog.plugin("covered")), today: nil)
        let failed = report.results.filter { !$0.passed }
        #expect(failed.isEmpty, "\(failed)")
        return Dictionary(uniqueKeysWithValues: report.coverage.map { ("\($0.kind) \($0.id)", $0) })
    }

    @Test func eachRuleIsShownFiringAndNotFiringOnlyByPassingSpecsThatSaySo() throws {
        defer { plugins.remove() }
        let four = "{ members = { { age = 40 }, { age = 38 }, { age = 12 }, { age = 10 } } }"
        let one = "{ members = { { age = 70 } } }"
        let rules = try coverage(specs: """
            dixian.spec('a family of four', { as_of = '2024-06-30', household = \(four), includes = { 'big' },
              due = { { id = 'visit', due_on = '2024-07-10' } } })
            dixian.spec('one alone', { as_of = '2024-06-30', household = \(one), excludes = { 'big' }, not_due = { 'visit' } })
            dixian.spec('one alone stays monitored', { as_of = '2024-06-30', household = \(one), guard = 'eliminate', refused = true, reasons = { '人口少' } })
            dixian.spec('a month of reports', { as_of = '2024-06-30', duty = { id = 'report', from = '2024-07-01', through = '2024-07-31', due = { '2024-07-25' } } })
            dixian.spec('none before the 25th', { as_of = '2024-06-30', duty = { id = 'report', from = '2024-07-01', through = '2024-07-24', due = {} } })
            """)
        #expect(rules["check big"]?.covered == true)
        #expect(rules["check untested"].map { !$0.fires && !$0.quiet } == true)
        #expect(rules["deadline visit"]?.covered == true)
        #expect(rules["duty report"]?.covered == true)
        #expect(rules["guard small"].map { $0.fires && !$0.quiet } == true, "no spec expects eliminate allowed")
    }

    /// A `due` item's `message` must be in the item's message, its `message_lacks` must not.
    @Test func aDueItemsMessageIsCheckedWhenTheSpecGivesOne() throws {
        defer { plugins.remove() }
        let four = "{ members = { { age = 40 }, { age = 38 }, { age = 12 }, { age = 10 } } }"
        try plugins.write("covered", extends: nil, ["checks/a.lua": Self.rules, "spec/a.lua": """
            dixian.spec('holds it', { as_of = '2024-06-30', household = \(four), due = { { id = 'visit', due_on = '2024-07-10', message = '走访' } } })
            dixian.spec('lacks it', { as_of = '2024-06-30', household = \(four), due = { { id = 'visit', due_on = '2024-07-10', message = '核实' } } })
            dixian.spec('holds what it must not', { as_of = '2024-06-30', household = \(four),
              due = { { id = 'visit', due_on = '2024-07-10', message_lacks = { '核实', '走访' } } } })
            """])
        let catalog = plugins.catalog
        let report = try PluginSpecRunner.report(chain: catalog.chain(for: catalog.plugin("covered")), today: nil)
        #expect(report.results.map(\.passed) == [true, false, false])
        let said = report.results.dropFirst().map { $0.problems.map { $0.text(in: .chinese) }.joined() }
        #expect(said == ["到期事项visit 2024-07-10的说明应含“核实”，实为：走访", "到期事项visit 2024-07-10的说明不应含“走访”，实为：走访"])
    }

    /// A due item with a misspelt key or a text of the wrong type is refused, not passed over.
    @Test(arguments: ["messages = '走访'", "message = { '走访' }", "message_lacks = 5", "message_lacks = { 1, '核实' }"])
    func aDueItemOfAnUnknownShapeIsRefused(field: String) throws {
        defer { plugins.remove() }
        let four = "{ members = { { age = 40 }, { age = 38 }, { age = 12 }, { age = 10 } } }"
        try plugins.write("covered", extends: nil, ["checks/a.lua": Self.rules, "spec/a.lua": """
            dixian.spec('shape', { as_of = '2024-06-30', household = \(four), due = { { id = 'visit', due_on = '2024-07-10', \(field) } } })
            """])
        let catalog = plugins.catalog
        let report = try PluginSpecRunner.report(chain: catalog.chain(for: catalog.plugin("covered")), today: nil)
        #expect(report.results.first?.problems == [.dueSpecShape], "\(field)")
    }

    @Test func aFailingSpecShowsNothing() throws {
        defer { plugins.remove() }
        try plugins.write("covered", extends: nil, ["checks/a.lua": Self.rules, "spec/a.lua": """
            dixian.spec('wrong', { as_of = '2024-06-30', household = { members = { { age = 40 } } }, includes = { 'big' }, excludes = { 'untested' } })
            """])
        let catalog = plugins.catalog
        let report = try PluginSpecRunner.report(chain: catalog.chain(for: catalog.plugin("covered")), today: nil)
        #expect(report.results.first?.passed == false)
        #expect(report.coverage.allSatisfy { !$0.fires && !$0.quiet })
    }
}
