import DixianCore
import DixianWorkflow
import Hummingbird

/// `/api/v1/warnings`: a department pushes its warnings, matched to households by ID number.
struct WarningController<Store: ServerStore>: Sendable {
    let server: DixianServer<Store>

    var routes: RouteCollection<ServerContext> {
        RouteCollection(context: ServerContext.self).post(use: push)
    }

    /// Takes every warning of the body or none: 400 naming each bad item's field, else 201
    /// with how many were received and matched.
    @Sendable func push(_ request: Request, context: ServerContext) async throws -> Response {
        let user = try context.require(.pushWarnings)
        _ = try QueryParameters(request, allowed: [])
        let pushed = try await server.decode([WarningRequest].self, from: request)
        var warnings: [(line: Int, warning: DepartmentWarning)] = [], errors: [ProblemDetails.FieldError] = []
        for (index, item) in pushed.enumerated() {
            guard let department = Department(term: item.department) else {
                errors.append(.init(field: "[\(index)].department", message: .notADepartment)); continue
            }
            guard let resident = try? ResidentID(item.residentID) else {
                errors.append(.init(field: "[\(index)].resident_id", message: .notAResidentID)); continue
            }
            guard let received = LocalDate(iso: item.receivedOn) else {
                errors.append(.init(field: "[\(index)].received_on", message: .notADate)); continue
            }
            guard !item.reason.isBlank else {
                errors.append(.init(field: "[\(index)].reason", message: .mustNotBeEmpty)); continue
            }
            let dates = DixianServer<Store>.plausibleDates
            guard dates.contains(received) else {
                errors.append(.init(field: "[\(index)].received_on", message: .dateOutside(from: dates.lowerBound, to: dates.upperBound)))
                continue
            }
            warnings.append((index + 1, DepartmentWarning(id: 0, department: department, residentID: resident, receivedOn: received,
                                                          reason: item.reason)))
        }
        guard errors.isEmpty else { throw ProblemDetails.badRequest(errors) }
        let valid = warnings
        // A push takes consecutive ids from the first free one: it runs alone.
        let imported = try await server.act(as: user, on: nil) { try await $0.importWarnings(valid) }
        return try server.json(["received": imported.entries.count, "matched": imported.matchedCount], status: .created)
    }
}
