import DixianCore

/// One query for the household views of a partition: the households and every record a view
/// holds, as of a date, in one round trip, each row a `text[]` of the household number, the
/// kind of record, and its interchange fields, in household then record order.
struct ViewQuery: Sendable {
    /// The kinds of record a view holds, in the order their rows come for each household.
    static let kinds: [RegistryTable] = [
        .household, .member, .income, .monthlyIncome, .guaranteeSurvey, .monitoringEpisode, .monitoringStep,
        .assistancePlan, .visit,
    ]

    let sql: String
    let codecs: [RegistryTable: TableCodec]

    /// Parameters: $1 and $2 bound the household numbers, $3 and $4 the village codes; $5 is
    /// the date, $6 its year and $7 its year * 100 + month.
    init(codecs: [RegistryTable: TableCodec]) {
        self.codecs = codecs
        let within = "h.number >= $1 AND h.number < $2 AND h.village_code >= $3 AND h.village_code < $4"
        let branches = Self.kinds.enumerated().map { kind, table in
            let codec = codecs[table]!
            if table == .household {
                return """
                    SELECT t.number AS n, 0 AS k, '' AS o, ARRAY[t.number, '0'] || \(codec.fieldsArray) AS f FROM household t
                    WHERE \(within.replacingOccurrences(of: "h.", with: "t."))
                    """
            }
            let head = "ARRAY[h.number, '\(kind)'] || \(codec.fieldsArray)"
            let (order, asOf): (String, String) = switch table {
            case .member: ("t.resident_id", "true")
            case .income: ("lpad(t.year::text, 6, '0')", "t.year <= $6::integer")
            case .monthlyIncome: ("lpad((t.year * 100 + t.month)::text, 8, '0')", "t.year * 100 + t.month <= $7::integer")
            case .guaranteeSurvey: ("t.surveyed_on::text", "t.surveyed_on <= $5::date")
            case .monitoringEpisode: ("lpad(t.id::text, 20, '0')", "t.reported_on <= $5::date")
            case .monitoringStep:
                ("lpad(t.episode_id::text, 20, '0') || t.taken_on::text || lpad(t.id::text, 20, '0')", "t.taken_on <= $5::date")
            case .assistancePlan: ("lpad(t.id::text, 20, '0')", "t.made_on <= $5::date")
            default: ("t.visited_on::text || lpad(t.id::text, 20, '0')", "t.visited_on <= $5::date")
            }
            return """
                SELECT h.number, \(kind), \(order), \(head) FROM \(table.rawValue) t JOIN household h ON h.number = t.household_number
                WHERE t.household_number >= $1 AND t.household_number < $2 AND \(within) AND \(asOf)
                """
        }
        sql = "SELECT f FROM (\n" + branches.joined(separator: "\nUNION ALL\n") + "\n) u ORDER BY n, k, o"
    }

    /// The parameters for `partition` as of `asOf`.
    func parameters(_ partition: HouseholdPartition, asOf: LocalDate) -> [String?] {
        let area = PostgresRegistry.areaBounds(partition.area)
        return [partition.from ?? "", partition.upTo ?? "\u{10FFFF}", area.low, area.high, asOf.description,
                String(asOf.year), String(asOf.year * 100 + asOf.month)]
    }

    /// The views the query's rows describe, in household order.
    func views(_ rows: [[String]]) throws -> [HouseholdView] {
        var views: [HouseholdView] = []
        for row in rows {
            guard row.count >= 2, let kind = Int(row[1]), Self.kinds.indices.contains(kind) else {
                throw PostgresStoreError(message: "a household view row of an unknown kind")
            }
            let record = try codecs[Self.kinds[kind]]!.record(Array(row.dropFirst(2)))
            if case .household(let household) = record {
                views.append(HouseholdView(household: household))
                continue
            }
            guard !views.isEmpty, views[views.count - 1].household.number == row[0] else { continue }
            Self.add(record, to: &views[views.count - 1])
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
        let rows = try pool.withConnection { connection in
            try connection.arrays(views.sql, views.parameters(partition, asOf: asOf))
        }
        let all = try views.views(rows)
        var start = 0
        while start < all.count {
            try body(Array(all[start..<min(start + batchSize, all.count)]))
            start += batchSize
        }
    }

    public func views(in partition: HouseholdPartition, asOf: LocalDate) async throws -> [HouseholdView] {
        let rows = try await pool.withConnection { connection in
            try await connection.arrays(views.sql, views.parameters(partition, asOf: asOf))
        }
        return try views.views(rows)
    }
}
