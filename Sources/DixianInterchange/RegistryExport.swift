import DixianCore
import Foundation

/// Writes a registry out in the interchange format: one CSV per table, columns in the
/// format's order, rows in key order, ID numbers masked unless asked otherwise.
public enum RegistryExport {
    /// Writes every table of `store` into `directory` (created if needed) and returns the rows
    /// written per file.
    /// - Parameter unmasked: write ID numbers in full (only for authorised users; callers audit it).
    @discardableResult
    public static func write(from store: any RegistryStore, to directory: URL, unmasked: Bool) throws
        -> [(file: String, rows: Int)]
    {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var sizes: [String: Int] = [:]
        var counts: [String: Int] = [:]
        // Members first: the households file carries each household's size.
        for table in [RegistryTable.member] + RegistryTable.allCases.filter({ $0 != .member }) {
            let kind = table.interchangeKind
            var writer = try CSVWriter(creating: directory.appendingPathComponent(kind.file))
            try writer.write(kind.columns.map(\.name))
            var rows = 0
            try store.forEachRecord(in: table) { record in
                let row = record.interchange
                var fields = row.fields
                switch record {
                case .member(let member):
                    sizes[member.householdNumber, default: 0] += 1
                    if !unmasked { fields[Member.position(of: "resident_id")] = member.residentID.masked }
                case .departmentWarning(let warning):
                    if !unmasked { fields[DepartmentWarning.position(of: "resident_id")] = warning.residentID.masked }
                case .household(let household):
                    fields[Household.position(of: "size")] = String(sizes[household.number] ?? 0)
                default:
                    break
                }
                try writer.write(fields)
                rows += 1
            }
            try writer.close()
            counts[kind.file] = rows
        }
        return interchangeKinds.map { ($0.file, counts[$0.file] ?? 0) }
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
