import DixianCore
import DixianServer
import DixianSQLite
import DixianTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Issue 20: staff sign in to the pages with a user name and password (bcrypt), in a session
/// cookie; every form carries a CSRF token; sign-out, a password change, and a lock-out after
/// repeated failures.
struct SignInTests {
    @Test(arguments: ServerBackend.allCases)
    func theRightPasswordSignsInAndTheDashboardAcceptsTheSession(_ backend: ServerBackend) async throws {
        try await Self.theRightPasswordSignsIn(on: try backend.open())
    }

    private static func theRightPasswordSignsIn(on store: some ServerStore) async throws {
        let (server, _) = try await ServerAccessTests.server(store)
        try await Application(router: server.router()).test(.router) { client in
            var browser = Browser()
            let form = try await browser.get(client, "/login")
            #expect(form.status == .ok && form.page.contains("<label for=\"password\">密码</label>"), "\(form.page)")
            #expect(form.page.contains("name=\"csrf\" value=\"\(browser.csrf)\"") && browser.csrf.count == 64, "\(form.page)")
            // Letters only: a token in digits could hold a run that reads as an ID number.
            #expect(browser.csrf.allSatisfy { ("a"..."p").contains($0) }, "\(browser.csrf)")
            let signedIn = try await browser.signIn(client, name: "township", password: ServerAccessTests.password(of: "township"))
            #expect(signedIn.status == .seeOther && signedIn.location == "/dashboard")
            #expect(browser.cookies["dixian_session"] != nil)
            let dashboard = try await browser.get(client, "/dashboard")
            #expect(dashboard.status == .ok && dashboard.page.contains("防返贫监测看板") && dashboard.page.contains("退出登录"), "\(dashboard.page)")
            #expect(dashboard.page.contains("name=\"csrf\" value=\"\(browser.csrf)\""), "the sign-out form carries the session's token")
            #expect(try await browser.get(client, "/login").status == .seeOther, "signed in, the form leads to the dashboard")
            // The API reads with the session too; integrations keep their tokens.
            let read = try await client.execute(uri: "/api/v1/households/\(Fixtures.household.number)", method: .get,
                                                headers: [.cookie: browser.cookie])
            #expect(read.status == .ok)
        }
    }

    @Test func aWrongPasswordIsRefusedAlikeWhetherTheNameExistsOrWasRevoked() async throws {
        let (server, _) = try await ServerAccessTests.server()
        var revoked = try #require(try await server.store.user(named: "auditor"))
        revoked.revoked = true
        try await server.store.saveUser(revoked, as: "test")
        try await Application(router: server.router()).test(.router) { client in
            for (name, password) in [("township", "不是这个密码"), ("nobody", "不是这个密码"), ("auditor", ServerAccessTests.password(of: "auditor")),
                                     ("township", ""), ("", "x")] {
                var browser = Browser()
                let answer = try await browser.signIn(client, name: name, password: password)
                #expect(answer.status == .unauthorized, "\(name)")
                #expect(answer.page.contains("用户名或密码不正确"), "\(answer.page)")
                #expect(browser.cookies["dixian_session"] == nil)
                #expect(try await browser.get(client, "/dashboard").status == .seeOther)
            }
        }
    }

    @Test func fiveFailuresLockTheNameOutForFifteenMinutesTheRightPasswordIncluded() async throws {
        let (server, _) = try await ServerAccessTests.server()
        try await Application(router: server.router()).test(.router) { client in
            for name in ["cadre", "nobody"] {
                var browser = Browser()
                for attempt in 1...5 {
                    let answer = try await browser.signIn(client, name: name, password: "wrong-\(attempt)")
                    #expect(answer.status == (attempt < 5 ? .unauthorized : .tooManyRequests), "\(name) \(attempt)")
                }
                let locked = try await browser.signIn(client, name: name, password: ServerAccessTests.password(of: name))
                #expect(locked.status == .tooManyRequests, "\(name)")
                #expect(locked.page.contains("该用户名登录失败次数过多，已暂时锁定：请于北京时间 ") && locked.page.contains("之后再试"), "\(locked.page)")
                #expect(browser.cookies["dixian_session"] == nil)
            }
            // Another name is not locked.
            _ = try await Browser.signIn(client, as: "township")
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        let (server, _) = try await ServerAccessTests.server()
        try await Application(router: server.router()).test(.router) { client in
            var browser = try await Browser.signIn(client, as: "township")
            let before = browser.cookie
            let out = try await browser.post(client, "/logout", [])
            #expect(out.status == .seeOther && out.location == "/login")
            #expect(browser.cookies["dixian_session"] == nil, "\(browser.setCookies)")
            // The old cookie, sent again, no longer signs anyone in.
            let again = try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: before])
            #expect(again.status == .seeOther && again.headers[.location] == "/login")
            let api = try await client.execute(uri: "/api/v1/households/\(Fixtures.household.number)", method: .get, headers: [.cookie: before])
            #expect(api.status == .unauthorized)
        }
    }

    @Test(arguments: ServerBackend.allCases)
    func aPasswordChangeNeedsTheCurrentPasswordAndEndsTheOtherSessions(_ backend: ServerBackend) async throws {
        try await Self.aPasswordChange(on: try backend.open())
    }

    private static func aPasswordChange(on store: some ServerStore) async throws {
        let (server, _) = try await ServerAccessTests.server(store)
        let old = ServerAccessTests.password(of: "cadre"), new = "新的口令-更长一些"
        try await Application(router: server.router()).test(.router) { client in
            var browser = try await Browser.signIn(client, as: "cadre")
            let other = try await Browser.signIn(client, as: "cadre")
            let form = try await browser.get(client, "/password")
            #expect(form.status == .ok && form.page.contains("<label for=\"current\">当前密码</label>"), "\(form.page)")
            let refusals: [([(String, String)], HTTPResponse.Status, String)] = [
                ([("current", "猜一个密码吧"), ("new", new), ("repeat", new)], .forbidden, "当前密码不正确"),
                ([("current", old), ("new", "短密码"), ("repeat", "短密码")], .badRequest, "密码至少须有 8 个字符"),
                ([("current", old), ("new", new), ("repeat", new + "x")], .badRequest, "两次输入的新密码不一致"),
            ]
            for (fields, status, text) in refusals {
                let answer = try await browser.post(client, "/password", fields)
                #expect(answer.status == status && answer.page.contains(text), "\(answer.page)")
            }
            let changed = try await browser.post(client, "/password", [("current", old), ("new", new), ("repeat", new)])
            #expect(changed.status == .ok && changed.page.contains("密码已修改"), "\(changed.page)")
            #expect(try await browser.get(client, "/dashboard").status == .ok, "the session goes on, renewed")
            let ended = try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: other.cookie])
            #expect(ended.status == .seeOther, "a session signed in with the old password ends")
            var third = Browser()
            #expect(try await third.signIn(client, name: "cadre", password: old).status == .unauthorized)
            #expect(try await third.signIn(client, name: "cadre", password: new).status == .seeOther)
        }
        let hash = try #require(try await store.user(named: "cadre")?.passwordHash)
        #expect(hash.hasPrefix("$2"))
        #expect(try await store.verifyChain(), "the change is audited in the chain")
        if let source = store as? any BookkeepingSource {
            var entries: [String] = []
            try source.forEachRow(ofTable: "audit", columns: ["actor", "table_name", "before", "after"]) { row in
                if row[1] == "server_user" { entries.append(row.compactMap { $0 }.joined(separator: " ")) }
            }
            #expect(entries.contains { $0.hasPrefix("user:cadre server_user") && $0.contains("\"password_replaced\":true") }, "\(entries)")
            #expect(!entries.contains { $0.contains("$2") }, "\(entries)")
        }
    }

    @Test func aFormPostedWithoutItsCSRFTokenIsRefusedWithAPageInChinese() async throws {
        let (server, _) = try await ServerAccessTests.server()
        try await Application(router: server.router()).test(.router) { client in
            var browser = try await Browser.signIn(client, as: "township")
            let new = "另一个够长的密码"
            let fields = [("current", ServerAccessTests.password(of: "township")), ("new", new), ("repeat", new)]
            for csrf in [String?.none, "", "0123", browser.csrf + "0"] {
                let answer = try await browser.post(client, "/password", fields, csrf: .some(csrf))
                #expect(answer.status == .forbidden, "\(csrf ?? "none")")
                #expect(answer.page.contains("无法提交") && answer.page.contains("表单已过期"), "\(answer.page)")
                let out = try await browser.post(client, "/logout", [], csrf: .some(csrf))
                #expect(out.status == .forbidden, "\(csrf ?? "none")")
            }
            #expect(try await browser.get(client, "/dashboard").status == .ok, "still signed in")
            #expect(try await browser.post(client, "/password", fields).status == .ok, "with the token, accepted")
            // The sign-in form too: a post without the token of the form's cookie is refused.
            var stranger = Browser()
            let forged = try await stranger.post(client, "/login", [("name", "township"), ("password", new)])
            #expect(forged.status == .forbidden)
            // The public self-report form acts as no one, and takes no token.
            let report = try await stranger.post(client, "/self-report", [("name", "")], csrf: .some(nil))
            #expect(report.status == .badRequest)
        }
    }
}

extension ServerStore {
    /// Whether the audit trail's chain is intact, on a store that chains it.
    func verifyChain() async throws -> Bool {
        guard let chained = self as? any AuditChainStore else { return true }
        if case .intact = try await chained.verifyAuditTrail() { return true }
        return false
    }
}
