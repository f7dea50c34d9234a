import DixianCore
import Testing

/// What a run opens and closes (issue 23): subjects found as they were are passed over
/// without comparing each finding as a multiset, and the changes are those of a plain
/// multiset comparison whatever the order of either list.
struct FindingChangesTests {
    /// A finding of `household` (or of asset `asset`) with `message`.
    func finding(_ household: String?, asset: Int64? = nil, _ message: String, check: String = "c") -> Finding {
        Finding(householdNumber: household, assetID: asset, townshipCode: "620621100", checkID: check, severity: .medium,
                riskTypes: [.illness], message: message)
    }

    @Test func aSubjectFoundAsItWasChangesNothingAndOneThatChangedOpensAndClosesItsDifference() {
        let current = [finding("1", "甲"), finding("1", "乙"), finding("2", "丙"), finding(nil, asset: 7, "闲置")]
        let screened = [finding(nil, asset: 7, "闲置"), finding("2", "丁"), finding("1", "甲"), finding("1", "乙"), finding("3", "戊")]
        let changes = FindingChanges(current: current.enumerated().map { (id: $0.offset, finding: $0.element) }, screened: screened)
        #expect(changes.opened == [finding("2", "丁"), finding("3", "戊")], "in the order found")
        #expect(changes.closed.map(\.id) == [2])
        let unchanged = FindingChanges(current: current.enumerated().map { (id: $0.offset, finding: $0.element) }, screened: current.reversed())
        #expect(unchanged.isEmpty)
    }

    @Test func theChangesAreAPlainMultisetComparisonsForListsInAnyOrder() {
        var random = SplitMix64(seed: 23)
        let households: [String?] = ["620621100201001", "620621100201002", "620621100201003", nil]
        for _ in 0..<500 {
            func list() -> [Finding] {
                (0..<Int(random.next() % 9)).map { _ in
                    let household = households[Int(random.next() % 4)]
                    return finding(household, asset: household == nil ? Int64(random.next() % 2) : nil, ["甲", "乙", "丙"][Int(random.next() % 3)],
                                   check: ["a", "b"][Int(random.next() % 2)])
                }
            }
            var current = list(), screened = list()
            if random.next() % 2 == 0 { current.sort { ($0.householdNumber ?? "~", $0.assetID ?? 0) < ($1.householdNumber ?? "~", $1.assetID ?? 0) } }
            if random.next() % 3 == 0 { screened = current.shuffled(using: &random) }
            let changes = FindingChanges(current: current.enumerated().map { (id: $0.offset, finding: $0.element) }, screened: screened)
            let plain = MultisetDifference(from: current, to: screened)
            #expect(Self.counts(changes.opened) == Self.counts(plain.added))
            #expect(Self.counts(changes.closed.map(\.finding)) == Self.counts(plain.removed.map { current[$0] }))
            #expect(changes.closed.map(\.id) == changes.closed.map(\.id).sorted(), "in stored order")
            #expect(changes.closed.allSatisfy { current[$0.id] == $0.finding })
            var rest = screened[...]
            #expect(changes.opened.allSatisfy { opened in
                rest = rest.drop { $0 != opened }
                return rest.popFirst() != nil
            }, "in the order found")
        }
    }

    static func counts(_ findings: [Finding]) -> [Finding: Int] {
        findings.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }
}

/// Which households' deadline items a run rewrites (issue 23): those whose list of items is
/// not the same, in the same order, with both lists.
struct DeadlineItemReplacementTests {
    func item(_ household: String, _ message: String, person: String? = "李帮扶") -> DeadlineItem {
        DeadlineItem(deadlineID: "visit", title: "走访", householdNumber: household, townshipCode: "620621100", responsible: "帮扶责任人",
                     person: person, dueOn: LocalDate(iso: "2024-06-30")!, doneOn: nil, message: message)
    }

    @Test func onlyHouseholdsWhoseItemsChangedAreListedWithTheirStoredIdsAndNewItems() throws {
        let stored: [(Int, DeadlineItem)] = [(10, item("1", "甲")), (11, item("1", "乙")), (12, item("2", "丙")), (13, item("4", "丁")),
                                             (14, item("5", "戊"))]
        let items = [item("1", "甲"), item("1", "乙"), item("2", "丙", person: "王帮扶"), item("3", "己"), item("5", "戊")]
        let replacements = try DeadlineItem.replacements(from: { body in for (id, item) in stored { try body(id, item) } }, to: items)
        #expect(replacements.map(\.household) == ["2", "3", "4"])
        #expect(replacements.map(\.stored) == [[12], [], [13]])
        #expect(replacements.map { Array($0.items) } == [[item("2", "丙", person: "王帮扶")], [item("3", "己")], []])
        #expect(try DeadlineItem.replacements(from: { body in for (id, item) in stored { try body(id, item) } }, to: stored.map(\.1)).isEmpty)
        // Households new before the first stored and after the last; a shifted list; nothing stored; nothing found.
        let around = try DeadlineItem.replacements(from: { body in for (id, item) in stored { try body(id, item) } },
                                                   to: [item("0", "庚"), item("1", "乙"), item("1", "甲")] + items.dropFirst(2) + [item("9", "辛")])
        #expect(around.map(\.household) == ["0", "1", "2", "3", "4", "9"])
        #expect(around.map(\.stored) == [[], [10, 11], [12], [], [13], []])
        #expect(try DeadlineItem.replacements(from: { (_: (Int, DeadlineItem) throws -> Void) in }, to: items).map(\.household) == ["1", "2", "3", "5"])
        let gone = try DeadlineItem.replacements(from: { body in for (id, item) in stored { try body(id, item) } }, to: [])
        #expect(gone.map(\.household) == ["1", "2", "4", "5"] && gone.allSatisfy(\.items.isEmpty))
    }
}
