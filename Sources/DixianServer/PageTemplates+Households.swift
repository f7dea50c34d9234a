import DixianCore
import DixianWorkflow
import Foundation

/// The values of the 查户 page (`find.mustache`) and the household page (`household.mustache`).
/// ID numbers are masked here, before any template sees them.
extension PageTemplates {
    /// One household a search found.
    struct FoundHousehold {
        let number: String, head: String, place: String, category: String, members: Int
        /// The member the search matched, with the ID number masked.
        let matched: String?

        /// The row of `household`; names masked to the surname unless `details`
        /// (`HouseholdPage.showsPersonalDetails(to:)`).
        init(_ household: Household, matched: Member?, members: Int, places: [String: String], details: Bool) {
            func name(_ name: String) -> String { details ? name : HouseholdPage.maskedName(name) }
            number = household.number
            head = name(household.headName)
            place = PageTemplates.place(household.area, places)
            category = PageTemplates.category(household)
            self.members = members
            self.matched = matched.map { "\(name($0.name))（\($0.relation)）\($0.residentID.masked)" }
        }
    }

    /// Where `area` is: its township's name (or code) and its village's name (or code), and its group.
    static func place(_ area: Area, _ places: [String: String]) -> String {
        [places[area.townshipCode] ?? area.townshipCode, places[area.villageCode] ?? area.villageCode, area.group ?? ""]
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// A household's category, with the kind of monitored household.
    static func category(_ household: Household) -> String {
        household.category.chineseName + (household.monitoredKind.map { "（\($0.chineseName)）" } ?? "")
    }

    /// 查户: the form with `search` filled in, and a page of `results` when it was searched.
    static func find(user: ServerUser, csrf: String?, search: HouseholdSearchForm, results: [FoundHousehold]?) -> String {
        struct Option { let value: String, label: String, selected: Bool }
        struct Choice { let name: String, code: String, link: String }
        struct Values {
            let user: String, role: String, csrf: String?, text: String, kinds: [Option], problem: String?, choices: [Choice], hasChoices: Bool
            let searched: Bool, rows: [FoundHousehold], hasRows: Bool, page: Int, previous: String?, next: String?
        }
        func link(_ page: Int, _ text: String = search.shownText) -> String {
            "/households/find?by=\(search.kind.rawValue)&q=\(text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "")&page=\(page)"
        }
        let rows = results ?? []
        let values = Values(
            user: user.name, role: user.role.chineseName, csrf: csrf, text: search.shownText,
            kinds: HouseholdSearchForm.Kind.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0 == search.kind) },
            problem: search.problem, choices: search.choices.map { Choice(name: $0.name, code: $0.code, link: link(1, $0.code)) },
            hasChoices: !search.choices.isEmpty,
            searched: results != nil, rows: rows, hasRows: !rows.isEmpty, page: search.page,
            previous: results != nil && search.page > 1 ? link(search.page - 1) : nil, next: search.hasNext ? link(search.page + 1) : nil)
        return document(title: "查户", body: render("find", values))
    }

    /// The household page of `dossier`, with its current `findings` and deadline items `due`, the
    /// `assets` of its village, and its audit trail (newest first, at most `HouseholdPage.trailLength`).
    /// `forms` are those the user may use, `problem` the refusal of the form last posted, `notice` what it did.
    static func household(user: ServerUser, csrf: String?, dossier: HouseholdDossier, findings: [Finding], due: [DeadlineItem],
                          assets: [Asset], places: [String: String], forms: HouseholdForms? = nil, problem: String? = nil,
                          notice: String? = nil) -> String {
        let page = HouseholdPage(user: user, csrf: csrf, dossier: dossier, findings: findings, due: due, assets: assets, places: places,
                                 forms: forms, problem: problem, notice: notice)
        return document(title: "\(page.head)户 \(dossier.household.number)", body: render("household", page))
    }
}
