import DixianCore
import DixianInterchange
import DixianWorkflow
import Foundation
import Hummingbird

/// The public 一键报贫 self-report form (`/self-report`, where `/` leads): anyone may report a
/// household's hardship, at most so many times a minute from one address.
struct SelfReportController<Store: ServerStore>: Sendable {
    let server: DixianServer<Store>

    var routes: RouteCollection<ServerContext> {
        RouteCollection(context: ServerContext.self)
            .get("/", use: home)
            .get("self-report", use: form)
            .post("self-report", use: submit)
    }

    /// The site's front door leads to the form.
    @Sendable func home(_ request: Request, context: ServerContext) async throws -> Response {
        Response(status: .seeOther, headers: [.location: "/self-report"])
    }

    /// The empty form.
    @Sendable func form(_ request: Request, context: ServerContext) async throws -> Response {
        server.page(PageTemplates.selfReportForm(county: server.plugin.name))
    }

    /// A submission: the form again with its problems (400), or the one answer every submitter gets.
    @Sendable func submit(_ request: Request, context: ServerContext) async throws -> Response {
        guard server.selfReports.allow(context.remoteAddress) else {
            return server.page(PageTemplates.message(title: "提交过于频繁", text: "同一网络每分钟提交次数有限，请稍后再试。"), status: .tooManyRequests)
        }
        let form = try await server.form(request)
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
            return server.page(PageTemplates.selfReportForm(county: server.plugin.name, problems: problems, values: form), status: .badRequest)
        }
        // One answer to the public, whoever submits: whether the person is registered, or
        // their household already monitored, is for staff to see, not for the submitter.
        let risk = form["risk"].flatMap { RiskType(term: $0) }
        let phone = form["phone"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let notes = "农户自主申报：\(difficulty)" + (risk.map { "（\($0.chineseName)）" } ?? "") + (phone.isEmpty ? "" : "；联系电话 \(phone)")
        try await take(resident: resident, name: name, notes: notes)
        return server.page(received, status: .ok)
    }

    /// What every submitter of the self-report form is told, in the plugin's language.
    var received: String {
        PageTemplates.message(title: ServerMessage.reportReceivedTitle.text(in: server.plugin.language),
                              text: ServerMessage.reportReceived.text(in: server.plugin.language))
    }

    /// Takes a self-report: for the member with that ID number and name, a monitoring episode
    /// opens (channel self-report); when none can (no such member, the name does not match, or
    /// the household's episode is open already, or the county's role table does not let the
    /// village, which receives the form, report), the report is kept as a warning awaiting
    /// verification (department `other`), which staff see with the department warnings: matched
    /// to the household when the ID number is registered, for the county to trace otherwise.
    func take(resident: ResidentID, name: String, notes: String) async throws {
        let reporter = ServerUser(name: "self-report", role: .villageCadre, areas: [], tokenHash: "", salt: "", expiresOn: LocalDate.today)
        let members = try await server.store.records(in: .member, where: "resident_id", equals: resident.rawValue)
        var refusal: String?
        if let member = members.first?.value as? Member, member.name == name {
            do {
                _ = try await server.act(as: reporter, on: member.householdNumber) { workflow in
                    try await workflow.report(household: member.householdNumber, channel: .selfReport, on: LocalDate.today,
                                              by: "农户自主申报:\(name)", notes: notes)
                }
                return
            } catch let problem as ProblemDetails where [.unprocessableContent, .forbidden].contains(problem.status) {
                refusal = problem.detail?.text(in: .chinese)
            }
        }
        let reason = notes + "（申报人 \(name)；" + (members.isEmpty ? "身份证号未登记" : refusal.map { "未立案：\($0)" } ?? "姓名与登记不符") + "）"
        let warning = DepartmentWarning(id: 0, department: .other, residentID: resident, receivedOn: LocalDate.today, reason: reason)
        _ = try await server.act(as: reporter, on: nil) { try await $0.importWarnings([(line: 1, warning: warning)]) }
    }
}
