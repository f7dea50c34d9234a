import DixianCore
import DixianInterchange
import DixianPlugins
import DixianReports
import DixianScreening
import DixianSheets
import DixianWorkflow
import Foundation
import Hummingbird
import HummingbirdAuth
import HummingbirdCore
import Logging
import NIOCore


/// Dixian's HTTP server: the JSON API under `/api/v1/` (described at `/openapi.json`), the public
/// self-report page, and the signed-in dashboard, over one registry and one county plugin.
public final class DixianServer<Store: ServerStore>: Sendable {
    /// The registry.
    public let store: Store
    /// The plugin chain (the plugin asked for last).
    public let chain: [PluginManifest]
    let runtimes: RuntimeLender
    /// Re-screens the household of each action once it is committed (`LiveScreening`), those
    /// waiting together.
    let rescreens: RescreenBatches
    let writes = WriteQueue()
    /// The users, read from the registry at most every 10 seconds each.
    let users: UserCache<Store>
    let selfReports: RateLimiter
    /// How the server faces the network.
    public let options: ServerOptions
    /// The API's description as served (`OpenAPIDocument.served(for:)`).
    let openAPIDocument: [UInt8]
    /// The sessions of browsers signed in at `/login`, in this process's memory: a restart
    /// signs everyone out, and a county runs one `dixian serve` (docs/server.md).
    let sessions = MemoryPersistDriver()
    /// Failed sign-ins by user name, for the lock-out.
    let signIns = SignInThrottle()
    /// The county's and townships' names by area code, from the plugin chain's geography, read
    /// once; empty without one. `placeNames()` adds the registry's places to them.
    let geographyNames: [String: String]
    /// The fingerprint of the rules as loaded (`PluginManifest.fingerprint(of:)`), which the
    /// stored deadline items must carry to be read as current.
    let fingerprint: String

    /// A server over `store` with `chain`'s rules; the public self-report form takes at most
    /// `selfReportLimit` submissions a minute (or `selfReportWindow`) from one address.
    public convenience init(store: Store, chain: [PluginManifest], selfReportLimit: Int = 30,
                            selfReportWindow: Duration = .seconds(60)) throws {
        var options = ServerOptions(selfReportLimit: selfReportLimit)
        options.selfReportWindow = selfReportWindow
        try self.init(store: store, chain: chain, options: options)
    }

    /// A server over `store` with `chain`'s rules, facing the network as `options` say.
    public init(store: Store, chain: [PluginManifest], options: ServerOptions) throws {
        self.store = store
        self.chain = chain
        self.options = options
        runtimes = try RuntimeLender(chain: chain)
        let live = LiveScreening(chain: chain)
        rescreens = RescreenBatches { households, actor in
            _ = try live.rescreen(households, on: LocalDate.today, actor: actor, in: store)
        }
        users = UserCache(store, freshness: 10)
        selfReports = RateLimiter(limit: options.selfReportLimit, window: TimeInterval(options.selfReportWindow.components.seconds))
        openAPIDocument = try OpenAPIDocument.served(for: chain[chain.count - 1])
        geographyNames = (try? PlaceNames.of(chain)) ?? [:]
        fingerprint = try PluginManifest.fingerprint(of: chain)
    }

    /// Names by area code: the geography's, and the registry's place table's (read on each
    /// call, so that a places file imported while the server runs shows at once), which win.
    func placeNames() async throws -> [String: String] {
        geographyNames.merging(try await PlaceDirectory.load(from: store).names) { $1 }
    }

    /// The plugin asked for.
    var plugin: PluginManifest { chain[chain.count - 1] }

    /// The router: middleware, then one controller per resource, the JSON API under
    /// `/api/v1/` (`OpenAPIDocument.basePath`). The request log is outermost, so that it sees the
    /// status of the problem details an error became; a method a routed path does not take is
    /// answered 405 before anyone signs in. The pages for signed-in staff are one group, whose
    /// every form post must carry its CSRF token (`FormCSRFMiddleware`); the public self-report
    /// form, which acts as no one, is outside it.
    public func router() -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        let allowed = AllowedMethods()
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: ResponseMiddleware(securityHeaders: ResponseMiddleware.securityHeaders(options), language: plugin.language))
        router.add(middleware: MethodNotAllowedMiddleware(allowed: allowed))
        router.add(middleware: SessionMiddleware(storage: sessions, configuration: .init(
            sessionCookieParameters: .init(name: SignInSession.cookie, path: "/", secure: options.isSecure, sameSite: .lax),
            defaultSessionExpiration: SignInSession.lifetime)))
        router.add(middleware: AuthenticationMiddleware(users: users))
        let api = OpenAPIDocument.basePath
        router.addRoutes(HouseholdController(server: self).routes, atPath: "\(api)/households")
        router.addRoutes(MonitoringController(server: self).routes, atPath: RouterPath(api))
        router.addRoutes(VisitController(server: self).routes, atPath: "\(api)/visits")
        router.addRoutes(ProblemController(server: self).routes, atPath: "\(api)/problems")
        router.addRoutes(WarningController(server: self).routes, atPath: "\(api)/warnings")
        router.addRoutes(AssetController(server: self).routes, atPath: "\(api)/assets")
        router.addRoutes(ScreeningRunController(server: self).routes, atPath: "\(api)/screening-runs")
        router.addRoutes(ReportController(server: self).routes, atPath: "\(api)/reports")
        router.addRoutes(SelfReportController(server: self).routes)
        let pages = router.group().add(middleware: FormCSRFMiddleware(server: self))
        pages.addRoutes(SessionController(server: self).routes)
        pages.addRoutes(DashboardController(server: self).routes, atPath: "dashboard")
        pages.addRoutes(HouseholdPageController(server: self).routes, atPath: "households")
        pages.addRoutes(HouseholdFormController(server: self).routes, atPath: "households")
        pages.addRoutes(WorkPageController(server: self).routes, atPath: "work")
        pages.addRoutes(ReportsPageController(server: self).routes, atPath: "reports")
        router.addRoutes(OpenAPIController(document: openAPIDocument).routes, atPath: "openapi.json")
        allowed.learn(router.routes)
        return router
    }

    /// The application listening on `host`:`port` (0: any free port, which `onServerRunning`
    /// learns from the channel): a connection silent for the idle timeout, or that takes longer
    /// to send a request's head, is closed; beyond the connection limit new ones wait unaccepted.
    public func application(
        host: String, port: Int, onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let idle = options.idleTimeout.components
        let timeout = TimeAmount.seconds(idle.seconds) + .nanoseconds(idle.attoseconds / 1_000_000_000)
        return Application(
            router: router(), server: .http1(configuration: .init(idleTimeout: timeout)),
            configuration: .init(address: .hostname(host, port: port), serverName: "Dixian",
                                 availableConnectionsDelegate: MaximumAvailableConnections(options.maxConnections)),
            services: [sessions], onServerRunning: onServerRunning)
    }

    // MARK: Helpers for the routes

    /// A JSON response.
    func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: try APICoding.encoder.encode(value))))
    }

    /// The request's JSON body as `T`, or 400 naming what is wrong.
    func decode<T: Decodable>(_: T.Type, from request: Request) async throws -> T {
        let buffer = try await body(of: request, upTo: 1 << 20)
        let value: T
        do {
            value = try APICoding.decoder.decode(T.self, from: Data(buffer: buffer))
        } catch DecodingError.keyNotFound(let key, _) {
            throw ProblemDetails.badField(key.stringValue.snakeCased, .required)
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            throw ProblemDetails.badField(context.codingPath.map(\.stringValue.snakeCased).joined(separator: "."), .wrongType)
        } catch {
            throw ProblemDetails.badField("body", .notTheJSON)
        }
        try Self.checkNulls(in: Data(buffer: buffer), fields: Self.fieldNames(of: value))
        try Self.checkText(of: value)
        return value
    }

    /// The fields a decoded body (or each element of a body that is an array) takes, as the
    /// request names them.
    static func fieldNames(of body: Any) -> Set<String> {
        let mirror = Mirror(reflecting: body)
        if mirror.displayStyle == .collection { return mirror.children.first.map { fieldNames(of: $0.value) } ?? [] }
        return Set(mirror.children.compactMap { $0.label?.snakeCased })
    }

    /// Refuses a body (or an element of a body that is an array) that sends one of `fields` as
    /// `null`, which decoding would take for a field left out: 400 naming the first. A field
    /// the body does not take is ignored, whatever its value.
    static func checkNulls(in body: Data, fields: Set<String>) throws {
        let json = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
        let objects: [(prefix: String, fields: [String: Any])] = if let object = json as? [String: Any] {
            [("", object)]
        } else if let array = json as? [Any] {
            array.enumerated().compactMap { index, element in (element as? [String: Any]).map { ("[\(index)].", $0) } }
        } else {
            []
        }
        for (prefix, sent) in objects {
            if let field = fields.sorted().first(where: { sent[$0] is NSNull }) {
                throw ProblemDetails.badField(prefix + field, .mustNotBeNull)
            }
        }
    }

    /// Holds every text field of a request body (and of each element of a body that is an
    /// array, named `[index].field`) to the bounds an import holds the registry's fields to
    /// (length, no control characters), a length counted in Unicode code points as the API
    /// document's `maxLength` is: 400 naming the first field that breaks them.
    static func checkText(of body: some Any, prefix: String = "") throws {
        let mirror = Mirror(reflecting: body)
        if mirror.displayStyle == .collection {
            for (index, element) in mirror.children.enumerated() { try checkText(of: element.value, prefix: prefix + "[\(index)].") }
            return
        }
        for child in mirror.children {
            guard let label = child.label else { continue }
            let text: String
            switch child.value {
            case let value as String: text = value
            case let value as String?: guard let value else { continue }; text = value
            default: continue
            }
            let field = label.snakeCased, limit = FieldBounds.textLimit(column: field)
            if let problem = FieldBounds.textProblem(text, column: field) { throw ProblemDetails.badField(prefix + field, .field(problem)) }
            let count = text.unicodeScalars.count
            if count > limit { throw ProblemDetails.badField(prefix + field, .field(.tooLong(count: count, limit: limit))) }
        }
    }

    /// A list route: for a reader, the items `items` gives for each of their areas, a page of
    /// them as `Paging` asks (the only query such a route takes).
    func listEachArea<Item: Encodable & Sendable>(
        _ request: Request, context: ServerContext, _ items: (String) async throws -> [Item]
    ) async throws -> Response {
        let user = try context.require(.read)
        let paging = try Paging(QueryParameters(request, allowed: Paging.parameters))
        var all: [Item] = []
        for area in user.areas { all += try await items(area) }
        return try json(paging.page(of: all))
    }

    /// A date field, or 400 naming it.
    func date(_ text: String?, field: String, default value: LocalDate = LocalDate.today) throws -> LocalDate {
        guard let text else { return value }
        guard let date = LocalDate(iso: text) else { throw ProblemDetails.badField(field, .notADate) }
        guard Self.plausibleDates.contains(date) else {
            throw ProblemDetails.badField(field, .dateOutside(from: Self.plausibleDates.lowerBound, to: Self.plausibleDates.upperBound))
        }
        return date
    }

    /// The dates a request may name: the monitoring policy's years, not year 1 or 9999.
    static var plausibleDates: ClosedRange<LocalDate> { LocalDate(iso: "2000-01-01")!...LocalDate(iso: "2099-12-31")! }

    /// An official term field, or 400 naming it and what it may be.
    func term<T: OfficialTerm>(_ text: String?, field: String) throws -> T {
        guard let text, let term = T(term: text) else {
            throw ProblemDetails.badField(field, .notATerm(T.termNames))
        }
        return term
    }

    /// Runs `body`, a synchronous registry read, on a thread of its own: a blocking read on a
    /// thread of the concurrency pool could leave no thread to finish the reads it waits for.
    func offload<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Runs a workflow action as `user`, in their role, on `household` (nil: an action that
    /// takes several new ids, which runs alone): a step outside the role becomes 403, logged,
    /// other refusals 422, each in the plugin's language; stale writes 409.
    /// Once the action is committed, the household is re-screened, in its lane, before the
    /// answer goes out: its findings and deadline items are then today's (`LiveScreening`).
    func act<T: Sendable>(
        as user: ServerUser, on household: String?, _ body: @Sendable (Workflow) async throws -> T
    ) async throws -> T {
        do {
            // A store that reserves ids lets actions on different households run at once; one
            // that does not (SQLite: the next id is the highest plus one) takes them one at a time.
            let key = store.reservesIdentifiers ? household : nil
            return try await writes.run(key: key) {
                // An action is one transaction, all or nothing: while another process holds the
                // registry's write lock it is tried again, then refused with 503.
                let result = try await StoreBusy.retrying {
                    try await self.runtimes.withRuntime(on: LocalDate.today) { runtime in
                        try await body(Workflow(store: self.store, guards: runtime, user: user.actor, today: LocalDate.today, role: user.role))
                    }
                }
                if let household { await self.rescreen(household, as: user) }
                return result
            }
        } catch let error as WorkflowError {
            if case .notFound = error { throw ProblemDetails(.notFound, detail: .refusal(error.text(in: plugin.language))) }
            if case .notPermitted(let step, let role, _) = error {
                Self.logger.notice("a step outside the user's role was refused",
                                   metadata: ["user": "\(user.name)", "role": "\(role.rawValue)", "step": "\(step.rawValue)",
                                              "household": "\(household ?? "")"])
                throw ProblemDetails(.forbidden, detail: .refusal(error.text(in: plugin.language)))
            }
            throw ProblemDetails(.unprocessableContent, detail: .refusal(error.text(in: plugin.language)))
        } catch let error as RegistryStoreError where error.isStale {
            throw ProblemDetails(.conflict, detail: .recordChanged)
        }
    }
}

extension DixianServer {
    /// Re-screens `household` after `user`'s action on it. A failure (a plugin parameter unset
    /// for today, a check that cannot load) does not undo the action, which is committed: it
    /// is logged, and the household stays marked for the next `dixian screen --changed`.
    /// The time a re-screening that succeeded took, with its wait for the one before it
    /// (`RescreenBatches`), goes to the request's log line (`RequestTiming`).
    func rescreen(_ household: String, as user: ServerUser) async {
        let start = ContinuousClock.now
        do {
            try await rescreens.rescreen(household, actor: user.actor)
            RequestTiming.current?.addRescreen(ContinuousClock.now - start)
        } catch {
            Self.logger.warning("re-screening after a change failed; the household stays marked for dixian screen --changed",
                                metadata: ["household": "\(household)", "error": "\(error)"])
        }
    }

    /// Every day at `hour` o'clock Beijing time, until cancelled, re-screens what
    /// `dixian screen --changed` would: the households changed since they were last screened
    /// (those a batch action or another process changed), or every household when the date or
    /// the plugin's files moved on. A failure is logged and tried again the next day.
    public func rescreenDaily(at hour: Int) async {
        while !Task.isCancelled {
            let now = Date()
            let beijing = TimeInterval(8 * 3600)
            let secondsToday = (now.timeIntervalSince1970 + beijing).truncatingRemainder(dividingBy: 86_400)
            var wait = TimeInterval(hour * 3600) - secondsToday
            if wait <= 0 { wait += 86_400 }
            do {
                try await Task.sleep(for: .seconds(wait))
            } catch {
                return
            }
            do {
                let outcome = try await rescreenChanged()
                Self.logger.info("daily re-screening done", metadata: [
                    "households": "\(outcome.run.householdCount)", "complete": "\(outcome.run.isComplete)",
                ])
            } catch {
                Self.logger.error("daily re-screening failed; tried again tomorrow", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Re-screens as of today what `dixian screen --changed` would (the daily run's work).
    public func rescreenChanged() async throws -> ScreeningEngine.Outcome {
        try await offload { [chain, store] in
            try ScreeningEngine(chain: chain, options: .init(asOf: LocalDate.today, actor: "dixian serve")).runChanged(on: store)
        }
    }

    /// The server's own log lines (those of requests go through the request's logger).
    static var logger: Logger { Logger(label: "dixian.server") }
}

extension HouseholdPartition {
    /// The households whose numbers start with `area` (a household number starts with its
    /// village code).
    static func within(_ area: String) -> HouseholdPartition {
        HouseholdPartition(from: area, upTo: area + ":", area: area)
    }
}

extension String {
    /// `receivedOn` as `received_on`, `residentID` as `resident_id`.
    var snakeCased: String {
        var previousUppercase = false
        return reduce(into: "") { out, character in
            if character.isUppercase { out += (previousUppercase ? "" : "_") + character.lowercased() } else { out.append(character) }
            previousUppercase = character.isUppercase
        }
    }
}
