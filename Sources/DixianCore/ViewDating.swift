/// Which of a kind's records a household view as of a date holds (issue 23 reads it to know
/// which households a later date brings records into view for): those of the date's year or
/// before, of its month or before, or dated on or before it. The stores' view readers and
/// `householdsWithRecords` follow it.
public enum ViewDating: Hashable, Sendable {
    /// Records of the view's year or earlier (column `year`).
    case year
    /// Records of the view's month or earlier (columns `year` and `month`).
    case month
    /// Records whose date column is on or before the view's date.
    case date(column: String)

    /// How a view selects the records of `table` by date; nil for the kinds it holds whatever
    /// the date (the household, its members) and those it does not hold.
    public static func of(_ table: RegistryTable) -> ViewDating? {
        switch table {
        case .income: .year
        case .monthlyIncome: .month
        case .guaranteeSurvey: .date(column: "surveyed_on")
        case .monitoringEpisode: .date(column: "reported_on")
        case .monitoringStep: .date(column: "taken_on")
        case .assistancePlan: .date(column: "made_on")
        case .visit: .date(column: "visited_on")
        case .hospitalStay: .date(column: "admitted_on")
        case .complaint: .date(column: "received_on")
        case .microcreditLoan: .date(column: "borrowed_on")
        default: nil
        }
    }

    /// The kinds of record a view selects by date.
    public static var dated: [(table: RegistryTable, dating: ViewDating)] {
        RegistryTable.allCases.compactMap { table in of(table).map { (table, $0) } }
    }
}

extension RegistryTable {
    /// The tables of an asset's records: a change to one marks no household (assets belong to
    /// villages), so runs that keep assets current look for them in the audit trail.
    public static let assetTables: [RegistryTable] = [.asset, .assetIncome, .assetDistribution]

    /// The names of `assetTables`, quoted as SQL string literals, separated by commas.
    public static var quotedAssetTables: String { assetTables.map { "'\($0.rawValue)'" }.joined(separator: ", ") }
}
