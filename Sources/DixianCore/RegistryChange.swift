/// One record of the registry, of any kind.
public enum RegistryRecord: Hashable, Sendable {
    /// A place: the county, a township or a village.
    case place(Place)
    /// A household.
    case household(Household)
    /// A member.
    case member(Member)
    /// A year's income.
    case income(IncomeRecord)
    /// A month's income.
    case monthlyIncome(MonthlyIncome)
    /// A guarantee survey.
    case guaranteeSurvey(GuaranteeSurvey)
    /// A monitoring episode.
    case monitoringEpisode(MonitoringEpisode)
    /// A step of a monitoring episode.
    case monitoringStep(MonitoringStep)
    /// A department warning.
    case departmentWarning(DepartmentWarning)
    /// An assistance plan.
    case assistancePlan(AssistancePlan)
    /// A measure of a plan.
    case measure(Measure)
    /// A visit.
    case visit(Visit)
    /// A problem in the ledger.
    case problem(Problem)
    /// A member's hospital stay.
    case hospitalStay(HospitalStay)
    /// A complaint about a household.
    case complaint(Complaint)
    /// A household's microcredit loan.
    case microcreditLoan(MicrocreditLoan)
    /// An asset.
    case asset(Asset)
    /// A year's income of an asset.
    case assetIncome(AssetIncome)
    /// A use of an asset's income.
    case assetDistribution(AssetDistribution)
}

/// A change to the registry. Stores apply changes in transactions and audit each one.
public enum RegistryChange: Hashable, Sendable {
    /// Adds a record; it must not exist yet.
    case insert(RegistryRecord)
    /// Replaces the record with the same key; it must exist.
    case update(RegistryRecord)
    /// Removes the record with the same key as this one; it must exist.
    case delete(RegistryRecord)
    /// Replaces `expected` with the record (same key) only if the store still holds `expected`
    /// exactly: an update that loses nobody else's change (optimistic locking). Otherwise the
    /// store refuses it as stale.
    case replace(RegistryRecord, expected: RegistryRecord)
}

/// The kinds of record the registry holds, one table each.
public enum RegistryTable: String, CaseIterable, Sendable {
    /// Places (first: nothing refers to them by key, and an import gives names first).
    case place
    /// Households.
    case household
    /// Members.
    case member
    /// Yearly income.
    case income
    /// Monthly income.
    case monthlyIncome = "monthly_income"
    /// Guarantee surveys.
    case guaranteeSurvey = "guarantee_survey"
    /// Monitoring episodes.
    case monitoringEpisode = "monitoring_episode"
    /// Steps of monitoring episodes.
    case monitoringStep = "monitoring_step"
    /// Department warnings.
    case departmentWarning = "department_warning"
    /// Assistance plans.
    case assistancePlan = "assistance_plan"
    /// Measures of plans.
    case measure
    /// Visits.
    case visit
    /// The problem ledger.
    case problem
    /// Members' hospital stays.
    case hospitalStay = "hospital_stay"
    /// Complaints about households.
    case complaint
    /// Households' microcredit loans.
    case microcreditLoan = "microcredit_loan"
    /// Assets.
    case asset
    /// Asset income by year.
    case assetIncome = "asset_income"
    /// Uses of asset income.
    case assetDistribution = "asset_distribution"
}
