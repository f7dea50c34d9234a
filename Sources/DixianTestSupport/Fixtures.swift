import DixianCore

/// A small registry for tests: one monitored household with three members, and a record of
/// every kind.
public enum Fixtures {
    /// The village.
    public static let village = Area(villageCode: "620621100201", group: "三组")!
    /// The day the household reported hardship.
    public static let reportDay = LocalDate(iso: "2024-09-27")!

    /// The household.
    public static let household = Household(
        number: "6206211002010001", area: village, headName: "张三", category: .monitored, monitoredKind: .suddenHardship,
        flags: [.minimumLivingAllowance], helper: "李帮扶")
    /// Its head, seriously ill.
    public static let head = Member(
        residentID: try! ResidentID(areaCode: "620621", birthDate: LocalDate(iso: "1968-03-01")!, sequence: 31),
        householdNumber: household.number, name: "张三", relation: Member.headRelation, laborCapacity: .partial,
        health: .seriousIllness)
    /// The spouse, disabled (grade 3).
    public static let spouse = Member(
        residentID: try! ResidentID(areaCode: "620621", birthDate: LocalDate(iso: "1970-07-15")!, sequence: 42),
        householdNumber: household.number, name: "王芳", relation: "配偶", laborCapacity: .full, disabilityGrade: 3)
    /// A child in junior secondary school.
    public static let child = Member(
        residentID: try! ResidentID(areaCode: "620621", birthDate: LocalDate(iso: "2011-05-20")!, sequence: 13),
        householdNumber: household.number, name: "张小明", relation: "之子", laborCapacity: .none,
        schoolStage: .juniorSecondary, schoolStatus: .enrolled)

    /// The household's village in the places, hit by a flood in November 2024.
    public static let villagePlace = Place(code: village.villageCode, name: "红沙岗村", level: .village,
                                           disasterOn: LocalDate(iso: "2024-11-05")!, disaster: "暴雨洪涝")

    /// One record of every kind, referenced ones first.
    public static var everyKind: [RegistryRecord] {
        [
            .household(household), .member(head), .member(spouse), .member(child),
            .income(IncomeRecord(householdNumber: household.number, year: 2023, wage: Money(yuan: 18000),
                                 operating: Money(yuan: 9000), property: Money(yuan: 600), transfer: Money(yuan: 4200),
                                 productionCosts: Money(yuan: 3000), medicalSpending: Money(yuan: 23000))),
            .monthlyIncome(MonthlyIncome(householdNumber: household.number, year: 2024, month: 8, netIncome: Money(yuan: 1500))),
            .guaranteeSurvey(GuaranteeSurvey(householdNumber: household.number, surveyedOn: reportDay, basicMedical: false,
                                             notes: "大病自付费用高")),
            .monitoringEpisode(MonitoringEpisode(id: 1, householdNumber: household.number, channel: .selfReport,
                                                 reportedOn: reportDay, status: .identified, riskTypes: [.illness, .disability],
                                                 identifiedOn: LocalDate(iso: "2024-10-11")!)),
            .monitoringStep(MonitoringStep(id: 1, episodeID: 1, householdNumber: household.number, transition: .answer,
                                           takenOn: LocalDate(iso: "2024-10-08")!, actor: "乡镇干部", accepted: true,
                                           notes: "符合认定标准")),
            .departmentWarning(DepartmentWarning(id: 1, department: .medicalInsurance, residentID: head.residentID,
                                                 receivedOn: LocalDate(iso: "2024-09-28")!, reason: "个人自付医疗费用超过2万元")),
            .assistancePlan(AssistancePlan(id: 1, householdNumber: household.number, episodeID: 1,
                                           madeOn: LocalDate(iso: "2024-10-18")!)),
            .measure(Measure(id: 1, planID: 1, type: .medical, description: "落实医疗救助", responsibleUnit: "县医保局",
                             responsiblePerson: "赵医保", startsOn: LocalDate(iso: "2024-10-18")!,
                             dueOn: LocalDate(iso: "2024-12-31")!)),
            .visit(Visit(id: 1, householdNumber: household.number, visitedOn: LocalDate(iso: "2024-10-20")!,
                         visitor: "李帮扶", role: .helper, notes: "了解治疗进展")),
            .problem(Problem(id: 1, householdNumber: household.number, foundBy: "县级大排查", foundOn: reportDay,
                             description: "医疗保障未落实", responsibleUnit: "镇政府", responsiblePerson: "孙镇长",
                             measure: "协调医保报销", deadline: LocalDate(iso: "2024-10-31")!)),
            .hospitalStay(HospitalStay(id: 1, householdNumber: household.number, residentID: head.residentID,
                                       admittedOn: LocalDate(iso: "2024-09-10")!, dischargedOn: LocalDate(iso: "2024-09-24")!,
                                       hospital: "民勤县人民医院", cost: Money(yuan: 36800), reimbursed: Money(yuan: 25760))),
            .complaint(Complaint(id: 1, householdNumber: household.number, receivedOn: LocalDate(iso: "2024-09-20")!, channel: .hotline,
                                 summary: "反映医疗费用报销慢", closedOn: LocalDate(iso: "2024-09-30")!)),
            .microcreditLoan(MicrocreditLoan(id: 1, householdNumber: household.number, borrowedOn: LocalDate(iso: "2022-04-15")!,
                                             dueOn: LocalDate(iso: "2025-04-14")!, amount: Money(yuan: 50000), purpose: .householdUse)),
            .asset(Asset(id: 1, project: "光伏扶贫电站", assetClass: .operating, value: Money(yuan: 1_200_000),
                         villageCode: village.villageCode, custodian: "村集体经济合作社", ownershipRegistered: true,
                         status: .inUse, formedOn: LocalDate(iso: "2019-06-30")!, statusSince: LocalDate(iso: "2021-04-01")!)),
            .assetIncome(AssetIncome(assetID: 1, year: 2023, income: Money(yuan: 96000))),
            .assetDistribution(AssetDistribution(assetID: 1, year: 2023, purpose: "公益岗位工资", amount: Money(yuan: 60000))),
            .place(villagePlace),
        ]
    }
}
