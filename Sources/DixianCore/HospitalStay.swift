/// A member's stay in hospital (住院): when they were admitted and discharged, where, what it
/// cost and how much of it was reimbursed (医保报销, 大病保险, 医疗救助 together). Rules ask about
/// it: Minqin's 六必查 checks a household with a member in hospital (有病人住院家庭), Xiaoxian's
/// 排查 asks whether hospital costs were reimbursed in time.
///
/// The diagnosis is not kept: it is health data the rules do not need. The member's illness,
/// as the registry records it, is the member's `health`.
public struct HospitalStay: Hashable, Sendable {
    /// The stay's number.
    public var id: Int64
    /// The household of the member.
    public var householdNumber: String
    /// The member who stayed.
    public var residentID: ResidentID
    /// When they were admitted (入院日期).
    public var admittedOn: LocalDate
    /// When they were discharged (出院日期), nil while still in hospital.
    public var dischargedOn: LocalDate?
    /// The hospital (`民勤县人民医院`).
    public var hospital: String
    /// The total cost of the stay (住院总费用).
    public var cost: Money
    /// How much of it was reimbursed (报销金额), zero until it is.
    public var reimbursed: Money

    /// A hospital stay.
    public init(id: Int64, householdNumber: String, residentID: ResidentID, admittedOn: LocalDate, dischargedOn: LocalDate? = nil,
                hospital: String, cost: Money, reimbursed: Money = .zero) {
        self.id = id
        self.householdNumber = householdNumber
        self.residentID = residentID
        self.admittedOn = admittedOn
        self.dischargedOn = dischargedOn
        self.hospital = hospital
        self.cost = cost
        self.reimbursed = reimbursed
    }

    /// What the household paid itself (cost less what was reimbursed).
    public var outOfPocket: Money { cost - reimbursed }
}
