import DixianCore

extension Workflow {
    /// Opens a problem in the ledger (建立台账、拉条挂账); its id is assigned. Returns the id.
    @discardableResult
    public func openProblem(_ problem: Problem) async throws -> Int64 {
        try permit(.problemOpen)
        try requirePast(problem.foundOn)
        if let number = problem.householdNumber { _ = try await household(number) }
        try Self.require([.foundBy: problem.foundBy, .description: problem.description,
                          .responsibleUnit: problem.responsibleUnit, .responsiblePerson: problem.responsiblePerson,
                          .measure: problem.measure])
        if problem.deadline < problem.foundOn { throw WorkflowError.dateBefore(problem.deadline, problem.foundOn, .found) }
        var opened = problem
        opened.id = try await store.nextIdentifier(in: .problem)
        opened.closedOn = nil
        opened.fix = nil
        try await apply([.insert(.problem(opened))])
        return opened.id
    }

    /// Closes problem `problemID` on `date` with the fix that was made (办结销号): a problem is
    /// never closed without a recorded fix.
    public func closeProblem(_ problemID: Int64, fix: String, on date: LocalDate) async throws {
        try permit(.problemClose)
        try requirePast(date)
        var problem = try await record(Problem.self, id: problemID)
        if problem.closedOn != nil { throw WorkflowError.alreadyClosed(.problem, String(problemID)) }
        try Self.require([.fix: fix])
        if date < problem.foundOn { throw WorkflowError.dateBefore(date, problem.foundOn, .found) }
        problem.closedOn = date
        problem.fix = fix
        try await apply([.update(.problem(problem))])
    }

    /// Turns the household findings of screening run `runID` into problems, one per finding,
    /// found on the run's date, due `days` later, assigned to `unit` and to the household's
    /// helper (or `person` where the household has none), with `measure`. Only the checks in
    /// `checks` when it is not empty. A finding already in the ledger as an open problem of the
    /// same household and text is not entered again. Returns how many problems were opened.
    @discardableResult
    public func openProblems(
        fromRun runID: Int64, checks: Set<String>, days: Int, unit: String, person: String, measure: String
    ) async throws -> Int {
        try permit(.problemOpen)
        guard let run = try store.screeningRun(id: runID) else { throw WorkflowError.noScreeningRun(runID) }
        try Self.require([.responsibleUnit: unit, .responsiblePerson: person, .measure: measure])
        let foundBy = "screening run \(runID) (\(run.pluginID) \(run.pluginVersion))"
        var findings: [Finding] = []
        try store.forEachFinding(ofRun: runID) { finding in
            if finding.householdNumber != nil && (checks.isEmpty || checks.contains(finding.checkID)) { findings.append(finding) }
        }
        var open: Set<String> = []
        var helpers: [String: String] = [:]
        for number in Set(findings.compactMap(\.householdNumber)) {
            for problem in try await records(Problem.self, where: "household_number", equals: number) where problem.closedOn == nil {
                open.insert(number + "\u{0}" + problem.description)
            }
            helpers[number] = try await household(number).helper
        }
        let opening = findings.compactMap { finding -> (number: String, description: String)? in
            let number = finding.householdNumber!
            let description = "\(finding.checkID)：\(finding.message)"
            return open.insert(number + "\u{0}" + description).inserted ? (number, description) : nil
        }
        let ids = try await store.nextIdentifiers(in: .problem, count: opening.count)
        let changes = zip(opening, ids).map { problem, id in
            RegistryChange.insert(.problem(Problem(
                id: id, householdNumber: problem.number, foundBy: foundBy, foundOn: run.asOf, description: problem.description,
                responsibleUnit: unit, responsiblePerson: helpers[problem.number].flatMap { $0 } ?? person, measure: measure,
                deadline: run.asOf.adding(days: days))))
        }
        try await apply(changes)
        return changes.count
    }
}
