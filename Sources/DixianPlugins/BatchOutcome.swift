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
    /// The wake-up dates of the subjects whose answers may change on a later date (issue 23):
    /// by subject, the earliest date the checks' reading of the date may give another answer
    /// (the day after for a subject a check failed on). A subject left out reads no date.
    public var wakes: [Int: LocalDate]

    /// An empty outcome, to merge others into.
    public init() {
        findings = []
        failures = []
        wakes = [:]
    }

    /// Adds `other`'s findings, failures and wake-up dates (the earlier of two for a subject).
    public mutating func merge(_ other: BatchOutcome) {
        findings += other.findings
        failures += other.failures
        wakes.merge(other.wakes, uniquingKeysWith: min)
    }

    /// Reads the runner's result columns (tables `h`, `k`, `m`, `s`, `r` and count `n`) for
    /// findings at stack index `findings`, failures at `failures` and wake-up dates after them.
    init(stack: LuaStack, findings: Int32, failures: Int32) {
        let found = ResultColumns(stack: stack, table: findings)
        let n = found.count
        let subjects = found.indices("h", n), checks = found.indices("k", n)
        let messages = found.strings("m", n), severities = found.strings("s", n)
        let risks: [[RiskType]?] = found.column("r", n) { element in
            guard case .table(let table) = element.value(at: -1) else { return nil }
            return table.array.compactMap { $0.stringValue.flatMap(RiskType.init(rawValue:)) }
        }
        self.findings = (0..<n).map { index in
            RawFinding(subject: subjects[index], check: checks[index], message: messages[index] ?? "",
                       severity: severities[index].flatMap(Severity.init(rawValue:)), riskTypes: risks[index])
        }
        self.failures = Failure.read(ResultColumns(stack: stack, table: failures))
        wakes = Self.wakes(ResultColumns(stack: stack, table: failures + 1))
    }

    /// The wake-up dates of a runner's wake columns (`h`, `d` and count `n`), by 0-based subject.
    static func wakes(_ columns: ResultColumns) -> [Int: LocalDate] {
        let n = columns.count
        guard n > 0 else { return [:] }
        let subjects = columns.indices("h", n), dates = columns.strings("d", n)
        var wakes: [Int: LocalDate] = [:]
        for index in 0..<n {
            if let date = dates[index].flatMap({ LocalDate(iso: $0) }) { wakes[subjects[index]] = date }
        }
        return wakes
    }
}

extension BatchOutcome.Failure {
    /// The failures of a runner's failure columns (`h`, `k`, `m` and count `n`).
    static func read(_ failed: ResultColumns) -> [BatchOutcome.Failure] {
        let n = failed.count
        let subjects = failed.indices("h", n), checks = failed.indices("k", n), messages = failed.strings("m", n)
        return (0..<n).map { index in
            BatchOutcome.Failure(subject: subjects[index], check: checks[index], message: messages[index] ?? "(no message)")
        }
    }
}

/// A runner's results as parallel columns of one Lua table (lists under single-letter keys and a
/// count `n`), read from the stack element by element without converting the table.
struct ResultColumns {
    let stack: LuaStack
    let table: Int32

    /// How many rows the columns hold.
    var count: Int {
        stack.pushField("n", ofTableAt: table)
        defer { stack.pop() }
        return Int(stack.integer(at: -1) ?? 0)
    }

    /// Column `name`'s first `n` elements, each read by `read` with the element on top of the stack.
    func column<T>(_ name: String, _ n: Int, _ read: (LuaStack) -> T) -> [T] {
        var values: [T] = []
        values.reserveCapacity(n)
        stack.pushField(name, ofTableAt: table)
        for i in 1...max(n, 1) where i <= n {
            values.append(stack.element(i, ofTableAt: -1, read))
        }
        stack.pop()
        return values
    }

    /// A column of 1-based positions, as 0-based indices.
    func indices(_ name: String, _ n: Int) -> [Int] {
        column(name, n) { Int($0.integer(at: -1) ?? 1) - 1 }
    }

    /// A column of strings (nil where an element is not one).
    func strings(_ name: String, _ n: Int) -> [String?] {
        column(name, n) { $0.string(at: -1) }
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
    /// Work a household still owes, or work it did after its due date (`doneOn` set).
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
        /// When the work was done, after `dueOn`; nil for work still owed. The plugin judges
        /// what was late (its clocks know the due dates); the runner refuses a `done_on` that
        /// is not after `due_on`.
        public var doneOn: LocalDate? = nil
    }

    /// The items, in household then deadline order.
    public var items: [Item]
    /// Deadlines that raised or returned nonsense on a household.
    public var failures: [BatchOutcome.Failure]
    /// The wake-up dates of the households whose items may change on a later date, as in
    /// `BatchOutcome.wakes`.
    public var wakes: [Int: LocalDate]

    /// An empty outcome, to merge others into.
    public init() {
        items = []
        failures = []
        wakes = [:]
    }

    /// Reads the deadline runner's item columns (`h`, `k`, `d`, `m`, `p`, `r`, `o` and count `n`) at
    /// stack index `items` and its failure columns at `failures`.
    init(stack: LuaStack, items: Int32, failures: Int32) {
        let found = ResultColumns(stack: stack, table: items)
        let n = found.count
        let subjects = found.indices("h", n), deadlines = found.indices("k", n), dates = found.strings("d", n)
        let messages = found.strings("m", n), persons = found.strings("p", n), units = found.strings("r", n)
        let done = found.strings("o", n)
        self.items = (0..<n).compactMap { i in
            guard let due = dates[i].flatMap({ LocalDate(iso: $0) }) else { return nil }
            return Item(subject: subjects[i], deadline: deadlines[i], dueOn: due, message: messages[i] ?? "",
                        person: persons[i], responsible: units[i], doneOn: done[i].flatMap { LocalDate(iso: $0) })
        }
        self.failures = BatchOutcome.Failure.read(ResultColumns(stack: stack, table: failures))
        wakes = BatchOutcome.wakes(ResultColumns(stack: stack, table: failures + 1))
    }
}
