/// A member of a household (家庭成员).
public struct Member: Hashable, Sendable {
    /// The member's resident ID number; unique in the registry.
    public var residentID: ResidentID
    /// The household the member belongs to.
    public var householdNumber: String
    /// The member's name.
    public var name: String
    /// Relation to the head of household as the registry writes it (户主, 配偶, 之子, ...).
    public var relation: String
    /// Capacity to work.
    public var laborCapacity: LaborCapacity
    /// Health.
    public var health: HealthCondition
    /// Disability grade 1 (most severe) to 4, if disabled.
    public var disabilityGrade: Int?
    /// School stage, for members in or of school.
    public var schoolStage: SchoolStage?
    /// In school, dropped out or suspended, for members with a school stage.
    public var schoolStatus: SchoolStatus?
    /// Enrolled in basic medical insurance (参加基本医疗保险).
    public var medicalInsurance: Bool
    /// Months of migrant work (外出务工) in the year, 0 to 12.
    public var migrantWorkMonths: Int
    /// Works locally (本地务工).
    public var localWork: Bool
    /// Holds a public-welfare post (公益岗位).
    public var publicWelfarePost: Bool

    /// The relation that marks the head of household.
    public static let headRelation = "户主"

    /// A member record.
    public init(
        residentID: ResidentID, householdNumber: String, name: String, relation: String,
        laborCapacity: LaborCapacity, health: HealthCondition = .healthy, disabilityGrade: Int? = nil,
        schoolStage: SchoolStage? = nil, schoolStatus: SchoolStatus? = nil, medicalInsurance: Bool = true,
        migrantWorkMonths: Int = 0, localWork: Bool = false, publicWelfarePost: Bool = false
    ) {
        self.residentID = residentID
        self.householdNumber = householdNumber
        self.name = name
        self.relation = relation
        self.laborCapacity = laborCapacity
        self.health = health
        self.disabilityGrade = disabilityGrade
        self.schoolStage = schoolStage
        self.schoolStatus = schoolStatus
        self.medicalInsurance = medicalInsurance
        self.migrantWorkMonths = migrantWorkMonths
        self.localWork = localWork
        self.publicWelfarePost = publicWelfarePost
    }

    /// Whether this member is the head of household.
    /// (Compared as stored bytes: `==` on Chinese text checks canonical equivalence, which costs
    /// a normalization lookup per call, and the registry stores the relation exactly as written.)
    public var isHead: Bool { relation.utf8.elementsEqual(Member.headRelation.utf8) }

    /// The member's age on `date`, from the birth date in the ID number.
    public func age(on date: LocalDate) -> Int { residentID.age(on: date) }

    /// The first day after `date` on which the member's age is not what it is on `date`: the
    /// next birthday (a birthday on 29 February counts from 1 March in common years); nil when
    /// it would fall after 9999.
    public func nextBirthday(after date: LocalDate) -> LocalDate? {
        let birth = residentID.birthDate
        func birthday(in year: Int) -> LocalDate? {
            LocalDate(year: year, month: birth.month, day: birth.day) ?? LocalDate(year: year, month: 3, day: 1)
        }
        if let this = birthday(in: date.year), date < this { return this }
        return birthday(in: date.year + 1)
    }
}
