import DixianCore
import Hummingbird

/// The 查户 form as sent: the text searched for, what it is (`by`), the page asked for, and
/// the problem with it when it cannot be searched for. Unknown parameters are ignored, as a
/// browser's form sends only these.
struct HouseholdSearchForm {
    /// What the text is.
    enum Kind: String, CaseIterable {
        case name, id, number, place

        /// Its label in the form.
        var label: String {
            switch self {
            case .name: "姓名（户主或成员）"
            case .id: "身份证号（完整或后 4–6 位）"
            case .number: "户编号"
            case .place: "村或乡镇（名称或代码）"
            }
        }
    }

    /// Households a page of results lists.
    static let pageSize = 20
    /// The last page a search may ask for (the API's offsets go to 1,000,000 too).
    static let lastPage = 50_000

    /// The text searched for, trimmed (empty: only the form is shown).
    var text: String
    var kind: Kind
    /// The page asked for, from 1.
    var page: Int
    /// Why the text cannot be searched for, once `query` has said so.
    var problem: String?
    /// The places whose names hold the text, when there are several, to choose one from:
    /// code and name.
    var choices: [(code: String, name: String)] = []
    /// Whether a page follows this one (known once searched).
    var hasNext = false

    /// The text as the page shows it again: not an ID number in full, which no page shows.
    var shownText: String { text.contains(HouseholdPage.fullResidentID) ? "" : text }

    /// The form of `request`'s query.
    init(_ request: Request) {
        var fields: [String: String] = [:]
        for (name, value) in request.uri.queryParameters { fields[String(name)] = String(value).replacingOccurrences(of: "+", with: " ") }
        text = String((fields["q"] ?? "").trimmingCharacters(in: .whitespaces).unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }
            .prefix(100).map(Character.init))
        kind = Kind(rawValue: fields["by"] ?? "") ?? .name
        page = min(max(Int(fields["page"] ?? "") ?? 1, 1), Self.lastPage)
    }

    /// The query the text asks for (`places`: names by area code, to find a place by name; only
    /// those within or around `areas` are offered), or nil with `problem` or `choices` set when
    /// it is not one of its kind or names several places.
    mutating func query(places: [String: String], areas: [String]) -> HouseholdQuery? {
        let digits = text.uppercased()
        switch kind {
        case .name:
            return .name(text)
        case .id:
            if let id = try? ResidentID(digits) { return .residentID(id.rawValue) }
            if HouseholdQuery.endingLengths.contains(digits.count), digits.dropLast().allSatisfy(\.isASCIIDigit),
                digits.last!.isASCIIDigit || digits.last == "X" {
                return .residentIDEnding(digits)
            }
            problem = "请输入完整的 18 位身份证号，或其最后 4 至 6 位"
        case .number:
            if Household.numberProblem(digits) == nil { return .number(digits) }
            problem = "户编号为村级代码加 4 位序号，共 16 位数字"
        case .place:
            if [9, 12].contains(digits.count), digits.allSatisfy(\.isASCIIDigit) { return .place(digits) }
            let named = places.filter { [9, 12].contains($0.key.count) && $0.value.contains(text) }.sorted { $0.key < $1.key }
            let near = named.filter { place in areas.contains { place.key.hasPrefix($0) || $0.hasPrefix(place.key) } }
            // A place outside the user's areas is searched like any other, and finds nothing there.
            if near.count == 1 || (near.isEmpty && !named.isEmpty) { return .place((near.first ?? named[0]).key) }
            if near.isEmpty {
                problem = "没有名称含“\(shownText)”的村或乡镇；也可输入 9 位乡镇代码或 12 位村级代码"
            } else {
                choices = near.map { ($0.key, $0.value) }
            }
        }
        return nil
    }
}

extension Character {
    /// 0 to 9.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
