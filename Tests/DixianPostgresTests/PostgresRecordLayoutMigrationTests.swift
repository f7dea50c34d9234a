import DixianCore
@testable import DixianPostgres
import DixianTestSupport
import Foundation
import Testing

/// A PostgreSQL registry of before the record layouts (schema v5: amounts in yuan as
/// `numeric(14,2)`, empty notes as NULL) is migrated when opened: its amounts read back to the
/// fen, as SQLite holds them, and its trail still verifies (issue 22).
@Suite struct PostgresRecordLayoutMigrationTests {
    private static func registryOfV5() throws -> String {
        let url = try TestPostgres.newDatabase()
        let pool = try ConnectionPool(url: url)
        defer { pool.close() }
        try pool.withConnection { connection in
            try PostgresRegistry.migrate(connection, through: "v5: 中职 and 高职 are distinct school stages")
            try connection.transaction {
                try connection.rows("SELECT set_config('dixian.actor', 'import', true)")
                let number = Fixtures.household.number
                try connection.rows("""
                    INSERT INTO household (number, village_code, head_name, category, relocated, minimum_living_allowance,
                      extreme_poverty_support, no_member_able_to_work, left_behind) VALUES ($1, '620621100201', '张三', 'general', false, false, false, false, false)
                    """, [number])
                try connection.rows("""
                    INSERT INTO income (household_number, year, wage, operating, property, transfer, production_costs,
                      medical_spending, education_spending) VALUES ($1, 2023, 12345.67, 0, 0.5, 300, 0, 1999.99, 0)
                    """, [number])
                try connection.rows("""
                    INSERT INTO monthly_income (household_number, year, month, net_income) VALUES ($1, 2024, 1, -120.05)
                    """, [number])
                try connection.rows("""
                    INSERT INTO guarantee_survey (household_number, surveyed_on, food_and_clothing, compulsory_education,
                      basic_medical, safe_housing, housing_assessed, water_quantity, water_quality, notes)
                    VALUES ($1, '2024-03-01', true, true, true, true, false, true, true, NULL)
                    """, [number])
            }
        }
        return url
    }

    @Test func amountsReadBackToTheFenAndEmptyNotesAsEmpty() async throws {
        let url = try Self.registryOfV5()
        let registry = try PostgresRegistry(url: url)
        let number = Fixtures.household.number
        let incomes = try await registry.records(in: .income, where: "household_number", equals: number)
        #expect(incomes == [.income(IncomeRecord(
            householdNumber: number, year: 2023, wage: Money(fen: 1_234_567), operating: .zero, property: Money(fen: 50),
            transfer: Money(yuan: 300), productionCosts: .zero, medicalSpending: Money(fen: 199_999), educationSpending: .zero))])
        let monthly = try await registry.records(in: .monthlyIncome, where: "household_number", equals: number)
        #expect(monthly == [.monthlyIncome(MonthlyIncome(householdNumber: number, year: 2024, month: 1, netIncome: Money(fen: -12_005)))])
        let surveys = try await registry.records(in: .guaranteeSurvey, where: "household_number", equals: number)
        guard case .guaranteeSurvey(let survey) = surveys.first else { Issue.record("no survey"); return }
        #expect(survey.notes == "")
        guard case .intact(let entries) = try await registry.verifyAuditTrail() else {
            Issue.record("the chain is broken after the migration")
            return
        }
        #expect(entries == 4)
    }

    @Test func aNewRegistryGetsTheSameIncomeColumnsAsAMigratedOne() async throws {
        let migrated = try Self.registryOfV5()
        _ = try PostgresRegistry(url: migrated)
        let fresh = try TestPostgres.newDatabase()
        _ = try PostgresRegistry(url: fresh)
        func columns(_ url: String) throws -> [[String?]] {
            let pool = try ConnectionPool(url: url)
            defer { pool.close() }
            return try pool.withConnection { connection in
                try connection.rows("""
                    SELECT table_name::text, column_name::text, data_type::text, is_nullable::text FROM information_schema.columns
                    WHERE table_schema = 'public' AND table_name IN ('income', 'monthly_income', 'guarantee_survey', 'visit', 'monitoring_step')
                    ORDER BY table_name, ordinal_position
                    """)
            }
        }
        let fromFresh = try columns(fresh)
        #expect(fromFresh == (try columns(migrated)))
        #expect(fromFresh.contains(["income", "wage_fen", "bigint", "NO"]))
    }
}
