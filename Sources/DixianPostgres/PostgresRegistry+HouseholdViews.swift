import DixianCore

/// One query for the household views of a partition: the households and every record a view
/// holds, as of a date, in one round trip, one row a household: a `text[]` of its records one
/// after another, each the kind of record and then its layout's fields (as many as the layout
/// has), the household's own first, in household order. A row a household, not a row a record:
/// receiving eleven million small rows cost the client more than screening them.
///
/// The query is kept in the database as plpgsql functions, `household_view` for one household
/// (a server's read), whose plan each connection makes once: planning the nine-branch query
/// for every request cost more than running it; and `household_views` for a range.
struct ViewQuery: Sendable {
    /// The kinds of record a view holds, in the order their rows come for each household.
    static let kinds: [RegistryTable] = [
        .household, .member, .income, .monthlyIncome, .guaranteeSurvey, .monitoringEpisode, .monitoringStep,
        .assistancePlan, .visit,
    ]

    /// The functions' definitions (`CREATE OR REPLACE FUNCTION`).
    let functions: [String]
    let codecs: [RegistryTable: TableCodec]
    /// The codecs of `kinds`, by a row's kind.
    private let kindCodecs: [TableCodec]

    init(codecs: [RegistryTable: TableCodec]) {
        self.codecs = codecs
        kindCodecs = Self.kinds.map { codecs[$0]! }
        // One household: $1 is its number; $2 the date, $3 its year, $4 its year * 100 + month.
        // Planned once per connection: equality on keys plans well without the values.
        let one = Self.query(codecs, household: "h.number = $1", records: "t.household_number = $1", date: 2, joined: false)
        // A range: $1 and $2 bound the household numbers, $3 and $4 the village codes; $5 the
        // date, $6 its year, $7 its year * 100 + month. Planned for each call's values (a
        // plan for unknown bounds may scan a county), which is cheap beside reading thousands.
        let range = Self.query(
            codecs, household: "h.number >= $1 AND h.number < $2 AND h.village_code >= $3 AND h.village_code < $4",
            records: "t.household_number >= $1 AND t.household_number < $2", date: 5, joined: true)
        functions = [
            // array_cat of a household's few records, as an aggregate.
            "CREATE OR REPLACE AGGREGATE dixian_concat(anycompatiblearray) (SFUNC = array_cat, STYPE = anycompatiblearray)",
            Self.function("household_view(text, text, text, text)", one, settings: ""),
            Self.function("household_views(text, text, text, text, text, text, text)", range,
                          settings: "SET plan_cache_mode = force_custom_plan"),
        ]
    }

    /// The query over the households matching `household` (over `h`) and their records matching
    /// `records` (over `t`), as of the date in parameter `date` (then its year, then its month).
    /// Unless `joined`, `records` alone picks the households' records (no join to `household`).
    private static func query(
        _ codecs: [RegistryTable: TableCodec], household: String, records: String, date: Int, joined: Bool
    ) -> String {
        let (day, year, month) = ("$\(date)::date", "$\(date + 1)::integer", "$\(date + 2)::integer")
        let branches = kinds.enumerated().map { kind, table in
            let codec = codecs[table]!
            if table == .household {
                return """
                    SELECT t.number AS n, 0 AS k, '' AS o, ARRAY['0'] || \(codec.fieldsArray) AS f FROM household t
                    WHERE \(household.replacingOccurrences(of: "h.", with: "t."))
                    """
            }
            let head = "ARRAY['\(kind)'] || \(codec.fieldsArray)"
            let (order, asOf): (String, String) = switch table {
            case .member: ("t.resident_id", "true")
            case .income: ("lpad(t.year::text, 6, '0')", "t.year <= \(year)")
            case .monthlyIncome: ("lpad((t.year * 100 + t.month)::text, 8, '0')", "t.year * 100 + t.month <= \(month)")
            case .guaranteeSurvey: ("t.surveyed_on::text", "t.surveyed_on <= \(day)")
            case .monitoringEpisode: ("lpad(t.id::text, 20, '0')", "t.reported_on <= \(day)")
            case .monitoringStep:
                ("lpad(t.episode_id::text, 20, '0') || t.taken_on::text || lpad(t.id::text, 20, '0')", "t.taken_on <= \(day)")
            case .assistancePlan: ("lpad(t.id::text, 20, '0')", "t.made_on <= \(day)")
            default: ("t.visited_on::text || lpad(t.id::text, 20, '0')", "t.visited_on <= \(day)")
            }
            let source = joined ? "\(table.rawValue) t JOIN household h ON h.number = t.household_number" : "\(table.rawValue) t"
            return """
                SELECT t.household_number, \(kind), \(order), \(head) FROM \(source)
                WHERE \(records)\(joined ? " AND " + household : "") AND \(asOf)
                """
        }
        return "SELECT dixian_concat(f ORDER BY k, o) FROM (\n" + branches.joined(separator: "\nUNION ALL\n")
            + "\n) u GROUP BY n ORDER BY n"
    }

    private static func function(_ signature: String, _ query: String, settings: String) -> String {
        """
        CREATE OR REPLACE FUNCTION \(signature) RETURNS SETOF text[] LANGUAGE plpgsql STABLE \(settings) AS $$
        BEGIN
          RETURN QUERY \(query);
        END $$
        """
    }

    /// The date parameters for `asOf`: the date, its year, its year * 100 + month.
    private static func dateParameters(_ asOf: LocalDate) -> [String?] {
        [asOf.description, String(asOf.year), String(asOf.year * 100 + asOf.month)]
    }

    /// The call that reads `partition` as of `asOf`, and its parameters.
    func call(_ partition: HouseholdPartition, asOf: LocalDate) -> (sql: String, parameters: [String?]) {
        let area = PostgresRegistry.areaBounds(partition.area)
        return ("SELECT household_views($1, $2, $3, $4, $5, $6, $7)",
                [partition.from ?? "", partition.upTo ?? "\u{10FFFF}", area.low, area.high] + Self.dateParameters(asOf))
    }

    /// The call that reads household `number` as of `asOf`, and its parameters.
    func call(household number: String, asOf: LocalDate) -> (sql: String, parameters: [String?]) {
        ("SELECT household_view($1, $2, $3, $4)", [number] + Self.dateParameters(asOf))
    }

    /// The views the query's rows describe (one a household), in household order.
    func views(_ rows: [[String]]) throws -> [HouseholdView] {
        var views: [HouseholdView] = []
        views.reserveCapacity(rows.count)
        for row in rows {
            var position = 0
            var view: HouseholdView?
            while position < row.count {
                guard let kind = Int(row[position]), kindCodecs.indices.contains(kind),
                      position + 1 + kindCodecs[kind].fieldCount <= row.count
                else { throw PostgresStoreError(message: "a household view holds a record of an unknown kind") }
                let record = try kindCodecs[kind].record(row, from: position + 1)
                position += 1 + kindCodecs[kind].fieldCount
                if case .household(let household) = record {
                    view = HouseholdView(household: household)
                } else if view != nil {
                    Self.add(record, to: &view!)
                }
            }
            if let view { views.append(view) }
        }
        return views
    }

    private static func add(_ record: RegistryRecord, to view: inout HouseholdView) {
        switch record {
        case .member(let member):
            if member.isHead { view.members.insert(member, at: 0) } else { view.members.append(member) }
        case .income(let income): view.incomes.append(income)
        case .monthlyIncome(let income): view.monthlyIncomes.append(income)
        case .guaranteeSurvey(let survey): view.latestSurvey = survey
        case .monitoringEpisode(let episode): view.episodes.append(episode)
        case .monitoringStep(let step): view.steps.append(step)
        case .assistancePlan(let plan): view.plans.append(plan)
        case .visit(let visit): view.visits.append(HouseholdView.VisitEntry(visitedOn: visit.visitedOn, role: visit.role))
        default: break
        }
    }
}

extension PostgresRegistry: HouseholdViewSource {
    public func partitions(area: String?, size: Int) throws -> [HouseholdPartition] {
        precondition(size > 0, "a partition holds at least one household")
        let bounds = Self.areaBounds(area)
        let starts = try pool.withConnection { connection in
            try connection.rows("""
                SELECT number FROM (
                  SELECT number, row_number() OVER (ORDER BY number) - 1 AS position FROM household
                  WHERE village_code >= $1 AND village_code < $2) numbered
                WHERE position % $3::integer = 0 ORDER BY number
                """, [bounds.low, bounds.high, String(size)])
        }.compactMap { $0[0] }
        return starts.indices.map { position in
            HouseholdPartition(from: position == 0 ? nil : starts[position],
                               upTo: position + 1 < starts.count ? starts[position + 1] : nil, area: area)
        }
    }

    public func readViews(
        in partition: HouseholdPartition, asOf: LocalDate, batchSize: Int, _ body: ([HouseholdView]) throws -> Void
    ) throws {
        let call = views.call(partition, asOf: asOf)
        let rows = try pool.withConnection { connection in try connection.arrays(call.sql, call.parameters) }
        let all = try views.views(rows)
        var start = 0
        while start < all.count {
            try body(Array(all[start..<min(start + batchSize, all.count)]))
            start += batchSize
        }
    }

    public func views(in partition: HouseholdPartition, asOf: LocalDate) async throws -> [HouseholdView] {
        try await views(views.call(partition, asOf: asOf))
    }

    public func householdView(_ number: String, asOf: LocalDate) async throws -> HouseholdView? {
        try await views(views.call(household: number, asOf: asOf)).first
    }

    private func views(_ call: (sql: String, parameters: [String?])) async throws -> [HouseholdView] {
        let rows = try await pool.withConnection { connection in try await connection.arrays(call.sql, call.parameters) }
        return try views.views(rows)
    }
}
