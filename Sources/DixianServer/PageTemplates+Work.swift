import DixianCore
import DixianWorkflow
import Foundation

/// The values of 我的待办 (`work.mustache`).
extension PageTemplates {
    /// The characters a link's query value keeps as they are (RFC 3986's unreserved ones, ASCII).
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// 我的待办 of `user`: the inbox of reports not yet decided, then the page of the items
    /// `work`'s filter picks, each with its household's head where `heads` knows it, and links
    /// to the pages before and after it; the filters offer the villages and kinds of all of
    /// `work`'s items.
    static func work(user: ServerUser, csrf: String?, work: MyWork, details: Bool, heads: [String: String], places: [String: String]) -> String {
        struct Option { let value: String, label: String, selected: Bool }
        struct Report { let number: String, head: String, place: String, channel: String, selfReport: Bool, reportedOn: String, status: String, days: Int }
        struct Row {
            let number: String?, head: String, place: String, title: String, dueOn: String?, overdue: Bool, daysOverdue: Int
            let message: String, responsible: String
        }
        struct Values {
            let user: String, role: String, csrf: String?, today: String, horizon: Int
            let reports: [Report], hasReports: Bool, villages: [Option], kinds: [Option], filtered: Bool
            let rows: [Row], hasRows: Bool, total: Int, overdue: Int, page: Int, pages: Int, paged: Bool, cutOff: Bool, listed: Int
            let previous: String?, next: String?
        }
        let today = work.today
        func whereIs(_ number: String?) -> String {
            guard let number, let area = Area(villageCode: String(number.prefix(12))) else { return "" }
            return PageTemplates.place(area, places)
        }
        let reports = work.reports.map {
            Report(number: $0.householdNumber, head: heads[$0.householdNumber] ?? $0.householdNumber, place: whereIs($0.householdNumber),
                   channel: $0.channel.chineseName, selfReport: $0.channel == .selfReport, reportedOn: "\($0.reportedOn)", status: $0.status.chineseName, days: max(0, $0.reportedOn.days(until: today)))
        }
        let village = work.filter.village, kind = work.filter.kind
        func link(_ page: Int) -> String {
            let filters = [("village", village), ("kind", kind)].filter { !$0.1.isEmpty }
                .map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? "")&" }.joined()
            return "/work?\(filters)page=\(page)"
        }
        let rows = work.items.map { item in
            Row(number: item.householdNumber, head: item.householdNumber.flatMap { heads[$0] } ?? "", place: whereIs(item.householdNumber),
                title: item.title, dueOn: item.dueOn.map { "\($0)" }, overdue: work.isOverdue(item),
                daysOverdue: item.dueOn.map { max(0, $0.days(until: today)) } ?? 0, message: details ? item.message : HouseholdPage.hiddenMessage,
                responsible: [item.responsible, item.person ?? ""].filter { !$0.isEmpty }.joined(separator: " "))
        }
        let values = Values(
            user: user.name, role: user.role.chineseName, csrf: csrf, today: "\(today)", horizon: MyWork.horizonDays,
            reports: reports, hasReports: !reports.isEmpty,
            villages: work.villages.map { Option(value: $0, label: places[$0] ?? $0, selected: $0 == village) },
            kinds: work.kinds.sorted { $0.value < $1.value }.map { Option(value: $0.key, label: $0.value, selected: $0.key == kind) },
            filtered: !village.isEmpty || !kind.isEmpty,
            rows: rows, hasRows: !rows.isEmpty, total: work.total, overdue: work.overdueCount,
            page: work.page, pages: work.pages, paged: work.pages > 1, cutOff: work.cutOff, listed: MyWork.lastPage * MyWork.pageLength,
            previous: work.page > 1 ? link(work.page - 1) : nil, next: work.page < work.pages ? link(work.page + 1) : nil)
        return document(title: "我的待办", body: render("work", values))
    }
}
