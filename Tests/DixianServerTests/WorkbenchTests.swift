import DixianCore
import DixianInterchange
import DixianPlugins
import DixianScreening
import DixianServer
import DixianSynthetic
import DixianTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 20: 我的待办 (the self-report inbox and the due items of the user's areas) and the
/// forms for the work on the household page (a visit, a report, verify, answer, approve), each
/// through the workflow with its role check, CSRF token and stale-form check, on both stores.
struct WorkbenchTests {
    /// A household of the cadre's village with no episode, for a report.
    static let quiet = Household(number: Fixtures.village.villageCode + "0002", area: Fixtures.village, headName: "李四", category: .lifted)

    /// The monitoring version the page's forms carry.
    static func version(_ page: String) -> String? {
        page.firstMatch(of: /name="version" value="([^"]*)"/).map { String($0.output.1) }
    }

    /// The status of `number`'s latest episode.
    static func latestStatus(_ store: some ServerStore, _ number: String) async throws -> MonitoringStatus? {
        try await store.records(in: .monitoringEpisode, where: "household_number", equals: number)
            .compactMap { $0.value as? MonitoringEpisode }.max { $0.id < $1.id }?.status
    }

    @Test(arguments: ServerBackend.allCases)
    func aNewSelfReportIsOnTopOfTheTownshipsWorkAndNotOnAnotherTownships(_ backend: ServerBackend) async throws {
        try await Self.aNewSelfReportIsInTheInbox(on: try backend.open())
    }

    private static func aNewSelfReportIsInTheInbox(on store: some ServerStore) async throws {
        let (server, _) = try await ServerAccessTests.server(store)
        let member = try ServerAccessTests.elsewhereHead()
        try await store.apply([.insert(.member(member))], as: "test")
        // The township of the household elsewhere (620621101) has a user of its own.
        var (_, east) = AccessToken.issue(name: "east", role: .townshipStaff, areas: ["620621101"], expiresOn: LocalDate(iso: "2099-12-31")!)
        east.passwordHash = Password.hash(ServerAccessTests.password(of: "east"), cost: 4)
        try await store.saveUser(east)
        try await Application(router: server.router()).test(.router) { client in
            var eastBrowser = try await Browser.signIn(client, as: "east")
            let before = try await eastBrowser.get(client, "/work")
            #expect(before.status == .ok && before.page.contains("没有待核实认定的风险报告"), "\(before.page)")
            try await client.execute(uri: "/self-report", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: PublicFormTests.form(name: member.name, resident: member.residentID)) { response in
                #expect(response.status == .ok)
            }
            let work = try await eastBrowser.get(client, "/work")
            #expect(work.status == .ok && work.page.contains("<h1>我的待办</h1>"))
            let inbox = try #require(work.page.range(of: "待核实认定的风险报告")), items = try #require(work.page.range(of: "期限事项"))
            let link = try #require(work.page.range(of: "href=\"/households/\(ServerAccessTests.elsewhere.number)\">赵远方户</a>"))
            #expect(inbox.upperBound < link.lowerBound && link.upperBound < items.lowerBound, "the self-report is in the inbox on top: \(work.page)")
            #expect(work.page.contains("<strong>一键报贫</strong>") && work.page.contains("已上报"))
            #expect(work.page.firstMatch(of: HouseholdPageTests.fullResidentID) == nil)
            let dashboard = try await eastBrowser.get(client, "/dashboard")
            #expect(dashboard.page.contains("href=\"/work\"") && dashboard.page.contains("待核实认定的风险报告 1 件（一键报贫 1 件）"), "\(dashboard.page)")
            // The township of the fixtures sees its own work, not the other township's report.
            var township = try await Browser.signIn(client, as: "township")
            let theirs = try await township.get(client, "/work")
            #expect(theirs.status == .ok && !theirs.page.contains(ServerAccessTests.elsewhere.number) && !theirs.page.contains("赵远方"))
            #expect(theirs.page.contains("没有待核实认定的风险报告"))
            // Its items link to its households, and the filters narrow them.
            #expect(theirs.page.contains("href=\"/households/\(Fixtures.household.number)\""), "\(theirs.page)")
            let none = try await township.get(client, "/work?village=620621100299")
            #expect(none.status == .ok && none.page.contains("没有符合筛选条件的事项"), "\(none.page)")
        }
    }

    @Test(arguments: ServerBackend.allCases)
    func aVillageCadreRecordsAVisitThroughTheFormAndThePageShowsIt(_ backend: ServerBackend) async throws {
        try await Self.aCadreRecordsAVisit(on: try backend.open())
    }

    private static func aCadreRecordsAVisit(on store: some ServerStore) async throws {
        let (server, _) = try await ServerAccessTests.server(store)
        let number = Fixtures.household.number
        try await Application(router: server.router()).test(.router) { client in
            var cadre = try await Browser.signIn(client, as: "cadre")
            let page = try await cadre.get(client, "/households/\(number)")
            #expect(page.page.contains("<h3 id=\"visit-heading\">登记走访</h3>") && page.page.contains("<label for=\"visit-notes\">走访情况</label>"))
            #expect(!page.page.contains("/approve\""), "the cadre's role does not approve: no form for it")
            let notes = "了解到 <b>住院</b> 情况"
            let posted = try await cadre.post(client, "/households/\(number)/visit",
                                              [("visitor", "王村干"), ("role", "village-cadre"), ("on", "\(LocalDate.today)"), ("notes", notes)])
            #expect(posted.status == .seeOther && posted.location == "/households/\(number)#work", "\(posted.page)")
            let after = try await cadre.get(client, "/households/\(number)")
            #expect(after.page.contains("走访已登记") && after.page.contains("王村干：了解到 &lt;b&gt;住院&lt;/b&gt; 情况"), "\(after.page)")
            #expect(!after.page.contains("<b>住院"))
            // The notice is the session's, shown once: the page read again has none.
            let again = try await cadre.get(client, "/households/\(number)")
            #expect(again.status == .ok && !again.page.contains("走访已登记"))
            // A visit without a visitor is refused with the field's label, and nothing is recorded.
            let blank = try await cadre.post(client, "/households/\(number)/visit", [("visitor", " "), ("role", "helper"), ("notes", "x")])
            #expect(blank.status == .badRequest && blank.page.contains("走访人：不能为空"), "\(blank.page)")
        }
        let visits = try await store.records(in: .visit, where: "household_number", equals: number).compactMap { $0.value as? Visit }
        #expect(visits.map(\.visitor).sorted() == ["李帮扶", "王村干"])
        #expect(try await store.auditTrail(ofHousehold: number).contains { $0.actor == "user:cadre" && $0.table == "visit" })
    }

    @Test(arguments: ServerBackend.allCases)
    func aCadreReportsTheTownshipVerifiesAndAnswersACadresForgedApprovalIsRefusedAndTheCountyApprovesAndPlans(_ backend: ServerBackend) async throws {
        try await Self.reportVerifyAnswer(on: try backend.open())
    }

    private static func reportVerifyAnswer(on store: some ServerStore) async throws {
        let (server, _) = try await ServerAccessTests.server(store)
        try await store.apply([.insert(.household(quiet))], as: "test")
        let number = quiet.number, path = "/households/\(quiet.number)"
        try await Application(router: server.router()).test(.router) { client in
            var cadre = try await Browser.signIn(client, as: "cadre")
            let page = try await cadre.get(client, path)
            #expect(page.page.contains("报告风险（纳入监测）"))
            let reported = try await cadre.post(client, "\(path)/report",
                                                [("channel", "cadre-visit"), ("notes", "家中突发大病"), ("version", try #require(version(page.page)))])
            #expect(reported.status == .seeOther, "\(reported.page)")
            #expect(try await latestStatus(store, number) == .reported)
            let episode = try #require(try await store.records(in: .monitoringEpisode, where: "household_number", equals: number).first?.value
                as? MonitoringEpisode).id
            // The cadre's page now offers no report and no verification (the township verifies).
            let cadrePage = try await cadre.get(client, path)
            #expect(cadrePage.page.contains("基层干部排查，已上报") && !cadrePage.page.contains("报告风险（纳入监测）")
                && !cadrePage.page.contains("/verify\""), "\(cadrePage.page)")
            // The township verifies, then answers, each through its form.
            var township = try await Browser.signIn(client, as: "township")
            let toVerify = try await township.get(client, path)
            #expect(toVerify.page.contains("action=\"\(path)/episodes/\(episode)/verify\""))
            let verified = try await township.post(client, "\(path)/episodes/\(episode)/verify",
                                                   [("notes", "入户核实属实"), ("version", try #require(version(toVerify.page)))])
            #expect(verified.status == .seeOther && verified.location == "\(path)#work", "\(verified.page)")
            let toAnswer = try await township.get(client, path)
            #expect(toAnswer.page.contains("入户核实属实") && toAnswer.page.contains("action=\"\(path)/episodes/\(episode)/answer\""))
            // Not accepted without reasons: the lifecycle's refusal, in Chinese, above the forms.
            let unreasoned = try await township.post(client, "\(path)/episodes/\(episode)/answer",
                                                     [("accepted", "no"), ("reasons", " "), ("version", try #require(version(toAnswer.page)))])
            #expect(unreasoned.status == .unprocessableContent && unreasoned.page.contains("未办理：</strong>“反馈”须书面说明原因"),
                    "\(unreasoned.page)")
            let answered = try await township.post(client, "\(path)/episodes/\(episode)/answer",
                                                   [("accepted", "yes"), ("version", try #require(version(toAnswer.page)))])
            #expect(answered.status == .seeOther, "\(answered.page)")
            #expect(try await latestStatus(store, number) == .accepted)
            let accepted = try await township.get(client, path)
            #expect(!accepted.page.contains("/approve\""), "the township does not approve: no form for it")
            // The county sees the approval form; the cadre, forging it with the county's current
            // version, is refused with the reason, and nothing changes.
            var admin = try await Browser.signIn(client, as: "admin")
            let toApprove = try await admin.get(client, path)
            #expect(toApprove.page.contains("action=\"\(path)/episodes/\(episode)/approve\""))
            let forged = try await cadre.post(client, "\(path)/episodes/\(episode)/approve",
                                              [("risk-illness", "on"), ("kind", "sudden-hardship"), ("version", try #require(version(toApprove.page)))])
            #expect(forged.status == .forbidden && forged.page.contains("村干部不能办理“审批认定”：此环节由县级管理员办理"), "\(forged.page)")
            #expect(try await latestStatus(store, number) == .accepted)
            // The county approves and makes the plan through the forms; then the village's first
            // elimination stage is offered to the cadre, the county's last one to no one yet.
            let approved = try await admin.post(client, "\(path)/episodes/\(episode)/approve",
                                                [("risk-illness", "on"), ("kind", "sudden-hardship"), ("version", try #require(version(toApprove.page)))])
            #expect(approved.status == .seeOther, "\(approved.page)")
            #expect(try await latestStatus(store, number) == .identified)
            let toPlan = try await admin.get(client, path)
            #expect(toPlan.page.contains("action=\"\(path)/episodes/\(episode)/plan\""))
            let planned = try await admin.post(client, "\(path)/episodes/\(episode)/plan", [("version", try #require(version(toPlan.page)))])
            #expect(planned.status == .seeOther, "\(planned.page)")
            #expect(try await store.records(in: .assistancePlan, where: "household_number", equals: number).count == 1)
            let toEliminate = try await cadre.get(client, path)
            #expect(!toEliminate.page.contains("/plan\"") && toEliminate.page.contains("风险消除·入户核实（第 \(episode) 号监测记录）")
                && toEliminate.page.contains("name=\"stage\" value=\"household-check\""), "\(toEliminate.page)")
            // An auditor reads the page and is offered no form.
            var auditor = try await Browser.signIn(client, as: "auditor")
            let read = try await auditor.get(client, path)
            #expect(read.status == .ok && !read.page.contains("<h2 id=\"work\">办理</h2>") && !read.page.contains("method=\"post\" action=\"/households"))
        }
    }

    @Test(arguments: ServerBackend.allCases)
    func aStaleFormAndAFormWithoutItsCSRFTokenAreRefused(_ backend: ServerBackend) async throws {
        try await Self.staleAndTokenless(on: try backend.open())
    }

    private static func staleAndTokenless(on store: some ServerStore) async throws {
        let (server, _) = try await ServerAccessTests.server(store)
        try await store.apply([.insert(.household(quiet))], as: "test")
        let path = "/households/\(quiet.number)"
        try await Application(router: server.router()).test(.router) { client in
            var cadre = try await Browser.signIn(client, as: "cadre")
            let page = try await cadre.get(client, path)
            let reported = try await cadre.post(client, "\(path)/report", [("channel", "cadre-visit"), ("version", try #require(version(page.page)))])
            #expect(reported.status == .seeOther)
            let episode = try #require(try await store.records(in: .monitoringEpisode, where: "household_number", equals: quiet.number).first?.value
                as? MonitoringEpisode).id
            // Two township users open the page; the county verifies first; the township's form is stale.
            var township = try await Browser.signIn(client, as: "township")
            let opened = try await township.get(client, path)
            var admin = try await Browser.signIn(client, as: "admin")
            let adminPage = try await admin.get(client, path)
            #expect(try await admin.post(client, "\(path)/episodes/\(episode)/verify", [("version", try #require(version(adminPage.page)))]).status
                == .seeOther)
            let stale = try await township.post(client, "\(path)/episodes/\(episode)/verify", [("notes", "晚了"), ("version", try #require(version(opened.page)))])
            #expect(stale.status == .conflict && stale.page.contains("该户的监测记录已有新的办理，本次提交未办理"), "\(stale.page)")
            // The cadre's report again, with the page's old version: stale too.
            let again = try await cadre.post(client, "\(path)/report", [("channel", "cadre-visit"), ("version", try #require(version(page.page)))])
            #expect(again.status == .conflict)
            // Without the CSRF token, or with another: refused before anything is read.
            for csrf in [String?.none, "", cadre.csrf + "0"] {
                let posted = try await cadre.post(client, "\(path)/visit", [("visitor", "王村干"), ("role", "helper")], csrf: .some(csrf))
                #expect(posted.status == .forbidden && posted.page.contains("表单已过期"), "\(csrf ?? "none")")
            }
            // Outside the user's areas: the same 404 page as a household that does not exist.
            let outside = try await cadre.post(client, "/households/\(ServerAccessTests.elsewhere.number)/visit", [("visitor", "王村干"), ("role", "helper")])
            #expect(outside.status == .notFound)
        }
        let trail = try await store.auditTrail(ofHousehold: quiet.number)
        #expect(!trail.contains { $0.actor == "user:township" }, "a stale form changes nothing")
        #expect(try await store.records(in: .visit, where: "household_number", equals: quiet.number).isEmpty)
        #expect(try await store.records(in: .visit, where: "household_number", equals: ServerAccessTests.elsewhere.number).isEmpty)
    }

    @Test(arguments: ServerBackend.allCases)
    func myWorkReadFromTheStoredItemsIsTheListTheDeadlinesGive(_ backend: ServerBackend) async throws {
        try await Self.storedAndComputedWork(on: try backend.open(), and: try backend.open())
    }

    /// 我的待办 of a registry whose deadline items a screening keeps current for today (read as
    /// counts and a page from the store) is the page of the same registry whose deadlines are
    /// run for the request, for every filter the page offers.
    private static func storedAndComputedWork<Screened: ServerStore, Computed: ServerStore>(on screened: Screened, and computed: Computed) async throws {
        let (server, _) = try await ServerAccessTests.server(screened)
        let (computing, _) = try await ServerAccessTests.server(computed)
        let engine = ScreeningEngine(chain: server.chain, options: .init(asOf: LocalDate.today, actor: "test", workers: 1))
        _ = try engine.runChanged(on: screened)
        let fingerprint = try PluginManifest.fingerprint(of: server.chain)
        let stored = try screened.openDeadlineItems(plugin: "minqin", fingerprint: fingerprint, asOf: LocalDate.today, area: "620621100",
                                                    through: LocalDate.today.adding(days: 7), filter: .init(village: nil, deadlineID: nil), limit: 1)
        #expect(stored.map { !$0.tallies.isEmpty } == true, "the screened registry's items are current and not none")
        #expect(try computed.openDeadlineItems(plugin: "minqin", fingerprint: fingerprint, asOf: LocalDate.today, area: "620621100",
                                               through: LocalDate.today.adding(days: 7), filter: .init(village: nil, deadlineID: nil), limit: 1) == nil)
        func pages<Store: ServerStore>(_ server: DixianServer<Store>) async throws -> [String] {
            try await Application(router: server.router()).test(.router) { client in
                var township = try await Browser.signIn(client, as: "township")
                let all = try await township.get(client, "/work").page
                let options = all.matches(of: /<option value="([^"]+)"/).map { String($0.output.1) }
                #expect(options.count >= 2, "\(all)")
                var pages = [all]
                for option in options {
                    let filter = option.count == 12 && option.allSatisfy(\.isNumber) ? "village" : "kind"
                    pages.append(try await township.get(client, "/work?\(filter)=\(option)").page)
                }
                return pages.map { $0.replacing(/name="csrf" value="[^"]*"/, with: "") }
            }
        }
        let fromStore = try await pages(server), fromDeadlines = try await pages(computing)
        #expect(fromStore.count == fromDeadlines.count)
        for (read, ran) in zip(fromStore, fromDeadlines) {
            #expect(read == ran)
        }
    }

    @Test(arguments: ServerBackend.allCases)
    func myWorkPagesThroughEveryItemOfAGeneratedTownship(_ backend: ServerBackend) async throws {
        let generated = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-work-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: generated) }
        try SyntheticCounty.load(plugin: "minqin", from: [ServerAccessTests.plugins], households: 1500, seed: 20).write(to: generated)
        try await Self.pagesThroughATownship(of: generated, on: try backend.open(), and: try backend.open())
    }

    /// A township of a generated county owes more than a page: 我的待办's pages, followed by
    /// their 下一页 links, list each item once, nearest first, as many as the page counts; the
    /// pages read from the stored items are those of the deadlines run for the request.
    private static func pagesThroughATownship<Screened: ServerStore, Computed: ServerStore>(
        of generated: URL, on screened: Screened, and computed: Computed
    ) async throws {
        let catalog = PluginCatalog(searchPath: [ServerAccessTests.plugins])
        let chain = try catalog.chain(for: try catalog.plugin("minqin"))
        var (_, user) = AccessToken.issue(name: "township", role: .townshipStaff, areas: ["620621100"], expiresOn: LocalDate(iso: "2099-12-31")!)
        user.passwordHash = Password.hash(ServerAccessTests.password(of: "township"), cost: 4)
        for store in [screened as any ServerStore, computed] {
            try await RegistryImport(path: generated).apply(to: store, as: "import")
            try await store.saveUser(user)
        }
        _ = try ScreeningEngine(chain: chain, options: .init(asOf: LocalDate.today, actor: "test", workers: 2)).runChanged(on: screened)
        func pages<Store: ServerStore>(_ store: Store) async throws -> [String] {
            try await Application(router: try DixianServer(store: store, chain: chain).router()).test(.router) { client in
                var township = try await Browser.signIn(client, as: "township")
                var pages: [String] = [], next: String? = "/work"
                while let uri = next, pages.count < 100 {
                    let page = try await township.get(client, uri)
                    #expect(page.status == .ok)
                    pages.append(page.page.replacing(/name="csrf" value="[^"]*"/, with: ""))
                    next = page.page.firstMatch(of: /<a href="([^"]*)" rel="next">/).map { String($0.output.1).replacing("&amp;", with: "&") }
                }
                return pages
            }
        }
        let read = try await pages(screened), ran = try await pages(computed)
        #expect(read.count > 2, "a township of 1,500 households owes more than two pages")
        #expect(read == ran)
        let total = try #require(read[0].firstMatch(of: /期限事项（共 ([0-9]+) 项/).flatMap { Int($0.output.1) })
        // Each item once (its whole text), in the order the pages give them.
        let items = read.flatMap { page in
            page.matches(of: /<li( class="overdue")?>((?s).*?)<\/li>/).map { String($0.output.2) }.filter { $0.contains("前<br>") }
        }
        let dates = read.flatMap { page in page.matches(of: /，([0-9]{4}-[0-9]{2}-[0-9]{2}) 前/).map { String($0.output.1) } }
        #expect(items.count == total && Set(items).count == total, "\(items.count) items listed of \(total)")
        #expect(dates == dates.sorted(), "nearest first across the pages")
        #expect(read.last!.contains("第 \(read.count) 页，共 \(read.count) 页"))
        // A page past the last is the last.
        let beyond = try await Application(router: try DixianServer(store: screened, chain: chain).router()).test(.router) { client in
            var township = try await Browser.signIn(client, as: "township")
            return try await township.get(client, "/work?page=900").page.replacing(/name="csrf" value="[^"]*"/, with: "")
        }
        #expect(beyond == read.last!)
    }
}
