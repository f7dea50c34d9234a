/// Everything the registry holds about one household as of a date, assembled for screening:
/// what a county's checks read. It is a snapshot; nothing done to it changes the registry.
///
/// Records dated after `asOf` are left out (incomes of later years, later visits, episodes
/// reported later), so a screening for a past date sees the registry as it could have been
/// known then, apart from corrections made since.
public struct HouseholdView: Equatable, Sendable {
    /// The household record.
    public var household: Household
    /// Its members, the head first.
    public var members: [Member]
    /// Yearly incomes, oldest first.
    public var incomes: [IncomeRecord]
    /// Monthly net incomes, oldest first (kept where a county counts a rolling window).
    public var monthlyIncomes: [MonthlyIncome]
    /// The latest guarantee survey on or before the assessment date, if any.
    public var latestSurvey: GuaranteeSurvey?
    /// Monitoring episodes, oldest first.
    public var episodes: [MonitoringEpisode]
    /// The steps of those episodes, by episode, then in date order (their notes are not read).
    public var steps: [MonitoringStep]
    /// 一户一策 plans, oldest first.
    public var plans: [AssistancePlan]
    /// Visits, oldest first: when and in which role (visitor names and notes are not needed to judge
    /// frequency and are not read).
    public var visits: [VisitEntry]
    /// Its members' hospital stays admitted on or before the assessment date, oldest first
    /// (a stay's discharge is shown as recorded, even when it came later).
    public var hospitalStays: [HospitalStay]
    /// Complaints about it received on or before the assessment date, oldest first (a closing
    /// is shown as recorded, even when it came later).
    public var complaints: [Complaint]
    /// Its microcredit loans made on or before the assessment date, oldest first (a repayment
    /// is shown as recorded, even when it came later).
    public var loans: [MicrocreditLoan]
    /// Its village as the registry's places hold it today (name, and the disaster the township
    /// recorded), nil when the places do not list the village. A disaster recorded for a date
    /// after the assessment date is not shown to checks (`LuaHouseholdView`); a place holds only
    /// the last disaster recorded, so a run for a past date does not see one it replaced.
    public var village: Place?

    /// One visit as a check sees it.
    public struct VisitEntry: Hashable, Sendable {
        /// When.
        public var visitedOn: LocalDate
        /// In which role.
        public var role: VisitorRole

        /// A visit entry.
        public init(visitedOn: LocalDate, role: VisitorRole) {
            self.visitedOn = visitedOn
            self.role = role
        }
    }

    /// A view of `household` with nothing but the household record; the rest is filled in by the reader.
    public init(
        household: Household, members: [Member] = [], incomes: [IncomeRecord] = [],
        monthlyIncomes: [MonthlyIncome] = [], latestSurvey: GuaranteeSurvey? = nil,
        episodes: [MonitoringEpisode] = [], steps: [MonitoringStep] = [], plans: [AssistancePlan] = [], visits: [VisitEntry] = [],
        hospitalStays: [HospitalStay] = [], complaints: [Complaint] = [],
        loans: [MicrocreditLoan] = [], village: Place? = nil
    ) {
        self.household = household
        self.members = members
        self.incomes = incomes
        self.monthlyIncomes = monthlyIncomes
        self.latestSurvey = latestSurvey
        self.episodes = episodes
        self.steps = steps
        self.plans = plans
        self.visits = visits
        self.hospitalStays = hospitalStays
        self.complaints = complaints
        self.loans = loans
        self.village = village
    }

    /// The household size as the registry counts it: its members.
    public var size: Int { members.count }
}
