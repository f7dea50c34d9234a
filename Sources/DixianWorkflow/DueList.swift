import DixianCore
import DixianPlugins
import Foundation
import LuaHost
import Synchronization

/// What is due and overdue on a date: the items the plugin's deadlines give each household,
/// the unit duties falling in the window, and the open work the registry records with its own
/// deadline (problems, measures) or without one (department warnings awaiting verification).
public struct DueList: Sendable {
    /// Where an item comes from.
    public enum Source: Hashable, Sendable {
        /// A plugin deadline (its id).
        case deadline(String)
        /// A plugin's duty, monthly, quarterly or yearly (its id).
        case duty(String)
        /// A problem of the ledger (its id).
        case problem(Int64)
        /// A measure of a plan (its id).
        case measure(Int64)
        /// A department warning awaiting verification (its id).
        case warning(Int64)

        /// `deadline:minqin.plan`, `problem:12`, ...
        public var text: String {
            switch self {
            case .deadline(let id): "deadline:\(id)"
            case .duty(let id): "duty:\(id)"
            case .problem(let id): "problem:\(id)"
            case .measure(let id): "measure:\(id)"
            case .warning(let id): "warning:\(id)"
            }
        }
    }

    /// One thing due.
    public struct Item: Hashable, Sendable {
        /// Where it comes from.
        public var source: Source
        /// What kind of work it is (the deadline's or duty's title; for records, their kind).
        public var title: String
        /// The household it concerns, if any.
        public var householdNumber: String?
        /// The 9-digit township code of that household, if known.
        public var township: String?
        /// The responsible unit.
        public var responsible: String
        /// The responsible person, if known.
        public var person: String?
        /// When it is due; nil for work with no deadline (a warning awaiting verification).
        public var dueOn: LocalDate?
        /// What is due.
        public var message: String
        /// For work done late (the `doneLate` list), when it was done, after `dueOn`.
        public var doneOn: LocalDate? = nil
    }

    /// The date the list is for.
    public var asOf: LocalDate
    /// The items, by township, responsible unit and person, then due date.
    public var items: [Item]
    /// Work done after its due date, as the plugin's deadlines report it (items with
    /// `done_on`, in the period the plugin shows, e.g. Minqin's year), by township, then date
    /// done, then household. The plugin judges what was late, with the clocks that know the
    /// due dates; the list only shows it.
    public var doneLate: [Item] = []
    /// Deadlines that raised or returned nonsense on a household, with plugin file and line:
    /// while there are any, the list is incomplete.
    public var failures: [String]

    /// Whether `item` is overdue: its due date has passed.
    public func isOverdue(_ item: Item) -> Bool {
        item.dueOn.map { $0 < asOf } ?? false
    }

    /// Days `item` is overdue (0 when it is not).
    public func daysOverdue(_ item: Item) -> Int {
        item.dueOn.map { max(0, $0.days(until: asOf)) } ?? 0
    }

    /// Days an item of `doneLate` was done after its due date (0 for an item not done).
    public static func daysLate(_ item: Item) -> Int {
        guard let due = item.dueOn, let done = item.doneOn else { return 0 }
        return max(0, due.days(until: done))
    }
}

/// Builds the due list of a registry with a plugin: the plugin's deadlines run over every
/// household in scope, in parallel over a pool of Lua states, streaming the views.
public struct DueScan: Sendable {
    /// The plugin chain (the plugin asked for last).
    public let chain: [PluginManifest]
    /// The date.
    public let asOf: LocalDate
    /// A village-code prefix within the plugin's area; nil for the area the plugin serves.
    public let area: String?
    /// Items due up to this many days after `asOf` are listed, with everything overdue.
    public let withinDays: Int
    /// Lua states working at once.
    public let workers: Int
    /// The limits of each state; the instruction budget applies to each batch.
    public let limits: LuaLimits
    /// Whether the list reads the deadline items screening keeps current, when they are
    /// (`ScreeningRunStore.storedDeadlineItems`), instead of running the deadlines.
    public var readsStoredItems = true

    /// A scan.
    public init(chain: [PluginManifest], asOf: LocalDate, area: String?, withinDays: Int = 7,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount, limits: LuaLimits = LuaLimits()) {
        self.chain = chain
        self.asOf = asOf
        self.area = area
        self.withinDays = withinDays
        self.workers = max(1, workers)
        self.limits = limits
    }

    /// The due list of `store`. `progress`, if given, is told of each batch of households
    /// scanned (how many), from the workers' threads.
    /// - Throws: the plugin's load error or a store error. A deadline that fails, or runs out of
    ///   budget or memory, does not stop the scan: it is named in the list's failures.
    public func run(on store: some RegistryStore & HouseholdViewSource,
                    progress: (@Sendable (Int) -> Void)? = nil) async throws -> DueList {
        let asOf = self.asOf, chain = self.chain
        let area = try chain[chain.count - 1].area(requested: self.area)
        let plugin = chain[chain.count - 1]
        let horizon = asOf.adding(days: withinDays)
        let declarations: PluginDeclarations
        var items: [DueList.Item], failures: [String]
        if readsStoredItems, let current = store as? any ScreeningRunStore,
           let stored = try current.storedDeadlineItems(
               plugin: plugin.id, fingerprint: try PluginManifest.fingerprint(of: chain), asOf: asOf, area: area, through: horizon) {
            // The deadline items the screening keeps current: a query, not a run of the deadlines.
            declarations = try LuaStatePool(chain: chain, asOf: asOf, size: 1, limits: limits, running: .deadlines)
                .withState { _, runtime in runtime.declarations }
            items = stored.filter { $0.dueOn <= horizon || $0.doneOn != nil }.map(DueList.Item.init)
            failures = []
            progress?(0)
        } else {
            (declarations, items, failures) = try scan(store, area: area, horizon: horizon, progress: progress)
        }
        var doneLate = items.filter { $0.doneOn != nil }
        items.removeAll { $0.doneOn != nil }
        doneLate.sort {
            ($0.township ?? "", $0.doneOn!, $0.householdNumber ?? "", $0.dueOn!) < ($1.township ?? "", $1.doneOn!, $1.householdNumber ?? "", $1.dueOn!)
        }
        items += declarations.duties.flatMap { duty in
            duty.dueDates(from: asOf, through: horizon).map { date in
                DueList.Item(source: .duty(duty.declaration.id), title: duty.declaration.title, householdNumber: nil,
                             township: nil, responsible: duty.responsible, person: nil, dueOn: date,
                             message: duty.declaration.source ?? duty.declaration.title)
            }
        }
        items += try await Self.openWork(of: store, area: area, through: horizon, language: plugin.language)
        Self.order(&items)
        return DueList(asOf: asOf, items: items, doneLate: doneLate, failures: failures)
    }

    /// Runs the plugin's deadlines over every household in `area`: the declarations, the
    /// items due by `horizon` (and work done late), and the failures, the stopped deadlines first.
    private func scan(_ store: some RegistryStore & HouseholdViewSource, area: String?, horizon: LocalDate,
                      progress: (@Sendable (Int) -> Void)?) throws -> (PluginDeclarations, [DueList.Item], [String]) {
        let asOf = self.asOf
        let pool = try LuaStatePool(chain: chain, asOf: asOf, size: workers, limits: limits, running: .deadlines)
        let declarations = pool.withState { _, runtime in runtime.declarations }
        let partitions = try store.partitions(area: area, size: 4096)
        let next = Atomic<Int>(0)
        let stopped = StoppedDeadlines(declarations.deadlines)
        var (items, failures) = try Self.collect(pool.onEveryWorker { _, _, runtime in
            var items: [DueList.Item] = [], failures: [String] = []
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < partitions.count else { break }
                try store.readViews(in: partitions[index], asOf: asOf, batchSize: 256) { views in
                    let outcome = try stopped.run(views, with: runtime)
                    // Work done late is kept whatever its date: the plugin chose its period.
                    for item in outcome.items where item.dueOn <= horizon || item.doneOn != nil {
                        items.append(Self.item(item, of: views[item.subject], deadline: declarations.deadlines[item.deadline]))
                    }
                    failures += outcome.failures.map { "\(views[$0.subject].household.number): \($0.message)" }
                    progress?(views.count)
                }
            }
            return Pair(items: items, failures: failures)
        })
        failures.sort()
        return (declarations, items, stopped.reasons + failures)
    }

    /// The due list's item for a deadline's item on household `view`.
    static func item(_ item: DeadlineOutcome.Item, of view: HouseholdView, deadline: DeadlineDeclaration) -> DueList.Item {
        DueList.Item(DeadlineItem(item, of: view, deadline: deadline))
    }

    /// The workers' shares as one list (the shares are released as they are moved over).
    private static func collect(_ shares: consuming [Pair]) -> ([DueList.Item], [String]) {
        var items: [DueList.Item] = [], failures: [String] = []
        items.reserveCapacity(shares.reduce(0) { $0 + $1.items.count })
        while let share = shares.popLast() {
            items += share.items
            failures += share.failures
        }
        return (items, failures)
    }

    /// Puts the items in order, in place: grouped by township, responsible unit and person
    /// (groups in that order), each group by due date, then household. Grouping first keeps a
    /// county-wide list of millions of items quick: the texts are compared once per group, not
    /// once per comparison of two items; moving items along the permutation's cycles keeps one
    /// copy of the list in memory.
    private static func order(_ items: inout [DueList.Item]) {
        struct Group: Hashable { let township: String?, responsible: String, person: String? }
        var groups: [Group: [Int]] = [:]
        for (index, item) in items.enumerated() {
            groups[Group(township: item.township, responsible: item.responsible, person: item.person), default: []].append(index)
        }
        let undated = LocalDate(year: 9999, month: 12, day: 31)!
        var order: [Int] = []
        order.reserveCapacity(items.count)
        for group in groups.keys.sorted(by: {
            ($0.township ?? "", $0.responsible, $0.person ?? "") < ($1.township ?? "", $1.responsible, $1.person ?? "")
        }) {
            order += groups.removeValue(forKey: group)!.sorted {
                let (a, b) = (items[$0], items[$1])
                if a.dueOn != b.dueOn { return (a.dueOn ?? undated) < (b.dueOn ?? undated) }
                if a.householdNumber != b.householdNumber { return (a.householdNumber ?? "") < (b.householdNumber ?? "") }
                return a.source.text < b.source.text
            }
        }
        // Position i takes the item at order[i].
        var placed = [Bool](repeating: false, count: items.count)
        for start in items.indices where !placed[start] {
            let first = items[start]
            var position = start
            while true {
                placed[position] = true
                let source = order[position]
                if source == start {
                    items[position] = first
                    break
                }
                items[position] = items[source]
                position = source
            }
        }
    }

    /// A worker's share of the list.
    private struct Pair: Sendable {
        var items: [DueList.Item]
        var failures: [String]
    }

    /// Problems and measures due by `horizon`, and every warning awaiting verification.
    package static func openWork(
        of store: some RegistryStore, area: String?, through horizon: LocalDate, language: Language
    ) async throws -> [DueList.Item] {
        let zh = language == .chinese
        let work = try await store.openWork(area: area)
        func township(_ village: String?) -> String? { village.map { String($0.prefix(9)) } }
        var items: [DueList.Item] = []
        for entry in work.problems where entry.record.deadline <= horizon {
            let problem = entry.record
            items.append(DueList.Item(
                source: .problem(problem.id), title: zh ? "问题整改" : "problem to fix", householdNumber: entry.householdNumber,
                township: township(entry.villageCode), responsible: problem.responsibleUnit, person: problem.responsiblePerson,
                dueOn: problem.deadline, message: "\(problem.description)（\(problem.measure)）"))
        }
        for entry in work.measures where entry.record.dueOn <= horizon {
            let measure = entry.record
            items.append(DueList.Item(
                source: .measure(measure.id), title: zh ? "帮扶措施" : "assistance measure", householdNumber: entry.householdNumber,
                township: township(entry.villageCode), responsible: measure.responsibleUnit, person: measure.responsiblePerson,
                dueOn: measure.dueOn, message: "\(measure.type.chineseName)：\(measure.description)"))
        }
        for entry in work.warnings {
            let warning = entry.record
            let matched = entry.householdNumber != nil
            items.append(DueList.Item(
                source: .warning(warning.id), title: zh ? "部门预警核实" : "department warning to verify",
                householdNumber: entry.householdNumber, township: township(entry.villageCode),
                responsible: matched ? (zh ? "乡镇人民政府" : "township") : (zh ? "县农业农村局（未匹配到农户）" : "county (no matching member)"),
                person: nil, dueOn: nil,
                message: "\(warning.receivedOn) \(warning.department.chineseName)：\(warning.reason)（\(warning.residentID.masked)）"))
        }
        return items
    }
}

/// Deadlines stopped by the instruction budget or the memory cap: when a batch is stopped,
/// each deadline is run alone on it, and one that is still stopped is named and left out for
/// the rest of the scan (its items would be incomplete, so the list is marked incomplete).
private final class StoppedDeadlines: Sendable {
    private let declarations: [DeadlineDeclaration]
    private let stopped = Mutex<[Int: String]>([:])

    init(_ declarations: [DeadlineDeclaration]) { self.declarations = declarations }

    /// Why the stopped deadlines were stopped, with their file and line.
    var reasons: [String] { stopped.withLock { $0.sorted { $0.key < $1.key }.map(\.value) } }

    /// The deadlines' outcome on `views`, leaving out the stopped ones.
    func run(_ views: [HouseholdView], with runtime: PluginRuntime) throws -> DeadlineOutcome {
        let disabled = stopped.withLock { Set($0.keys) }
        do {
            return try runtime.deadlines(views, disabled: disabled)
        } catch {
            var merged = DeadlineOutcome()
            for deadline in declarations.indices where !disabled.contains(deadline) {
                do {
                    let outcome = try runtime.deadlines(views, only: deadline)
                    merged.items += outcome.items
                    merged.failures += outcome.failures
                } catch {
                    let declaration = declarations[deadline].declaration
                    stopped.withLock {
                        $0[deadline] = "\(declaration.location): deadline \(declaration.id) was stopped (\(error.description)) "
                            + "and did not run on the rest of the households"
                    }
                }
            }
            return merged
        }
    }
}

extension DueList.Item {
    /// The item of a plugin deadline.
    public init(_ item: DeadlineItem) {
        self.init(source: .deadline(item.deadlineID), title: item.title, householdNumber: item.householdNumber,
                  township: item.townshipCode, responsible: item.responsible, person: item.person, dueOn: item.dueOn,
                  message: item.message, doneOn: item.doneOn)
    }
}
