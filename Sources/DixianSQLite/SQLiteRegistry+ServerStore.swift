import DixianCore
import GRDB

extension SQLiteRegistry: ServerStore {
    public func findHouseholds(_ query: HouseholdQuery, within areas: [String], limit: Int, offset: Int) async throws -> [HouseholdHit] {
        guard !areas.isEmpty else { return [] }
        let (sql, arguments) = query.statement(within: areas, limit: limit, offset: offset)
        return try await writer.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { HouseholdHit(number: $0[0], residentID: $0[1]) }
        }
    }
}
