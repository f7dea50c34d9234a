import DixianCore
import DixianPlugins

/// The values of the reports page (`reports.mustache`).
extension PageTemplates {
    /// The plugin's `reports` for `user` (each with the document it follows, when the plugin
    /// names one: its description is for developers, in English), as of `asOf` (the date field offering `dates`),
    /// covering `scope` (a place's name); with `problem` above them, and without them when
    /// `refused` (a user of several areas who is not a county administrator: `problem` says why).
    /// A report whose id the API would refuse (`openable` says which) is listed without buttons.
    static func reports(user: ServerUser, csrf: String?, reports: [ReportDeclaration], asOf: LocalDate, dates: ClosedRange<LocalDate>,
                        scope: String, problem: String?, refused: Bool, openable: (String) -> Bool) -> String {
        struct Report { let id: String, title: String, source: String?, openable: Bool }
        struct Values {
            let user: String, role: String, csrf: String?, scope: String, problem: String?, refused: Bool
            let asOf: String, earliest: String, latest: String, reports: [Report], hasReports: Bool
        }
        return document(title: "报表", body: render("reports", Values(
            user: user.name, role: user.role.chineseName, csrf: csrf, scope: scope, problem: problem, refused: refused,
            asOf: "\(asOf)", earliest: "\(dates.lowerBound)", latest: "\(dates.upperBound)",
            reports: reports.map { Report(id: $0.id, title: $0.declaration.title, source: $0.declaration.source, openable: openable($0.id)) },
            hasReports: !reports.isEmpty)))
    }
}
