/// A complaint or report about a household (投诉举报): when it was received, through which
/// channel, what it raised, and when it was closed (办结). Rules ask about it: Minqin's 六必查
/// checks a household with complaints (有投诉举报情况的农户).
///
/// Who complained is not kept: the complainant's identity is protected (信访工作条例), and the
/// rules need only that a household was complained about, or complained.
public struct Complaint: Hashable, Sendable {
    /// The complaint's number.
    public var id: Int64
    /// The household it concerns.
    public var householdNumber: String
    /// When it was received (受理日期).
    public var receivedOn: LocalDate
    /// How it came in.
    public var channel: ComplaintChannel
    /// What it raised (反映问题), as the office recorded it.
    public var summary: String
    /// When it was closed (办结日期), nil while open.
    public var closedOn: LocalDate?

    /// A complaint.
    public init(id: Int64, householdNumber: String, receivedOn: LocalDate, channel: ComplaintChannel, summary: String,
                closedOn: LocalDate? = nil) {
        self.id = id
        self.householdNumber = householdNumber
        self.receivedOn = receivedOn
        self.channel = channel
        self.summary = summary
        self.closedOn = closedOn
    }
}

/// How a complaint came in.
public enum ComplaintChannel: String, OfficialTerm {
    /// The rural revitalisation hotline, 12317.
    case hotline
    /// Letters and visits (信访).
    case petition
    /// Online platforms (网络平台: 12345, 人民网留言板).
    case online
    /// Inspections and supervision (督查巡查).
    case inspection
    /// Other.
    case other

    public var chineseName: String {
        switch self {
        case .hotline: "12317热线"
        case .petition: "信访"
        case .online: "网络平台"
        case .inspection: "督查巡查"
        case .other: "其他"
        }
    }
}
