import DixianCore
import Foundation

/// The first pass of an import: everything that can be checked without the store, and what
/// must then be asked of it.
struct Validation {
    /// Keys of the files other files refer to, with the line each is on.
    private var keys: [String: [String: Int]] = [:]
    /// References to households found in no imported file: number → where they were made.
    private var householdReferences: [String: [(file: String, line: Int, column: String)]] = [:]
    /// Household sizes the households file declares: number → (size, line).
    private var declaredSizes: [String: (size: Int, line: Int)] = [:]
    /// Members listed per household.
    private var memberCounts: [String: Int] = [:]
    private var membersImported = false
    /// Files whose header is wrong: their rows were not read, so nothing is checked against them.
    private var unreadable: Set<String> = []
    /// The bounds every field is held to, as of the day the import began.
    private let bounds = FieldBounds.now()

    private static let referencedFiles: Set<String> = [
        Household.file, MonitoringEpisode.file, AssistancePlan.file, Asset.file,
    ]

    /// Checks one file, adding its problems, and hands each row that has none to `accept`,
    /// which returns false to stop the reading; returns how many rows it has.
    mutating func check(
        _ file: InterchangeFile, problems: inout [ImportProblem],
        accept: (_ record: any InterchangeRecord) -> Bool = { _ in true }
    ) -> Int {
        var iterator = file.reader.makeIterator()
        guard let header = iterator.header(of: file.kind.columns) else {
            problems.append(ImportProblem(file: file.label, line: nil, column: nil, reason: .emptyFile))
            return 0
        }
        let problemsBefore = problems.count
        let (positions, labels) = file.header(header, problems: &problems)
        let textColumns = FieldBounds.TextColumns(positions)
        guard problems.count == problemsBefore else {
            // Rows cannot be read against a header that is wrong; its problems say why.
            unreadable.insert(file.name)
            return 0
        }
        let headerCount = header.fields.count
        let countsHouseholdSizes = file.name == Member.file || file.name == Household.file
        var seen: [String: Int] = [:]
        var rows = 0
        while let row = iterator.next() {
            if row.fields == [""] { continue }
            rows += 1
            guard row.fields.count == headerCount else {
                problems.append(ImportProblem(file: file.label, line: row.line, column: nil,
                                              reason: .fieldCount(found: row.fields.count, header: headerCount)))
                continue
            }
            let reader = FieldReader(fields: row.fields, positions: positions, layout: file.kind.layout, bounds: bounds)
            let record: any InterchangeRecord
            do throws(FieldError) {
                if let error = bounds.textProblem(row.fields, columns: textColumns) { throw error }
                record = try file.kind.init(reading: reader)
            } catch {
                problems.append(ImportProblem(file: file.label, line: row.line, column: labels[error.column] ?? error.column,
                                              reason: .field(error.message)))
                continue
            }
            let key = record.key
            if let first = seen.updateValue(row.line, forKey: key) {  // one search of a table of millions of keys
                seen[key] = first
                problems.append(ImportProblem(file: file.label, line: row.line, column: nil,
                                              reason: .repeatedKey(key, line: first)))
                continue
            }
            let problemsOfRow = problems.count
            for reference in record.references {
                check(reference, from: file, line: row.line, label: labels[reference.column], problems: &problems)
            }
            if countsHouseholdSizes { count(record, reader, line: row.line, label: labels["size"], problems: &problems) }
            checkHouseholdNumber(of: record, in: file.label, line: row.line, label: labels["number"], problems: &problems)
            if problems.count == problemsOfRow, !accept(record) { break }
        }
        if let failure = iterator.failure {
            problems.append(ImportProblem(file: file.label, line: failure.line, column: nil, reason: failure.reason))
        }
        if Validation.referencedFiles.contains(file.name) { keys[file.name] = seen }
        if file.name == Member.file { membersImported = true }
        return rows
    }

    private mutating func check(
        _ reference: Reference, from file: InterchangeFile, line: Int, label: String?,
        problems: inout [ImportProblem]
    ) {
        if keys[reference.file]?[reference.key] != nil || unreadable.contains(reference.file) { return }
        if reference.file == Household.file {
            householdReferences[reference.key, default: []].append((file.label, line, label ?? reference.column))
        } else {
            problems.append(ImportProblem(file: file.label, line: line, column: label ?? reference.column,
                                          reason: .missingReference(reference.key, file: reference.file)))
        }
    }

    /// Refuses a household whose number is not its village code and four digits
    /// (`Household.numberProblem`), naming the file, line and column.
    private func checkHouseholdNumber(
        of record: any InterchangeRecord, in file: String, line: Int, label: String?, problems: inout [ImportProblem]) {
        guard let household = record as? Household,
            let problem = Household.numberProblem(household.number, villageCode: household.area.villageCode)
        else { return }
        problems.append(ImportProblem(file: file, line: line, column: label ?? "number", reason: .field(problem)))
    }

    /// Counts members per household, and notes the sizes households declare.
    private mutating func count(
        _ record: any InterchangeRecord, _ reader: FieldReader, line: Int, label: String?,
        problems: inout [ImportProblem]
    ) {
        if let member = record as? Member {
            memberCounts[member.householdNumber, default: 0] += 1
        } else if let household = record as? Household {
            do throws(FieldError) {
                if let size = try reader.optionalInteger(Household.Field.size) { declaredSizes[household.number] = (size, line) }
            } catch {
                problems.append(ImportProblem(file: Household.file, line: line, column: label ?? "size", reason: .field(error.message)))
            }
        }
    }

    /// Households referred to but found neither in the import nor in the store.
    func unresolvedHouseholds(against store: any RegistryStore) async throws -> [ImportProblem] {
        let existing = try await store.existingHouseholdNumbers(among: Set(householdReferences.keys))
        return householdReferences.filter { !existing.contains($0.key) }
            .flatMap { number, places in
                places.map { ImportProblem(file: $0.file, line: $0.line, column: $0.column,
                                           reason: .missingHousehold(number, file: Household.file)) }
            }
            .sorted { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) }
    }

    /// Households whose declared size differs from the members the import lists.
    func sizeMismatches() -> [ImportProblem] {
        guard membersImported else { return [] }
        return declaredSizes.compactMap { number, declared in
            let listed = memberCounts[number] ?? 0
            guard listed != declared.size else { return nil }
            return ImportProblem(file: Household.file, line: declared.line, column: "size",
                                 reason: .sizeMismatch(household: number, declared: declared.size, listed: listed, file: Member.file))
        }
        .sorted { ($0.line ?? 0) < ($1.line ?? 0) }
    }
}
