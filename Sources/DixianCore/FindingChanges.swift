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
        var unmatched: [Finding: Int] = [:]
        for finding in screened { unmatched[finding, default: 0] += 1 }
        var closed: [(id: StoredID, finding: Finding)] = []
        for stored in current {
            if let count = unmatched[stored.finding], count > 0 {
                unmatched[stored.finding] = count - 1
            } else {
                closed.append(stored)
            }
        }
        var opened: [Finding] = []
        opened.reserveCapacity(unmatched.values.reduce(0, +))
        for finding in screened {
            if let count = unmatched[finding], count > 0 {
                unmatched[finding] = count - 1
                opened.append(finding)
            }
        }
        self.opened = opened
        self.closed = closed
    }

    /// True when the screening changed nothing.
    public var isEmpty: Bool { opened.isEmpty && closed.isEmpty }
}
