import DixianCore
import Foundation
import HTTPTypes
import Hummingbird

/// `/api/v1/households`: a village's households, one household, and edits to its helper and
/// head's name (`If-Match` with the household's ETag).
struct HouseholdController<Store: ServerStore>: Sendable {
    let server: DixianServer<Store>

    var routes: RouteCollection<ServerContext> {
        RouteCollection(context: ServerContext.self)
            .get(use: list)
            .get(":number", use: show)
            .put(":number", use: edit)
    }

    /// A page of one village's households, of one category if asked.
    @Sendable func list(_ request: Request, context: ServerContext) async throws -> Response {
        let user = try context.require(.read)
        let query = try QueryParameters(request, allowed: ["village", "category"] + Paging.parameters)
        // One village at a time: a page of households, not a township's tens of thousands.
        let area = try query.code("village", digits: 12, what: .village)
        let category: HouseholdCategory? = try query["category"].map { try server.term($0, field: "category") }
        let paging = try Paging(query)
        guard user.covers(area) else { throw ProblemDetails.forbidden }
        let views = try await server.store.views(in: HouseholdPartition.within(area), asOf: LocalDate.today)
        let found = views.lazy.filter { view in category.map { view.household.category == $0 } ?? true }.map(HouseholdDocument.init)
        return try server.json(paging.page(of: found))
    }

    /// One household with its ETag.
    @Sendable func show(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try QueryParameters(request, allowed: [])
        let number = try context.householdNumber()
        _ = try context.require(.read, in: number)
        guard let view = try await server.store.householdView(number, asOf: LocalDate.today) else {
            throw ProblemDetails(.notFound, detail: .noHousehold(number))
        }
        let document = HouseholdDocument(view)
        return try server.json(document, headers: [.eTag: document.etag])
    }

    /// A change of the helper or the head's name, refused (409) when the ETag sent is stale.
    @Sendable func edit(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try QueryParameters(request, allowed: [])
        let number = try context.householdNumber()
        let user = try context.require(.work, in: number)
        guard let tag = request.headers[.ifMatch] else {
            throw ProblemDetails(.preconditionRequired, detail: .ifMatchNeeded)
        }
        let edit = try await server.decode(HouseholdEdit.self, from: request)
        guard let current = try await server.store.household(number: number) else {
            throw ProblemDetails(.notFound, detail: .noHousehold(number))
        }
        guard HouseholdDocument.etag(of: current) == tag else {
            throw ProblemDetails(.conflict, detail: .householdChanged)
        }
        var changed = current
        if let helper = edit.helper { changed.helper = helper.isEmpty ? nil : helper }
        if let name = edit.headName {
            guard !name.isBlank else { throw ProblemDetails.badField("head_name", .mustNotBeEmpty) }
            changed.headName = name
        }
        let replacement = changed
        try await server.act(as: user, on: number) { workflow in
            try await workflow.store.apply([.replace(.household(replacement), expected: .household(current))], as: user.actor)
        }
        let etag = HouseholdDocument.etag(of: changed)
        return try server.json(["etag": etag], headers: [.eTag: etag])
    }
}
