import DixianCore
import DixianInterchange
import DixianPostgres
import DixianSQLite
import DixianSynthetic
import DixianTestSupport
import Foundation
import Testing

/// Issue 18: members' hospital stays (住院) imported from a file with Chinese headers into both
/// stores, refused row by row naming file, line and field, audited against their household,
/// read into the household views of both stores as of a date, exported with the ID number
/// masked, copied between stores, and written by the generator in realistic numbers.
@Suite struct HospitalStayTests {
    static let head = try! ResidentID(areaCode: "620621", birthDate: LocalDate(iso: "1950-04-02")!, sequence: 31)
    static let son = try! ResidentID(areaCode: "620621", birthDate: LocalDate(iso: "1978-09-15")!, sequence: 15)

    /// A household of two, and `stays` (the hospital-stay file's rows after its Chinese header).
    static func registry(stays: String) throws -> URL {
        let directory = try PostgresRegistryTests.temporaryDirectory()
        let files = [
            "households.csv": "户编号,村级区划代码,户主姓名,户属性\n6206211002010001,620621100201,王德福,一般户\n",
            "members.csv": """
                身份证号,户编号,姓名,与户主关系,劳动能力
                \(head.rawValue),6206211002010001,王德福,户主,none
                \(son.rawValue),6206211002010001,王建军,之子,full

                """,
            "hospital_stays.csv": "编号,户编号,身份证号,入院日期,出院日期,就诊医院,住院总费用,报销金额\n" + stays,
        ]
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }

    static func stores() throws -> [any RegistryStore & HouseholdViewSource] {
        [try SQLiteRegistry(), try PostgresRegistry(url: try TestPostgres.newDatabase())]
    }

    @Test func staysWithChineseHeadersAreImportedAuditedAndInTheViewsOfBothStores() async throws {
        let directory = try Self.registry(stays: """
            1,6206211002010001,\(Self.head.rawValue),2024-03-02,2024-03-15,民勤县人民医院,18600.50,12000
            2,6206211002010001,\(Self.son.rawValue),2024-06-25,,武威市人民医院,3000,
            3,6206211002010001,\(Self.head.rawValue),2024-07-02,2024-07-09,民勤县中医医院,5000,0

            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        for store in try Self.stores() {
            let report = try await RegistryImport(path: directory).apply(to: store, as: "import")
            #expect(report.problems.isEmpty, "\(report.problems)")
            let trail = try await store.auditTrail(ofHousehold: "6206211002010001").filter { $0.table == "hospital_stay" }
            #expect(trail.map(\.key).sorted() == ["1", "2", "3"], "each stay is audited against its household")

            // As of 30 June the July stay is not in view; the open stay has no discharge.
            let asOf = LocalDate(iso: "2024-06-30")!
            let views = try await store.views(in: HouseholdPartition(from: nil, upTo: nil, area: nil), asOf: asOf)
            let view = try #require(views.first)
            #expect(view.hospitalStays.map(\.id) == [1, 2])
            let first = try #require(view.hospitalStays.first)
            #expect(first.residentID == Self.head && first.hospital == "民勤县人民医院"
                    && first.cost == Money(fen: 1_860_050) && first.reimbursed == Money(yuan: 12000)
                    && first.dischargedOn == LocalDate(iso: "2024-03-15"))
            #expect(view.hospitalStays[1].dischargedOn == nil && view.hospitalStays[1].reimbursed == .zero)
            #expect(try await store.householdView("6206211002010001", asOf: asOf)?.hospitalStays == view.hospitalStays,
                    "one household's read gives what a partition's does")
            let later = try await store.householdView("6206211002010001", asOf: LocalDate(iso: "2024-07-31")!)
            #expect(later?.hospitalStays.map(\.id) == [1, 2, 3])

            // Exported with Chinese-readable content and the ID number masked.
            let export = try PostgresRegistryTests.temporaryDirectory().appendingPathComponent("out")
            defer { try? FileManager.default.removeItem(at: export.deletingLastPathComponent()) }
            try await RegistryExport.write(from: store, to: export)
            let exported = try String(contentsOf: export.appendingPathComponent("hospital_stays.csv"), encoding: .utf8)
            #expect(exported.contains(Self.head.masked) && !exported.contains(Self.head.rawValue), "\(exported)")
            #expect(exported.contains("18600.50"))
        }
    }

    @Test func badRowsAreRefusedNamingFileLineAndFieldAndNothingIsImported() async throws {
        let directory = try Self.registry(stays: """
            1,6206211002010001,\(Self.head.rawValue),2024-03-15,2024-03-02,民勤县人民医院,18600,0
            2,6206211002010001,\(Self.head.rawValue),2024-03-02,2024-03-15,民勤县人民医院,3000,4000
            3,6206211002019999,\(Self.head.rawValue),2024-03-02,2024-03-15,民勤县人民医院,3000,0
            4,6206211002010001,\(Self.head.rawValue),2024-03-02,2024-03-15,民勤县人民医院,,0
            5,6206211002010001,\(Self.son.rawValue),2024-03-02,2024-03-15,民勤县人民医院,3000,0

            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        for store in try Self.stores() {
            do {
                try await RegistryImport(path: directory).apply(to: store, as: "import")
                Issue.record("a hospital-stay file with bad rows was imported")
            } catch let rejection as ImportRejected {
                let problems = rejection.report.problems.map(\.description)
                #expect(problems.count == 4, "\(problems)")
                #expect(problems.contains { $0.hasPrefix("hospital_stays.csv:2: 出院日期:") && $0.contains("before the admission") }, "\(problems)")
                #expect(problems.contains { $0.hasPrefix("hospital_stays.csv:3: 报销金额:") && $0.contains("more than the stay") }, "\(problems)")
                #expect(problems.contains { $0.hasPrefix("hospital_stays.csv:4: 户编号:") }, "\(problems)")
                #expect(problems.contains { $0.hasPrefix("hospital_stays.csv:5: 住院总费用:") }, "\(problems)")
            }
            let views = try await store.views(in: HouseholdPartition(from: nil, upTo: nil, area: nil), asOf: LocalDate(iso: "2024-06-30")!)
            #expect(views.isEmpty, "the import is one transaction")
        }
    }

    @Test func theGeneratorGivesAFewHouseholdsStaysAndACopyKeepsThem() async throws {
        let generated = try PostgresRegistryTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: generated) }
        try SyntheticCounty.load(plugin: "minqin", from: [PostgresRegistryTests.plugins], households: 6000, seed: 5).write(to: generated)
        let sqlite = try SQLiteRegistry()
        try await RegistryImport(path: generated).apply(to: sqlite, as: "import")
        var stays: [HospitalStay] = []
        try sqlite.forEachRecord(in: .hospitalStay) { record in
            if case .hospitalStay(let stay) = record { stays.append(stay) }
        }
        let households = Set(stays.map(\.householdNumber))
        #expect((120...240).contains(households.count), "2–4% of 6,000 households had a stay in the year: \(households.count)")
        let asOf = SyntheticCounty.asOf
        #expect(stays.allSatisfy { $0.admittedOn <= asOf && $0.admittedOn > asOf.adding(days: -365) && $0.reimbursed <= $0.cost })
        #expect(stays.contains { $0.dischargedOn == nil }, "a few are still in hospital")
        let reimbursed = stays.filter { $0.reimbursed > .zero }.count
        #expect(reimbursed * 10 >= stays.count * 7, "most are reimbursed: \(reimbursed) of \(stays.count)")

        let postgres = try PostgresRegistry(url: try TestPostgres.newDatabase())
        _ = try await postgres.copy(from: sqlite, as: "test")
        var copied: [HospitalStay] = []
        try postgres.forEachRecord(in: .hospitalStay) { record in
            if case .hospitalStay(let stay) = record { copied.append(stay) }
        }
        #expect(copied == stays)
        #expect(try await postgres.nextIdentifier(in: .hospitalStay) == Int64(stays.count + 1), "the copy set the sequence past the ids")
    }
}
