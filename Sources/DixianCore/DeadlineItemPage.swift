/// The open deadline items of an area as a person's work list shows them (我的待办): how many
/// there are of each deadline in each village, and the first of those a filter picks, nearest
/// due date first. A store reads it from the stored items (`ScreeningRunStore.openDeadlineItems`),
/// so that a township's list of thousands costs a count and a page, not the whole list.
public struct DeadlineItemPage: Sendable, Equatable {
    /// The open items of one deadline in one village.
    public struct Tally: Sendable, Hashable {
        /// The 12-digit village code.
        public var village: String
        /// The deadline's id.
        public var deadlineID: String
        /// The deadline's title (the least, should its items differ).
        public var title: String
        /// How many items.
        public var count: Int
        /// How many of them are past their due date.
        public var overdue: Int

        /// A tally.
        public init(village: String, deadlineID: String, title: String, count: Int, overdue: Int) {
            self.village = village
            self.deadlineID = deadlineID
            self.title = title
            self.count = count
            self.overdue = overdue
        }
    }

    /// Every village and deadline with open items, by village then deadline id.
    public var tallies: [Tally]
    /// The first items the filter picks, in `DeadlineItemPage.precedes` order.
    public var items: [DeadlineItem]

    /// A page.
    public init(tallies: [Tally], items: [DeadlineItem]) {
        self.tallies = tallies
        self.items = items
    }

    /// The page of `items` (the open items of an area, in any order) for `filter`, at most
    /// `limit` items, overdue meaning due before `today`: what a store's query returns, made
    /// in memory.
    public init(of items: [DeadlineItem], filter: Filter, today: LocalDate, limit: Int) {
        var tallies: [Tally] = [], index: [Pair: Int] = [:]
        for item in items {
            let key = Pair(village: String(item.householdNumber.prefix(12)), deadlineID: item.deadlineID)
            if let at = index[key] {
                tallies[at].count += 1
                if item.dueOn < today { tallies[at].overdue += 1 }
                tallies[at].title = min(tallies[at].title, item.title)
            } else {
                index[key] = tallies.count
                tallies.append(Tally(village: key.village, deadlineID: key.deadlineID, title: item.title, count: 1,
                                     overdue: item.dueOn < today ? 1 : 0))
            }
        }
        tallies.sort { ($0.village, $0.deadlineID) < ($1.village, $1.deadlineID) }
        // Stable: items of the same deadline, household and day keep their order.
        let picked = items.enumerated().filter { filter.picks($0.element) }
        let first = picked.sorted { Self.precedes($0.element, $1.element) || (!Self.precedes($1.element, $0.element) && $0.offset < $1.offset) }
        self.init(tallies: tallies, items: first.prefix(limit).map(\.element))
    }

    /// What a page picks: the items of one village and of one deadline (nil: any).
    public struct Filter: Sendable, Equatable {
        /// A 12-digit village code, or nil for every village.
        public var village: String?
        /// A deadline id, or nil for every deadline.
        public var deadlineID: String?

        /// A filter.
        public init(village: String?, deadlineID: String?) {
            self.village = village
            self.deadlineID = deadlineID
        }

        /// Whether the filter picks `item`.
        public func picks(_ item: DeadlineItem) -> Bool {
            village.map { item.householdNumber.hasPrefix($0) } ?? true && deadlineID.map { item.deadlineID == $0 } ?? true
        }
    }

    /// The order of a work list: by due date, then household number, deadline id, responsible
    /// unit, person (none first) and message, text as bytes; the stores sort the same way, and
    /// so does 我的待办 when it runs the deadlines itself, whose items come in another order.
    public static func precedes(_ a: DeadlineItem, _ b: DeadlineItem) -> Bool {
        (a.dueOn, a.householdNumber, a.deadlineID, a.responsible) < (b.dueOn, b.householdNumber, b.deadlineID, b.responsible)
            || (a.dueOn, a.householdNumber, a.deadlineID, a.responsible) == (b.dueOn, b.householdNumber, b.deadlineID, b.responsible)
            && (a.person ?? "", a.message) < (b.person ?? "", b.message)
    }

    private struct Pair: Hashable {
        var village: String
        var deadlineID: String
    }
}
