import DixianCore
import Foundation
import GRDB

extension SQLiteRegistry: HouseholdViewSource {
    public func partitions(area: String?, size: Int) throws -> [HouseholdPartition] {
        precondition(size > 0, "a partition holds at least one household")
        return try writer.read { db in
            let cursor = try StatementCursor(
                db, table: "household",
                sql: "SELECT number FROM household WHERE \(Self.areaCondition(area)) ORDER BY number",
                arguments: Self.areaArguments(area))
            var starts: [String] = []
            var index = 0
            while cursor.hasRow {
                if index % size == 0 { starts.append(cursor.string(0)) }
                index += 1
                try cursor.advance()
            }
            return starts.indices.map { position in
                HouseholdPartition(
                    from: position == 0 ? nil : starts[position],
                    upTo: position + 1 < starts.count ? starts[position + 1] : nil, area: area)
            }
        }
    }

    public func readViews(
        in partition: HouseholdPartition, asOf: LocalDate, batchSize: Int, _ body: ([HouseholdView]) throws -> Void
    ) throws {
        try writer.read { db in
            var reader = try HouseholdViewReader(db, partition: partition, asOf: asOf,
                                                 range: [partition.numbers.from, partition.numbers.upTo])
            var batch: [HouseholdView] = []
            batch.reserveCapacity(batchSize)
            while let view = try reader.next() {
                batch.append(view)
                if batch.count == batchSize {
                    try body(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { try body(batch) }
        }
    }

    public func views(in partition: HouseholdPartition, asOf: LocalDate) async throws -> [HouseholdView] {
        try await writer.read { db in
            var reader = try HouseholdViewReader(db, partition: partition, asOf: asOf,
                                                 range: [partition.numbers.from, partition.numbers.upTo])
            var views: [HouseholdView] = []
            while let view = try reader.next() { views.append(view) }
            return views
        }
    }

    /// The SQL condition restricting households to an area (a village-code prefix), on the
    /// village code in `column`.
    static func areaCondition(_ area: String?, column: String = "village_code") -> String {
        area == nil ? "1" : "substr(\(column), 1, ?) = ?"
    }

    /// The arguments of `areaCondition`.
    static func areaArguments(_ area: String?) -> [any DatabaseValueConvertible] {
        area.map { [$0.utf8.count, $0] } ?? []
    }
}

/// Merges the per-table cursors of one partition into household views. Each record is read
/// through its layout (`CursorRow`); a household's records are selected with its number first,
/// in column 0, for the merge.
private struct HouseholdViewReader {
    private var households: StatementCursor
    private var members: StatementCursor
    private var incomes: StatementCursor
    private var monthly: StatementCursor
    private var surveys: StatementCursor
    private var episodes: StatementCursor
    private var steps: StatementCursor
    private var plans: StatementCursor
    private var visits: StatementCursor
    private var hospitalStays: StatementCursor
    private var complaints: StatementCursor
    private var loans: StatementCursor
    /// Each household's village, from the places, joined in household order.
    private var villages: StatementCursor

    private let roles = TermMatcher<VisitorRole>()
    /// Where each cursor's fields are, looked up once per reader rather than once per record.
    private let layouts = (
        household: CursorLayout.of(Household.self), member: CursorLayout.of(Member.self),
        income: CursorLayout.of(IncomeRecord.self), monthly: CursorLayout.of(MonthlyIncome.self),
        survey: CursorLayout.of(GuaranteeSurvey.self), episode: CursorLayout.of(MonitoringEpisode.self),
        step: CursorLayout.of(MonitoringStep.self), plan: CursorLayout.of(AssistancePlan.self),
        hospitalStay: CursorLayout.of(HospitalStay.self), complaint: CursorLayout.of(Complaint.self),
        loan: CursorLayout.of(MicrocreditLoan.self), place: CursorLayout.of(Place.self))

    init(_ db: Database, partition: HouseholdPartition, asOf: LocalDate, range bounds: [String]) throws {
        // A range of numbers, or the partition's chosen households (a JSON array).
        let within: String, range: [any DatabaseValueConvertible]
        if let chosen = partition.households {
            within = "household_number IN (SELECT value FROM json_each(?))"
            range = [SQLiteRegistry.jsonArray(chosen)]
        } else {
            within = "household_number >= ? AND household_number < ?"
            range = bounds
        }
        let date = asOf.description
        func columns(_ type: any RegistryRow.Type) -> String { type.columns.joined(separator: ", ") }
        households = try StatementCursor(db, table: "household", sql: """
            SELECT number, \(columns(Household.self))
            FROM household WHERE \(within.replacingOccurrences(of: "household_number", with: "number"))
              AND \(SQLiteRegistry.areaCondition(partition.area))
            ORDER BY number
            """, arguments: range + SQLiteRegistry.areaArguments(partition.area))
        members = try StatementCursor(db, table: "member", sql: """
            SELECT household_number, \(columns(Member.self))
            FROM member WHERE \(within) ORDER BY household_number, resident_id
            """, arguments: range)
        incomes = try StatementCursor(db, table: "income", sql: """
            SELECT household_number, \(columns(IncomeRecord.self))
            FROM income WHERE \(within) AND year <= ? ORDER BY household_number, year
            """, arguments: range + [asOf.year])
        monthly = try StatementCursor(db, table: "monthly_income", sql: """
            SELECT household_number, \(columns(MonthlyIncome.self)) FROM monthly_income
            WHERE \(within) AND year * 100 + month <= ? ORDER BY household_number, year, month
            """, arguments: range + [asOf.year * 100 + asOf.month])
        surveys = try StatementCursor(db, table: "guarantee_survey", sql: """
            SELECT household_number, \(columns(GuaranteeSurvey.self))
            FROM guarantee_survey WHERE \(within) AND surveyed_on <= ? ORDER BY household_number, surveyed_on
            """, arguments: range + [date])
        episodes = try StatementCursor(db, table: "monitoring_episode", sql: """
            SELECT household_number, \(columns(MonitoringEpisode.self))
            FROM monitoring_episode WHERE \(within) AND reported_on <= ? ORDER BY household_number, id
            """, arguments: range + [date])
        steps = try StatementCursor(db, table: "monitoring_step", sql: """
            SELECT household_number, \(columns(MonitoringStep.self))
            FROM monitoring_step WHERE \(within) AND taken_on <= ? ORDER BY household_number, episode_id, taken_on, id
            """, arguments: range + [date])
        plans = try StatementCursor(db, table: "assistance_plan", sql: """
            SELECT household_number, \(columns(AssistancePlan.self)) FROM assistance_plan
            WHERE \(within) AND made_on <= ? ORDER BY household_number, id
            """, arguments: range + [date])
        visits = try StatementCursor(db, table: "visit", sql: """
            SELECT household_number, visited_on, role FROM visit
            WHERE \(within) AND visited_on <= ? ORDER BY household_number, visited_on, role
            """, arguments: range + [date])
        hospitalStays = try StatementCursor(db, table: "hospital_stay", sql: """
            SELECT household_number, \(columns(HospitalStay.self)) FROM hospital_stay
            WHERE \(within) AND admitted_on <= ? ORDER BY household_number, admitted_on, id
            """, arguments: range + [date])
        complaints = try StatementCursor(db, table: "complaint", sql: """
            SELECT household_number, \(columns(Complaint.self)) FROM complaint
            WHERE \(within) AND received_on <= ? ORDER BY household_number, received_on, id
            """, arguments: range + [date])
        loans = try StatementCursor(db, table: "microcredit_loan", sql: """
            SELECT household_number, \(columns(MicrocreditLoan.self)) FROM microcredit_loan
            WHERE \(within) AND borrowed_on <= ? ORDER BY household_number, borrowed_on, id
            """, arguments: range + [date])
        villages = try StatementCursor(db, table: "place", sql: """
            SELECT h.number, \(Place.columns.map { "p." + $0 }.joined(separator: ", "))
            FROM household h JOIN place p ON p.code = h.village_code
            WHERE \(within.replacingOccurrences(of: "household_number", with: "h.number"))
            ORDER BY h.number
            """, arguments: range)
    }

    /// The next household's view, nil after the last.
    mutating func next() throws -> HouseholdView? {
        guard households.hasRow else { return nil }
        var view = HouseholdView(household: try Self.record(households, layouts.household, household: nil))
        let number = view.household.number
        try households.advance()
        var key = number
        try key.withUTF8 { bytes in try readRecords(of: UnsafeRawBufferPointer(bytes), into: &view) }
        return view
    }

    /// The record `cursor` stands on, read through its layout; its household number is
    /// `household` (the household's own string, not a copy per record) when given.
    private static func record<R: RegistryRow>(_ cursor: StatementCursor, _ layout: CursorLayout, household: String?) throws -> R {
        do throws(FieldError) {
            return try R(reading: CursorRow(cursor: cursor, layout: layout, household: household))
        } catch {
            throw CorruptRow(table: R.table, column: error.column, reason: error.reason)
        }
    }

    /// Moves `cursor` past rows of households before `number`; true while it stands on one of `number`'s rows.
    private static func reach(_ cursor: inout StatementCursor, _ number: UnsafeRawBufferPointer) throws -> Bool {
        while cursor.hasRow {
            let order = cursor.compareHousehold(with: number)
            if order == 0 { return true }
            if order > 0 { return false }
            try cursor.advance()
        }
        return false
    }

    /// Reads every row of `cursor` for the household `key` (`number`'s bytes) into `records`.
    private static func read<R: RegistryRow>(
        _ cursor: inout StatementCursor, _ layout: CursorLayout, _ key: UnsafeRawBufferPointer, _ number: String,
        into records: inout [R]
    ) throws {
        while try reach(&cursor, key) {
            records.append(try record(cursor, layout, household: number))
            try cursor.advance()
        }
    }

    private mutating func readRecords(of key: UnsafeRawBufferPointer, into view: inout HouseholdView) throws {
        let number = view.household.number
        while try Self.reach(&members, key) {
            let member: Member = try Self.record(members, layouts.member, household: number)
            if member.isHead { view.members.insert(member, at: 0) } else { view.members.append(member) }
            try members.advance()
        }
        try Self.read(&incomes, layouts.income, key, number, into: &view.incomes)
        try Self.read(&monthly, layouts.monthly, key, number, into: &view.monthlyIncomes)
        while try Self.reach(&surveys, key) {
            view.latestSurvey = try Self.record(surveys, layouts.survey, household: number)
            try surveys.advance()
        }
        try Self.read(&episodes, layouts.episode, key, number, into: &view.episodes)
        try Self.read(&steps, layouts.step, key, number, into: &view.steps)
        try Self.read(&plans, layouts.plan, key, number, into: &view.plans)
        while try Self.reach(&visits, key) {
            let c = visits
            view.visits.append(HouseholdView.VisitEntry(
                visitedOn: try c.date(1, column: "visited_on"), role: try c.term(2, column: "role", roles)))
            try visits.advance()
        }
        try Self.read(&hospitalStays, layouts.hospitalStay, key, number, into: &view.hospitalStays)
        try Self.read(&complaints, layouts.complaint, key, number, into: &view.complaints)
        try Self.read(&loans, layouts.loan, key, number, into: &view.loans)
        while try Self.reach(&villages, key) {
            view.village = try Self.record(villages, layouts.place, household: nil)
            try villages.advance()
        }
    }
}

/// Where a layout's fields are in a view cursor's rows (column 0 is the household number, the
/// stored columns follow), and which field is the household number, made once per record type.
struct CursorLayout: Sendable {
    /// The column of each layout field, -1 for one not stored.
    let columns: [Int32]
    /// The layout position of the household number (the household's own `number`), or -1.
    let household: Int

    init(_ layout: RecordLayout) {
        let stored = SQLiteLayout.of(layout).positions
        columns = stored.map { $0 < 0 ? -1 : $0 + 1 }
        household = layout.position(of: layout.table == "household" ? "number" : "household_number") ?? -1
    }

    private static let all: [String: CursorLayout] = Dictionary(
        uniqueKeysWithValues: RegistryTable.allCases.map { ($0.rawValue, CursorLayout($0.valueType.layout)) })

    static func of(_ type: any RegistryRow.Type) -> CursorLayout { all[type.table]! }
}

/// The row a view cursor stands on, read as a record's fields through SQLite's C API.
struct CursorRow: FieldSource {
    let cursor: StatementCursor
    let layout: CursorLayout
    /// The household number, shared by every record of the household.
    let household: String?

    func text(at position: Int) -> String? {
        if position == layout.household, let household { return household }
        let column = layout.columns[position]
        guard column >= 0, !cursor.isNull(column) else { return nil }
        let text = cursor.string(column)
        return text.isEmpty ? nil : text
    }

    func integer(at position: Int) -> Int64? {
        let column = layout.columns[position]
        guard column >= 0, !cursor.isNull(column) else { return nil }
        return Int64(cursor.int(column))
    }

    func money(at position: Int) -> Money? { integer(at: position).map(Money.init(fen:)) }

    func flag(at position: Int) -> Bool? { integer(at: position).map { $0 != 0 } }

    func date(at position: Int) throws(FieldError) -> LocalDate? {
        let column = layout.columns[position]
        guard column >= 0, !cursor.isNull(column) else { return nil }
        guard let date = cursor.parsedDate(column) else { throw FieldError(column: "", reason: "holds '\(cursor.string(column))'") }
        return date
    }

    func term<T: OfficialTerm>(at position: Int, _: T.Type) throws(FieldError) -> T? {
        guard let text = text(at: position) else { return nil }
        guard let term = T(rawValue: text) else { throw FieldError(column: "", reason: "holds '\(text)'") }
        return term
    }
}
