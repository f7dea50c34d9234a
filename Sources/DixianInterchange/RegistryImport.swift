import DixianCore
import Foundation

/// Imports interchange files into a registry, all or nothing.
///
/// Every file is read and every problem listed: malformed CSV, unknown or missing columns, bad
/// fields (ID checksums, impossible dates, negative amounts, unknown terms), duplicate keys,
/// references to records that exist neither in the import nor in the registry, household
/// sizes that disagree with the members listed. The records stream into the store in one
/// transaction as they are read, which is committed only if there are none.
public struct RegistryImport: Sendable {
    /// The interchange files found, in import order.
    public let files: [URL]
    private let unknownFiles: [URL]

    /// Finds the interchange files at `path`: a folder of them, or one file.
    public init(path: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
            throw ImportProblem(file: path.lastPathComponent, line: nil, column: nil, reason: .doesNotExist)
        }
        let candidates = isDirectory.boolValue
            ? try FileManager.default.contentsOfDirectory(at: path, includingPropertiesForKeys: nil)
                .filter { RowReader.extensions.contains($0.pathExtension.lowercased()) }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
            : [path]
        let found = interchangeKinds.compactMap { kind in candidates.first { Self.stands(for: kind, $0) } }
        files = found
        unknownFiles = candidates.filter { candidate in !found.contains(candidate) }
    }

    /// Whether `url` is the file of `kind`: its name, as CSV or as an XLSX workbook
    /// (`households.csv`, `households.xlsx`).
    private static func stands(for kind: any InterchangeRecord.Type, _ url: URL) -> Bool {
        url.deletingPathExtension().lastPathComponent == (kind.file as NSString).deletingPathExtension
            && RowReader.extensions.contains(url.pathExtension.lowercased())
    }

    /// Reads everything and lists every problem, changing nothing.
    public func validate(against store: any RegistryStore) async throws -> ImportReport {
        try await report(of: read { _ in true }, against: store)
    }

    /// Validates and, if nothing is wrong, applies every record to `store` in one transaction,
    /// audited as `actor`.
    ///
    /// The files are read once: a thread reads and validates them while the store's writer
    /// applies each good row as it comes. Once anything is wrong the writer stops and the
    /// reading goes on, to list every problem; the transaction is then abandoned. A reference
    /// to a household in neither the import nor the registry is refused by the store's foreign
    /// key as the row comes, and reported as the reading names it.
    /// `progress`, if given, is told of each batch of records handed to the store (how many).
    /// - Throws: `ImportRejected` with every problem, or a problem the store found (a key that
    ///   already exists), located at its file and line; in both cases nothing is changed.
    @discardableResult
    public func apply(to store: any RegistryStore, as actor: String,
                      progress: (@Sendable (Int) -> Void)? = nil) async throws -> ImportReport {
        let queue = RecordQueue(capacity: Self.batchesAhead)
        let reading = ReadingThread { [self] in
            var batch: [RegistryRecord] = []
            batch.reserveCapacity(Self.batchSize)
            let pass = read { record in
                batch.append(record.registryRecord)
                guard batch.count == Self.batchSize else { return true }
                defer { batch.removeAll(keepingCapacity: true) }
                return queue.push(batch)
            }
            if !batch.isEmpty { _ = queue.push(batch) }
            queue.finish()
            return pass
        }
        defer { queue.cancel() }
        let failure = StoreFailure()
        do {
            try await store.apply(as: actor) { apply in
                while let batch = queue.pop() {
                    guard failure.error == nil else { continue }  // the reading goes on, to list every problem
                    for record in batch {
                        do {
                            try apply(.insert(record))
                        } catch let error as RegistryStoreError {
                            failure.error = error
                            break
                        }
                    }
                    progress?(batch.count)
                }
                let pass = reading.result()
                if failure.error != nil || !pass.problems.isEmpty || !pass.validation.sizeMismatches().isEmpty {
                    throw ImportAbandoned()
                }
            }
        } catch is ImportAbandoned {
            try await reject(reading.result(), refused: failure.error, against: store)
        } catch let error as RegistryStoreError {
            // A store that writes in batches finds a bad row when it writes the batch, at the
            // end (the reading is then done); or the store failed before it read anything.
            queue.cancel()
            try await reject(reading.result(), refused: error, against: store)
        }
        return ImportReport(rowCounts: reading.result().counts, problems: [])
    }

    /// Throws the problems of an import that was abandoned: those of the reading if it found
    /// any (a reference to an unknown household the store refused is one, in the reading's
    /// words), or else the change the store refused, located at its file and line (a change
    /// can be refused after later ones were handed to a store that writes in batches).
    private func reject(_ pass: Pass, refused: RegistryStoreError?, against store: any RegistryStore) async throws -> Never {
        let report = try await report(of: pass, against: store)
        guard report.problems.isEmpty, let refused else { throw ImportRejected(report: report) }
        throw ImportRejected(report: ImportReport(rowCounts: pass.counts, problems: [try locate(refused, counts: pass.counts)]))
    }

    /// Records handed from the reading thread to the store's writer at a time.
    private static let batchSize = 1024

    /// How many batches the reading may be ahead of the store's writer: about a million
    /// records, some 70 MB for a generated county. A store can stop taking records for a while
    /// (SQLite ends a table's load by building its indexes and auditing its records: several
    /// seconds for a county's members), and the reading goes on meanwhile; with 16 batches,
    /// it waited, and a 1,000,000-household import took 60 s instead of 54.
    private static let batchesAhead = 1024

    /// What reading every file found, before the store is asked anything.
    private struct Pass: Sendable {
        var validation: Validation
        var problems: [ImportProblem]
        var counts: [(file: String, rows: Int)]
    }

    /// Reads and checks every file in import order, handing each good row to `accept` (which
    /// returns false to stop the reading).
    private func read(_ accept: (_ record: any InterchangeRecord) -> Bool) -> Pass {
        var validation = Validation()
        var problems = unknownFiles.map { url in
            ImportProblem(file: url.lastPathComponent, line: nil, column: nil,
                          reason: interchangeKinds.contains { Self.stands(for: $0, url) }
                            ? .secondFileForTable : .notAnInterchangeFile(expected: interchangeKinds.map { $0.file }))
        }
        var counts: [(file: String, rows: Int)] = []
        var reading = true
        for url in files where reading {
            let file: InterchangeFile
            do {
                file = try InterchangeFile(kind: kind(of: url), url: url)
            } catch let problem as ImportProblem {
                problems.append(problem)
                continue
            } catch {
                problems.append(ImportProblem(file: url.lastPathComponent, line: nil, column: nil, reason: .cannotBeRead("\(error)")))
                continue
            }
            let rows = validation.check(file, problems: &problems) { record in
                reading = accept(record)
                return reading
            }
            counts.append((file.name, rows))
        }
        return Pass(validation: validation, problems: problems, counts: counts)
    }

    /// The report of a reading: its problems, and what the store says of the households it
    /// refers to.
    private func report(of pass: Pass, against store: any RegistryStore) async throws -> ImportReport {
        var problems = pass.problems
        problems += try await pass.validation.unresolvedHouseholds(against: store)
        problems += pass.validation.sizeMismatches()
        return ImportReport(rowCounts: pass.counts, problems: problems)
    }

    /// The kind of a file `init` found (its name is an interchange file's).
    private func kind(of url: URL) -> any InterchangeRecord.Type {
        interchangeKinds.first { Self.stands(for: $0, url) }!
    }

    /// The file and line of the change a store refused.
    private func locate(_ error: RegistryStoreError, counts: [(file: String, rows: Int)]) throws -> ImportProblem {
        var index = error.changeIndex
        for (url, count) in zip(files, counts.map(\.rows)) {
            if index < count {
                var line: Int?
                var refused: (any InterchangeRecord)?
                var position = 0
                try RegistryImport.forEachRecord(in: InterchangeFile(kind: kind(of: url), url: url)) { rowLine, record in
                    if position == index { (line, refused) = (rowLine, record) }
                    position += 1
                }
                return ImportProblem(file: url.lastPathComponent, line: line, column: nil,
                                     reason: refused.flatMap { Self.plainReason(error.message, refusing: $0) } ?? .storeRefused(error.message))
            }
            index -= count
        }
        return ImportProblem(file: files.last?.lastPathComponent ?? "", line: nil, column: nil, reason: .storeRefused(error.message))
    }

    /// What a store's refusal of `record` means, in plain words, when the store said its key is
    /// already taken (SQLite's `UNIQUE constraint failed: member.resident_id`, PostgreSQL's
    /// `duplicate key value violates unique constraint`); nil for any other refusal.
    static func plainReason(_ message: String, refusing record: any InterchangeRecord) -> ImportMessage? {
        guard message.contains("UNIQUE constraint failed") || message.contains("duplicate key") else { return nil }
        switch record {
        case let member as Member:
            return .personRegistered(member.residentID.masked)
        case let warning as DepartmentWarning:
            return .warningRegistered(warning.id)
        default:
            let name = (type(of: record).file as NSString).deletingPathExtension.replacingOccurrences(of: "_", with: " ")
            return .recordRegistered(record.key, table: name)
        }
    }

    /// Reads every row of a validated file.
    static func forEachRecord(
        in file: InterchangeFile, _ body: (_ line: Int, any InterchangeRecord) throws -> Void
    ) throws {
        var iterator = file.reader.makeIterator()
        guard let header = iterator.header(of: file.kind.columns) else { return }
        var ignored: [ImportProblem] = []
        let (positions, _) = file.header(header, problems: &ignored)
        let bounds = FieldBounds.now()
        while let row = iterator.next() {
            if row.fields == [""] { continue }
            let record = try file.kind.init(reading: FieldReader(fields: row.fields, positions: positions, layout: file.kind.layout, bounds: bounds))
            try body(row.line, record)
        }
        if let failure = iterator.failure {
            throw ImportProblem(file: file.label, line: failure.line, column: nil, reason: failure.reason)
        }
    }
}

/// Thrown inside the store's transaction to abandon it: the import has problems.
private struct ImportAbandoned: Error {}

/// The first change the store refused, if any: set by the store's writer, read after it is done.
private final class StoreFailure: @unchecked Sendable {
    var error: RegistryStoreError?
}

/// A pass over the files run on a thread of its own; `result()` waits for it.
private final class ReadingThread<Result: Sendable>: @unchecked Sendable {  // `outcome` is written once, before `done` is signalled
    private var outcome: Result?
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()

    init(_ body: @escaping @Sendable () -> Result) {
        let thread = Thread { [self] in
            let value = body()
            lock.withLock { outcome = value }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// What the pass found, once it is done.
    func result() -> Result {
        if let value = lock.withLock({ outcome }) { return value }
        done.wait()
        done.signal()  // for the next caller
        return lock.withLock { outcome! }
    }
}
