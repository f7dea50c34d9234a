import DixianCore

/// The words a report's table shows for a group that has no name of its own.
public enum ReportLabel: MessageCatalogue {
    /// A row counting what has none of the dimension's values (no measure, no risk type).
    case none
    /// Work not placed in any township: the county's own offices.
    case countyLevel

    public var texts: (chinese: String, english: String) {
        switch self {
        case .none: ("无", "none")
        case .countyLevel: ("县直", "county")
        }
    }

    public static var samples: [ReportLabel] { [.none, .countyLevel] }
}
