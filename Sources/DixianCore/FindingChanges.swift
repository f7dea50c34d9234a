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
    ///
    /// Most subjects (a household, an asset) are found as they were. Both lists are walked
    /// subject by subject (`current` as stored, in subject order; `screened` put in that
    /// order), and a subject whose findings are the same, in the same order, is passed over:
    /// only the others are compared as multisets, which hashes each finding. Any order of
    /// `current` gives the same changes; its subject order makes the walk match the most.
    public init(current: [(id: StoredID, finding: Finding)], screened: [Finding]) {
        // A first run, or one that found nothing: no finding is compared, or copied.
        guard !current.isEmpty, !screened.isEmpty else {
            opened = screened
            closed = current
            return
        }
        let found = screened.indices.sorted { Finding.precedes(screened[$0], screened[$1]) || (Finding.sameSubject(screened[$0], screened[$1]) && $0 < $1) }
        var old: [Int] = [], new: [Int] = []
        var stored = 0, next = 0
        while stored < current.count || next < found.count {
            // The subject at the head of the list whose head comes first, and its findings in each list.
            let head = next == found.count || (stored < current.count && !Finding.precedes(screened[found[next]], current[stored].finding))
                ? current[stored].finding : screened[found[next]]
            let storedEnd = current[stored...].firstIndex { !Finding.sameSubject($0.finding, head) } ?? current.count
            let nextEnd = found[next...].firstIndex { !Finding.sameSubject(screened[$0], head) } ?? found.count
            let same = storedEnd - stored == nextEnd - next
                && zip(current[stored..<storedEnd], found[next..<nextEnd]).allSatisfy { $0.finding == screened[$1] }
            if !same {
                old += stored..<storedEnd
                new += found[next..<nextEnd]
            }
            stored = storedEnd
            next = nextEnd
        }
        new.sort()
        let difference = MultisetDifference(from: old.map { current[$0].finding }, to: new.map { screened[$0] })
        opened = difference.added
        closed = difference.removed.map { current[old[$0]] }
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

extension Finding {
    /// Whether `a`'s subject comes before `b`'s: households by number, then assets by id (the
    /// order stores read current findings in).
    static func precedes(_ a: Finding, _ b: Finding) -> Bool {
        switch (a.householdNumber, b.householdNumber) {
        case let (first?, second?): first < second
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): (a.assetID ?? 0) < (b.assetID ?? 0)
        }
    }

    /// Whether `a` and `b` are about the same household or asset.
    static func sameSubject(_ a: Finding, _ b: Finding) -> Bool {
        a.householdNumber == b.householdNumber && a.assetID == b.assetID
    }
}
