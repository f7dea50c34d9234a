import DixianCore
import DixianInterchange
import DixianPostgres
import DixianSQLite
import DixianSynthetic
import DixianTestSupport
import Foundation
import Testing

/// Issue 18: households' microcredit loans (小额信贷) imported from a file with Chinese headers
/// into both stores, refused row by row, audited against their household, read into the
/// household views of both stores as of a date, overdue derived from the day, copied between
/// stores, and written by the generator for some 脱贫 and monitored households only.
@Suite struct MicrocreditLoanTests {
    static func registry(loans: String) throws -> URL {
        let directory = try PostgresRegistryTests.temporaryDirectory()
        let head = try ResidentID(areaCode: "620621", birthDate: LocalDate(iso: "1975-04-02")!, sequence: 31)
        let files = [
            "households.csv": "户编号,村级区划代码,户主姓名,户属性\n6206211002010001,620621100201,赵有田,脱贫户\n",
            "members.csv": "身份证号,户编号,姓名,与户主关系,劳动能力\n\(head.rawValue),6206211002010001,赵有田,户主,full\n",
            "microcredit_loans.csv": "编号,户编号,放贷日期,到期日期,贷款金额,贷款使用方式,还清日期\n" + loans,
        ]
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }

    static func stores() throws -> [any RegistryStore & HouseholdViewSource] {
        [try SQLiteRegistry(), try PostgresRegistry(url: try TestPostgres.newDatabase())]
    }

    @Test func loansWithChineseHeadersAreImportedAuditedAndInTheViewsOfBothStores() async throws {
        let directory = try Self.registry(loans: """
            1,6206211002010001,2021-03-10,2024-03-09,50000,户贷户用,2024-03-01
            2,6206211002010001,2023-05-20,2024-05-19,20000,户贷企用,
            3,6206211002010001,2024-08-01,2027-07-31,30000,household-use,

            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        for store in try Self.stores() {
            let report = try await RegistryImport(path: directory).apply(to: store, as: "import")
            #expect(report.problems.isEmpty, "\(report.problems)")
            let trail = try await store.auditTrail(ofHousehold: "6206211002010001").filter { $0.table == "microcredit_loan" }
            #expect(trail.map(\.key).sorted() == ["1", "2", "3"], "each loan is audited against its household")

            let asOf = LocalDate(iso: "2024-06-30")!
            let view = try #require(try await store.views(in: HouseholdPartition(from: nil, upTo: nil, area: nil), asOf: asOf).first)
            #expect(view.loans.map(\.id) == [1, 2], "the August loan is not yet in view")
            #expect(view.loans.map(\.purpose) == [.householdUse, .enterpriseUse] && view.loans[0].amount == Money(yuan: 50000))
            #expect(view.loans.map { $0.isOverdue(on: asOf) } == [false, true], "repaid in time; due in May and not repaid")
            #expect(!view.loans[1].isOverdue(on: LocalDate(iso: "2024-05-19")!), "not overdue on its due day")
            #expect(try await store.householdView("6206211002010001", asOf: asOf)?.loans == view.loans)
        }
    }

    @Test func badRowsAreRefusedNamingFileLineAndField() async throws {
        let directory = try Self.registry(loans: """
            1,6206211002010001,2021-03-10,2020-03-09,50000,户贷户用,
            2,6206211002010001,2021-03-10,2024-03-09,50000,户贷户用,2021-01-01
            3,6206211002010001,2021-03-10,2024-03-09,50000,自用,
            4,6206211002019999,2021-03-10,2024-03-09,50000,户贷户用,
            5,6206211002010001,2021-03-10,2024-03-09,,户贷户用,

            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        for store in try Self.stores() {
            do {
                try await RegistryImport(path: directory).apply(to: store, as: "import")
                Issue.record("a microcredit file with bad rows was imported")
            } catch let rejection as ImportRejected {
                let problems = rejection.report.problems.map(\.description)
                #expect(problems.count == 5, "\(problems)")
                for (line, column) in [(2, "到期日期"), (3, "还清日期"), (4, "贷款使用方式"), (5, "户编号"), (6, "贷款金额")] {
                    #expect(problems.contains { $0.hasPrefix("microcredit_loans.csv:\(line): \(column):") }, "\(problems)")
                }
            }
        }
    }

    @Test func theGeneratorLendsToSomeLiftedAndMonitoredHouseholdsAndACopyKeepsTheLoans() async throws {
        let generated = try PostgresRegistryTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: generated) }
        try SyntheticCounty.load(plugin: "minqin", from: [PostgresRegistryTests.plugins], households: 3000, seed: 5).write(to: generated)
        let sqlite = try SQLiteRegistry()
        try await RegistryImport(path: generated).apply(to: sqlite, as: "import")
        var loans: [MicrocreditLoan] = []
        try sqlite.forEachRecord(in: .microcreditLoan) { record in
            if case .microcreditLoan(let loan) = record { loans.append(loan) }
        }
        var general = Set<String>()
        try sqlite.forEachRecord(in: .household) { record in
            if case .household(let household) = record, household.category == .general { general.insert(household.number) }
        }
        #expect(!loans.isEmpty && loans.allSatisfy { !general.contains($0.householdNumber) }, "only 脱贫 and monitored households borrow")
        #expect(loans.allSatisfy { $0.amount <= Money(yuan: 50000) && $0.dueOn > $0.borrowedOn })
        let overdue = loans.filter { $0.isOverdue(on: SyntheticCounty.asOf) }.count
        #expect(overdue * 10 < loans.count, "a few are overdue: \(overdue) of \(loans.count)")

        let postgres = try PostgresRegistry(url: try TestPostgres.newDatabase())
        _ = try await postgres.copy(from: sqlite, as: "test")
        var copied: [MicrocreditLoan] = []
        try postgres.forEachRecord(in: .microcreditLoan) { record in
            if case .microcreditLoan(let loan) = record { copied.append(loan) }
        }
        #expect(copied == loans)
    }
}
