/// What a screening changes in the current findings of the subjects (households, assets) it
/// screened: the findings it opened and the stored ones it closed. A finding is its whole
/// value (subject, check, severity, risk types, message): one whose message or severity
/// changed is closed and opened again, so that the history tells what officials read on each
/// date. Findings are compared as multisets (a check may say the same thing twice).
public struct FindingChanges<StoredID: Hashable & Sendable>: Sendable {
    /// Findings the screening found that the current state lacked, in the order found.
    public var opened: [Finding]
    /// Current findings (with the store's id of each) the screening no longer found, in stored order.
    public var closed: [(id: StoredID, finding: Finding)]

    /// The changes from `current` (the stored findings of exactly the screened subjects) to `screened`.
    public init(current: [(id: StoredID, finding: Finding)], screened: [Finding]) {
        let difference = MultisetDifference(from: current.map(\.finding), to: screened)
        opened = difference.added
        closed = difference.removed.map { current[$0] }
    }

    /// True when the screening changed nothing.
    public var isEmpty: Bool { opened.isEmpty && closed.isEmpty }
}

/// What turns one list into another when both are compared as multisets (an element may stand
/// twice): the elements of the new list the old one lacks, and the positions of the old list's
/// elements the new one lacks.
public struct MultisetDifference<Element: Hashable> {
    /// Elements of the new list unmatched in the old one, in the new list's order.
    public var added: [Element]
    /// Positions in the old list of its elements unmatched in the new one, in order.
    public var removed: [Int]

    /// The difference from `old` to `new`.
    public init(from old: [Element], to new: [Element]) {
        var unmatched: [Element: Int] = [:]
        for element in new { unmatched[element, default: 0] += 1 }
        removed = []
        for (index, element) in old.enumerated() {
            if let count = unmatched[element], count > 0 {
                unmatched[element] = count - 1
            } else {
                removed.append(index)
            }
        }
        added = []
        added.reserveCapacity(unmatched.values.reduce(0, +))
        for element in new {
            if let count = unmatched[element], count > 0 {
                unmatched[element] = count - 1
                added.append(element)
            }
        }
    }
}
