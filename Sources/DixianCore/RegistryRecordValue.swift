/// A record type of the registry: it knows its table and wraps itself as a `RegistryRecord`.
public protocol RegistryRecordValue: DescribedRecord {
    /// The table records of this type are kept in.
    static var registryTable: RegistryTable { get }
    /// This record as a `RegistryRecord`.
    var registryRecord: RegistryRecord { get }
}

extension RegistryRecord {
    /// The record itself.
    public var value: any RegistryRecordValue {
        switch self {
        case .place(let record): record
        case .household(let record): record
        case .member(let record): record
        case .income(let record): record
        case .monthlyIncome(let record): record
        case .guaranteeSurvey(let record): record
        case .monitoringEpisode(let record): record
        case .monitoringStep(let record): record
        case .departmentWarning(let record): record
        case .assistancePlan(let record): record
        case .measure(let record): record
        case .visit(let record): record
        case .problem(let record): record
        case .hospitalStay(let record): record
        case .complaint(let record): record
        case .microcreditLoan(let record): record
        case .asset(let record): record
        case .assetIncome(let record): record
        case .assetDistribution(let record): record
        }
    }
}

extension RegistryTable {
    /// The type of the records in this table.
    public var valueType: any RegistryRecordValue.Type {
        switch self {
        case .place: Place.self
        case .household: Household.self
        case .member: Member.self
        case .income: IncomeRecord.self
        case .monthlyIncome: MonthlyIncome.self
        case .guaranteeSurvey: GuaranteeSurvey.self
        case .monitoringEpisode: MonitoringEpisode.self
        case .monitoringStep: MonitoringStep.self
        case .departmentWarning: DepartmentWarning.self
        case .assistancePlan: AssistancePlan.self
        case .measure: Measure.self
        case .visit: Visit.self
        case .problem: Problem.self
        case .hospitalStay: HospitalStay.self
        case .complaint: Complaint.self
        case .microcreditLoan: MicrocreditLoan.self
        case .asset: Asset.self
        case .assetIncome: AssetIncome.self
        case .assetDistribution: AssetDistribution.self
        }
    }
}

extension Place: RegistryRecordValue {
    public static let registryTable = RegistryTable.place
    public var registryRecord: RegistryRecord { .place(self) }
}

extension HospitalStay: RegistryRecordValue {
    public static let registryTable = RegistryTable.hospitalStay
    public var registryRecord: RegistryRecord { .hospitalStay(self) }
}

extension Complaint: RegistryRecordValue {
    public static let registryTable = RegistryTable.complaint
    public var registryRecord: RegistryRecord { .complaint(self) }
}

extension MicrocreditLoan: RegistryRecordValue {
    public static let registryTable = RegistryTable.microcreditLoan
    public var registryRecord: RegistryRecord { .microcreditLoan(self) }
}

extension Household: RegistryRecordValue {
    public static let registryTable = RegistryTable.household
    public var registryRecord: RegistryRecord { .household(self) }
}

extension Member: RegistryRecordValue {
    public static let registryTable = RegistryTable.member
    public var registryRecord: RegistryRecord { .member(self) }
}

extension IncomeRecord: RegistryRecordValue {
    public static let registryTable = RegistryTable.income
    public var registryRecord: RegistryRecord { .income(self) }
}

extension MonthlyIncome: RegistryRecordValue {
    public static let registryTable = RegistryTable.monthlyIncome
    public var registryRecord: RegistryRecord { .monthlyIncome(self) }
}

extension GuaranteeSurvey: RegistryRecordValue {
    public static let registryTable = RegistryTable.guaranteeSurvey
    public var registryRecord: RegistryRecord { .guaranteeSurvey(self) }
}

extension MonitoringEpisode: RegistryRecordValue {
    public static let registryTable = RegistryTable.monitoringEpisode
    public var registryRecord: RegistryRecord { .monitoringEpisode(self) }
}

extension MonitoringStep: RegistryRecordValue {
    public static let registryTable = RegistryTable.monitoringStep
    public var registryRecord: RegistryRecord { .monitoringStep(self) }
}

extension DepartmentWarning: RegistryRecordValue {
    public static let registryTable = RegistryTable.departmentWarning
    public var registryRecord: RegistryRecord { .departmentWarning(self) }
}

extension AssistancePlan: RegistryRecordValue {
    public static let registryTable = RegistryTable.assistancePlan
    public var registryRecord: RegistryRecord { .assistancePlan(self) }
}

extension Measure: RegistryRecordValue {
    public static let registryTable = RegistryTable.measure
    public var registryRecord: RegistryRecord { .measure(self) }
}

extension Visit: RegistryRecordValue {
    public static let registryTable = RegistryTable.visit
    public var registryRecord: RegistryRecord { .visit(self) }
}

extension Problem: RegistryRecordValue {
    public static let registryTable = RegistryTable.problem
    public var registryRecord: RegistryRecord { .problem(self) }
}

extension Asset: RegistryRecordValue {
    public static let registryTable = RegistryTable.asset
    public var registryRecord: RegistryRecord { .asset(self) }
}

extension AssetIncome: RegistryRecordValue {
    public static let registryTable = RegistryTable.assetIncome
    public var registryRecord: RegistryRecord { .assetIncome(self) }
}

extension AssetDistribution: RegistryRecordValue {
    public static let registryTable = RegistryTable.assetDistribution
    public var registryRecord: RegistryRecord { .assetDistribution(self) }
}
