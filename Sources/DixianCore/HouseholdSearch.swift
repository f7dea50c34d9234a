/// What staff look a household up by (查户): a name, an ID number or its last digits, a
/// household number, or the places it lives in.
public enum HouseholdQuery: Hashable, Sendable {
    /// Households whose head or one of whose members has exactly this name.
    case name(String)
    /// The household of the member with this full ID number.
    case residentID(String)
    /// Households with a member whose ID number ends with these 4 to 6 characters.
    case residentIDEnding(String)
    /// The household with this number.
    case number(String)
    /// The households within this area code (a village or a township).
    case place(String)

    /// The shortest and longest ending of an ID number searched for.
    public static let endingLengths = 4...6

    /// The statement both stores run for a page of the households within `areas` (village-code
    /// prefixes) that the query finds, in household-number order: `?` placeholders for
    /// `arguments`; each row is a household number and the ID number of the member that matched
    /// (NULL when the household itself did).
    ///
    /// Every branch reads an index in the order of its key, restricted to the areas' ranges of
    /// household numbers (a number starts with its village code): the primary key for numbers
    /// and a place, `member_by_resident_id`, and the v17 indexes `member_by_name`,
    /// `household_by_head_name` and `member_by_resident_id_ending` (the last four characters of
    /// an ID number, then the household), so that a search costs about the rows it finds, not the
    /// registry's size.
    public func statement(within areas: [String], limit: Int, offset: Int) -> (sql: String, arguments: [String]) {
        func within(_ column: String, _ codes: [String]) -> (String, [String]) {
            codes.isEmpty ? ("(1 = 0)", [])
                : ("(" + codes.map { _ in "(\(column) >= ? AND \(column) < ?)" }.joined(separator: " OR ") + ")",
                   codes.flatMap { [$0, $0 + ":"] })
        }
        let page = "LIMIT \(max(limit, 0)) OFFSET \(max(offset, 0))"
        let (byNumber, numberArguments) = within("number", areas)
        let (byHousehold, householdArguments) = within("household_number", areas)
        switch self {
        case .name(let name):
            return ("""
                SELECT number, min(resident_id) FROM (
                  SELECT number, CAST(NULL AS TEXT) AS resident_id FROM household WHERE head_name = ? AND \(byNumber)
                  UNION ALL
                  SELECT household_number, resident_id FROM member WHERE name = ? AND \(byHousehold)
                ) AS found GROUP BY number ORDER BY number \(page)
                """, [name] + numberArguments + [name] + householdArguments)
        case .residentID(let id):
            return ("SELECT household_number, resident_id FROM member WHERE resident_id = ? AND \(byHousehold) ORDER BY 1 \(page)",
                    [id] + householdArguments)
        case .residentIDEnding(let ending):
            return ("""
                SELECT household_number, min(resident_id) FROM member
                WHERE substr(resident_id, 15) = ? AND substr(resident_id, \(19 - ending.count)) = ? AND \(byHousehold)
                GROUP BY household_number ORDER BY household_number \(page)
                """, [String(ending.suffix(4)), ending] + householdArguments)
        case .number(let number):
            return ("SELECT number, CAST(NULL AS TEXT) FROM household WHERE number = ? AND \(byNumber) \(page)", [number] + numberArguments)
        case .place(let code):
            // The place's part of the areas: one range of numbers when the place lies within an
            // area (several ranges in order and a sort would cost a township's households).
            let parts = areas.compactMap { area in code.hasPrefix(area) ? code : area.hasPrefix(code) ? area : nil }
            let (inPlace, placeArguments) = within("number", Array(Set(parts)).sorted())
            return ("SELECT number, CAST(NULL AS TEXT) FROM household WHERE \(inPlace) ORDER BY number \(page)", placeArguments)
        }
    }
}

/// A household a search found.
public struct HouseholdHit: Hashable, Sendable {
    /// Its number.
    public var number: String
    /// The ID number of the member the search matched (nil when it matched the household).
    public var residentID: String?

    /// A hit.
    public init(number: String, residentID: String?) {
        self.number = number
        self.residentID = residentID
    }
}

/// A store staff can look households up in.
public protocol HouseholdSearch: Sendable {
    /// A page of the households within `areas` (village-code prefixes; none: nothing) that
    /// `query` finds, in household-number order: at most `limit` after skipping `offset`.
    func findHouseholds(_ query: HouseholdQuery, within areas: [String], limit: Int, offset: Int) async throws -> [HouseholdHit]
}

/// The indexes `HouseholdQuery.statement` reads, beside the keys: the same SQL on both stores.
public enum HouseholdSearchIndexes {
    /// Names (head's and members'), ID numbers' last four characters, each then by household,
    /// with the member's ID number, so that PostgreSQL answers from the index alone (SQLite's
    /// members are stored by household and ID number, which its indexes carry anyway).
    public static let sql = """
        CREATE INDEX member_by_name ON member (name, household_number, resident_id);
        CREATE INDEX household_by_head_name ON household (head_name, number);
        CREATE INDEX member_by_resident_id_ending ON member (substr(resident_id, 15), household_number, resident_id);
        """
}
