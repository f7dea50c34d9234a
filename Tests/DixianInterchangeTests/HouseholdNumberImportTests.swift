import DixianCore
import DixianInterchange
import DixianSQLite
import DixianTestSupport
import Foundation
import Testing

/// A household number is its village code and four digits: anything else is refused at its
/// file, line and column, and nothing is imported.
struct HouseholdNumberImportTests {
    @Test func malformedNumbersAndNumbersOfAnotherVillageAreRefusedWhereTheyAre() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try """
            户编号,村级区划代码,户主姓名,户属性
            ABC,620621100201,甲,一般户
            ../../etc,620621100201,乙,一般户
            <script>x</script>,620621100201,丙,一般户
            6206211002020001,620621100201,丁,一般户
            6206211002010001,620621100201,戊,一般户

            """.write(to: directory.appendingPathComponent("households.csv"), atomically: true, encoding: .utf8)
        let registry = try SQLiteRegistry()
        let before = try await registry.dump()
        do {
            try await RegistryImport(path: directory).apply(to: registry, as: "import")
            Issue.record("households with bad numbers were imported")
        } catch let rejection as ImportRejected {
            #expect(rejection.report.problems.map(\.description) == [
                "households.csv:2: 户编号: household number \"ABC\" is not 16 digits (its village code and 4 more)",
                "households.csv:3: 户编号: household number \"../../etc\" is not 16 digits (its village code and 4 more)",
                "households.csv:4: 户编号: household number \"<script>x</script>\" is not 16 digits (its village code and 4 more)",
                "households.csv:5: 户编号: household number 6206211002020001 does not begin with its village code 620621100201",
            ])
        }
        #expect(try await registry.dump() == before)
    }
}
