import DixianCore
import DixianInterchange
import DixianPlugins
import DixianReports
import DixianScreening
import DixianSheets
import DixianWorkflow
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

extension DixianServer {
    /// The JSON API. Every route checks the user's role and areas before it reads anything;
    /// a household number starts with its village code, so a refusal never depends on whether
    /// the household exists.
    func addAPI(to router: Router<ServerContext>) {
        let api = router.group("api")

        api.get("households/:number") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let number = try context.householdNumber()
            _ = try context.require(.read, in: number)
            guard let view = try await self.store.householdView(number, asOf: LocalDate.today) else {
                throw ProblemDetails(.notFound, "Not found", detail: "no household \(number)")
            }
            let document = HouseholdDocument(view)
            return try self.json(document, headers: [.eTag: document.etag])
        }

        api.get("households") { request, context in
            let user = try context.require(.read)
            let query = try QueryParameters(request, allowed: ["village", "category", "limit"])
            // One village at a time: a page of households, not a township's tens of thousands.
            let area = try query.code("village", digits: 12, what: "village code")
            let category: HouseholdCategory? = try query["category"].map { try self.term($0, field: "category") }
            let limit = try query.integer("limit", in: 1...1000, default: 100)
            guard user.covers(area) else { throw ProblemDetails.forbidden }
            let views = try await self.store.views(in: HouseholdPartition.within(area), asOf: LocalDate.today)
            let found = views.lazy.filter { view in category.map { view.household.category == $0 } ?? true }
                .prefix(limit).map(HouseholdDocument.init)
            return try self.json(Array(found))
        }

        api.put("households/:number") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let number = try context.householdNumber()
            let user = try context.require(.work, in: number)
            guard let tag = request.headers[.ifMatch] else {
                throw ProblemDetails(.preconditionRequired, "Precondition required",
                                     detail: "send If-Match with the household's ETag, so that no one else's change is lost")
            }
            let edit = try await self.decode(HouseholdEdit.self, from: request)
            guard let current = try await self.store.household(number: number) else {
                throw ProblemDetails(.notFound, "Not found", detail: "no household \(number)")
            }
            guard HouseholdDocument.etag(of: current) == tag else {
                throw ProblemDetails(.conflict, "Conflict", detail: "the household was changed since it was read: read it again, then retry")
            }
            var changed = current
            if let helper = edit.helper { changed.helper = helper.isEmpty ? nil : helper }
            if let name = edit.headName {
                guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ProblemDetails.badField("head_name", "must not be empty") }
                changed.headName = name
            }
            let replacement = changed
            try await self.act(as: user, on: number) { workflow in
                try await workflow.store.apply([.replace(.household(replacement), expected: .household(current))], as: user.actor)
            }
            return try self.json(["etag": HouseholdDocument.etag(of: changed)], headers: [.eTag: HouseholdDocument.etag(of: changed)])
        }

        api.post("households/:number/monitoring") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let number = try context.householdNumber()
            let user = try context.require(.work, in: number)
            let body = try await self.decode(ReportRequest.self, from: request)
            let channel: DiscoveryChannel = try self.term(body.channel, field: "channel")
            let on = try self.date(body.on, field: "on")
            let episode = try await self.act(as: user, on: number) { workflow in
                try await workflow.report(household: number, channel: channel, on: on, by: user.actor, notes: body.notes ?? "")
            }
            return try self.json(["episode": episode], status: .created)
        }

        api.post("episodes/:id/:action") { request, context in
            let user = try context.require(.work)
            _ = try QueryParameters(request, allowed: [])
            guard let id = context.parameters.get("id").flatMap(Int64.init), id > 0 else {
                throw ProblemDetails.badField("id", "must be an episode id: a whole number from 1 to \(Int64.max)")
            }
            let name = try context.parameters.require("action")
            let body = try await self.decode(StepRequest.self, from: request)
            let records = try await self.store.records(in: .monitoringEpisode, where: "id", equals: String(id))
            // The episode's household decides the area; a missing episode is refused the same way.
            guard let episode = records.first?.value as? MonitoringEpisode, user.covers(episode.householdNumber) else {
                throw ProblemDetails.forbidden
            }
            let on = try self.date(body.on, field: "on")
            let risks = try (body.riskTypes ?? []).map { (text: String) -> RiskType in try self.term(text, field: "risk_types") }
            let action: MonitoringAction
            switch name {
            case "verify": action = .verify(notes: body.notes ?? "")
            case "answer": action = .answer(accepted: body.accepted ?? true, reasons: body.reasons ?? "")
            case "approve": action = .approve(riskTypes: Set(risks), kind: try self.term(body.kind, field: "kind"))
            case "eliminate": action = .eliminate(try self.term(body.stage, field: "stage"), notes: body.notes ?? "")
            case "follow-up": action = .followUp(notes: body.notes ?? "")
            case "send-back": action = .sendBack(reasons: body.reasons ?? "")
            case "relabel": action = .relabel(riskTypes: Set(risks), notes: body.notes ?? "")
            case "plan":
                let plan = try await self.act(as: user, on: episode.householdNumber) { try await $0.makePlan(episode: id, on: on, by: user.actor) }
                return try self.json(["plan": plan], status: .created)
            default:
                throw ProblemDetails.badField("action", "must be verify, answer, approve, plan, eliminate, follow-up, send-back or relabel")
            }
            let result = try await self.act(as: user, on: episode.householdNumber) { try await $0.take(action, episode: id, on: on, by: user.actor) }
            return try self.json(["episode": String(result.id), "status": result.status.rawValue])
        }

        api.post("visits") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let body = try await self.decode(VisitRequest.self, from: request)
            let user = try context.require(.work, in: body.household)
            let role: VisitorRole = try self.term(body.role, field: "role")
            let visit = Visit(id: 0, householdNumber: body.household, visitedOn: try self.date(body.on, field: "on"),
                              visitor: body.visitor, role: role, notes: body.notes ?? "")
            let id = try await self.act(as: user, on: body.household) { try await $0.recordVisit(visit) }
            return try self.json(["visit": id], status: .created)
        }

        api.get("problems") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let user = try context.require(.read)
            var problems: [[String: String]] = []
            for area in user.areas {
                for entry in try await self.store.openWork(area: area).problems {
                    let problem = entry.record
                    problems.append([
                        "id": String(problem.id), "household": problem.householdNumber ?? "", "description": problem.description,
                        "responsible_unit": problem.responsibleUnit, "responsible_person": problem.responsiblePerson,
                        "deadline": problem.deadline.description,
                    ])
                }
            }
            return try self.json(problems)
        }

        api.post("warnings") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let user = try context.require(.pushWarnings)
            let pushed = try await self.decode([WarningRequest].self, from: request)
            var warnings: [(line: Int, warning: DepartmentWarning)] = [], errors: [ProblemDetails.FieldError] = []
            for (index, item) in pushed.enumerated() {
                guard let department = Department(term: item.department) else {
                    errors.append(.init(field: "[\(index)].department", message: "is not a known department")); continue
                }
                guard let resident = try? ResidentID(item.residentID) else {
                    errors.append(.init(field: "[\(index)].resident_id", message: "is not a valid ID number")); continue
                }
                guard let received = LocalDate(iso: item.receivedOn) else {
                    errors.append(.init(field: "[\(index)].received_on", message: "must be a date written YYYY-MM-DD")); continue
                }
                warnings.append((index + 1, DepartmentWarning(id: 0, department: department, residentID: resident, receivedOn: received,
                                                              reason: item.reason)))
            }
            guard errors.isEmpty else { throw ProblemDetails.badRequest(errors) }
            let valid = warnings
            // A push takes consecutive ids from the first free one: it runs alone.
            let imported = try await self.act(as: user, on: nil) { try await $0.importWarnings(valid) }
            return try self.json(["received": imported.entries.count, "matched": imported.matchedCount], status: .created)
        }

        api.get("assets") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let user = try context.require(.read)
            var assets: [[String: String]] = []
            for area in user.areas {
                for view in try await self.offload({ try AssetViews.read(from: self.store, area: area) }) {
                    let asset = view.asset
                    assets.append([
                        "id": String(asset.id), "project": asset.project, "class": asset.assetClass.rawValue,
                        "value": asset.value.description, "village": asset.villageCode, "custodian": asset.custodian ?? "",
                        "status": asset.status.rawValue, "registered": String(asset.ownershipRegistered),
                    ])
                }
            }
            return try self.json(assets)
        }

        api.get("screening-runs/latest") { request, context in
            _ = try QueryParameters(request, allowed: [])
            _ = try context.require(.read)
            guard let run = try await self.offload({ try self.store.latestScreeningRun(plugin: self.plugin.id, asOf: LocalDate.today) }) else {
                throw ProblemDetails(.notFound, "Not found", detail: "no screening run of \(self.plugin.id) yet")
            }
            return try self.json([
                "id": String(run.id ?? 0), "as_of": run.asOf.description, "households": String(run.householdCount),
                "findings": String(run.findingsByCheck.values.reduce(0, +)), "complete": String(run.isComplete),
            ])
        }

        api.get("reports/:id") { request, context in
            let user = try context.require(.read)
            let id = try context.parameters.require("id")
            let query = try QueryParameters(request, allowed: ["as_of", "format"])
            let asOf = try self.date(query["as_of"], field: "as_of")
            let format = query["format"] ?? "html"
            guard let sheet = SheetFormat(rawValue: format), sheet != .xlsx else {
                throw ProblemDetails.badField("format", "must be html, md or csv")
            }
            guard user.areas.count == 1 || user.role == .countyAdministrator else {
                throw ProblemDetails.badField("area", "a report covers one area: ask with a user of one area")
            }
            let area = user.role == .countyAdministrator && user.areas.count != 1 ? nil : user.areas[0]
            let document: SheetDocument
            do {
                document = try await ReportRun(chain: self.chain, reportID: id, asOf: asOf, area: area).render(from: self.store)
            } catch let error as PluginError {
                throw ProblemDetails(.notFound, "Not found", detail: error.message)
            }
            let (text, type) = switch sheet {
            case .html: (document.html, "text/html; charset=utf-8")
            case .csv: (document.csv, "text/csv; charset=utf-8")
            default: (document.markdown, "text/markdown; charset=utf-8")
            }
            var headers: HTTPFields = [.contentType: type]
            // A report's HTML has a stylesheet of its own, which the policy allows by its hash.
            if sheet == .html { headers[.contentSecurityPolicy] = ResponseMiddleware.policy(forDocument: text) }
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
    }
}
