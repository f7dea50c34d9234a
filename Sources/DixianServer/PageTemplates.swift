import DixianCore
import Mustache

/// The server's pages, rendered from the mustache templates in `Resources/` (compiled into the
/// binary): Chinese, one column, readable on a phone, no scripts. Every `{{ }}` value is
/// HTML-escaped; only rendered templates and the stylesheet go in unescaped (`{{{ }}}`).
enum PageTemplates {
    /// The pages' one stylesheet (`Resources/style.css`), inline: the content security policy
    /// allows it by the hash of this text.
    static let style = String(decoding: PackageResources.style_css, as: UTF8.self)

    /// The templates, each named for its file without `.mustache`.
    static let library: MustacheLibrary = {
        let files: [(String, [UInt8])] = [
            ("document", PackageResources.document_mustache), ("self-report", PackageResources.self_report_mustache),
            ("message", PackageResources.message_mustache), ("login", PackageResources.login_mustache),
            ("dashboard", PackageResources.dashboard_mustache), ("bars", PackageResources.bars_mustache),
            ("password", PackageResources.password_mustache), ("signed-in", PackageResources.signed_in_mustache),
            ("find", PackageResources.find_mustache), ("household", PackageResources.household_mustache),
            ("work", PackageResources.work_mustache), ("reports", PackageResources.reports_mustache),
        ]
        var library = MustacheLibrary()
        for (name, bytes) in files {
            do {
                try library.register(String(decoding: bytes, as: UTF8.self), named: name)
            } catch {
                preconditionFailure("the page template \(name).mustache does not parse: \(error)")
            }
        }
        return library
    }()

    /// Template `name` rendered with `values` (a struct, whose properties the template names).
    static func render(_ name: String, _ values: Any) -> String {
        guard let text = library.render(TemplateValues.tree(values) ?? values, withTemplate: name) else { preconditionFailure("no page template \(name).mustache") }
        return text
    }

    /// A whole page: `body` (rendered HTML) in the document with the stylesheet.
    static func document(title: String, body: String) -> String {
        struct Values { let title: String, style: String, body: String }
        return render("document", Values(title: title, style: style, body: body))
    }

    /// 一键报贫: a household reports hardship; the identification clock starts when it is taken.
    /// `values` are the fields sent, shown again beside the `problems` found in them.
    static func selfReportForm(county: String, problems: [String] = [], values: [String: String] = [:]) -> String {
        struct Option { let value: String, label: String, selected: Bool }
        struct Values {
            let county: String, hasProblems: Bool, problems: [String], risks: [Option]
            let name: String, resident_id: String, phone: String, difficulty: String
        }
        let risks = RiskType.allCases.map { Option(value: $0.rawValue, label: $0.chineseName, selected: values["risk"] == $0.rawValue) }
        let form = Values(county: county, hasProblems: !problems.isEmpty, problems: problems, risks: risks, name: values["name"] ?? "",
                          resident_id: values["resident_id"] ?? "", phone: values["phone"] ?? "", difficulty: values["difficulty"] ?? "")
        return document(title: "\(county)一键报贫", body: render("self-report", form))
    }

    /// A page saying `text` under the heading `title`.
    static func message(title: String, text: String) -> String {
        struct Values { let title: String, text: String }
        return document(title: title, body: render("message", Values(title: title, text: text)))
    }

    /// The sign-in form carrying CSRF token `csrf`, with the user `name` typed and `problem`
    /// above it when the last attempt failed.
    static func login(csrf: String, name: String = "", problem: String? = nil) -> String {
        struct Values { let csrf: String, name: String, problem: String? }
        return document(title: "登录", body: render("login", Values(csrf: csrf, name: name, problem: problem)))
    }

    /// The form to change `user`'s password, in the session whose CSRF token is `csrf`, with
    /// `problem` above it when the last attempt was refused.
    static func password(user: ServerUser, csrf: String, problem: String? = nil) -> String {
        struct Values { let user: String, role: String, csrf: String, problem: String?, minimum: Int }
        return document(title: "修改密码", body: render("password", Values(user: user.name, role: user.role.chineseName, csrf: csrf,
                                                                             problem: problem, minimum: Password.minimumLength)))
    }

    /// A horizontal bar chart as SVG: one bar per row, values written at the bar's end.
    static func bars(_ rows: [(String, Int)], color: String) -> String {
        struct Bar { let label: String, value: Int, textY: Int, barY: Int, barWidth: Int, valueX: Int }
        struct Values { let hasRows: Bool, rows: [Bar], height: Int, color: String }
        let top = max(rows.map(\.1).max() ?? 1, 1), height = 26
        let bars = rows.enumerated().map { index, row in
            let y = index * height, width = Int(Double(row.1) / Double(top) * 220)
            return Bar(label: row.0, value: row.1, textY: y + 17, barY: y + 5, barWidth: max(width, 1), valueX: 126 + width)
        }
        return render("bars", Values(hasRows: !rows.isEmpty, rows: bars, height: rows.count * height, color: color))
    }

    /// The dashboard of `user`'s areas on `today`: households by category, monitored
    /// households by risk type and by township (and, for a township user, by village), each
    /// place linked to 查户 of its households, the count of each kind of work overdue, linked to
    /// 我的待办, and the counts of the user's `work`. Places are shown by name where `places`
    /// (names by code) has them; `townships` and `villages` are (code, count).
    /// `csrf` is the token of the session's forms (signing out); nil for a user signed in with a
    /// token, who has no session and no sign-out form.
    static func dashboard(county: String, user: ServerUser, csrf: String?, today: LocalDate, places: [String: String],
                          categories: [(String, Int)], risks: [(String, Int)], townships: [(String, Int)],
                          villages: [(String, Int)], overdue: [(String, Int)], work: MyWork) -> String {
        struct Row { let label: String, count: Int }
        struct PlaceRow { let label: String, count: Int, link: String }
        struct Values {
            let county: String, user: String, role: String, areas: String, today: String, total: Int, csrf: String?
            let categories: String, risks: String, townships: String, townshipRows: [PlaceRow], villageRows: [PlaceRow]
            let hasVillages: Bool, overdue: [Row]
            let reports: Int, selfReports: Int, workItems: Int, workOverdue: Int
        }
        func rows(_ counts: [(String, Int)]) -> [PlaceRow] {
            counts.map { code, count in PlaceRow(label: places[code] ?? code, count: count, link: "/households/find?by=place&q=\(code)") }
        }
        let values = Values(
            county: county, user: user.name, role: user.role.chineseName,
            areas: user.areas.map { places[$0] ?? $0 }.joined(separator: "、"),
            today: today.description, total: categories.reduce(0) { $0 + $1.1 }, csrf: csrf,
            categories: bars(categories, color: "#2f6fad"), risks: bars(risks, color: "#c0392b"),
            townships: bars(townships.map { (places[$0.0] ?? $0.0, $0.1) }, color: "#16a085"),
            townshipRows: rows(townships), villageRows: rows(villages), hasVillages: !villages.isEmpty,
            overdue: overdue.map { Row(label: $0.0, count: $0.1) },
            reports: work.reports.count, selfReports: work.selfReportCount, workItems: work.total, workOverdue: work.overdueCount)
        return document(title: "\(county)防返贫监测看板", body: render("dashboard", values))
    }
}
