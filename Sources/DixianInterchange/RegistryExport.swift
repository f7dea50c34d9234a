import DixianCore
import DixianSheets
import Foundation

/// Writes a registry out in the interchange format: one CSV per table, columns in the
/// format's order, rows in canonical order, ID numbers masked unless asked otherwise.
public enum RegistryExport {
    /// How ID numbers are written.
    public enum IDNumbers: Sendable {
        /// Masked (`620621********0031`): the default.
        case masked
        /// In full, for an authorised user; the disclosure is recorded in the registry as theirs.
        case unmasked(by: String)
    }

    /// Writes every table of `store` into `directory` and returns the rows written per file.
    /// The files are written into a hidden folder beside `directory`, which replaces it only
    /// when every file is written (`AtomicFolder`): a killed or failed export leaves an earlier
    /// export there whole. An unmasked export is recorded as a disclosure once written; if it
    /// cannot be recorded, nothing is put in place and the error thrown. `progress`, if given,
    /// is told of the records read, a thousand at a time.
    @discardableResult
    public static func write(from store: any RegistryStore, to directory: URL, idNumbers: IDNumbers = .masked,
                             progress: (@Sendable (Int) -> Void)? = nil) async throws
        -> [(file: String, rows: Int)]
    {
        let folder = try AtomicFolder(replacing: directory)
        do {
            let written = try write(from: store, to: folder.temporary, masking: { if case .masked = idNumbers { true } else { false } }(),
                                    progress: progress)
            if case .unmasked(let actor) = idNumbers {
                let disclosed = written.filter { [Member.file, DepartmentWarning.file].contains($0.file) }.reduce(0) { $0 + $1.rows }
                try await store.recordDisclosure(Disclosure(
                    actor: actor, action: "unmasked export", destination: directory.standardizedFileURL.path, records: disclosed))
            }
            try folder.commit(replacing: Set(RegistryTable.allCases.map { $0.interchangeKind.file }))
            return written
        } catch {
            folder.abandon()
            throw error
        }
    }

    private static func write(from store: any RegistryStore, to directory: URL, masking: Bool,
                              progress: (@Sendable (Int) -> Void)?) throws -> [(file: String, rows: Int)]
    {
        let writer = try InterchangeWriter(directory: directory, maskIDNumbers: masking)
        var sizes: [String: Int] = [:]
        var read = 0
        defer { progress?(read % 1000) }
        // Members first: the households file carries each household's size.
        for table in [RegistryTable.member] + RegistryTable.allCases.filter({ $0 != .member }) {
            try store.forEachRecord(in: table) { record in
                read += 1
                if read % 1000 == 0 { progress?(1000) }
                switch record {
                case .member(let member): sizes[member.householdNumber, default: 0] += 1
                case .household(let household): try writer.write(record, householdSize: sizes[household.number] ?? 0)
                    return
                default: break
                }
                try writer.write(record)
            }
        }
        return try writer.close()
    }
}

extension RegistryTable {
    /// The interchange file of the table.
    var interchangeKind: any InterchangeRecord.Type { valueType as! any InterchangeRecord.Type }
}

extension RegistryRecord {
    /// The record as a row of its interchange file.
    var interchange: any InterchangeRecord { value as! any InterchangeRecord }
}
