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
    /// The households whose deadline items differ between those stored and `items` (sorted by
    /// household, each household's in the order found): a household whose list of items is not
    /// the same, in the same order. `stored` hands every stored item of the households screened
    /// to its argument, by household, each household's in order. Lets a run rewrite only the
    /// households whose items changed, not every item of its area.
    public static func householdsChanged(
        from stored: ((DeadlineItem) throws -> Void) throws -> Void, to items: [DeadlineItem]
    ) rethrows -> [String] {
        var changed: [String] = []
        var next = items.startIndex
        var household: String?
        var held: [DeadlineItem] = []
        // The new items of `number`, passing (as changed) households before it that have no stored items.
        func newItems(of number: String) -> ArraySlice<DeadlineItem> {
            while next < items.endIndex, items[next].householdNumber < number {
                let passed = items[next].householdNumber
                changed.append(passed)
                while next < items.endIndex, items[next].householdNumber == passed { next += 1 }
            }
            let first = next
            while next < items.endIndex, items[next].householdNumber == number { next += 1 }
            return items[first..<next]
        }
        func compare() {
            guard let number = household else { return }
            if !held.elementsEqual(newItems(of: number)) { changed.append(number) }
        }
        try stored { item in
            if item.householdNumber != household {
                compare()
                household = item.householdNumber
                held.removeAll(keepingCapacity: true)
            }
            held.append(item)
        }
        compare()
        while next < items.endIndex {
            let passed = items[next].householdNumber
            changed.append(passed)
            while next < items.endIndex, items[next].householdNumber == passed { next += 1 }
        }
        return changed
    }
}
