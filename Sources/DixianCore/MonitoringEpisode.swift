/// One period of monitoring of a household: from the first report of a risk to its
/// elimination (or to the decision not to identify the household).
public struct MonitoringEpisode: Hashable, Sendable {
    /// The episode's identifier in the registry.
    public var id: Int64
    /// The household.
    public var householdNumber: String
    /// How the risk came to light.
    public var channel: DiscoveryChannel
    /// When it was reported.
    public var reportedOn: LocalDate
    /// Where the episode stands.
    public var status: MonitoringStatus
    /// The risks identified (empty until identification).
    public var riskTypes: Set<RiskType>
    /// When the household was identified (识别认定), if it was.
    public var identifiedOn: LocalDate?
    /// When its risk was marked eliminated (风险消除), if it was.
    public var eliminatedOn: LocalDate?

    /// An episode record.
    public init(
        id: Int64, householdNumber: String, channel: DiscoveryChannel, reportedOn: LocalDate,
        status: MonitoringStatus, riskTypes: Set<RiskType> = [], identifiedOn: LocalDate? = nil,
        eliminatedOn: LocalDate? = nil
    ) {
        self.id = id
        self.householdNumber = householdNumber
        self.channel = channel
        self.reportedOn = reportedOn
        self.status = status
        self.riskTypes = riskTypes
        self.identifiedOn = identifiedOn
        self.eliminatedOn = eliminatedOn
    }
}

/// A record a sector department pushed about a resident (部门预警信息), and what became of it.
public struct DepartmentWarning: Hashable, Sendable {
    /// The warning's identifier in the registry.
    public var id: Int64
    /// Who sent it.
    public var department: Department
    /// The resident it concerns, as the department sent it.
    public var residentID: ResidentID
    /// When it arrived.
    public var receivedOn: LocalDate
    /// What the department reports (high medical spending, new 低保, dropout, ...).
    public var reason: String
    /// The township's verification result, once recorded.
    public var result: String?
    /// When the loop was closed, once it was.
    public var closedOn: LocalDate?

    /// A warning record.
    public init(
        id: Int64, department: Department, residentID: ResidentID, receivedOn: LocalDate, reason: String,
        result: String? = nil, closedOn: LocalDate? = nil
    ) {
        self.id = id
        self.department = department
        self.residentID = residentID
        self.receivedOn = receivedOn
        self.reason = reason
        self.result = result
        self.closedOn = closedOn
    }
}
