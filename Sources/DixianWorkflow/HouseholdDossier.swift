import DixianCore

/// Everything the registry holds about one household, for `dixian household show` and the
/// server's household page: the household and its members, incomes, surveys, monitoring with
/// every step, plans with their measures, visits, problems, the department warnings about its
/// members, and its audited changes (the page lists them; `household show` counts them).
public struct HouseholdDossier: Sendable {
    /// The household.
    public var household: Household
    /// Its members, head first.
    public var members: [Member]
    /// Yearly incomes, oldest first.
    public var incomes: [IncomeRecord]
    /// Guarantee surveys, oldest first.
    public var surveys: [GuaranteeSurvey]
    /// Monitoring episodes, each with its steps in date order.
    public var episodes: [(episode: MonitoringEpisode, steps: [MonitoringStep])]
    /// Plans, each with its measures.
    public var plans: [(plan: AssistancePlan, measures: [Measure])]
    /// Visits, oldest first.
    public var visits: [Visit]
    /// Problems in the ledger.
    public var problems: [Problem]
    /// Department warnings about its members.
    public var warnings: [DepartmentWarning]
    /// Its members' hospital stays (住院), by admission.
    public var hospitalStays: [HospitalStay] = []
    /// Complaints about it (投诉举报), by the day each was received.
    public var complaints: [Complaint] = []
    /// Its microcredit loans (小额信贷), by the day each was lent.
    public var loans: [MicrocreditLoan] = []
    /// Every audited change to the household and its records, oldest first.
    public var auditTrail: [AuditEntry]
    /// How many audited changes the household and its records have.
    public var auditedChanges: Int { auditTrail.count }
    /// Its work done after its due dates, as the plugin's deadlines report it (Minqin: the
    /// 一键报贫 steps done late in the year), by date done; empty without a plugin.
    public var doneLate: [DueList.Item] = []
    /// The plugin's deadlines that failed on the household, with file and line: while there
    /// are any, `doneLate` may be incomplete.
    public var deadlineFailures: [String] = []
}

extension Workflow {
    /// The dossier of household `number`, with the work the plugin's deadlines say was done
    /// late in the period they show on `asOf` (today by default).
    public func dossier(of number: String, asOf: LocalDate? = nil) async throws -> HouseholdDossier {
        let household = try await household(number)
        let members = try await store.members(ofHousehold: number)
        func hanging<R: RegistryRecordValue>(_ type: R.Type) async throws -> [R] {
            try await records(type, where: "household_number", equals: number)
        }
        let steps = try await hanging(MonitoringStep.self)
        var episodes: [(MonitoringEpisode, [MonitoringStep])] = []
        for episode in try await hanging(MonitoringEpisode.self) {
            episodes.append((episode, steps.filter { $0.episodeID == episode.id }.sorted { ($0.takenOn, $0.id) < ($1.takenOn, $1.id) }))
        }
        var plans: [(AssistancePlan, [Measure])] = []
        for plan in try await hanging(AssistancePlan.self) {
            plans.append((plan, try await records(Measure.self, where: "plan_id", equals: String(plan.id))))
        }
        var warnings: [DepartmentWarning] = []
        for member in members {
            warnings += try await records(DepartmentWarning.self, where: "resident_id", equals: member.residentID.rawValue)
        }
        var dossier = HouseholdDossier(
            household: household, members: members, incomes: try await hanging(IncomeRecord.self),
            surveys: try await hanging(GuaranteeSurvey.self), episodes: episodes, plans: plans,
            visits: try await hanging(Visit.self).sorted { $0.visitedOn < $1.visitedOn },
            problems: try await hanging(Problem.self), warnings: warnings.sorted { $0.receivedOn < $1.receivedOn },
            hospitalStays: try await hanging(HospitalStay.self).sorted { ($0.admittedOn, $0.id) < ($1.admittedOn, $1.id) },
            complaints: try await hanging(Complaint.self).sorted { ($0.receivedOn, $0.id) < ($1.receivedOn, $1.id) },
            loans: try await hanging(MicrocreditLoan.self).sorted { ($0.borrowedOn, $0.id) < ($1.borrowedOn, $1.id) },
            auditTrail: try await store.auditTrail(ofHousehold: number))
        try await addDoneLate(to: &dossier, asOf: asOf ?? today)
        return dossier
    }

    /// Runs the plugin's deadlines on the household as of `asOf` and keeps the items done late:
    /// the same items `dixian due` lists under 逾期完成 (the plugin judges lateness once).
    private func addDoneLate(to dossier: inout HouseholdDossier, asOf: LocalDate) async throws {
        guard let runtime = guards, !runtime.declarations.deadlines.isEmpty,
            let view = try await store.householdView(dossier.household.number, asOf: asOf)
        else { return }
        try runtime.prepare(asOf: asOf)
        let outcome = try runtime.deadlines([view])
        let deadlines = runtime.declarations.deadlines
        dossier.doneLate = outcome.items.filter { $0.doneOn != nil }
            .map { DueScan.item($0, of: view, deadline: deadlines[$0.deadline]) }
            .sorted { ($0.doneOn!, $0.dueOn!, $0.message) < ($1.doneOn!, $1.dueOn!, $1.message) }
        dossier.deadlineFailures = outcome.failures.map(\.message)
    }
}
