import DixianCore
import Foundation

/// Writes a registry out in the interchange format: one CSV per table, columns in the
/// format's order, rows in canonical order, ID numbers masked unless asked otherwise.
public enum RegistryExport {
    /// Writes every table of `store` into `directory` (created if needed) and returns the rows
    /// written per file.
    /// - Parameter unmasked: write ID numbers in full (only for authorised users).
    @discardableResult
    public static func write(from store: any RegistryStore, to directory: URL, unmasked: Bool) throws
        -> [(file: String, rows: Int)]
    {
        let writer = try InterchangeWriter(directory: directory, maskIDNumbers: !unmasked)
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
