import DixianCore
import DixianWorkflow
import Hummingbird

/// The household page's forms on its records (`HouseholdRecordForms`): add a measure to plan
/// `:id` (`/households/{number}/plans/{id}/measures`), finish measure `:id`
/// (`…/measures/{id}/done`), open a problem (`…/problems`), close problem `:id`
/// (`…/problems/{id}/close`) and close the verification of warning `:id`
/// (`…/warnings/{id}/close`). Each calls the workflow's own action; the record must be the
/// household's, and a form on an existing record must carry its current `RecordVersion`.
extension HouseholdFormController {
    /// The texts of a measure form, held to the API's bounds (`DixianServer.checkText`).
    private struct MeasureText { let description: String, responsibleUnit: String, responsiblePerson: String }
    /// The texts of a problem form.
    private struct ProblemText { let foundBy: String, description: String, responsibleUnit: String, responsiblePerson: String, measure: String }
    /// The text of a closing form (a problem's fix, a warning's result).
    private struct ClosingText { let fix: String, result: String }

    /// Adds a measure to plan `:id` of the household.
    @Sendable func addMeasure(_ request: Request, context: ServerContext) async throws -> Response {
        guard let planID = Self.id(context) else { throw HTTPError(.notFound) }
        return try await submit(request, context: context, .measureAdd) { user, number, fields in
            let text = MeasureText(description: fields["description"] ?? "", responsibleUnit: fields["responsible_unit"] ?? "",
                                   responsiblePerson: fields["responsible_person"] ?? "")
            try DixianServer<Store>.checkText(of: text)
            let type: MeasureType = try server.term(fields["type"], field: "type")
            let starts = try server.date(fields["starts_on"].flatMap(\.nonEmpty), field: "starts_on")
            let due = try server.date(fields["due_on"].flatMap(\.nonEmpty), field: "due_on")
            _ = try await server.act(as: user, on: number) { workflow in
                try workflow.permit(.measureAdd)
                _ = try await Self.owned(AssistancePlan.self, planID, of: number, in: workflow) { $0.householdNumber == number }
                return try await workflow.addMeasure(Measure(
                    id: 0, planID: planID, type: type, description: text.description, responsibleUnit: text.responsibleUnit,
                    responsiblePerson: text.responsiblePerson, startsOn: starts, dueOn: due))
            }
        }
    }

    /// Marks measure `:id` of the household done.
    @Sendable func finishMeasure(_ request: Request, context: ServerContext) async throws -> Response {
        guard let measureID = Self.id(context) else { throw HTTPError(.notFound) }
        return try await submit(request, context: context, .measureDone) { user, number, fields in
            let on = try date(fields)
            try await server.act(as: user, on: number) { workflow in
                try workflow.permit(.measureDone)
                let measure = try await Self.owned(Measure.self, measureID, of: number, in: workflow) { measure in
                    let plans = try await workflow.store.records(in: .assistancePlan, where: "id", equals: String(measure.planID))
                    return (plans.first?.value as? AssistancePlan)?.householdNumber == number
                }
                try Self.requireVersion(fields["version"], of: measure)
                try await workflow.completeMeasure(measureID, on: on)
            }
        }
    }

    /// Opens a problem of the household in the ledger.
    @Sendable func openProblem(_ request: Request, context: ServerContext) async throws -> Response {
        try await submit(request, context: context, .problemOpen) { user, number, fields in
            let text = ProblemText(foundBy: fields["found_by"] ?? "", description: fields["description"] ?? "",
                                   responsibleUnit: fields["responsible_unit"] ?? "", responsiblePerson: fields["responsible_person"] ?? "",
                                   measure: fields["measure"] ?? "")
            try DixianServer<Store>.checkText(of: text)
            let found = try date(fields)
            let deadline = try server.date(fields["deadline"].flatMap(\.nonEmpty), field: "deadline")
            _ = try await server.act(as: user, on: number) { workflow in
                try await workflow.openProblem(Problem(
                    id: 0, householdNumber: number, foundBy: text.foundBy, foundOn: found, description: text.description,
                    responsibleUnit: text.responsibleUnit, responsiblePerson: text.responsiblePerson, measure: text.measure,
                    deadline: deadline))
            }
        }
    }

    /// Closes problem `:id` of the household with the fix that was made.
    @Sendable func closeProblem(_ request: Request, context: ServerContext) async throws -> Response {
        guard let problemID = Self.id(context) else { throw HTTPError(.notFound) }
        return try await submit(request, context: context, .problemClose) { user, number, fields in
            let text = ClosingText(fix: fields["fix"] ?? "", result: "")
            try DixianServer<Store>.checkText(of: text)
            let on = try date(fields)
            try await server.act(as: user, on: number) { workflow in
                try workflow.permit(.problemClose)
                let problem = try await Self.owned(Problem.self, problemID, of: number, in: workflow) { $0.householdNumber == number }
                try Self.requireVersion(fields["version"], of: problem)
                try await workflow.closeProblem(problemID, fix: text.fix, on: on)
            }
        }
    }

    /// Closes the verification of warning `:id` about a member of the household with its
    /// result; with `report=yes`, also reports the risk it found (one transaction).
    @Sendable func closeWarning(_ request: Request, context: ServerContext) async throws -> Response {
        guard let warningID = Self.id(context) else { throw HTTPError(.notFound) }
        return try await submit(request, context: context, .warningClose) { user, number, fields in
            let text = ClosingText(fix: "", result: fields["result"] ?? "")
            try DixianServer<Store>.checkText(of: text)
            let on = try date(fields)
            _ = try await server.act(as: user, on: number) { workflow in
                try workflow.permit(.warningClose)
                let warning = try await Self.owned(DepartmentWarning.self, warningID, of: number, in: workflow) { warning in
                    let resident = warning.residentID.rawValue
                    return try await workflow.store.households(ofResidents: [resident])[resident] == number
                }
                try Self.requireVersion(fields["version"], of: warning)
                return try await workflow.closeWarning(warningID, result: text.result, on: on,
                                                       reportBy: fields["report"] == "yes" ? user.actor : nil)
            }
        }
    }

    /// Record `id` of `R`'s table, when `belongs` says it is household `number`'s; the 404 of a
    /// missing record otherwise, so that a form names no record of another household.
    private static func owned<R: RegistryRecordValue>(
        _: R.Type, _ id: Int64, of number: String, in workflow: Workflow, _ belongs: (R) async throws -> Bool
    ) async throws -> R {
        let found = try await workflow.store.records(in: R.registryTable, where: "id", equals: String(id)).first?.value as? R
        guard let found, try await belongs(found) else { throw WorkflowError.notFound(R.registryTable, String(id)) }
        return found
    }

    /// Refuses a form whose record version is not `record`'s as it stands (409): someone else
    /// changed the record after the form was shown. Checked in the household's write lane, as
    /// the API's `If-Match` is checked before a change.
    private static func requireVersion(_ sent: String?, of record: some Hashable & Sendable) throws {
        guard sent == RecordVersion.of(record) else { throw ProblemDetails(.conflict, detail: .recordChanged) }
    }
}
