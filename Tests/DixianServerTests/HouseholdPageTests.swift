import DixianCore
import DixianServer
import DixianTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 20: 查户 (find a household by name, ID number or its last digits, household number
/// or place, paged) and the household page, for signed-in staff, within their areas only, ID
/// numbers always masked and every submitted text escaped, on both stores.
struct HouseholdPageTests {
    /// A full ID number anywhere in a page.
    static var fullResidentID: Regex<Substring> { /[0-9]{17}[0-9Xx]/ }

    /// The page's links to households.
    static func links(_ page: String) -> [String] {
        page.matches(of: /href="\/households\/([0-9]{16})"/).map { String($0.output.1) }
    }

    /// What a search for `text` as `kind` answers.
    static func search(_ browser: inout Browser, _ client: some TestClientProtocol, _ kind: String, _ text: String, page: Int = 1)
        async throws -> (status: HTTPResponse.Status, page: String)
    {
        let query = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        return try await browser.get(client, "/households/find?by=\(kind)&q=\(query)&page=\(page)")
    }

    @Test(arguments: ServerBackend.allCases)
    func staffFindAHouseholdByNameIDNumberHouseholdNumberAndPlace(_ backend: ServerBackend) async throws {
        try await Self.staffFindAHousehold(on: try backend.open())
    }

    private static func staffFindAHousehold(on store: some ServerStore) async throws {
        let (server, _) = try await ServerAccessTests.server(store)
        let number = Fixtures.household.number, spouse = Fixtures.spouse.residentID
        try await Application(router: server.router()).test(.router) { client in
            var browser = try await Browser.signIn(client, as: "township")
            let form = try await browser.get(client, "/households/find")
            #expect(form.status == .ok && form.page.contains("<label for=\"q\">查找内容</label>") && links(form.page).isEmpty, "\(form.page)")
            #expect(try await browser.get(client, "/dashboard").page.contains("href=\"/households/find\""), "the dashboard links to 查户")
            for (kind, text) in [("name", "王芳"), ("name", "张三"), ("id", String(spouse.rawValue.suffix(4))), ("id", String(spouse.rawValue.suffix(6))),
                                 ("id", spouse.rawValue.lowercased()), ("number", number), ("place", "三雷镇"), ("place", "620621100201")] {
                let found = try await search(&browser, client, kind, text)
                #expect(found.status == .ok && links(found.page) == [number], "\(kind) \(text): \(found.page)")
                #expect(found.page.firstMatch(of: fullResidentID) == nil, "\(kind) \(text): an ID number in full")
                if kind == "id" { #expect(found.page.contains(spouse.masked), "\(found.page)") }
            }
            // Nothing of another township, by any search, and no error that says it exists.
            for (kind, text) in [("name", "赵远方"), ("number", ServerAccessTests.elsewhere.number), ("place", "东坝镇"), ("place", "620621101001")] {
                let found = try await search(&browser, client, kind, text)
                #expect(found.status == .ok && links(found.page).isEmpty && found.page.contains("没有找到符合条件的农户"), "\(kind) \(text)")
            }
            // A name several places hold: a choice among them (the county user sees every township).
            var admin = try await Browser.signIn(client, as: "admin")
            let several = try await search(&admin, client, "place", "镇")
            #expect(several.status == .ok && several.page.contains("请选择") && several.page.contains("三雷镇")
                && several.page.contains("/households/find?by=place&amp;q=620621100&amp;page=1"), "\(several.page)")
            let wrong = try await search(&browser, client, "id", "12")
            #expect(wrong.status == .badRequest && wrong.page.contains("最后 4 至 6 位"), "\(wrong.page)")
            // Signed out: to the sign-in form.
            var stranger = Browser()
            #expect(try await stranger.get(client, "/households/find?by=name&q=%E7%8E%8B%E8%8A%B3").status == .seeOther)
        }
    }

    @Test(arguments: ServerBackend.allCases)
    func resultsComeTwentyToAPageWithPreviousAndNextLinks(_ backend: ServerBackend) async throws {
        try await Self.resultsArePaged(on: try backend.open())
    }

    private static func resultsArePaged(on store: some ServerStore) async throws {
        let (server, _) = try await ServerAccessTests.server(store)
        let namesakes = (2...26).map { index in
            Household(number: Fixtures.village.villageCode + index.zeroPadded(4), area: Fixtures.village, headName: "同名", category: .lifted)
        }
        try await store.apply(namesakes.map { .insert(.household($0)) }, as: "test")
        try await Application(router: server.router()).test(.router) { client in
            var browser = try await Browser.signIn(client, as: "cadre")
            let first = try await search(&browser, client, "name", "同名")
            #expect(links(first.page) == namesakes.prefix(20).map(\.number))
            #expect(first.page.contains("rel=\"next\">下一页") && !first.page.contains("上一页"), "\(first.page)")
            let second = try await search(&browser, client, "name", "同名", page: 2)
            #expect(links(second.page) == namesakes.suffix(5).map(\.number))
            #expect(second.page.contains("rel=\"prev\">上一页") && !second.page.contains("下一页"), "\(second.page)")
            #expect(second.page.contains("page=1") && first.page.contains("page=2"))
        }
    }

    @Test(arguments: ServerBackend.allCases)
    func theHouseholdPageShowsEverySectionMaskedAndEscaped(_ backend: ServerBackend) async throws {
        try await Self.theHouseholdPageShowsEverySection(on: try backend.open())
    }

    private static func theHouseholdPageShowsEverySection(on store: some ServerStore) async throws {
        let (server, _) = try await ServerAccessTests.server(store)
        let number = Fixtures.household.number
        let script = "<script>alert(1)</script>"
        let odd = Household(number: Fixtures.village.villageCode + "0099", area: Fixtures.village, headName: script, category: .lifted)
        try await store.apply([
            .insert(.household(odd)),
            .insert(.visit(Visit(id: 2, householdNumber: number, visitedOn: LocalDate(iso: "2024-11-02")!, visitor: "李帮扶", role: .helper,
                                 notes: "门口写着 \(script)"))),
        ], as: "test")
        var household = try #require(try await store.household(number: number))
        household.helper = "王帮扶"
        try await store.apply([.update(.household(household))], as: "user:cadre")
        try await Application(router: server.router()).test(.router) { client in
            var browser = try await Browser.signIn(client, as: "cadre")
            let page = try await browser.get(client, "/households/\(number)")
            #expect(page.status == .ok)
            for heading in ["基本情况", "家庭成员", "家庭收入", "两不愁三保障", "监测记录", "帮扶计划与措施", "走访记录", "问题整改", "部门预警",
                            "住院", "投诉举报", "小额信贷", "当前筛查发现", "当前期限事项", "本村扶贫资产", "变更记录"] {
                #expect(page.page.contains(">\(heading)"), "no section \(heading)")
            }
            for shown in ["张三户", "王芳", Fixtures.spouse.residentID.masked, "残疾3级", "2023", "基本医疗</dt><dd>未保障", "符合认定标准", "落实医疗救助",
                          "了解治疗进展", "医疗保障未落实", "user:cadre 修改 户 ", "李帮扶 → 王帮扶", "个人自付医疗费用超过2万元", "光伏扶贫电站", "test 新增 家庭成员"] {
                #expect(page.page.contains(shown), "\(shown) is not on the page")
            }
            #expect(page.page.firstMatch(of: fullResidentID) == nil, "an ID number in full")
            #expect(!page.page.contains(script) && page.page.contains("门口写着 &lt;script&gt;alert(1)&lt;/script&gt;"))
            let found = try await search(&browser, client, "name", script)
            #expect(links(found.page) == [odd.number] && !found.page.contains(script) && found.page.contains("&lt;script&gt;"))
            let oddPage = try await browser.get(client, "/households/\(odd.number)")
            #expect(oddPage.status == .ok && !oddPage.page.contains(script) && oddPage.page.contains("&lt;script&gt;alert(1)&lt;/script&gt;户"))
        }
    }

    /// Names, health and disability are for the staff who work on the household: the village
    /// cadre, township staff and county administrator see them; the auditor sees names masked
    /// to the surname (on 查户's results too) and neither health nor disability; nobody sees an
    /// ID number in full.
    @Test(arguments: ServerBackend.allCases)
    func onlyStaffWhoWorkOnTheHouseholdSeeNamesHealthAndDisability(_ backend: ServerBackend) async throws {
        try await Self.personalDetails(on: try backend.open())
    }

    private static func personalDetails(on store: some ServerStore) async throws {
        let (server, _) = try await ServerAccessTests.server(store)
        let number = Fixtures.household.number
        // The spouse's name and disability grade corrected: the page's history shows both changes.
        var spouse = Fixtures.spouse
        spouse.name = "王芳芳"
        spouse.disabilityGrade = 2
        try await store.apply([.update(.member(spouse))], as: "user:cadre")
        try await Application(router: server.router()).test(.router) { client in
            for name in ["cadre", "township", "admin"] {
                var browser = try await Browser.signIn(client, as: name)
                let page = try await browser.get(client, "/households/\(number)")
                #expect(page.status == .ok)
                for shown in ["<title>张三户", "<h1>张三户</h1>", "<strong>王芳芳</strong>", "<strong>张小明</strong>", Fixtures.head.health.chineseName,
                              "残疾2级", "王芳 → 王芳芳", "3 → 2"] {
                    #expect(page.page.contains(shown), "\(name): \(shown) is not on the page")
                }
                #expect(!page.page.contains("健康和残疾情况已隐藏") && !page.page.contains("personal-note"), "\(name)")
                #expect(page.page.firstMatch(of: fullResidentID) == nil, "\(name): an ID number in full")
            }
            var auditor = try await Browser.signIn(client, as: "auditor")
            let page = try await auditor.get(client, "/households/\(number)")
            #expect(page.status == .ok)
            for shown in ["<title>张*户", "<h1>张*户</h1>", "<strong>王**</strong>", "<strong>张**</strong>", "健康和残疾情况已隐藏",
                          "王* → 王**", "已隐藏 → 已隐藏",
                          "审计人员查看时成员姓名、健康状况和残疾情况已隐藏", Fixtures.spouse.residentID.masked] {
                #expect(page.page.contains(shown), "auditor: \(shown) is not on the page")
            }
            for hidden in ["张三", "王芳", "张小明", Fixtures.head.health.chineseName, "残疾2级", "残疾3级", "3 → 2"] {
                #expect(!page.page.contains(hidden), "auditor: \(hidden) is on the page")
            }
            #expect(page.page.firstMatch(of: fullResidentID) == nil, "auditor: an ID number in full")
            // 查户 finds by name, and lists the names masked too.
            let found = try await search(&auditor, client, "name", "王芳芳")
            let results = try #require(found.page.firstRange(of: "<ul class=\"results\">").map { found.page[$0.lowerBound...] })
            #expect(links(found.page) == [number] && results.contains("张*户") && results.contains("王**（配偶）"), "\(found.page)")
            #expect(!results.contains("张三") && !results.contains("王芳"), "\(results)")
            var township = try await Browser.signIn(client, as: "township")
            let shown = try await search(&township, client, "name", "王芳芳")
            #expect(shown.page.contains("王芳芳（配偶）") && shown.page.contains("张三"), "\(shown.page)")
        }
    }

    /// Issue 18's records on the page: hospital stays (住院), complaints (投诉举报) and
    /// microcredit loans (小额信贷). A stay is health data: the auditor sees its member masked
    /// and nothing of its dates, hospital or cost. A complaint's text, which anyone may have
    /// submitted, is escaped.
    @Test(arguments: ServerBackend.allCases)
    func hospitalStaysComplaintsAndLoansAreShownTheStaysHiddenFromTheAuditor(_ backend: ServerBackend) async throws {
        try await Self.staysComplaintsAndLoans(on: try backend.open())
    }

    private static func staysComplaintsAndLoans(on store: some ServerStore) async throws {
        let (server, _) = try await ServerAccessTests.server(store)
        let number = Fixtures.household.number
        let script = "<script>alert(1)</script>"
        try await store.apply([
            .insert(.complaint(Complaint(id: 2, householdNumber: number, receivedOn: LocalDate(iso: "2024-10-05")!, channel: .online,
                                         summary: "举报冒领补贴 \(script)"))),
            .insert(.hospitalStay(HospitalStay(id: 2, householdNumber: number, residentID: Fixtures.spouse.residentID,
                                               admittedOn: LocalDate(iso: "2024-11-01")!, hospital: "武威市人民医院", cost: Money(yuan: 5000)))),
        ], as: "test")
        try await Application(router: server.router()).test(.router) { client in
            var cadre = try await Browser.signIn(client, as: "cadre")
            let page = try await cadre.get(client, "/households/\(number)")
            #expect(page.status == .ok)
            for shown in [">住院</h2>", ">投诉举报</h2>", ">小额信贷</h2>",
                          "<strong>张三</strong> <span class=\"id\">\(Fixtures.head.residentID.masked)</span>：2024-09-10 入院，2024-09-24 出院",
                          "民勤县人民医院；总费用 36800 元，已报销 25760 元，自付 11040 元",
                          "<strong>王芳</strong> <span class=\"id\">\(Fixtures.spouse.residentID.masked)</span>：2024-11-01 入院，尚未出院",
                          "2024-09-20 12317热线：反映医疗费用报销慢", "2024-09-30 办结", "2024-10-05 网络平台：举报冒领补贴 ", "未办结",
                          "2022-04-15 放贷 50000 元，户贷户用", "到期 2025-04-14，未还清"] {
                #expect(page.page.contains(shown), "cadre: \(shown) is not on the page")
            }
            #expect(!page.page.contains(script) && page.page.contains("举报冒领补贴 &lt;script&gt;alert(1)&lt;/script&gt;"),
                    "the complaint's text is escaped")
            // Newest first, as the other records are.
            let later = try #require(page.page.range(of: "2024-11-01 入院")), earlier = try #require(page.page.range(of: "2024-09-10 入院"))
            #expect(later.lowerBound < earlier.lowerBound)
            #expect(page.page.firstMatch(of: fullResidentID) == nil, "an ID number in full")

            var auditor = try await Browser.signIn(client, as: "auditor")
            let audited = try await auditor.get(client, "/households/\(number)")
            #expect(audited.status == .ok)
            for shown in [">住院</h2>", "<strong>张*</strong> <span class=\"id\">\(Fixtures.head.residentID.masked)</span>：已隐藏<br><span class=\"note\">已隐藏；已隐藏</span>",
                          "<strong>王*</strong>", "2024-09-20 12317热线：说明含个人信息，已隐藏", "2022-04-15 放贷 50000 元"] {
                #expect(audited.page.contains(shown), "auditor: \(shown) is not on the page")
            }
            for hidden in ["民勤县人民医院", "武威市人民医院", "入院", "出院", "36800", "25760", "11040", "张三", "王芳", "反映医疗费用报销慢"] {
                #expect(!audited.page.contains(hidden), "auditor: \(hidden) is on the page")
            }
            #expect(!audited.page.contains(script), "the complaint's text is escaped for the auditor too")
        }
    }

    @Test(arguments: ServerBackend.allCases)
    func aHouseholdOutsideTheUsersAreasIsTheSame404AsOneThatDoesNotExist(_ backend: ServerBackend) async throws {
        try await Self.outsideIsNotFound(on: try backend.open())
    }

    private static func outsideIsNotFound(on store: some ServerStore) async throws {
        let (server, _) = try await ServerAccessTests.server(store)
        try await Application(router: server.router()).test(.router) { client in
            var township = try await Browser.signIn(client, as: "township")
            let elsewhere = try await township.get(client, "/households/\(ServerAccessTests.elsewhere.number)")
            let missing = try await township.get(client, "/households/6206211002019999")
            let malformed = try await township.get(client, "/households/abc")
            let anID = try await township.get(client, "/households/\(Fixtures.head.residentID.rawValue)")
            #expect(anID.page.firstMatch(of: fullResidentID) == nil, "the path's ID number is masked: \(anID.page)")
            for answer in [elsewhere, missing, malformed, anID] {
                #expect(answer.status == .notFound && answer.page.contains("<h1>未找到</h1>"), "\(answer.page)")
            }
            #expect(elsewhere.page.replacing(ServerAccessTests.elsewhere.number, with: "N") == missing.page.replacing("6206211002019999", with: "N"))
            var admin = try await Browser.signIn(client, as: "admin")
            #expect(try await admin.get(client, "/households/\(ServerAccessTests.elsewhere.number)").status == .ok, "the county sees it")
            var department = try await Browser.signIn(client, as: "department")
            #expect(try await department.get(client, "/households/\(Fixtures.household.number)").status == .forbidden)
        }
    }

    @Test(arguments: ServerBackend.allCases)
    func theStoreFindsWithinEveryAreaGivenAndNothingWithoutAreas(_ backend: ServerBackend) async throws {
        let store = try backend.open()
        try await store.apply(Fixtures.everyKind.map(RegistryChange.insert) + [.insert(.household(ServerAccessTests.elsewhere))], as: "test")
        let both = [Fixtures.village.villageCode, ServerAccessTests.elsewhere.area.townshipCode]
        #expect(try await store.findHouseholds(.place("620621"), within: both, limit: 10, offset: 0).map(\.number)
            == [Fixtures.household.number, ServerAccessTests.elsewhere.number])
        #expect(try await store.findHouseholds(.place("620621"), within: both, limit: 10, offset: 1).map(\.number)
            == [ServerAccessTests.elsewhere.number])
        #expect(try await store.findHouseholds(.place("620621101001"), within: both, limit: 10, offset: 0).map(\.number)
            == [ServerAccessTests.elsewhere.number])
        #expect(try await store.findHouseholds(.place("620621102"), within: both, limit: 10, offset: 0).isEmpty)
        #expect(try await store.findHouseholds(.name("赵远方"), within: both, limit: 10, offset: 0)
            == [HouseholdHit(number: ServerAccessTests.elsewhere.number, residentID: nil)])
        #expect(try await store.findHouseholds(.name("张三"), within: both, limit: 10, offset: 0)
            == [HouseholdHit(number: Fixtures.household.number, residentID: Fixtures.head.residentID.rawValue)])
        let ending = String(Fixtures.child.residentID.rawValue.suffix(5))
        #expect(try await store.findHouseholds(.residentIDEnding(ending), within: both, limit: 10, offset: 0)
            == [HouseholdHit(number: Fixtures.household.number, residentID: Fixtures.child.residentID.rawValue)])
        #expect(try await store.findHouseholds(.residentID(Fixtures.child.residentID.rawValue), within: [ServerAccessTests.elsewhere.area.townshipCode],
                                               limit: 10, offset: 0).isEmpty)
        #expect(try await store.findHouseholds(.number(Fixtures.household.number), within: [], limit: 10, offset: 0).isEmpty)
    }
}
