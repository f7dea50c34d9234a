import DixianCore
import Foundation

/// Imports interchange files into a registry, all or nothing.
///
/// A first pass reads every file and lists every problem: malformed CSV, unknown or missing
/// columns, bad fields (ID checksums, impossible dates, negative amounts, unknown terms),
/// duplicate keys, references to records that exist neither in the import nor in the
/// registry, household sizes that disagree with the members listed. Only if there are none
/// does a second pass stream the records into the store in one transaction.
public struct RegistryImport: Sendable {
    /// The interchange files found, in import order.
    public let files: [URL]
    private let unknownFiles: [URL]

    /// Finds the interchange files at `path`: a folder of them, or one file.
    public init(path: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
            throw ImportProblem(file: path.lastPathComponent, line: nil, column: nil, reason: "does not exist")
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
        var validation = Validation()
        var problems = unknownFiles.map { url in
            ImportProblem(file: url.lastPathComponent, line: nil, column: nil,
                          reason: interchangeKinds.contains { Self.stands(for: $0, url) }
                            ? "is a second file for the same table (one of .csv and .xlsx per table)"
                            : "is not an interchange file (expected: \(interchangeKinds.map { $0.file }.joined(separator: ", ")), or the same names as .xlsx)")
        }
        var counts: [(file: String, rows: Int)] = []
        for url in files {
            let file: InterchangeFile
            do {
                file = try InterchangeFile(kind: kind(of: url), url: url)
            } catch let problem as ImportProblem {
                problems.append(problem)
                continue
            }
            let rows = validation.check(file, problems: &problems)
            counts.append((file.name, rows))
        }
        problems += try await validation.unresolvedHouseholds(against: store)
        problems += validation.sizeMismatches()
        return ImportReport(rowCounts: counts, problems: problems)
    }

    /// Validates, then, if nothing is wrong, applies every record to `store` in one
    /// transaction, audited as `actor`.
    /// - Throws: `ImportRejected` with every problem, or a problem the store found (a key that
    ///   already exists), located at its file and line; in both cases nothing is changed.
    @discardableResult
    public func apply(to store: any RegistryStore, as actor: String) async throws -> ImportReport {
        let report = try await validate(against: store)
        guard report.problems.isEmpty else { throw ImportRejected(report: report) }
        let files = self.files
        let kinds = files.map(kind(of:))
        do {
            try await store.apply(as: actor) { apply in
                for (url, kind) in zip(files, kinds) {
                    try RegistryImport.forEachRecord(in: InterchangeFile(kind: kind, url: url)) { _, record in
                        try apply(.insert(record.registryRecord))
                    }
                }
            }
        } catch let error as RegistryStoreError {
            throw ImportRejected(report: ImportReport(rowCounts: report.rowCounts,
                                                      problems: [try locate(error, counts: report.rowCounts)]))
        }
        return report
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
                var position = 0
                try RegistryImport.forEachRecord(in: InterchangeFile(kind: kind(of: url), url: url)) { rowLine, _ in
                    if position == index { line = rowLine }
                    position += 1
                }
                return ImportProblem(file: url.lastPathComponent, line: line, column: nil, reason: error.message)
            }
            index -= count
        }
        return ImportProblem(file: files.last?.lastPathComponent ?? "", line: nil, column: nil, reason: error.message)
    }

    /// Reads every row of a validated file.
    static func forEachRecord(
        in file: InterchangeFile, _ body: (_ line: Int, any InterchangeRecord) throws -> Void
    ) throws {
        var iterator = file.reader.makeIterator()
        guard let header = iterator.next() else { return }
        var ignored: [ImportProblem] = []
        let (positions, _) = file.header(header.fields, problems: &ignored)
        while let row = iterator.next() {
            if row.fields == [""] { continue }
            let record = try file.kind.init(reading: FieldReader(fields: row.fields, positions: positions))
            try body(row.line, record)
        }
        if let failure = iterator.failure {
            throw ImportProblem(file: file.label, line: failure.line, column: nil, reason: failure.reason)
        }
    }
}
