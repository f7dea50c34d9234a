import DixianCore

extension Workflow {
    /// Records the yearly adjustment (动态调整) of plan `planID` on `date`. A plan whose episode's
    /// risk is eliminated is no longer adjusted.
    public func adjustPlan(_ planID: Int64, on date: LocalDate) async throws {
        try permit(.planAdjust)
        try requirePast(date)
        var plan = try await record(AssistancePlan.self, id: planID)
        if date < plan.madeOn { throw WorkflowError.dateBefore(date, plan.madeOn, .planMade) }
        if let episodeID = plan.episodeID, try await record(MonitoringEpisode.self, id: episodeID).status == .eliminated {
            throw WorkflowError.eliminatedPlan(planID)
        }
        plan.adjustedOn = date
        try await apply([.update(.assistancePlan(plan))])
    }

    /// Adds a measure to a plan; its id is assigned. Returns the id.
    @discardableResult
    public func addMeasure(_ measure: Measure) async throws -> Int64 {
        try permit(.measureAdd)
        let plan = try await record(AssistancePlan.self, id: measure.planID)
        if measure.startsOn < plan.madeOn { throw WorkflowError.dateBefore(measure.startsOn, plan.madeOn, .planMade) }
        if measure.dueOn < measure.startsOn { throw WorkflowError.dateBefore(measure.dueOn, measure.startsOn, .measureStart) }
        try Self.require([.description: measure.description, .responsibleUnit: measure.responsibleUnit,
                          .responsiblePerson: measure.responsiblePerson])
        var added = measure
        added.id = try await store.nextIdentifier(in: .measure)
        try await apply([.insert(.measure(added))])
        return added.id
    }

    /// Marks measure `measureID` done on `date`.
    public func completeMeasure(_ measureID: Int64, on date: LocalDate) async throws {
        try permit(.measureDone)
        try requirePast(date)
        var measure = try await record(Measure.self, id: measureID)
        if measure.doneOn != nil { throw WorkflowError.alreadyClosed(.measure, String(measureID)) }
        if date < measure.startsOn { throw WorkflowError.dateBefore(date, measure.startsOn, .measureStart) }
        measure.doneOn = date
        try await apply([.update(.measure(measure))])
    }

    /// Records a visit; its id is assigned. Returns the id.
    @discardableResult
    public func recordVisit(_ visit: Visit) async throws -> Int64 {
        try permit(.visit)
        try requirePast(visit.visitedOn)
        _ = try await household(visit.householdNumber)
        try Self.require([.visitor: visit.visitor])
        var recorded = visit
        recorded.id = try await store.nextIdentifier(in: .visit)
        try await apply([.insert(.visit(recorded))])
        return recorded.id
    }
}
