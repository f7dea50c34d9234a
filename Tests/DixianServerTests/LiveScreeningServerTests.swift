import DixianCore
import DixianPlugins
import DixianScreening
import DixianServer
import DixianSQLite
import DixianTestSupport
import DixianWorkflow
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Issue 23: an action taken through the server re-screens its household before the answer
/// goes out, so the household's findings and deadline items are today's; the other households
/// stay marked for `dixian screen --changed`.
struct LiveScreeningServerTests {
    @Test(arguments: ServerBackend.allCases)
    func aVisitRecordedThroughTheServerReScreensItsHousehold(_ backend: ServerBackend) async throws {
        let store = try backend.open()
        try await Self.aVisitReScreensItsHousehold(on: store)
    }

    private static func aVisitReScreensItsHousehold(on store: some ServerStore) async throws {
        let (server, tokens) = try await ServerAccessTests.server(store)
        let number = Fixtures.household.number
        let marked = try store.changedHouseholds(area: nil)
        #expect(marked[number] != nil && marked[ServerAccessTests.elsewhere.number] != nil, "\(marked)")
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(
                uri: "/api/v1/visits", method: .post, headers: ServerAccessTests.bearer(tokens["cadre"]),
                body: ByteBuffer(string: #"{"household": "\#(number)", "visitor": "李帮扶", "role": "helper", "notes": "入户核实"}"#)
            ) { response in
                #expect(response.status == .created, "\(String(buffer: response.body))")
            }
        }
        // The visit's household is screened as of today; the other is still waiting.
        let after = try store.changedHouseholds(area: nil)
        #expect(after[number] == nil && after[ServerAccessTests.elsewhere.number] != nil, "\(after)")
        // A re-screening of one household is not the plugin's latest run, which reports read.
        #expect(try store.latestScreeningRun(plugin: "minqin", asOf: LocalDate.today) == nil)
        // What it keeps is what screening the household afresh gives.
        let chain = server.chain
        let engine = ScreeningEngine(chain: chain, options: .init(asOf: LocalDate.today, actor: "test", workers: 1))
        let verification = try engine.verify(on: store)
        let household = { (finding: Finding) in finding.householdNumber == number }
        #expect(!verification.missing.contains(where: household) && !verification.stale.contains(where: household),
                "\(verification.missing) \(verification.stale)")
        let fresh = try await DueScan(chain: chain, asOf: LocalDate.today, area: nil, withinDays: 3650).run(on: store)
        let stored = try store.deadlineItems(plugin: "minqin", households: [number])
        let computed = (fresh.items + fresh.doneLate).filter { item in
            if case .deadline = item.source { return item.householdNumber == number }
            return false
        }
        #expect(Set(stored.map { DueList.Item($0) }) == Set(computed), "\(stored) \(computed)")
    }

    /// The daily run: what is marked (here every household the fixtures inserted) is screened,
    /// a whole run since no run was made today; the next finds nothing left and screens nothing.
    @Test func theDailyRunScreensWhatChangedAndThenNothing() async throws {
        let store = try SQLiteRegistry()
        let (server, _) = try await ServerAccessTests.server(store)
        #expect(try store.changedHouseholds(area: nil).count == 2)
        let first = try await server.rescreenChanged()
        #expect(first.run.householdCount == 2 && first.run.asOf == LocalDate.today, "\(first.run)")
        #expect(try store.changedHouseholds(area: nil).isEmpty)
        let second = try await server.rescreenChanged()
        #expect(second.run.householdCount == 0, "\(second.run)")
    }
}
