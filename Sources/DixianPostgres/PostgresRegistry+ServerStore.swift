import DixianCore

extension PostgresRegistry: ServerStore {}

extension PostgresStoreError: RetryableStoreError {
    /// PostgreSQL's SQLSTATEs for a transaction that may succeed when tried again: serialization
    /// failure, deadlock, lock not available, too many connections, cannot connect now.
    private static let retryableStates: Set<String> = ["40001", "40P01", "55P03", "53300", "57P03"]

    /// A transaction refused for one of those states. (A pool that stayed busy has already
    /// waited its `pool_timeout`: trying again would multiply the wait.)
    public var isRetryable: Bool { code.map(Self.retryableStates.contains) ?? false }
}
