import DixianCore
import DixianInterchange
import DixianWorkflow
import HTTPTypes
import Hummingbird

/// The pages staff look households up on: `/households/find` (查户: by name, ID number or its
/// last digits, household number, or place; paged) and `/households/{number}` (the household's
/// file). Only households within the signed-in user's areas are ever found or shown; one
/// outside them is the same 404 page as one that does not exist.
struct HouseholdPageController<Store: ServerStore>: Sendable {
    let server: DixianServer<Store>

    var routes: RouteCollection<ServerContext> {
        RouteCollection(context: ServerContext.self)
            .get("find", use: find)
            .get(":number", use: show)
    }

    /// The search form and, when a search is given, a page of what it finds.
    @Sendable func find(_ request: Request, context: ServerContext) async throws -> Response {
        try await server.readerPage(context) { user in
            var search = HouseholdSearchForm(request)
            let csrf = context.sessions.session?.csrf
            guard !search.text.isEmpty else { return server.page(PageTemplates.find(user: user, csrf: csrf, search: search, results: nil)) }
            let places = try await server.placeNames()
            guard let query = search.query(places: places, areas: user.areas) else {
                return server.page(PageTemplates.find(user: user, csrf: csrf, search: search, results: nil),
                                   status: search.problem == nil ? .ok : .badRequest)
            }
            let hits = try await server.store.findHouseholds(query, within: user.areas, limit: HouseholdSearchForm.pageSize + 1,
                                                             offset: (search.page - 1) * HouseholdSearchForm.pageSize)
            search.hasNext = hits.count > HouseholdSearchForm.pageSize
            var rows: [PageTemplates.FoundHousehold] = []
            for hit in hits.prefix(HouseholdSearchForm.pageSize) {
                guard let household = try await server.store.household(number: hit.number) else { continue }
                let members = try await server.store.members(ofHousehold: hit.number)
                rows.append(.init(household, matched: members.first { $0.residentID.rawValue == hit.residentID }, members: members.count,
                                  places: places, details: HouseholdPage.showsPersonalDetails(to: user)))
            }
            return server.page(PageTemplates.find(user: user, csrf: csrf, search: search, results: rows))
        }
    }

    /// The household's file: members, incomes, guarantees, monitoring with every step, plans
    /// and measures, visits, problems, warnings, its village's assets, its current findings and
    /// deadline items, and its audit history.
    @Sendable func show(_ request: Request, context: ServerContext) async throws -> Response {
        try await server.readerPage(context) { user in
            try await page(try context.parameters.require("number"), user: user, context: context, notice: takeFlash(context))
        }
    }

    /// The household page of `number` for `user`, with `problem` (the refusal of a form,
    /// answered with `status`) or `notice` (what a form did) above its forms.
    func page(_ number: String, user: ServerUser, context: ServerContext, problem: String? = nil, notice: String? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        // A number outside the user's areas is not looked up: the answer is the same as for none.
        guard Household.numberProblem(number) == nil, user.covers(number),
            try await server.store.household(number: number) != nil
        else { return notFound(number) }
        let today = LocalDate.today
        let csrf = context.sessions.session?.csrf
        let (dossier, forms) = try await server.runtimes.withRuntime(on: today) { runtime in
            let workflow = Workflow(store: server.store, guards: runtime, user: user.actor, today: today, role: user.role)
            let dossier = try await workflow.dossier(of: number)
            // What the plugin's guards would say of each guarded transition now, for a user
            // who may work (none is asked for a reader's page).
            var verdicts: [MonitoringTransition: [String]] = [:]
            if user.may(.work), csrf != nil {
                for transition in Set(runtime.declarations.guards.map(\.transition)) {
                    do {
                        verdicts[transition] = try await workflow.guardRefusals(transition, about: number, on: today)
                    } catch {
                        // The page is shown all the same; submitting asks the guards again.
                        DixianServer<Store>.logger.warning("a guard could not judge the household for its page",
                                                           metadata: ["household": "\(number)", "error": "\(error)"])
                        verdicts[transition] = ["本县规则现在无法判断，提交时将再次核对"]
                    }
                }
            }
            return (dossier, HouseholdForms(user: user, csrf: csrf, dossier: dossier, declarations: runtime.declarations, today: today,
                                            verdicts: verdicts))
        }
        let plugin = server.plugin.id, store = server.store
        let (findings, due) = try await server.offload {
            (try store.currentFindings(plugin: plugin, area: nil, households: [number]), try store.deadlineItems(plugin: plugin, households: [number]))
        }
        let village = dossier.household.area.villageCode
        let assets = try await store.records(in: .asset, where: "village_code", equals: village).compactMap { record -> Asset? in
            if case .asset(let asset) = record { asset } else { nil }
        }
        return server.page(PageTemplates.household(
            user: user, csrf: csrf, dossier: dossier, findings: findings, due: due, assets: assets,
            places: try await server.placeNames(), forms: forms, problem: problem, notice: notice), status: status)
    }

    /// The session's notice of what the last form did, cleared so that it is shown once.
    private func takeFlash(_ context: ServerContext) -> String? {
        guard var session = context.sessions.session, let flash = session.flash else { return nil }
        session.flash = nil
        _ = context.sessions.updateSession(session)
        return flash
    }

    /// The 404 page, for a household that does not exist or lies outside the user's areas.
    func notFound(_ number: String) -> Response {
        server.page(PageTemplates.message(title: ServerMessage.title(code: 404, phrase: "").text(in: server.plugin.language),
                                          text: ServerMessage.noHousehold(HouseholdPage.masked(number)).text(in: server.plugin.language)),
                    status: .notFound)
    }
}
