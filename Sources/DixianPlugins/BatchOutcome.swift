import DixianCore
import LuaHost

/// What one batch of checks produced: findings, and the checks that failed on a subject.
/// Indices are 0-based positions in the batch and in the declared check list.
public struct BatchOutcome: Sendable {
    /// One finding as a check returned it.
    public struct RawFinding: Hashable, Sendable {
        /// The household (or asset) in the batch.
        public var subject: Int
        /// The check.
        public var check: Int
        /// Its message.
        public var message: String
        /// The severity the finding gave, if it overrode the check's.
        public var severity: Severity?
        /// The risk types the finding gave, if it overrode the check's.
        public var riskTypes: [RiskType]?
    }

    /// A check that raised or returned nonsense on one subject.
    public struct Failure: Hashable, Sendable {
        /// The household (or asset) in the batch.
        public var subject: Int
        /// The check.
        public var check: Int
        /// The error, with the plugin file and line.
        public var message: String
    }

    /// The findings, in subject then check order.
    public var findings: [RawFinding]
    /// The failures.
    public var failures: [Failure]

    /// An empty outcome, to merge others into.
    public init() {
        findings = []
        failures = []
    }

    /// Reads the runner's result columns (tables `h`, `k`, `m`, `s`, `r` and count `n`) for
    /// findings at stack index `findings` and failures at `failures`, element by element.
    init(stack: LuaStack, findings: Int32, failures: Int32) {
        func column(_ table: Int32, _ name: String, _ body: (Int32) -> Void) {
            stack.pushField(name, ofTableAt: table)
            body(-1)
            stack.pop()
        }
        func count(_ table: Int32) -> Int {
            var n = 0
            column(table, "n") { n = Int(stack.integer(at: $0) ?? 0) }
            return n
        }
        func integers(_ table: Int32, _ name: String, _ n: Int) -> [Int] {
            var values: [Int] = []
            values.reserveCapacity(n)
            column(table, name) { list in
                for i in 1...max(n, 1) where i <= n {
                    values.append(stack.element(i, ofTableAt: list) { Int($0.integer(at: -1) ?? 1) - 1 })
                }
            }
            return values
        }
        func strings(_ table: Int32, _ name: String, _ n: Int) -> [String?] {
            var values: [String?] = []
            values.reserveCapacity(n)
            column(table, name) { list in
                for i in 1...max(n, 1) where i <= n {
                    values.append(stack.element(i, ofTableAt: list) { $0.string(at: -1) })
                }
            }
            return values
        }
        let found = count(findings)
        let subjects = integers(findings, "h", found), checks = integers(findings, "k", found)
        let messages = strings(findings, "m", found), severities = strings(findings, "s", found)
        var risks: [[RiskType]?] = []
        column(findings, "r") { list in
            for i in 1...max(found, 1) where i <= found {
                risks.append(stack.element(i, ofTableAt: list) { element in
                    guard case .table(let table) = element.value(at: -1) else { return nil }
                    return table.array.compactMap { $0.stringValue.flatMap(RiskType.init(rawValue:)) }
                })
            }
        }
        self.findings = (0..<found).map { index in
            RawFinding(subject: subjects[index], check: checks[index], message: messages[index] ?? "",
                       severity: severities[index].flatMap(Severity.init(rawValue:)), riskTypes: risks[index])
        }
        let failed = count(failures)
        let failedSubjects = integers(failures, "h", failed), failedChecks = integers(failures, "k", failed)
        let failedMessages = strings(failures, "m", failed)
        self.failures = (0..<failed).map { index in
            Failure(subject: failedSubjects[index], check: failedChecks[index], message: failedMessages[index] ?? "(no message)")
        }
    }
}

/// What the guards of a transition say about one household.
public struct GuardVerdict: Hashable, Sendable {
    /// One reason to refuse.
    public struct Reason: Hashable, Sendable {
        /// The guard's id.
        public var guardID: String
        /// The guard's title (`七不消`).
        public var title: String
        /// Why, in the plugin's language.
        public var reason: String
    }

    /// The reasons the guards gave; empty when they allow the transition.
    public var reasons: [Reason]
    /// Guards that raised or returned nonsense, with plugin file and line (they refuse too:
    /// a transition is never allowed because a guard failed to answer).
    public var failures: [String]

    /// True when no guard refuses and none failed.
    public var allows: Bool { reasons.isEmpty && failures.isEmpty }

    init(reasons: LuaValue, failures: LuaValue) {
        self.reasons = (reasons.tableValue?.array ?? []).map {
            Reason(guardID: $0["guard"].stringValue ?? "?", title: $0["title"].stringValue ?? "?",
                   reason: $0["reason"].stringValue ?? "")
        }
        self.failures = (failures.tableValue?.array ?? []).map { $0["message"].stringValue ?? "?" }
    }
}

/// What the deadlines said about one batch of households. Indices are 0-based positions in
/// the batch and in the declared deadline list.
public struct DeadlineOutcome: Sendable {
    /// Work a household still owes.
    public struct Item: Hashable, Sendable {
        /// The household in the batch.
        public var subject: Int
        /// The deadline.
        public var deadline: Int
        /// When it is due.
        public var dueOn: LocalDate
        /// What is due, in the plugin's language.
        public var message: String
        /// The person responsible, if the deadline named one.
        public var person: String?
        /// The responsible unit, if the item names one other than its deadline's.
        public var responsible: String?
    }

    /// The items, in household then deadline order.
    public var items: [Item]
    /// Deadlines that raised or returned nonsense on a household.
    public var failures: [BatchOutcome.Failure]

    init(items: LuaValue, failures: LuaValue) {
        func column(_ table: LuaValue, _ name: String) -> [LuaValue] { table[name].tableValue?.array ?? [] }
        func index(_ value: LuaValue) -> Int { Int(value.integerValue ?? 1) - 1 }
        func text(_ value: LuaValue) -> String? { value.stringValue }
        let h = column(items, "h"), k = column(items, "k"), d = column(items, "d"), m = column(items, "m")
        let p = column(items, "p"), r = column(items, "r")
        self.items = h.indices.compactMap { i in
            guard let due = d[i].stringValue.flatMap({ LocalDate(iso: $0) }) else { return nil }
            return Item(subject: index(h[i]), deadline: index(k[i]), dueOn: due, message: text(m[i]) ?? "",
                        person: text(p[i]), responsible: text(r[i]))
        }
        let fh = column(failures, "h"), fk = column(failures, "k"), fm = column(failures, "m")
        self.failures = fh.indices.map { i in
            BatchOutcome.Failure(subject: index(fh[i]), check: index(fk[i]), message: text(fm[i]) ?? "(no message)")
        }
    }
}
