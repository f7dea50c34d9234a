import DixianCore
import DixianInterchange
import DixianReports
import DixianWorkflow
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

extension DixianServer {
    /// The server-rendered pages, in Chinese and made for a phone: the public 一键报贫
    /// self-report form, sign-in, and the dashboard for signed-in users.
    func addPages(to router: Router<ServerContext>) {
        router.get("/") { _, _ in Response(status: .seeOther, headers: [.location: "/self-report"]) }

        router.get("self-report") { _, _ in self.page(PageTemplates.selfReportForm(county: self.plugin.name)) }

        router.post("self-report") { request, context in
            guard self.selfReports.allow(context.remoteAddress) else {
                return self.page(PageTemplates.message(title: "提交过于频繁", text: "同一网络每分钟提交次数有限，请稍后再试。"), status: .tooManyRequests)
            }
            let form = try await self.form(request)
            let name = form["name"]?.trimmingCharacters(in: .whitespaces) ?? ""
            let difficulty = form["difficulty"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            var problems: [String] = []
            if name.isEmpty { problems.append("请填写姓名") }
            let resident = try? ResidentID(form["resident_id"]?.trimmingCharacters(in: .whitespaces) ?? "")
            if resident == nil { problems.append("身份证号不正确，请核对后重新填写") }
            if difficulty.isEmpty { problems.append("请简要说明遇到的困难") }
            // The bounds an import holds names and notes to: no control characters, no novels.
            if FieldBounds.textProblem(name, column: "name") != nil { problems.append("姓名过长或含有无法显示的字符，请核对") }
            if FieldBounds.textProblem(difficulty, column: "notes") != nil {
                problems.append("困难说明最多\(FieldBounds.longTextLimit)字，且不能含有无法显示的字符")
            }
            if FieldBounds.textProblem(form["phone"] ?? "", column: "phone") != nil { problems.append("联系电话不正确，请核对") }
            guard problems.isEmpty, let resident else {
                return self.page(PageTemplates.selfReportForm(county: self.plugin.name, problems: problems, values: form), status: .badRequest)
            }
            // One answer to the public, whoever submits: whether the person is registered, or
            // their household already monitored, is for staff to see, not for the submitter.
            let risk = form["risk"].flatMap { RiskType(term: $0) }
            let phone = form["phone"]?.trimmingCharacters(in: .whitespaces) ?? ""
            let notes = "农户自主申报：\(difficulty)" + (risk.map { "（\($0.chineseName)）" } ?? "") + (phone.isEmpty ? "" : "；联系电话 \(phone)")
            try await self.takeSelfReport(resident: resident, name: name, notes: notes)
            return self.page(self.selfReportReceived, status: .ok)
        }

        router.get("login") { _, _ in self.page(PageTemplates.login()) }

        router.post("login") { request, _ in
            let form = try await self.form(request)
            let token = form["token"]?.trimmingCharacters(in: .whitespaces) ?? ""
            guard try await AccessToken.verify(token, today: LocalDate.today, in: self.users) != nil else {
                return self.page(PageTemplates.login(problem: "访问令牌无效或已过期"), status: .unauthorized)
            }
            // The token for the browser alone (HttpOnly); the CSRF token for the server's own pages to send back.
            let secure = self.options.isSecure ? "; Secure" : ""
            var headers: HTTPFields = [.location: "/dashboard"]
            headers.append(HTTPField(name: .setCookie, value: "dixian_token=\(token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
                + "; Path=/; HttpOnly; SameSite=Strict" + secure))
            headers.append(HTTPField(name: .setCookie, value: "dixian_csrf=\(AccessToken.csrfToken(for: token)); Path=/; SameSite=Strict" + secure))
            return Response(status: .seeOther, headers: headers)
        }

        router.get("dashboard") { _, context in
            guard let user = context.user else { return Response(status: .seeOther, headers: [.location: "/login"]) }
            guard user.may(.read) else { throw ProblemDetails.forbidden }
            return self.page(try await self.dashboard(for: user))
        }
    }

    /// What every submitter of the self-report form is told, in the plugin's language.
    var selfReportReceived: String {
        chinese ? PageTemplates.message(title: "申报已受理", text: "已收到您的申报，工作人员将在规定时限内与您联系，请保持电话畅通。")
            : PageTemplates.message(title: "Report received", text: "Your report has been received; staff will contact you within the set time. Please keep your phone on.")
    }

    /// Takes a self-report: for the member with that ID number and name, a monitoring episode
    /// opens (channel self-report); when none can (no such member, the name does not match, or
    /// the household's episode is open already), the report is kept as a warning awaiting
    /// verification (department `other`), which staff see with the department warnings: matched
    /// to the household when the ID number is registered, for the county to trace otherwise.
    func takeSelfReport(resident: ResidentID, name: String, notes: String) async throws {
        let reporter = ServerUser(name: "self-report", role: .villageCadre, areas: [], tokenHash: "", salt: "", expiresOn: LocalDate.today)
        let members = try await store.records(in: .member, where: "resident_id", equals: resident.rawValue)
        var refusal: String?
        if let member = members.first?.value as? Member, member.name == name {
            do {
                _ = try await act(as: reporter, on: member.householdNumber) { workflow in
                    try await workflow.report(household: member.householdNumber, channel: .selfReport, on: LocalDate.today,
                                              by: "农户自主申报:\(name)", notes: notes)
                }
                return
            } catch let problem as ProblemDetails where problem.status == .unprocessableContent {
                refusal = problem.detail
            }
        }
        let reason = notes + "（申报人 \(name)；" + (members.isEmpty ? "身份证号未登记" : refusal.map { "未立案：\($0)" } ?? "姓名与登记不符") + "）"
        let warning = DepartmentWarning(id: 0, department: .other, residentID: resident, receivedOn: LocalDate.today, reason: reason)
        _ = try await act(as: reporter, on: nil) { try await $0.importWarnings([(line: 1, warning: warning)]) }
    }

    /// An HTML page response.
    func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// A url-encoded form's fields.
    func form(_ request: Request) async throws -> [String: String] {
        let buffer = try await body(of: request, upTo: 64 * 1024)
        var fields: [String: String] = [:]
        for pair in String(buffer: buffer).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            if parts.count == 2 { fields[parts[0]] = parts[1] } else if parts.count == 1 { fields[parts[0]] = "" }
        }
        return fields
    }

    /// The dashboard of `user`'s areas: households by category, monitored households by risk
    /// type and township, and work past its deadline.
    func dashboard(for user: ServerUser) async throws -> String {
        var categories: [HouseholdCategory: Int] = [:], risks: [RiskType: Int] = [:], townships: [String: Int] = [:]
        for area in user.areas {
            let summary = try await store.householdSummary(area: area)
            categories.merge(summary.byCategory, uniquingKeysWith: +)
            risks.merge(summary.monitoredByRiskType, uniquingKeysWith: +)
            townships.merge(summary.monitoredByTownship, uniquingKeysWith: +)
        }
        var overdue: [(String, Int)] = []
        let today = LocalDate.today
        for area in user.areas {
            let work = try await store.openWork(area: area)
            overdue.append(("问题整改", work.problems.filter { $0.record.deadline < today }.count))
            overdue.append(("帮扶措施", work.measures.filter { $0.record.dueOn < today }.count))
            overdue.append(("部门预警待核实", work.warnings.count))
        }
        let merged = Dictionary(overdue, uniquingKeysWith: +).sorted { $0.key < $1.key }
        let places = (try? PlaceNames.of(chain)) ?? [:]
        return PageTemplates.dashboard(
            county: plugin.name, user: user, today: today,
            categories: HouseholdCategory.allCases.map { ($0.chineseName, categories[$0] ?? 0) },
            risks: risks.sorted { $0.value > $1.value }.map { ($0.key.chineseName, $0.value) },
            townships: townships.sorted { $0.key < $1.key }.map { (places[$0.key] ?? $0.key, $0.value) },
            overdue: merged.map { ($0.key, $0.value) })
    }
}
