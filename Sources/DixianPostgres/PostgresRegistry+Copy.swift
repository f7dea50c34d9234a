import DixianCore
import Foundation
import NIOCore
import PostgresNIO
import Synchronization

/// How many rows of each table a copy carried over.
public struct CopySummary: Sendable {
    /// Rows per table, in the order copied.
    public var rows: [(table: String, count: Int)]
}

extension PostgresRegistry {
    /// Copies a whole registry into this one, which must be empty: every record, and the
    /// source's audit trail, disclosures, users and screening runs as they are (the copied
    /// records are not audited again: their history comes with them). All or nothing, in one
    /// transaction, streamed with `COPY` so that a county of a million households fits in
    /// bounded memory.
    ///
    /// A copy moves every ID number to another database: it is recorded as a disclosure by
    /// `actor` in this registry, in the copy's own transaction, and then in the source.
    /// `progress`, if given, is told of the registry's records sent, a thousand at a time.
    public func copy(from source: some RegistryStore & BookkeepingSource, as actor: String,
                     progress: (@Sendable (Int) -> Void)? = nil) async throws -> CopySummary {
        let summary = try await copyRows(from: source, as: actor, progress: progress)
        try await source.recordDisclosure(disclosure(of: summary, by: actor))
        return summary
    }

    /// The disclosure a copy makes: the ID numbers of members and of warnings.
    private func disclosure(of summary: CopySummary, by actor: String) -> Disclosure {
        let records = summary.rows.filter { ["member", "department_warning"].contains($0.table) }.reduce(0) { $0 + $1.count }
        return Disclosure(actor: actor, action: "copy to PostgreSQL", destination: location, records: records)
    }

    private func copyRows(from source: some RegistryStore & BookkeepingSource, as actor: String,
                          progress: (@Sendable (Int) -> Void)?) async throws -> CopySummary {
        try await pool.withConnection { connection in
            let existing = try await connection.rows("""
                SELECT ((SELECT count(*) FROM household) + (SELECT count(*) FROM audit) + (SELECT count(*) FROM server_user))::text
                """)
            guard existing.first?[0] == "0" else {
                throw PostgresStoreError(message: "the PostgreSQL registry is not empty: a copy goes into an empty one")
            }
            return try await connection.transaction {
                try await connection.rows("SELECT set_config('dixian.copying', 'on', true)")
                var summary = CopySummary(rows: [])
                for table in RegistryTable.allCases {
                    let codec = codec(table)
                    let count = try await Self.copyRows(into: table.rawValue, columns: codec.stored.map(\.name), on: connection) { emit in
                        var sent = 0
                        defer { progress?(sent % 1000) }
                        try source.forEachRecord(in: table) { record in
                            // An absent value is NULL; empty text stays empty.
                            emit(codec.storedFields(TableCodec.fields(of: record)))
                            sent += 1
                            if sent % 1000 == 0 { progress?(1000) }
                        }
                    }
                    summary.rows.append((table.rawValue, count))
                }
                for table in PostgresSchema.copiedAsIs {
                    let columns = try await connection.rows("""
                        SELECT attname::text FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped
                        ORDER BY attnum
                        """, [table]).compactMap { $0[0] }
                    let count = try await Self.copyRows(into: table, columns: columns, on: connection) { emit in
                        try source.forEachRow(ofTable: table, columns: columns) { emit($0) }
                    }
                    summary.rows.append((table, count))
                }
                for (table, column) in PostgresSchema.sequences {
                    try await connection.rows("""
                        SELECT setval(s::regclass, m) FROM (
                          SELECT pg_get_serial_sequence($1, $2) AS s, (SELECT max(\(column)) FROM \(table)) AS m) x
                        WHERE m IS NOT NULL
                        """, [table, column])
                }
                let disclosure = disclosure(of: summary, by: actor)
                try await connection.rows(
                    "INSERT INTO disclosure (actor, action, destination, records) VALUES ($1, $2, $3, $4::bigint)",
                    [disclosure.actor, disclosure.action, disclosure.destination, String(disclosure.records)])
                return summary
            }
        }
    }

    /// Streams the rows `produce` emits (on a thread of its own, a few chunks ahead) into
    /// `table` with `COPY ... FROM STDIN`; returns how many there were.
    private static func copyRows(
        into table: String, columns: [String], on connection: Connection,
        _ produce: @escaping @Sendable (_ emit: ([String?]) -> Void) throws -> Void
    ) async throws -> Int {
        let chunks = CopyChunks(produce)
        do {
            try await connection.connection.copyFrom(table: table, columns: columns, logger: connection.logger) { writer in
                for try await chunk in chunks.stream {
                    chunks.consumed()
                    try await writer.write(chunk)
                }
            }
        } catch {
            chunks.cancel()
            throw PostgresStoreError(error)
        }
        return chunks.rowCount
    }
}

/// Rows produced synchronously on a thread of their own, handed over as `COPY` text-format
/// chunks of about a megabyte, at most a few ahead of the consumer.
private final class CopyChunks: Sendable {
    let stream: AsyncThrowingStream<ByteBuffer, any Error>
    private let room = DispatchSemaphore(value: 4)
    private let rows = Atomic<Int>(0)
    private let cancelled = Atomic<Bool>(false)

    init(_ produce: @escaping @Sendable (_ emit: ([String?]) -> Void) throws -> Void) {
        let (stream, continuation) = AsyncThrowingStream<ByteBuffer, any Error>.makeStream()
        self.stream = stream
        Thread.detachNewThread { [self] in
            var buffer = ByteBuffer()
            do {
                try produce { fields in
                    guard !self.cancelled.load(ordering: .relaxed) else { return }
                    Self.append(fields, to: &buffer)
                    self.rows.add(1, ordering: .relaxed)
                    if buffer.readableBytes >= 1 << 20 {
                        self.room.wait()
                        continuation.yield(buffer)
                        buffer = ByteBuffer()
                    }
                }
                if buffer.readableBytes > 0 { continuation.yield(buffer) }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
    }

    /// How many rows were produced.
    var rowCount: Int { rows.load(ordering: .relaxed) }

    /// Makes room for one more chunk (the consumer took one).
    func consumed() { room.signal() }

    /// Stops producing (the consumer failed); the producer runs out without emitting more.
    func cancel() {
        cancelled.store(true, ordering: .relaxed)
        for _ in 0..<8 { room.signal() }
    }

    /// One row in `COPY` text format: tab-separated, `\N` for NULL.
    private static func append(_ fields: [String?], to buffer: inout ByteBuffer) {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
            guard let field else {
                buffer.writeStaticString("\\N")
                continue
            }
            for byte in field.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
                case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
                case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
                default: buffer.writeInteger(byte)
                }
            }
        }
        buffer.writeInteger(UInt8(ascii: "\n"))
    }
}
