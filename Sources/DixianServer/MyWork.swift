import DixianCore
import DixianPlugins
import DixianWorkflow

/// 我的待办: what a signed-in user's areas owe today, for `/work` and its count on the
/// dashboard. The reported risks not yet decided come first, as an inbox, the 一键报贫
/// (self-reports) on top and the reports of cadres, warnings and townships after them; then the items of
/// the plugin's own deadlines due within `horizonDays` or overdue, and the open work the
/// registry records with its own deadline (problems, measures) or without one (department
/// warnings awaiting verification), nearest due date first. The deadline items are those a
/// screening keeps current (`ScreeningRunStore.storedDeadlineItems`); when the stored state
/// does not cover an area today, the deadlines are run over it, as `dixian due` does.
struct MyWork: Sendable {
    /// Days ahead the list looks, as `dixian due` does by default.
    static let horizonDays = 7

    /// The episodes not yet decided: self-reports first, each group oldest first.
    var reports: [MonitoringEpisode]
    /// The items, nearest due date first (those without one last).
    var items: [DueList.Item]
    /// Today (Beijing).
    var today: LocalDate

    /// Whether `item` is past its due date.
    func isOverdue(_ item: DueList.Item) -> Bool { item.dueOn.map { $0 < today } ?? false }

    /// How many items are overdue.
    var overdueCount: Int { items.count(where: isOverdue) }

    /// How many of `reports` are self-reports.
    var selfReportCount: Int { reports.count(where: { $0.channel == .selfReport }) }

    /// The statuses of a report still waiting for the township's or the county's decision.
    static let undecided: Set<MonitoringStatus> = [.reported, .verified, .accepted]

    /// The work of `user`'s areas on `today`.
    static func load<Store: ServerStore>(for user: ServerUser, server: DixianServer<Store>, today: LocalDate) async throws -> MyWork {
        let store = server.store, chain = server.chain, plugin = server.plugin
        let horizon = today.adding(days: horizonDays)
        let fingerprint = try PluginManifest.fingerprint(of: chain)
        var reports: [MonitoringEpisode] = [], items: [DueList.Item] = []
        for area in user.areas {
            reports += try await store.records(in: .monitoringEpisode, where: "household_number", from: area, below: area + ":")
                .compactMap { $0.value as? MonitoringEpisode }
                .filter { undecided.contains($0.status) }
            let stored = try await server.offload {
                try store.storedDeadlineItems(plugin: plugin.id, fingerprint: fingerprint, asOf: today, area: area, through: horizon)
            }
            if let stored {
                items += stored.filter { $0.doneOn == nil && $0.dueOn <= horizon }.map(DueList.Item.init)
                items += try await DueScan.openWork(of: store, area: area, through: horizon, language: plugin.language)
            } else {
                // Not current for today: the deadlines run over the area (the duties, owed by no
                // household, are not a person's work on a household and are left out).
                let scan = DueScan(chain: chain, asOf: today, area: area, withinDays: horizonDays, workers: 2)
                items += try await scan.run(on: store).items.filter { if case .duty = $0.source { false } else { true } }
            }
        }
        // Nearest first. A township has thousands of items: each one's key is made once (the
        // source's text is built anew each time it is asked for), and the positions are sorted
        // rather than the items, which are large to copy.
        let undated = LocalDate(year: 9999, month: 12, day: 31)!
        let keys = items.map { ($0.dueOn ?? undated, $0.householdNumber ?? "", $0.source.text) }
        items = items.indices.sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }.map { items[$0] }
        reports.sort { ($0.channel == .selfReport ? 0 : 1, $0.reportedOn, $0.id) < ($1.channel == .selfReport ? 0 : 1, $1.reportedOn, $1.id) }
        return MyWork(reports: reports, items: items, today: today)
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

    /// The items of village `village` and of kind `kind` (an empty filter takes all).
    func matching(village: String, kind: String) -> [DueList.Item] {
        items.filter { item in
            (village.isEmpty || item.householdNumber.map(Self.village) == village) && (kind.isEmpty || Self.kind(of: item) == kind)
        }
    }
}
