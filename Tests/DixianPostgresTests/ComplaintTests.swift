import DixianCore
import DixianInterchange
import DixianPostgres
import DixianSQLite
import DixianSynthetic
import DixianTestSupport
import Foundation
import Testing

/// Issue 18: complaints about households (投诉举报) imported from a file with Chinese headers
/// into both stores, refused row by row, audited against their household, read into the
/// household views of both stores as of a date, copied between stores, and written by the
/// generator for under one household in a hundred.
@Suite struct ComplaintTests {
    /// A household (and its head), and `complaints` (the complaint file's rows after its Chinese header).
    static func registry(complaints: String) throws -> URL {
        let directory = try PostgresRegistryTests.temporaryDirectory()
        let head = try ResidentID(areaCode: "620621", birthDate: LocalDate(iso: "1970-04-02")!, sequence: 31)
        let files = [
            "households.csv": "户编号,村级区划代码,户主姓名,户属性\n6206211002010001,620621100201,李春花,一般户\n",
            "members.csv": "身份证号,户编号,姓名,与户主关系,劳动能力\n\(head.rawValue),6206211002010001,李春花,户主,full\n",
            "complaints.csv": "编号,户编号,受理日期,投诉渠道,反映问题,办结日期\n" + complaints,
        ]
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }

    static func stores() throws -> [any RegistryStore & HouseholdViewSource] {
        [try SQLiteRegistry(), try PostgresRegistry(url: try TestPostgres.newDatabase())]
    }

    @Test func complaintsWithChineseHeadersAreImportedAuditedAndInTheViewsOfBothStores() async throws {
        let directory = try Self.registry(complaints: """
            1,6206211002010001,2024-03-02,12317热线,"反映产业奖补资金
            未发放",2024-03-20
            2,6206211002010001,2024-06-01,信访,反映低保评定不公,
            3,6206211002010001,2024-07-05,online,反映危房改造补助未到位,

            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        for store in try Self.stores() {
            let report = try await RegistryImport(path: directory).apply(to: store, as: "import")
            #expect(report.problems.isEmpty, "\(report.problems)")
            let trail = try await store.auditTrail(ofHousehold: "6206211002010001").filter { $0.table == "complaint" }
            #expect(trail.map(\.key).sorted() == ["1", "2", "3"], "each complaint is audited against its household")

            let asOf = LocalDate(iso: "2024-06-30")!
            let view = try #require(try await store.views(in: HouseholdPartition(from: nil, upTo: nil, area: nil), asOf: asOf).first)
            #expect(view.complaints.map(\.id) == [1, 2], "the July complaint is not yet in view")
            #expect(view.complaints.map(\.channel) == [.hotline, .petition])
            #expect(view.complaints[0].summary == "反映产业奖补资金\n未发放" && view.complaints[0].closedOn == LocalDate(iso: "2024-03-20"))
            #expect(view.complaints[1].closedOn == nil)
            #expect(try await store.householdView("6206211002010001", asOf: asOf)?.complaints == view.complaints)
        }
    }

    @Test func badRowsAreRefusedNamingFileLineAndField() async throws {
        let directory = try Self.registry(complaints: """
            1,6206211002010001,2024-03-20,hotline,反映问题,2024-03-02
            2,6206211002010001,2024-03-02,电话,反映问题,
            3,6206211002019999,2024-03-02,hotline,反映问题,
            4,6206211002010001,2024-03-02,hotline,,

            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        for store in try Self.stores() {
            do {
                try await RegistryImport(path: directory).apply(to: store, as: "import")
                Issue.record("a complaint file with bad rows was imported")
            } catch let rejection as ImportRejected {
                let problems = rejection.report.problems.map(\.description)
                #expect(problems.count == 4, "\(problems)")
                #expect(problems.contains { $0.hasPrefix("complaints.csv:2: 办结日期:") && $0.contains("before the complaint was received") }, "\(problems)")
                #expect(problems.contains { $0.hasPrefix("complaints.csv:3: 投诉渠道:") }, "\(problems)")
                #expect(problems.contains { $0.hasPrefix("complaints.csv:4: 户编号:") }, "\(problems)")
                #expect(problems.contains { $0.hasPrefix("complaints.csv:5: 反映问题:") }, "\(problems)")
            }
        }
    }

    @Test func theGeneratorGivesFewHouseholdsComplaintsAndACopyKeepsThem() async throws {
        let generated = try PostgresRegistryTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: generated) }
        try SyntheticCounty.load(plugin: "minqin", from: [PostgresRegistryTests.plugins], households: 6000, seed: 5).write(to: generated)
        let sqlite = try SQLiteRegistry()
        try await RegistryImport(path: generated).apply(to: sqlite, as: "import")
        var complaints: [Complaint] = []
        try sqlite.forEachRecord(in: .complaint) { record in
            if case .complaint(let complaint) = record { complaints.append(complaint) }
        }
        let households = Set(complaints.map(\.householdNumber)).count
        #expect((6...59).contains(households), "under 1% of 6,000 households, but some: \(households)")
        #expect(complaints.allSatisfy { complaint in complaint.receivedOn <= SyntheticCounty.asOf && (complaint.closedOn.map { $0 >= complaint.receivedOn } ?? true) })

        let postgres = try PostgresRegistry(url: try TestPostgres.newDatabase())
        _ = try await postgres.copy(from: sqlite, as: "test")
        var copied: [Complaint] = []
        try postgres.forEachRecord(in: .complaint) { record in
            if case .complaint(let complaint) = record { copied.append(complaint) }
        }
        #expect(copied == complaints)
    }
}
