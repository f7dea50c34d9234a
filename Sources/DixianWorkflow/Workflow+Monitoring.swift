import DixianCore
import DixianPlugins

extension Workflow {
    /// Opens a monitoring episode for household `number`: a risk reported through `channel`
    /// on `date` by `person`. Returns the new episode's id.
    @discardableResult
    public func report(
        household number: String, channel: DiscoveryChannel, on date: LocalDate, by person: String, notes: String = ""
    ) async throws -> Int64 {
        let (episodeID, changes) = try await reporting(household: number, channel: channel, on: date, by: person, notes: notes)
        try await apply(changes)
        return episodeID
    }

    /// The changes that open an episode for household `number`, once the lifecycle and the
    /// plugin's guards of `report` allow it, and the new episode's id.
    func reporting(household number: String, channel: DiscoveryChannel, on date: LocalDate, by person: String, notes: String)
        async throws -> (Int64, [RegistryChange])
    {
        try permit(.report)
        try requirePast(date)
        let household = try await household(number)
        let episodes = try await records(MonitoringEpisode.self, where: "household_number", equals: number)
        func changes(episodeID: Int64, stepID: Int64) throws -> [RegistryChange] {
            do {
                return try MonitoringLifecycle.report(
                    household: household, channel: channel, on: date, by: person, notes: notes, episodes: episodes,
                    episodeID: episodeID, stepID: stepID)
            } catch let refusal as MonitoringRefusal {
                throw WorkflowError.monitoring(refusal)
            }
        }
        // Refused before any id is taken (see `taking`).
        _ = try changes(episodeID: 0, stepID: 0)
        try await ask(.report, about: number, on: date)
        let episodeID = try await store.nextIdentifier(in: .monitoringEpisode)
        let stepID = try await store.nextIdentifier(in: .monitoringStep)
        return (episodeID, try changes(episodeID: episodeID, stepID: stepID))
    }

    /// Takes `action` on episode `episodeID` on `date`, recorded as done by `person`, once the
    /// plugin's guards of the transition allow it. Returns the episode as it now stands.
    @discardableResult
    public func take(_ action: MonitoringAction, episode episodeID: Int64, on date: LocalDate, by person: String)
        async throws -> MonitoringEpisode
    {
        try await taking(episode: episodeID, on: date, by: person, newRecordIn: nil) { _ in action }
        return try await record(MonitoringEpisode.self, id: episodeID)
    }

    /// Makes the 一户一策 plan of episode `episodeID` on `date`. Returns the plan's id.
    @discardableResult
    public func makePlan(episode episodeID: Int64, on date: LocalDate, by person: String) async throws -> Int64 {
        try await taking(episode: episodeID, on: date, by: person, newRecordIn: .assistancePlan) { .plan(planID: $0) }
    }

    /// Takes the action `action(id)` on episode `episodeID`, where `id` is a new record's in
    /// `table` (nil: the action adds none but its step). Ids are taken only once the lifecycle
    /// and the county's guards allow the action (with ids of 0 until then): PostgreSQL's
    /// sequences never give an id back, so an id taken for a refused action would leave the
    /// stores numbering the next records apart. Returns the new record's id.
    @discardableResult
    private func taking(
        episode episodeID: Int64, on date: LocalDate, by person: String, newRecordIn table: RegistryTable?,
        _ action: (Int64) -> MonitoringAction
    ) async throws -> Int64 {
        try permit(WorkflowStep(action(0)))
        try requirePast(date)
        let episode = try await record(MonitoringEpisode.self, id: episodeID)
        let household = try await household(episode.householdNumber)
        let steps = try await records(MonitoringStep.self, where: "episode_id", equals: String(episodeID))
        func changes(recordID: Int64, stepID: Int64) throws -> [RegistryChange] {
            do {
                return try MonitoringLifecycle.take(
                    action(recordID), on: date, by: person, episode: episode, steps: steps, household: household, stepID: stepID)
            } catch let refusal as MonitoringRefusal {
                throw WorkflowError.monitoring(refusal)
            }
        }
        _ = try changes(recordID: 0, stepID: 0)
        // The lifecycle allows it; the county's guards are asked before anything is written.
        try await ask(action(0).transition, about: household.number, on: date)
        var recordID: Int64 = 0
        if let table { recordID = try await store.nextIdentifier(in: table) }
        let stepID = try await store.nextIdentifier(in: .monitoringStep)
        try await apply(try changes(recordID: recordID, stepID: stepID))
        return recordID
    }

    /// The plugin's guards of `transition` on household `number` as of `date`; throws their
    /// reasons when they refuse, or when one of them fails (a transition is never allowed
    /// because a guard could not answer).
    private func ask(_ transition: MonitoringTransition, about number: String, on date: LocalDate) async throws {
        guard let reasons = try await guardRefusals(transition, about: number, on: date), !reasons.isEmpty else { return }
        throw WorkflowError.monitoring(.guarded(transition, reasons))
    }

    /// What the plugin's guards of `transition` would say of household `number` as of `date`,
    /// changing nothing: nil when the plugin declares no guard for it, no reasons when they
    /// allow it, else each refusal as `title：reason` and each guard that failed to answer.
    /// The household page shows this beside a form before it is submitted; taking the step
    /// asks the guards again (`ask`), so the verdict shown never stands in for that.
    public func guardRefusals(_ transition: MonitoringTransition, about number: String, on date: LocalDate) async throws -> [String]? {
        guard let guards, guards.declarations.guards.contains(where: { $0.transition == transition }) else { return nil }
        guard let view = try await store.householdView(number, asOf: date) else {
            throw WorkflowError.notFound(.household, number)
        }
        try guards.prepare(asOf: date)
        let verdict = try guards.guardVerdict(transition, for: view)
        return verdict.allows ? [] : verdict.reasons.map { "\($0.title)：\($0.reason)" } + verdict.failures
    }
}
