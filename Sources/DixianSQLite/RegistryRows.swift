import DixianCore

// Every registry record is a row of its table, as its layout describes it.
extension Place: RegistryRow {}
extension Household: RegistryRow {}
extension Member: RegistryRow {}
extension IncomeRecord: RegistryRow {}
extension MonthlyIncome: RegistryRow {}
extension GuaranteeSurvey: RegistryRow {}
extension MonitoringEpisode: RegistryRow {}
extension MonitoringStep: RegistryRow {}
extension DepartmentWarning: RegistryRow {}
extension AssistancePlan: RegistryRow {}
extension Measure: RegistryRow {}
extension Visit: RegistryRow {}
extension Problem: RegistryRow {}
extension HospitalStay: RegistryRow {}
extension Complaint: RegistryRow {}
extension MicrocreditLoan: RegistryRow {}
extension Asset: RegistryRow {}
extension AssetIncome: RegistryRow {}
extension AssetDistribution: RegistryRow {}
