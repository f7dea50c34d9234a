import DixianCore
@testable import DixianServer
import DixianTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 20, the household page's remaining forms: follow-up, send-back and relabelling of an
/// episode, with the verdict of the plugin's guards shown before submitting; adding and
/// finishing measures, opening and closing problems, closing department warnings, each
/// through the workflow, with its role check, CSRF token and stale-record check, on both stores.
struct WorkbenchRecordFormTests {
    /// The version the form posting to `action` carries.
    static func version(_ page: String, form action: String) -> String? {
        guard let start = page.range(of: "action=\"\(action)\"") else { return nil }
        return page[start.upperBound...].firstMatch(of: /name="version" value="([^"]*)"/).map { String($0.output.1) }
    }

    /// The fixture household's episode 1, as stored.
    static func episode(_ store: some ServerStore) async throws -> MonitoringEpisode {
        try #require(try await store.records(in: .monitoringEpisode, where: "id", equals: "1").first?.value as? MonitoringEpisode)
    }

    @Test(arguments: ServerBackend.allCases)
    func measuresProblemsAndWarningsAreWorkedThroughTheirFormsAndAStaleOrForgedOneIsRefused(_ backend: ServerBackend) async throws {
        try await Self.records(on: try backend.open())
    }

    private static func records(on store: some ServerStore) async throws {
        let (server, _) = try await ServerAccessTests.server(store)
        let number = Fixtures.household.number, path = "/households/\(Fixtures.household.number)"
        // A problem of the household of another township, to be named from this household's page.
        let foreign = Problem(id: 2, householdNumber: ServerAccessTests.elsewhere.number, foundBy: "县级大排查", foundOn: Fixtures.reportDay,
                              description: "外乡问题", responsibleUnit: "镇政府", responsiblePerson: "钱镇长", measure: "整改",
                              deadline: LocalDate(iso: "2024-12-31")!)
        try await store.apply([.insert(.problem(foreign))], as: "test")
        try await Application(router: server.router()).test(.router) { client in
            var cadre = try await Browser.signIn(client, as: "cadre")
            var township = try await Browser.signIn(client, as: "township")
            let page = try await cadre.get(client, path)
            #expect(page.page.contains("action=\"\(path)/plans/1/measures\"") && page.page.contains("action=\"\(path)/measures/1/done\"")
                && page.page.contains("action=\"\(path)/problems\"") && page.page.contains("action=\"\(path)/problems/1/close\""), "\(page.page)")
            #expect(!page.page.contains("/warnings/1/close\""), "a cadre does not close warnings: no form for it")
            let townshipPage = try await township.get(client, path)
            #expect(townshipPage.page.contains("action=\"\(path)/warnings/1/close\"") && townshipPage.page.contains("<label for=\"warning-1-result\">"))
            #expect(townshipPage.page.firstMatch(of: HouseholdPageTests.fullResidentID) == nil)

            // A measure added; its description escaped on the page; the notice shown once.
            let added = try await cadre.post(client, "\(path)/plans/1/measures", [
                ("type", "employment"), ("description", "安排 <i>公益岗位</i>"), ("responsible_unit", "县人社局"), ("responsible_person", "周人社"),
                ("starts_on", "2024-11-01"), ("due_on", "2025-06-30"),
            ])
            #expect(added.status == .seeOther && added.location == "\(path)#work", "\(added.page)")
            let afterAdd = try await cadre.get(client, path)
            #expect(afterAdd.page.contains("帮扶措施已添加") && afterAdd.page.contains("安排 &lt;i&gt;公益岗位&lt;/i&gt;") && !afterAdd.page.contains("<i>公益"))
            // A measure due before it starts: the workflow's refusal, in Chinese, above the forms.
            let backwards = try await cadre.post(client, "\(path)/plans/1/measures", [
                ("type", "employment"), ("description", "x"), ("responsible_unit", "县人社局"), ("responsible_person", "周人社"),
                ("starts_on", "2024-11-01"), ("due_on", "2024-10-01"),
            ])
            #expect(backwards.status == .unprocessableContent && backwards.page.contains("未办理：</strong>"), "\(backwards.page)")

            // Measure 1 finished by the cadre; the township's form, opened before, is stale.
            let measureForm = "\(path)/measures/1/done"
            let finished = try await cadre.post(client, measureForm, [("version", try #require(version(afterAdd.page, form: measureForm)))])
            #expect(finished.status == .seeOther, "\(finished.page)")
            let staleMeasure = try await township.post(client, measureForm, [("version", try #require(version(townshipPage.page, form: measureForm)))])
            #expect(staleMeasure.status == .conflict && staleMeasure.page.contains("该记录在读取后已被修改"), "\(staleMeasure.page)")

            // Problem 1: a close without the fix is refused; the cadre closes it; the township's
            // form, opened before, is stale.
            let problemForm = "\(path)/problems/1/close"
            let unfixed = try await cadre.post(client, problemForm, [("fix", " "), ("version", try #require(version(afterAdd.page, form: problemForm)))])
            #expect(unfixed.status == .unprocessableContent && unfixed.page.contains("整改情况"), "\(unfixed.page)")
            let closed = try await cadre.post(client, problemForm, [("fix", "已协调医保报销"), ("version", try #require(version(afterAdd.page, form: problemForm)))])
            #expect(closed.status == .seeOther, "\(closed.page)")
            let staleProblem = try await township.post(client, problemForm, [("fix", "重复办结"), ("version", try #require(version(townshipPage.page, form: problemForm)))])
            #expect(staleProblem.status == .conflict, "\(staleProblem.page)")
            // A problem of another household, named from this household's page: not found.
            let other = try await township.post(client, "\(path)/problems/2/close", [("fix", "x"), ("version", RecordVersion.of(foreign))])
            #expect(other.status == .notFound, "\(other.page)")

            // A problem opened through the form.
            let opened = try await cadre.post(client, "\(path)/problems", [
                ("found_by", "入户走访"), ("description", "危房未改造"), ("measure", "申请危房改造"), ("responsible_unit", "县住建局"),
                ("responsible_person", "吴住建"), ("deadline", "\(LocalDate.today.adding(days: 30))"),
            ])
            #expect(opened.status == .seeOther, "\(opened.page)")

            // The warning: the cadre's forged close is refused by the role table; the township closes it.
            let warningForm = "\(path)/warnings/1/close"
            let warningVersion = try #require(version(townshipPage.page, form: warningForm))
            let forged = try await cadre.post(client, warningForm, [("result", "核实属实"), ("version", warningVersion)])
            #expect(forged.status == .forbidden && forged.page.contains("村干部不能办理“预警核实办结”"), "\(forged.page)")
            let verified = try await township.post(client, warningForm, [("result", "核实属实，已纳入监测"), ("version", warningVersion)])
            #expect(verified.status == .seeOther, "\(verified.page)")
            #expect(try await township.get(client, path).page.contains("预警核实已办结"))

            // Without the CSRF token: refused before anything is read. Outside the user's areas: 404.
            for form in ["\(path)/problems", "\(path)/plans/1/measures", "\(path)/problems/3/close"] {
                let tokenless = try await cadre.post(client, form, [("description", "x")], csrf: .some(nil))
                #expect(tokenless.status == .forbidden && tokenless.page.contains("表单已过期"), "\(form)")
            }
            let elsewhere = "/households/\(ServerAccessTests.elsewhere.number)"
            for form in ["problems/2/close", "problems", "measures/1/done", "plans/1/measures", "warnings/1/close"] {
                let outside = try await cadre.post(client, "\(elsewhere)/\(form)", [("fix", "x"), ("version", RecordVersion.of(foreign))])
                #expect(outside.status == .notFound, "\(form)")
            }
        }
        let measures = try await store.records(in: .measure, where: "plan_id", equals: "1").compactMap { $0.value as? Measure }
        #expect(measures.count == 2 && measures.first { $0.id == 1 }?.doneOn == LocalDate.today)
        let problems = try await store.records(in: .problem, where: "household_number", equals: number).compactMap { $0.value as? Problem }
        #expect(problems.count == 2 && problems.first { $0.id == 1 }?.fix == "已协调医保报销")
        #expect(try await store.records(in: .problem, where: "id", equals: "2").compactMap { ($0.value as? Problem)?.closedOn }.isEmpty)
        let warning = try #require(try await store.records(in: .departmentWarning, where: "id", equals: "1").first?.value as? DepartmentWarning)
        #expect(warning.result == "核实属实，已纳入监测" && warning.closedOn == LocalDate.today)
    }

    @Test(arguments: ServerBackend.allCases)
    func theGuardsVerdictIsShownBeforeSubmittingAndAnEliminatedEpisodeIsFollowedUpRelabelledAndSentBack(_ backend: ServerBackend) async throws {
        try await Self.guardsAndEliminated(on: try backend.open())
    }

    private static func guardsAndEliminated(on store: some ServerStore) async throws {
        let (server, _) = try await ServerAccessTests.server(store)
        let path = "/households/\(Fixtures.household.number)"
        try await Application(router: server.router()).test(.router) { client in
            var cadre = try await Browser.signIn(client, as: "cadre")
            var admin = try await Browser.signIn(client, as: "admin")
            // Minqin's 七不消 guard on elimination: its verdict beside the form, in Chinese, and the
            // same refusal when the stage is submitted anyway.
            let page = try await cadre.get(client, path)
            let note = try #require(page.page.firstMatch(of: /<p class="guard refused" id="eliminate-guard">([^<]*)<\/p>/), "\(page.page)")
            #expect(note.output.1.hasPrefix("风险消除条件未满足：七不消："), "\(note.output.1)")
            #expect(page.page.contains("aria-describedby=\"eliminate-guard\""), "a screen reader reads the verdict with the button")
            #expect(!page.page.contains("/relabel\""), "the cadre does not relabel: no form for it")
            let eliminate = "\(path)/episodes/1/eliminate"
            let refused = try await cadre.post(client, eliminate, [("stage", "household-check"), ("version", try #require(version(page.page, form: eliminate)))])
            #expect(refused.status == .unprocessableContent && refused.page.contains("不能“风险消除”："), "\(refused.page)")
            #expect(refused.page.contains("id=\"eliminate-guard\""), "the refused page shows the verdict again")

            // The county relabels the identified episode with a new risk.
            let toRelabel = try await admin.get(client, path)
            let relabel = "\(path)/episodes/1/relabel"
            let relabelled = try await admin.post(client, relabel, [("risk-schooling", "on"), ("notes", "子女辍学风险"),
                                                                    ("version", try #require(version(toRelabel.page, form: relabel)))])
            #expect(relabelled.status == .seeOther, "\(relabelled.page)")
            #expect(try await episode(store).riskTypes.contains(.schooling))

            // Once eliminated: the cadre follows up, and is offered no send-back; the county sends back.
            var eliminated = try await episode(store)
            eliminated.status = .eliminated
            eliminated.eliminatedOn = LocalDate(iso: "2024-12-20")!
            try await store.apply([.update(.monitoringEpisode(eliminated))], as: "test")
            let toFollow = try await cadre.get(client, path)
            let followUp = "\(path)/episodes/1/follow-up", sendBack = "\(path)/episodes/1/send-back"
            #expect(toFollow.page.contains("action=\"\(followUp)\"") && !toFollow.page.contains("action=\"\(sendBack)\""), "\(toFollow.page)")
            let cadreVersion = try #require(version(toFollow.page, form: followUp))
            let followed = try await cadre.post(client, followUp, [("notes", "收入稳定"), ("version", cadreVersion)])
            #expect(followed.status == .seeOther, "\(followed.page)")
            // The cadre's forged send-back is refused by the role table.
            let forged = try await cadre.post(client, sendBack, [("reasons", "x"), ("version", cadreVersion)])
            #expect(forged.status == .forbidden && forged.page.contains("村干部不能办理“回退”"), "\(forged.page)")
            let toSendBack = try await admin.get(client, path)
            let adminVersion = try #require(version(toSendBack.page, form: sendBack))
            let unreasoned = try await admin.post(client, sendBack, [("reasons", " "), ("version", adminVersion)])
            #expect(unreasoned.status == .unprocessableContent && unreasoned.page.contains("“回退”须书面说明原因"), "\(unreasoned.page)")
            // A follow-up form opened before the county's send-back is stale.
            let sentBack = try await admin.post(client, sendBack, [("reasons", "家庭成员突发重病"), ("version", adminVersion)])
            #expect(sentBack.status == .seeOther, "\(sentBack.page)")
            let stale = try await cadre.post(client, followUp, [("notes", "晚了"), ("version", try #require(version(toSendBack.page, form: followUp)))])
            #expect(stale.status == .conflict, "\(stale.page)")
            // Outside the user's areas: the same 404 as no household.
            let outside = try await cadre.post(client, "/households/\(ServerAccessTests.elsewhere.number)/episodes/1/follow-up",
                                               [("version", cadreVersion)])
            #expect(outside.status == .notFound)
            // Without the CSRF token: refused.
            let tokenless = try await admin.post(client, relabel, [("risk-schooling", "on")], csrf: .some(nil))
            #expect(tokenless.status == .forbidden && tokenless.page.contains("表单已过期"))
        }
        #expect(try await episode(store).status == .identified)
        let steps = try await store.records(in: .monitoringStep, where: "episode_id", equals: "1").compactMap { $0.value as? MonitoringStep }
        #expect(steps.map(\.transition).filter { [.relabel, .followUp, .sendBack].contains($0) } == [.relabel, .followUp, .sendBack])
    }
}
