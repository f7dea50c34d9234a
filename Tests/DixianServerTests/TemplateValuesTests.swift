import DixianCore
import Mustache
import Testing

@testable import DixianServer

/// The pages' values are handed to the templates as dictionaries (`TemplateValues`), for speed:
/// a template must print the same from them as from the structs themselves.
struct TemplateValuesTests {
    struct Row { let name: String, due: LocalDate, note: String? }
    struct Inner { let flag: Bool, count: Int }
    struct Page { let title: String, rows: [Row], inner: Inner?, missing: Inner?, csrf: String, money: Money, tags: [String] }

    @Test func aTemplatePrintsTheSameFromTheDictionariesAsFromTheStructs() throws {
        let template = try MustacheTemplate(string: """
            {{title}}|{{#rows}}{{name}} {{due}} {{#note}}[{{.}}]{{/note}}{{^note}}-{{/note}} {{csrf}};{{/rows}}|\
            {{#inner}}{{flag}} {{count}} {{title}}{{/inner}}|{{^missing}}none{{/missing}}|{{money}}|{{#tags}}{{.}},{{/tags}}|\
            {{inner.count}}|{{due.year}}
            """)
        let page = Page(
            title: "<监测>", rows: [Row(name: "张三", due: LocalDate(year: 2024, month: 7, day: 1)!, note: "a&b"),
                                    Row(name: "李四", due: LocalDate(year: 2024, month: 7, day: 2)!, note: nil)],
            inner: Inner(flag: true, count: 3), missing: nil, csrf: "t0k", money: Money(fen: 123_45), tags: ["甲", "乙"])
        let direct = template.render(page)
        #expect(template.render(TemplateValues.tree(page)!) == direct)
        #expect(direct.contains("张三 2024-07-01 [a&amp;b] t0k;李四 2024-07-02 - t0k;"), "\(direct)")
        #expect(direct.contains("|true 3 &lt;监测&gt;|none|123.45|甲,乙,|3|"), "\(direct)")
    }

    @Test func auditTimesAreBeijingTimeToTheMinute() {
        #expect(HouseholdPage.beijingTime("2024-10-08T09:30:00.000Z") == "2024-10-08 17:30")
        #expect(HouseholdPage.beijingTime("2024-10-08T17:30:59Z") == "2024-10-09 01:30")
        #expect(HouseholdPage.beijingTime("2024-12-31T16:05:00.123Z") == "2025-01-01 00:05")
        #expect(HouseholdPage.beijingTime("2024-02-28T20:00:00Z") == "2024-02-29 04:00")
        #expect(HouseholdPage.beijingTime("not a time") == "not a time")
        #expect(HouseholdPage.beijingTime("2024-13-08T09:30:00Z") == "2024-13-08T09:30:00Z")
    }

    @Test func onlyTextWithAnIDNumberIsMasked() {
        #expect(HouseholdPage.masked("走访 12345678901234567 次") == "走访 12345678901234567 次")  // 17 digits and a space: no ID
        #expect(HouseholdPage.masked("620621199001011234") != "620621199001011234")
        #expect(HouseholdPage.masked("王五") == "王五")
    }
}
