import DixianCore

/// What a push of department warnings became: every warning is kept, matched to the household
/// of the member with its ID number or listed as unmatched.
public struct WarningImport: Sendable {
    /// A warning kept, with where it came from.
    public struct Entry: Sendable {
        /// The line of the pushed file it was on.
        public var line: Int
        /// The warning as stored, with its id.
        public var warning: DepartmentWarning
        /// The household of the member it names; nil when no member has that ID number.
        public var householdNumber: String?
    }

    /// Every warning, in file order.
    public var entries: [Entry]

    /// How many matched a member.
    public var matchedCount: Int { entries.count - unmatched.count }
    /// The warnings that match no member of the registry.
    public var unmatched: [Entry] { entries.filter { $0.householdNumber == nil } }
}

extension Workflow {
    /// Keeps a department's pushed warnings (each with the line it came from; their ids are
    /// assigned) in one transaction, matching each to a member by ID number. Each one is a
    /// verification task for the township until `closeWarning` records its result; unmatched
    /// ones are kept too, never dropped.
    public func importWarnings(_ pushed: [(line: Int, warning: DepartmentWarning)]) async throws -> WarningImport {
        let ids = try await store.nextIdentifiers(in: .departmentWarning, count: pushed.count)
        let records = zip(pushed, ids).map { entry, id in
            var stored = entry.warning
            stored.id = id
            stored.result = nil
            stored.closedOn = nil
            return stored
        }
        // Matching reads members on a reading connection while the writer stores the warnings
        // (the audit trigger finds each one's household itself): the two run on two cores.
        let store = self.store, residents = pushed.map(\.warning.residentID.rawValue)
        async let matching = store.households(ofResidents: residents)
        try await store.apply(as: user) { apply in
            for warning in records { try apply(.insert(.departmentWarning(warning))) }
        }
        let households = try await matching
        return WarningImport(entries: zip(pushed, records).map { entry, warning in
            WarningImport.Entry(line: entry.line, warning: warning, householdNumber: households[warning.residentID.rawValue])
        })
    }

    /// Closes the verification of warning `warningID` with its recorded `result` on `date`. With
    /// `reportBy`, the warning also opens a monitoring episode for the member's household
    /// (channel: department warning), reported by that person, in the same transaction.
    /// Returns the new episode's id when one was opened.
    @discardableResult
    public func closeWarning(_ warningID: Int64, result: String, on date: LocalDate, reportBy: String? = nil) async throws -> Int64? {
        try permit(.warningClose)
        if reportBy != nil { try permit(.report) }
        try requirePast(date)
        var warning = try await record(DepartmentWarning.self, id: warningID)
        if warning.closedOn != nil { throw WorkflowError.alreadyClosed(.departmentWarning, String(warningID)) }
        try Self.require([.result: result])
        if date < warning.receivedOn { throw WorkflowError.dateBefore(date, warning.receivedOn, .received) }
        warning.result = result
        warning.closedOn = date
        guard let reportBy else {
            try await apply([.update(.departmentWarning(warning))])
            return nil
        }
        guard let number = try await store.households(ofResidents: [warning.residentID.rawValue])[warning.residentID.rawValue] else {
            throw WorkflowError.notFound(.member, warning.residentID.masked)
        }
        let (episodeID, opening) = try await reporting(
            household: number, channel: .departmentWarning, on: date, by: reportBy,
            notes: "\(warning.department.chineseName)预警：\(warning.reason)")
        try await apply([.update(.departmentWarning(warning))] + opening)
        return episodeID
    }
}
