/// A deadline's item for one household as a plugin gave it on an assessment date: work the
/// household still owes, or work done after its due date. A screening run keeps these current
/// beside the findings (issue 23), so that the due list is a query.
public struct DeadlineItem: Hashable, Sendable {
    /// The deadline's id.
    public var deadlineID: String
    /// The deadline's title.
    public var title: String
    /// The household.
    public var householdNumber: String
    /// Its 9-digit township code.
    public var townshipCode: String
    /// The responsible unit.
    public var responsible: String
    /// The responsible person, if the deadline named one.
    public var person: String?
    /// When it is due.
    public var dueOn: LocalDate
    /// When the work was done, after `dueOn`; nil for work still owed.
    public var doneOn: LocalDate?
    /// What is due, in the plugin's language.
    public var message: String

    /// An item.
    public init(deadlineID: String, title: String, householdNumber: String, townshipCode: String, responsible: String,
                person: String?, dueOn: LocalDate, doneOn: LocalDate?, message: String) {
        self.deadlineID = deadlineID
        self.title = title
        self.householdNumber = householdNumber
        self.townshipCode = townshipCode
        self.responsible = responsible
        self.person = person
        self.dueOn = dueOn
        self.doneOn = doneOn
        self.message = message
    }
}

extension DeadlineItem {
    /// A household whose stored deadline items differ from a run's: the list of its items is
    /// not the same, in the same order.
    public struct Replacement<StoredID> {
        /// The household.
        public var household: String
        /// The store's ids of its stored items, in stored order (what the store handed over with
        /// each item, not the item: a whole run may replace a million of them).
        public var stored: [StoredID]
        /// Its items as the run found them, in the order found.
        public var items: ArraySlice<DeadlineItem>
    }

    /// The households whose deadline items differ between those stored and `items` (sorted by
    /// household, each household's in the order found), with both lists of each. `stored`
    /// hands every stored item of the households screened, with its id, to its argument, by
    /// household, each household's in order. Lets a run rewrite only the households whose
    /// items changed, not every item of its area.
    public static func replacements<StoredID>(
        from stored: ((StoredID, DeadlineItem) throws -> Void) throws -> Void, to items: [DeadlineItem]
    ) rethrows -> [Replacement<StoredID>] {
        var changed: [Replacement<StoredID>] = []
        var next = items.startIndex
        var household: String?
        var held: [(id: StoredID, item: DeadlineItem)] = []
        // The new items of the household after `next`'s.
        func newItems() -> ArraySlice<DeadlineItem> {
            let first = next
            while next < items.endIndex, items[next].householdNumber == items[first].householdNumber { next += 1 }
            return items[first..<next]
        }
        // Compares the household `held`, passing (as changed) households before it that have no stored items.
        func compare() {
            guard let number = household else { return }
            while next < items.endIndex, items[next].householdNumber < number {
                changed.append(Replacement(household: items[next].householdNumber, stored: [], items: newItems()))
            }
            let found = next < items.endIndex && items[next].householdNumber == number ? newItems() : []
            guard !held.lazy.map(\.item).elementsEqual(found) else { return }
            changed.append(Replacement(household: number, stored: held.map(\.id), items: found))
        }
        try stored { id, item in
            if item.householdNumber != household {
                compare()
                household = item.householdNumber
                held.removeAll(keepingCapacity: true)
            }
            held.append((id, item))
        }
        compare()
        while next < items.endIndex {
            changed.append(Replacement(household: items[next].householdNumber, stored: [], items: newItems()))
        }
        return changed
    }
}
