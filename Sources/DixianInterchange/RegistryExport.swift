import DixianCore
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

    /// Writes every table of `store` into `directory` (created if needed) and returns the rows
    /// written per file. An unmasked export is recorded as a disclosure once written; if it
    /// cannot be recorded, the files are removed and the error thrown.
    @discardableResult
    public static func write(from store: any RegistryStore, to directory: URL, idNumbers: IDNumbers = .masked) async throws
        -> [(file: String, rows: Int)]
    {
        let written = try write(from: store, to: directory, masking: { if case .masked = idNumbers { true } else { false } }())
        guard case .unmasked(let actor) = idNumbers else { return written }
        do {
            let disclosed = written.filter { [Member.file, DepartmentWarning.file].contains($0.file) }.reduce(0) { $0 + $1.rows }
            try await store.recordDisclosure(Disclosure(
                actor: actor, action: "unmasked export", destination: directory.standardizedFileURL.path, records: disclosed))
        } catch {
            for file in written { try? FileManager.default.removeItem(at: directory.appendingPathComponent(file.file)) }
            throw error
        }
        return written
    }

    private static func write(from store: any RegistryStore, to directory: URL, masking: Bool) throws
        -> [(file: String, rows: Int)]
    {
        let writer = try InterchangeWriter(directory: directory, maskIDNumbers: masking)
        var sizes: [String: Int] = [:]
        // Members first: the households file carries each household's size.
        for table in [RegistryTable.member] + RegistryTable.allCases.filter({ $0 != .member }) {
            try store.forEachRecord(in: table) { record in
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
