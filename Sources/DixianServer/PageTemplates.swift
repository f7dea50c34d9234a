import DixianCore
import DixianSheets
import Foundation

/// The HTML of the server's pages: Chinese, one column, readable on a phone, no scripts.
enum PageTemplates {
    static func escaped(_ text: String) -> String { text.htmlEscaped }

    /// The pages' one stylesheet, inline: the content security policy allows it by its hash.
    static let style = """
        body { font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", "PingFang SC", sans-serif; margin: 0; background: #f4f6f8; color: #1d2733; }
        main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.4rem; margin: 0.5rem 0 1rem; }
        h2 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
        form, section { background: #fff; border-radius: 8px; padding: 1rem; box-shadow: 0 1px 3px rgba(0,0,0,.1); margin-bottom: 1rem; }
        label { display: block; margin: 0.75rem 0 0.25rem; font-weight: bold; }
        input, select, textarea { width: 100%; box-sizing: border-box; font-size: 1rem; padding: 0.6rem; border: 1px solid #b8c2cc; border-radius: 6px; }
        textarea { min-height: 6rem; }
        button { margin-top: 1rem; width: 100%; font-size: 1.1rem; padding: 0.8rem; background: #c0392b; color: #fff; border: 0; border-radius: 6px; }
        .problems { background: #fdecea; color: #8a1c12; padding: 0.75rem; border-radius: 6px; }
        .note { color: #52606d; font-size: 0.9rem; }
        table { border-collapse: collapse; width: 100%; }
        td, th { padding: 0.3rem; border-bottom: 1px solid #e4e7eb; text-align: left; }
        td.n { text-align: right; }
        """

    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escaped(title))</title>
        <style>\(style)</style>
        </head>
        <body><main>
        \(body)
        </main></body>
        </html>
        """
    }

    /// 一键报贫: a household reports hardship; the identification clock starts when it is taken.
    static func selfReportForm(county: String, problems: [String] = [], values: [String: String] = [:]) -> String {
        func value(_ key: String) -> String { escaped(values[key] ?? "") }
        let listed = problems.isEmpty ? "" : "<div class=\"problems\" id=\"problems\">" + problems.map { "<p>\(escaped($0))</p>" }.joined() + "</div>"
        let options = RiskType.allCases.map {
            "<option value=\"\($0.rawValue)\"\(values["risk"] == $0.rawValue ? " selected" : "")>\($0.chineseName)</option>"
        }.joined()
        return document(title: "\(county)一键报贫", body: """
            <h1>\(escaped(county)) 防止返贫一键申报</h1>
            <p class="note">家庭遇到困难、可能返贫致贫的，可在此申报。提交后乡镇将在规定时限内入户核实。</p>
            \(listed)
            <form method="post" action="/self-report">
            <label for="name">姓名</label><input id="name" name="name" value="\(value("name"))" autocomplete="name" required>
            <label for="resident_id">身份证号</label><input id="resident_id" name="resident_id" value="\(value("resident_id"))" inputmode="text" maxlength="18" required>
            <label for="phone">联系电话</label><input id="phone" name="phone" value="\(value("phone"))" inputmode="tel">
            <label for="risk">困难类型</label><select id="risk" name="risk"><option value="">请选择</option>\(options)</select>
            <label for="difficulty">困难情况</label><textarea id="difficulty" name="difficulty" required>\(value("difficulty"))</textarea>
            <button type="submit">提交申报</button>
            </form>
            """)
    }

    static func message(title: String, text: String) -> String {
        document(title: title, body: "<h1>\(escaped(title))</h1><section><p id=\"message\">\(escaped(text))</p></section>")
    }

    static func login(problem: String? = nil) -> String {
        document(title: "登录", body: """
            <h1>工作人员登录</h1>
            \(problem.map { "<div class=\"problems\">\(escaped($0))</div>" } ?? "")
            <form method="post" action="/login">
            <label for="token">访问令牌</label><input id="token" name="token" type="password" required>
            <button type="submit">登录</button>
            </form>
            """)
    }

    /// A horizontal bar chart as SVG: one bar per row, values written at the bar's end.
    static func bars(_ rows: [(String, Int)], color: String) -> String {
        guard !rows.isEmpty else { return "<p class=\"note\">暂无数据</p>" }
        let top = max(rows.map(\.1).max() ?? 1, 1), height = 26
        var svg = "<svg role=\"img\" viewBox=\"0 0 400 \(rows.count * height)\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (index, row) in rows.enumerated() {
            let y = index * height, width = Int(Double(row.1) / Double(top) * 220)
            svg += "<text x=\"0\" y=\"\(y + 17)\" font-size=\"13\">\(escaped(row.0))</text>"
            svg += "<rect x=\"120\" y=\"\(y + 5)\" width=\"\(max(width, 1))\" height=\"16\" fill=\"\(color)\"/>"
            svg += "<text x=\"\(126 + width)\" y=\"\(y + 17)\" font-size=\"13\">\(row.1)</text>"
        }
        return svg + "</svg>"
    }

    static func dashboard(county: String, user: ServerUser, today: LocalDate, categories: [(String, Int)], risks: [(String, Int)],
                          townships: [(String, Int)], overdue: [(String, Int)]) -> String {
        let total = categories.reduce(0) { $0 + $1.1 }
        return document(title: "\(county)防返贫监测看板", body: """
            <h1>\(escaped(county)) 防返贫监测看板</h1>
            <p class="note">\(escaped(user.name))（\(user.role.chineseName)，\(escaped(user.areas.joined(separator: "、"))))，截至 \(today)，共 \(total) 户。</p>
            <section><h2>农户类别</h2>\(bars(categories, color: "#2f6fad"))</section>
            <section><h2>监测户风险类型（风险未消除）</h2>\(bars(risks, color: "#c0392b"))</section>
            <section><h2>各乡镇监测户</h2>\(bars(townships, color: "#16a085"))</section>
            <section><h2>逾期未办</h2><table>\(overdue.map { "<tr><td>\(escaped($0.0))</td><td class=\"n\">\($0.1)</td></tr>" }.joined())</table></section>
            """)
    }
}
