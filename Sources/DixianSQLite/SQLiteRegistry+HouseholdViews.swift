import DixianCore
import GRDB

extension SQLiteRegistry: HouseholdViewSource {
    /// Text greater than every household number, for an open upper bound.
    private static let end = "\u{10FFFF}"

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
                                                 range: [partition.from ?? "", partition.upTo ?? Self.end])
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
                                                 range: [partition.from ?? "", partition.upTo ?? Self.end])
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

/// Merges the per-table cursors of one partition into household views.
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

    private let categories = TermMatcher<HouseholdCategory>()
    private let kinds = TermMatcher<MonitoredKind>()
    private let labor = TermMatcher<LaborCapacity>()
    private let health = TermMatcher<HealthCondition>()
    private let stages = TermMatcher<SchoolStage>()
    private let schoolStatuses = TermMatcher<SchoolStatus>()
    private let channels = TermMatcher<DiscoveryChannel>()
    private let statuses = TermMatcher<MonitoringStatus>()
    private let roles = TermMatcher<VisitorRole>()
    private let transitions = TermMatcher<MonitoringTransition>()
    private let eliminationStages = TermMatcher<EliminationStage>()

    init(_ db: Database, partition: HouseholdPartition, asOf: LocalDate, range: [String]) throws {
        let within = "household_number >= ? AND household_number < ?"
        let date = asOf.description
        households = try StatementCursor(db, table: "household", sql: """
            SELECT number, village_code, group_name, head_name, category, monitored_kind, relocated,
              minimum_living_allowance, extreme_poverty_support, no_member_able_to_work, left_behind, helper
            FROM household WHERE number >= ? AND number < ? AND \(SQLiteRegistry.areaCondition(partition.area))
            ORDER BY number
            """, arguments: range + SQLiteRegistry.areaArguments(partition.area))
        members = try StatementCursor(db, table: "member", sql: """
            SELECT household_number, resident_id, name, relation, labor_capacity, health, disability_grade,
              school_stage, school_status, medical_insurance, migrant_work_months, local_work, public_welfare_post
            FROM member WHERE \(within) ORDER BY household_number, resident_id
            """, arguments: range)
        incomes = try StatementCursor(db, table: "income", sql: """
            SELECT household_number, year, wage_fen, operating_fen, property_fen, transfer_fen, production_costs_fen,
              medical_spending_fen, education_spending_fen
            FROM income WHERE \(within) AND year <= ? ORDER BY household_number, year
            """, arguments: range + [asOf.year])
        monthly = try StatementCursor(db, table: "monthly_income", sql: """
            SELECT household_number, year, month, net_income_fen FROM monthly_income
            WHERE \(within) AND year * 100 + month <= ? ORDER BY household_number, year, month
            """, arguments: range + [asOf.year * 100 + asOf.month])
        surveys = try StatementCursor(db, table: "guarantee_survey", sql: """
            SELECT household_number, surveyed_on, food_and_clothing, compulsory_education, basic_medical, safe_housing,
              housing_assessed, water_quantity, water_quality, notes
            FROM guarantee_survey WHERE \(within) AND surveyed_on <= ? ORDER BY household_number, surveyed_on
            """, arguments: range + [date])
        episodes = try StatementCursor(db, table: "monitoring_episode", sql: """
            SELECT household_number, id, channel, reported_on, status, risk_types, identified_on, eliminated_on
            FROM monitoring_episode WHERE \(within) AND reported_on <= ? ORDER BY household_number, id
            """, arguments: range + [date])
        steps = try StatementCursor(db, table: "monitoring_step", sql: """
            SELECT household_number, id, episode_id, transition, taken_on, actor, stage, accepted, risk_types
            FROM monitoring_step WHERE \(within) AND taken_on <= ? ORDER BY household_number, episode_id, taken_on, id
            """, arguments: range + [date])
        plans = try StatementCursor(db, table: "assistance_plan", sql: """
            SELECT household_number, id, episode_id, made_on, adjusted_on FROM assistance_plan
            WHERE \(within) AND made_on <= ? ORDER BY household_number, id
            """, arguments: range + [date])
        visits = try StatementCursor(db, table: "visit", sql: """
            SELECT household_number, visited_on, role FROM visit
            WHERE \(within) AND visited_on <= ? ORDER BY household_number, visited_on
            """, arguments: range + [date])
    }

    /// The next household's view, nil after the last.
    mutating func next() throws -> HouseholdView? {
        guard households.hasRow else { return nil }
        var view = HouseholdView(household: try household())
        let number = view.household.number
        try households.advance()
        var key = number
        try key.withUTF8 { bytes in try readRecords(of: UnsafeRawBufferPointer(bytes), into: &view) }
        return view
    }

    private func household() throws -> Household {
        let c = households
        let village = c.string(1)
        guard let area = Area(villageCode: village, group: c.optionalString(2)) else {
            throw CorruptRow(table: "household", column: "village_code", value: village)
        }
        var flags: Household.Flags = []
        if c.bool(6) { flags.insert(.relocated) }
        if c.bool(7) { flags.insert(.minimumLivingAllowance) }
        if c.bool(8) { flags.insert(.extremePovertySupport) }
        if c.bool(9) { flags.insert(.noMemberAbleToWork) }
        if c.bool(10) { flags.insert(.leftBehind) }
        return Household(
            number: c.string(0), area: area, headName: c.string(3), category: try c.term(4, column: "category", categories),
            monitoredKind: try c.optionalTerm(5, column: "monitored_kind", kinds), flags: flags,
            helper: c.optionalString(11))
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

    private mutating func readRecords(of key: UnsafeRawBufferPointer, into view: inout HouseholdView) throws {
        let number = view.household.number
        while try Self.reach(&members, key) {
            let c = members
            let member = Member(
                residentID: try ResidentID(c.string(1)), householdNumber: number, name: c.string(2), relation: c.string(3),
                laborCapacity: try c.term(4, column: "labor_capacity", labor),
                health: try c.term(5, column: "health", health), disabilityGrade: c.optionalInt(6),
                schoolStage: try c.optionalTerm(7, column: "school_stage", stages),
                schoolStatus: try c.optionalTerm(8, column: "school_status", schoolStatuses),
                medicalInsurance: c.bool(9), migrantWorkMonths: c.int(10), localWork: c.bool(11),
                publicWelfarePost: c.bool(12))
            if member.isHead { view.members.insert(member, at: 0) } else { view.members.append(member) }
            try members.advance()
        }
        while try Self.reach(&incomes, key) {
            let c = incomes
            view.incomes.append(IncomeRecord(
                householdNumber: number, year: c.int(1), wage: Money(fen: Int64(c.int(2))),
                operating: Money(fen: Int64(c.int(3))), property: Money(fen: Int64(c.int(4))),
                transfer: Money(fen: Int64(c.int(5))), productionCosts: Money(fen: Int64(c.int(6))),
                medicalSpending: Money(fen: Int64(c.int(7))), educationSpending: Money(fen: Int64(c.int(8)))))
            try incomes.advance()
        }
        while try Self.reach(&monthly, key) {
            let c = monthly
            view.monthlyIncomes.append(MonthlyIncome(
                householdNumber: number, year: c.int(1), month: c.int(2), netIncome: Money(fen: Int64(c.int(3)))))
            try monthly.advance()
        }
        while try Self.reach(&surveys, key) {
            let c = surveys
            view.latestSurvey = GuaranteeSurvey(
                householdNumber: number, surveyedOn: try c.date(1, column: "surveyed_on"), foodAndClothing: c.bool(2),
                compulsoryEducation: c.bool(3), basicMedical: c.bool(4), safeHousing: c.bool(5),
                housingAssessed: c.bool(6), waterQuantity: c.bool(7), waterQuality: c.bool(8), notes: c.string(9))
            try surveys.advance()
        }
        while try Self.reach(&episodes, key) {
            let c = episodes
            view.episodes.append(MonitoringEpisode(
                id: Int64(c.int(1)), householdNumber: number, channel: try c.term(2, column: "channel", channels),
                reportedOn: try c.date(3, column: "reported_on"), status: try c.term(4, column: "status", statuses),
                riskTypes: try c.riskTypes(5), identifiedOn: try c.optionalDate(6, column: "identified_on"),
                eliminatedOn: try c.optionalDate(7, column: "eliminated_on")))
            try episodes.advance()
        }
        while try Self.reach(&steps, key) {
            let c = steps
            view.steps.append(MonitoringStep(
                id: Int64(c.int(1)), episodeID: Int64(c.int(2)), householdNumber: number,
                transition: try c.term(3, column: "transition", transitions), takenOn: try c.date(4, column: "taken_on"),
                actor: c.string(5), stage: try c.optionalTerm(6, column: "stage", eliminationStages),
                accepted: c.optionalInt(7).map { $0 != 0 }, riskTypes: try c.riskTypes(8)))
            try steps.advance()
        }
        while try Self.reach(&plans, key) {
            let c = plans
            view.plans.append(AssistancePlan(
                id: Int64(c.int(1)), householdNumber: number, episodeID: c.optionalInt(2).map(Int64.init),
                madeOn: try c.date(3, column: "made_on"), adjustedOn: try c.optionalDate(4, column: "adjusted_on")))
            try plans.advance()
        }
        while try Self.reach(&visits, key) {
            let c = visits
            view.visits.append(HouseholdView.VisitEntry(
                visitedOn: try c.date(1, column: "visited_on"), role: try c.term(2, column: "role", roles)))
            try visits.advance()
        }
    }
}
