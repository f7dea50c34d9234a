import DixianCore
import DixianServer
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
}
