import DixianCore

extension PostgresRegistry: ServerStore {
    public func findHouseholds(_ query: HouseholdQuery, within areas: [String], limit: Int, offset: Int) async throws -> [HouseholdHit] {
        guard !areas.isEmpty else { return [] }
        let (sql, arguments) = query.statement(within: areas, limit: limit, offset: offset)
        // The statement's `?` placeholders are PostgreSQL's `$1`, `$2`, … (it holds no other `?`).
        var numbered = "", index = 0
        for character in sql {
            if character == "?" { index += 1; numbered += "$\(index)" } else { numbered.append(character) }
        }
        return try await pool.withConnection { connection in
            try await connection.rows(numbered, arguments)
        }.map { HouseholdHit(number: $0[0] ?? "", residentID: $0[1]) }
    }
}

extension PostgresStoreError: RetryableStoreError {
    /// PostgreSQL's SQLSTATEs for a transaction that may succeed when tried again: serialization
    /// failure, deadlock, lock not available, too many connections, cannot connect now.
    private static let retryableStates: Set<String> = ["40001", "40P01", "55P03", "53300", "57P03"]

    /// A transaction refused for one of those states. (A pool that stayed busy has already
    /// waited its `pool_timeout`: trying again would multiply the wait.)
    public var isRetryable: Bool { code.map(Self.retryableStates.contains) ?? false }
}
