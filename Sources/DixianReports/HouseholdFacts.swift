import DixianCore

/// What reports count about one household, read once from its view as of the report's date:
/// far smaller than the view, so a million of them fit in memory. The console's `find` selects
/// households by the same dimensions.
public struct HouseholdFacts: Sendable {
    /// One monitoring episode's dates and labels.
    struct Episode: Sendable {
        var channel: DiscoveryChannel
        var status: MonitoringStatus
        var riskTypes: [RiskType]
        var reportedOn: LocalDate
        var identifiedOn: LocalDate?
        var eliminatedOn: LocalDate?
        /// The dates it was sent back to monitoring (回退) and relabelled (再标注), from its steps.
        var sentBackOn: [LocalDate] = []
        var relabelledOn: [LocalDate] = []
    }

    var number: String
    var village: String
    var category: HouseholdCategory
    var kind: MonitoredKind?
    var size: Int
    var episodes: [Episode]
    /// Net income by year.
    var netIncome: [Int: Money]

    var township: String { String(village.prefix(9)) }

    /// The facts of `view`.
    public init(_ view: HouseholdView) {
        number = view.household.number
        village = view.household.area.villageCode
        category = view.household.category
        kind = view.household.monitoredKind
        size = view.size
        let steps = view.steps
        episodes = view.episodes.map { episode in
            func dates(_ transition: MonitoringTransition) -> [LocalDate] {
                steps.lazy.filter { $0.episodeID == episode.id && $0.transition == transition }.map(\.takenOn)
            }
            return Episode(channel: episode.channel, status: episode.status,
                           riskTypes: episode.riskTypes.sorted { $0.rawValue < $1.rawValue }, reportedOn: episode.reportedOn,
                           identifiedOn: episode.identifiedOn, eliminatedOn: episode.eliminatedOn,
                           sentBackOn: dates(.sendBack), relabelledOn: dates(.relabel))
        }
        netIncome = Dictionary(view.incomes.map { ($0.year, $0.netIncome) }, uniquingKeysWith: { _, last in last })
    }

    /// The latest episode, if any.
    var latest: Episode? { episodes.last }

    /// The household's values of dimension `name` (`township`, `village`, `category`, `kind`,
    /// `status`, `risk_type`; several for risk types), nil for a dimension households do not have.
    public func values(of name: String) -> [String]? {
        switch name {
        case "township": [township]
        case "village": [village]
        case "category": [category.rawValue]
        case "kind": [kind?.rawValue ?? "none"]
        case "status": [latest?.status.rawValue ?? "none"]
        case "risk_type":
            latest.map { $0.riskTypes.isEmpty ? ["none"] : $0.riskTypes.map(\.rawValue) } ?? ["none"]
        default: nil
        }
    }
}

extension HouseholdFacts.Episode {
    /// The episode's values of dimension `name`, nil for a dimension episodes do not have
    /// (the caller then asks the household).
    func values(of name: String) -> [String]? {
        switch name {
        case "channel": [channel.rawValue]
        case "status": [status.rawValue]
        case "risk_type": riskTypes.isEmpty ? ["none"] : riskTypes.map(\.rawValue)
        default: nil
        }
    }

    /// The dates of `event` (`reported`, `identified`, `eliminated` once at most; `sent-back`
    /// and `relabelled` as often as the steps were taken).
    func dates(of event: String) -> [LocalDate] {
        switch event {
        case "reported": [reportedOn]
        case "identified": identifiedOn.map { [$0] } ?? []
        case "eliminated": eliminatedOn.map { [$0] } ?? []
        case "sent-back": sentBackOn
        case "relabelled": relabelledOn
        default: []
        }
    }
}
