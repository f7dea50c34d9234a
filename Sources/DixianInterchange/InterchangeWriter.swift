import DixianCore
import Foundation

/// Writes records into a folder of interchange files in their canonical form: every file
/// with its header, fields formatted as the format spells them, ID numbers masked unless
/// asked otherwise. Callers write each file's records in canonical order.
public final class InterchangeWriter {
    private let maskIDNumbers: Bool
    private var writers: [RegistryTable: CSVWriter] = [:]
    private var rows: [RegistryTable: Int] = [:]

    /// Creates `directory` if needed and every interchange file in it, each with its header.
    public init(directory: URL, maskIDNumbers: Bool) throws {
        self.maskIDNumbers = maskIDNumbers
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for table in RegistryTable.allCases {
            let kind = table.interchangeKind
            let writer = try CSVWriter(creating: directory.appendingPathComponent(kind.file))
            try writer.write(kind.columns.map(\.name))
            writers[table] = writer
        }
    }

    /// Writes `record` as the next row of its file; a household's size is written as given.
    public func write(_ record: RegistryRecord, householdSize: Int? = nil) throws {
        var fields = record.interchange.fields
        switch record {
        case .member(let member) where maskIDNumbers:
            fields[Member.position(of: "resident_id")] = member.residentID.masked
        case .departmentWarning(let warning) where maskIDNumbers:
            fields[DepartmentWarning.position(of: "resident_id")] = warning.residentID.masked
        case .hospitalStay(let stay) where maskIDNumbers:
            fields[HospitalStay.position(of: "resident_id")] = stay.residentID.masked
        case .household:
            fields[Household.position(of: "size")] = householdSize.map(String.init) ?? ""
        default:
            break
        }
        let table = type(of: record.value).registryTable
        try writers[table]!.write(fields)
        rows[table, default: 0] += 1
    }

    /// Finishes every file and returns the rows written to each, in import order.
    @discardableResult
    public func close() throws -> [(file: String, rows: Int)] {
        for writer in writers.values { try writer.close() }
        return RegistryTable.allCases.map { ($0.interchangeKind.file, rows[$0] ?? 0) }
    }
}
