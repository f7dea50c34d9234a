import DixianCore
import DixianPlugins
import DixianWorkflow

/// 我的待办: what a signed-in user's areas owe today, for `/work` and its count on the
/// dashboard. The reported risks not yet decided come first, as an inbox, the 一键报贫
/// (self-reports) on top and the reports of cadres, warnings and townships after them; then the items of
/// the plugin's own deadlines due within `horizonDays` or overdue, and the open work the
/// registry records with its own deadline (problems, measures) or without one (department
/// warnings awaiting verification), nearest due date first.
///
/// A township owes thousands of items, so only their counts by village and kind and the items
/// up to the page asked for (`pageLength` a page) are read: the deadline items from those a
/// screening keeps current (`ScreeningRunStore.openDeadlineItems`), counted and picked by the store. When the
/// stored state does not cover an area today, the deadlines are run over it, as `dixian due`
/// does, and counted here.
struct MyWork: Sendable {
    /// Days ahead the list looks, as `dixian due` does by default.
    static let horizonDays = 7
    /// The items a page lists, for a phone; the filters narrow the list and the pages go through it.
    static let pageLength = 30
    /// The last page one may ask for (a whole county's work fills thousands; its villages and kinds narrow it).
    static let lastPage = 100

    /// The items of one kind in one village.
    struct Tally: Sendable, Hashable {
        /// The 12-digit village code ("" for work of no household).
        var village: String
        /// The kind (`kind(of:)`).
        var kind: String
        /// The kind's title (the least, should its items differ).
        var title: String
        /// How many items, and how many of them are overdue.
        var count: Int, overdue: Int
    }

    /// What the list picks: one village's items and one kind's ("" for all).
    struct Filter: Sendable, Equatable {
        var village = "", kind = ""

        /// Whether the filter picks `item`.
        func picks(_ item: DueList.Item) -> Bool {
            (village.isEmpty || item.householdNumber.map(MyWork.village) == village) && (kind.isEmpty || MyWork.kind(of: item) == kind)
        }
    }

    /// The episodes not yet decided: self-reports first, each group oldest first.
    var reports: [MonitoringEpisode]
    /// The items of page `page` of those `filter` picks, nearest due date first (those without one last).
    var items: [DueList.Item]
    /// The page, from 1.
    var page: Int
    /// Every village and kind holding items, by village then kind.
    var tallies: [Tally]
    /// What `items` and the totals are of.
    var filter: Filter
    /// Today (Beijing).
    var today: LocalDate

    /// Whether `item` is past its due date.
    func isOverdue(_ item: DueList.Item) -> Bool { item.dueOn.map { $0 < today } ?? false }

    /// The tallies the filter picks.
    private var picked: [Tally] {
        tallies.filter { (filter.village.isEmpty || $0.village == filter.village) && (filter.kind.isEmpty || $0.kind == filter.kind) }
    }

    /// How many items the filter picks.
    var total: Int { picked.reduce(0) { $0 + $1.count } }

    /// How many of those are overdue.
    var overdueCount: Int { picked.reduce(0) { $0 + $1.overdue } }

    /// How many pages the items the filter picks fill (at least one, at most `lastPage`).
    var pages: Int { min(max(1, (total + Self.pageLength - 1) / Self.pageLength), Self.lastPage) }

    /// Whether the items the filter picks fill more than `lastPage` pages, the rest reached only by filtering.
    var cutOff: Bool { total > Self.lastPage * Self.pageLength }

    /// The villages holding items, by code.
    var villages: [String] { Array(Set(tallies.map(\.village).filter { !$0.isEmpty })).sorted() }

    /// The kinds of the items, each with its title (the least, should they differ).
    var kinds: [String: String] { Dictionary(tallies.map { ($0.kind, $0.title) }, uniquingKeysWith: min) }

    /// How many of `reports` are self-reports.
    var selfReportCount: Int { reports.count(where: { $0.channel == .selfReport }) }

    /// The statuses of a report still waiting for the township's or the county's decision.
    static let undecided: [MonitoringStatus] = [.reported, .verified, .accepted]

    /// The work of `user`'s areas on `today`, its items those of page `page` (from 1, at most
    /// `lastPage`) of those `filter` picks.
    static func load<Store: ServerStore>(for user: ServerUser, server: DixianServer<Store>, today: LocalDate,
                                         filter: Filter = Filter(), page: Int = 1) async throws -> MyWork {
        let page = min(max(page, 1), lastPage)
        let store = server.store, chain = server.chain, plugin = server.plugin, fingerprint = server.fingerprint
        let horizon = today.adding(days: horizonDays)
        let deadlineFilter = DeadlineItemPage.Filter(village: filter.village.isEmpty ? nil : filter.village,
                                                     deadlineID: filter.kind.isEmpty ? nil : filter.kind)
        var reports: [MonitoringEpisode] = [], items: [DueList.Item] = [], tallies: [Tally] = []
        for area in user.areas {
            reports += try await store.records(in: .monitoringEpisode, where: "household_number", from: area, below: area + ":",
                                               and: "status", isOneOf: undecided.map(\.rawValue))
                .compactMap { $0.value as? MonitoringEpisode }
            // The area's items up to the page asked for: merged with the open work, they hold its items.
            let stored = try await server.offload {
                try store.openDeadlineItems(plugin: plugin.id, fingerprint: fingerprint, asOf: today, area: area, through: horizon,
                                            filter: deadlineFilter, limit: page * pageLength)
            }
            var counted: [DueList.Item]
            if let stored {
                items += stored.items.map(DueList.Item.init)
                tallies += stored.tallies.map {
                    Tally(village: $0.village, kind: $0.deadlineID, title: $0.title, count: $0.count, overdue: $0.overdue)
                }
                counted = try await DueScan.openWork(of: store, area: area, through: horizon, language: plugin.language)
            } else {
                // Not current for today: the deadlines run over the area (the duties, owed by no
                // household, are not a person's work on a household and are left out).
                let scan = DueScan(chain: chain, asOf: today, area: area, withinDays: horizonDays, workers: 2)
                counted = try await scan.run(on: store).items.filter { if case .duty = $0.source { false } else { true } }
            }
            tallies += tally(counted, today: today)
            items += counted.filter(filter.picks)
        }
        let shown = nearestFirst(items).dropFirst((page - 1) * pageLength).prefix(pageLength)
        let work = MyWork(reports: reports.sorted(by: reportOrder), items: Array(shown), page: page, tallies: merged(tallies),
                          filter: filter, today: today)
        // A page past the last (an old link, once work was done) is the last.
        return page > work.pages ? try await load(for: user, server: server, today: today, filter: filter, page: work.pages) : work
    }

    /// `items` nearest first, then by household, source, responsible unit, person and message
    /// (the order of `DeadlineItemPage.precedes`, in which a store pages the deadline items).
    /// A township has thousands of items when its deadlines are run here: each one's key is
    /// made once (the source's text is built anew each time it is asked for), and the
    /// positions are sorted rather than the items, which are large to copy. Items with the same
    /// key keep their order.
    private static func nearestFirst(_ items: [DueList.Item]) -> [DueList.Item] {
        let undated = LocalDate(year: 9999, month: 12, day: 31)!
        let keys = items.map { ($0.dueOn ?? undated, $0.householdNumber ?? "", $0.source.text, $0.responsible, $0.person ?? "", $0.message) }
        return items.indices.sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }.map { items[$0] }
    }

    /// Self-reports first, then the other channels; each oldest first.
    private static func reportOrder(_ a: MonitoringEpisode, _ b: MonitoringEpisode) -> Bool {
        (a.channel == .selfReport ? 0 : 1, a.reportedOn, a.id) < (b.channel == .selfReport ? 0 : 1, b.reportedOn, b.id)
    }

    /// One tally for each of `items` (`merged` adds them up).
    private static func tally(_ items: [DueList.Item], today: LocalDate) -> [Tally] {
        items.map { item in
            Tally(village: item.householdNumber.map(Self.village) ?? "", kind: Self.kind(of: item), title: item.title, count: 1,
                  overdue: item.dueOn.map { $0 < today } ?? false ? 1 : 0)
        }
    }

    /// `tallies` with those of the same village and kind added up, by village then kind.
    private static func merged(_ tallies: [Tally]) -> [Tally] {
        var sums: [[String]: Tally] = [:]
        for tally in tallies {
            let key = [tally.village, tally.kind]
            guard var sum = sums[key] else {
                sums[key] = tally
                continue
            }
            sum.count += tally.count
            sum.overdue += tally.overdue
            sum.title = min(sum.title, tally.title)
            sums[key] = sum
        }
        return sums.values.sorted { ($0.village, $0.kind) < ($1.village, $1.kind) }
    }

    /// The kind of an item the page filters by: a deadline's or duty's id, or the kind of record.
    static func kind(of item: DueList.Item) -> String {
        switch item.source {
        case .deadline(let id), .duty(let id): id
        case .problem: "problem"
        case .measure: "measure"
        case .warning: "warning"
        }
    }

    /// The village code of household `number`.
    static func village(_ number: String) -> String { String(number.prefix(12)) }
}
