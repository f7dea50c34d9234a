import DixianCore
import NIOCore

/// The queries for household views, as of a date. A partition's views are read with one query
/// for each kind of record (the households, their members, incomes and so on), each in
/// household order, a record a row as one `ROW(...)` of its columns in their own types. The
/// queries are handed to the connection together, read in one snapshot (a repeatable-read
/// transaction), and their rows merged here, as SQLite's reader merges its cursors:
/// the server does little more than walk its indexes, and numbers, flags and dates cross in
/// binary (`BinaryCells`). Aggregating each household's records into one `text[]` on the
/// server, as this did before, formatted a hundred million fields as text.
///
/// Each kind's order within a household is SQLite's, so that both stores hand out the same views.
///
/// One household's view, a server's read, is a single call of the plpgsql function
/// `household_view`, whose plan each connection makes once (planning for every request cost
/// more than running it): one row, a `text[]` of the household's records one after another,
/// each the kind of record and then its layout's fields.
struct ViewQuery: Sendable {
    /// The kinds of record a view holds, in the order they are read for each household.
    static let kinds: [RegistryTable] = [
        .household, .member, .income, .monthlyIncome, .guaranteeSurvey, .monitoringEpisode, .monitoringStep,
        .assistancePlan, .visit, .hospitalStay, .complaint, .microcreditLoan, .place,
    ]

    /// How a kind's records are ordered within a household, and which a view holds as of a date.
    private static func selection(_ table: RegistryTable) -> (order: [String], asOf: ViewDating?) {
        let order: [String] = switch table {
        case .household: []
        case .member: ["resident_id"]
        case .income: ["year"]
        case .monthlyIncome: ["year", "month"]
        case .guaranteeSurvey: ["surveyed_on"]
        case .monitoringEpisode: ["id"]
        case .monitoringStep: ["episode_id", "taken_on", "id"]
        case .assistancePlan: ["id"]
        case .visit: ["visited_on", "role"]
        case .hospitalStay: ["admitted_on", "id"]
        case .complaint: ["received_on", "id"]
        case .microcreditLoan: ["borrowed_on", "id"]
        case .place: []
        default: preconditionFailure("a household view holds no \(table.rawValue)")
        }
        return (order, ViewDating.of(table))
    }

    /// The condition `asOf` puts on `t`, given the SQL of the date, its year and its year * 100 + month.
    private static func condition(_ asOf: ViewDating?, day: String, year: String, month: String) -> String {
        switch asOf {
        case nil: "true"
        case .year: "t.year <= \(year)"
        case .month: "t.year * 100 + t.month <= \(month)"
        case .date(let column): "t.\(column) <= \(day)"
        }
    }

    /// The functions' definitions (`CREATE OR REPLACE FUNCTION`), and the removal of what
    /// earlier versions defined.
    let functions: [String]
    let codecs: [RegistryTable: TableCodec]
    /// The codecs of `kinds`, by a row's kind.
    private let kindCodecs: [TableCodec]
    /// The range query of each of `kinds`: $1 and $2 bound the household numbers; for the
    /// households, $3 and $4 bound the village codes; for the others, $3 is the date, its year
    /// or its month, as the kind's `ViewDating` asks.
    private let rangeQueries: [String]
    /// The same queries over a list of households ($1, a `text[]`; $2 unused) instead of a range.
    private let listQueries: [String]
    /// Where each kind's fields are in its range query's records.
    private let columns: [ViewColumns]

    init(codecs: [RegistryTable: TableCodec]) {
        self.codecs = codecs
        kindCodecs = Self.kinds.map { codecs[$0]! }
        columns = kindCodecs.map { ViewColumns($0.layout) }
        rangeQueries = Self.kinds.map { table in
            let codec = codecs[table]!
            if table == .household {
                return "SELECT ROW(t.number, \(codec.selectedColumns)) FROM household t "
                    + "WHERE t.number >= $1 AND t.number < $2 AND t.village_code >= $3 AND t.village_code < $4 ORDER BY t.number"
            }
            if table == .place {
                // The household's village, joined: in household order like the rest.
                return "SELECT ROW(h.number, \(codec.selectedColumns)) FROM household h JOIN place t ON t.code = h.village_code "
                    + "WHERE h.number >= $1 AND h.number < $2 ORDER BY h.number"
            }
            let (order, asOf) = Self.selection(table)
            // A visit is read for its date and its visitor's role alone.
            let selected = table == .visit ? "t.visited_on, t.role" : codec.selectedColumns
            return "SELECT ROW(t.household_number, \(selected)) FROM \(table.rawValue) t "
                + "WHERE t.household_number >= $1 AND t.household_number < $2 AND "
                + Self.condition(asOf, day: "$3::date", year: "$3::integer", month: "$3::integer")
                + " ORDER BY t.household_number, " + order.map { "t.\($0)" }.joined(separator: ", ")
        }
        listQueries = rangeQueries.map { sql in
            sql.replacingOccurrences(of: "t.number >= $1 AND t.number < $2", with: "t.number = ANY($1::text[]) AND $2::text IS NULL")
                .replacingOccurrences(of: "h.number >= $1 AND h.number < $2", with: "h.number = ANY($1::text[]) AND $2::text IS NULL")
                .replacingOccurrences(of: "t.household_number >= $1 AND t.household_number < $2",
                                      with: "t.household_number = ANY($1::text[]) AND $2::text IS NULL")
        }
        precondition(zip(rangeQueries, listQueries).allSatisfy { $0 != $1 }, "every range query has its list form")
        // One household: $1 is its number; $2 the date, $3 its year, $4 its year * 100 + month.
        // Planned once per connection: equality on keys plans well without the values.
        functions = [
            // array_cat of a household's few records, as an aggregate.
            "CREATE OR REPLACE AGGREGATE dixian_concat(anycompatiblearray) (SFUNC = array_cat, STYPE = anycompatiblearray)",
            """
            CREATE OR REPLACE FUNCTION household_view(text, text, text, text) RETURNS SETOF text[] LANGUAGE plpgsql STABLE AS $$
            BEGIN
              RETURN QUERY \(Self.householdQuery(codecs));
            END $$
            """,
            "DROP FUNCTION IF EXISTS household_views(text, text, text, text, text, text, text)",
        ]
    }

    /// The query of household $1's view as of $2 (its year $3, its month $4): one row, the
    /// `text[]` of its records in the order of `kinds`, each kind's in its order.
    private static func householdQuery(_ codecs: [RegistryTable: TableCodec]) -> String {
        let branches = kinds.enumerated().map { kind, table in
            let codec = codecs[table]!
            if table == .household {
                return "SELECT 0 AS k, '' AS o, ARRAY['0'] || \(codec.fieldsArray) AS f FROM household t WHERE t.number = $1"
            }
            if table == .place {
                return "SELECT \(kind), '', ARRAY['\(kind)'] || \(codec.fieldsArray) FROM household h "
                    + "JOIN place t ON t.code = h.village_code WHERE h.number = $1"
            }
            let (order, asOf) = selection(table)
            // Text that sorts as the columns do: numbers padded, dates in ISO order; only the
            // last may be text of varying length.
            let sortable = order.map { column -> String in
                switch codec.layout.fields.first(where: { $0.storedName == column })?.kind {
                case .integer, .identifier: "lpad(t.\(column)::text, 20, '0')"
                case .date: "t.\(column)::text"
                default: "t.\(column)"
                }
            }.joined(separator: " || ")
            return "SELECT \(kind), \(sortable), ARRAY['\(kind)'] || \(codec.fieldsArray) FROM \(table.rawValue) t "
                + "WHERE t.household_number = $1 AND " + condition(asOf, day: "$2::date", year: "$3::integer", month: "$4::integer")
        }
        return "SELECT dixian_concat(f ORDER BY k, o) FROM (\n" + branches.joined(separator: "\nUNION ALL\n")
            + "\n) u HAVING bool_or(k = 0)"
    }

    /// The queries that read `partition` as of `asOf`, one for each of `kinds`, and their parameters.
    func queries(_ partition: HouseholdPartition, asOf: LocalDate) -> [(sql: String, parameters: [String?])] {
        let numbers = partition.numbers
        let range: [String?] = partition.households.map { [Self.arrayLiteral($0), nil] }
            ?? [numbers.from, numbers.upTo]
        let area = PostgresRegistry.areaBounds(partition.area)
        return zip(Self.kinds, partition.households == nil ? rangeQueries : listQueries).map { table, sql in
            let third: [String?] = switch Self.selection(table).asOf {
            case nil: table == .household ? [area.low, area.high] : []
            case .year: [String(asOf.year)]
            case .month: [String(asOf.year * 100 + asOf.month)]
            case .date: [asOf.description]
            }
            return (sql, range + third)
        }
    }

    /// `texts` as a PostgreSQL array literal (`text[]`).
    private static func arrayLiteral(_ texts: [String]) -> String {
        "{" + texts.map(arrayElement).joined(separator: ",") + "}"
    }

    /// `text` as an element of a PostgreSQL array literal: quoted, its quotes and backslashes escaped.
    private static func arrayElement(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The call that reads household `number` as of `asOf`, and its parameters.
    func call(household number: String, asOf: LocalDate) -> (sql: String, parameters: [String?]) {
        ("SELECT household_view($1, $2, $3, $4)", [number, asOf.description, String(asOf.year), String(asOf.year * 100 + asOf.month)])
    }

    /// The call that reads `households` as of `asOf`, in their order, one row each (none for a
    /// household not in the registry), and its parameters.
    func call(households: [String], asOf: LocalDate) -> (sql: String, parameters: [String?]) {
        ("SELECT household_view(n, $2, $3, $4) FROM unnest($1::text[]) WITH ORDINALITY AS u(n, i) ORDER BY i",
         [Self.arrayLiteral(households), asOf.description, String(asOf.year),
          String(asOf.year * 100 + asOf.month)])
    }

    /// The views the rows of `queries` describe (each kind's rows, in the order of `kinds`), in
    /// household order. A record whose household is not among the partition's households (one
    /// outside its area, in its range of numbers) is passed over.
    func views(_ results: [[ByteBuffer?]]) throws -> [HouseholdView] {
        precondition(results.count == Self.kinds.count, "a row set for each kind of record")
        var cursors: [RowCursor] = []
        for (kind, rows) in results.enumerated() {
            do throws(FieldError) {
                cursors.append(try RowCursor(rows))
            } catch {
                throw Self.unreadable(kindCodecs[kind].name, error)
            }
        }
        var views: [HouseholdView] = []
        views.reserveCapacity(results[0].count)
        while cursors[0].hasRow {
            var view = HouseholdView(household: try record(Household.self, cursors[0], kind: 0, household: nil))
            try advance(&cursors, 0)
            var key = view.household.number
            try key.withUTF8 { bytes in
                let key = UnsafeRawBufferPointer(bytes)
                for kind in 1..<Self.kinds.count {
                    while try reach(&cursors, kind, key) {
                        try add(cursors[kind], kind: kind, to: &view)
                        try advance(&cursors, kind)
                    }
                }
            }
            views.append(view)
        }
        return views
    }

    /// Moves the cursor of kind `kind` to its next record.
    private func advance(_ cursors: inout [RowCursor], _ kind: Int) throws {
        do throws(FieldError) {
            try cursors[kind].advance()
        } catch {
            throw Self.unreadable(kindCodecs[kind].name, error)
        }
    }

    /// Moves the cursor of kind `kind` past records of households before `key` (a household
    /// number's bytes); true while it stands on one of that household's records.
    private func reach(_ cursors: inout [RowCursor], _ kind: Int, _ key: UnsafeRawBufferPointer) throws -> Bool {
        do throws(FieldError) {
            return try cursors[kind].reach(key)
        } catch {
            throw Self.unreadable(kindCodecs[kind].name, error)
        }
    }

    /// The record of kind `kind` that `cursor` stands on, added to `view`.
    private func add(_ cursor: RowCursor, kind: Int, to view: inout HouseholdView) throws {
        let number = view.household.number
        switch Self.kinds[kind] {
        case .member:
            let member = try record(Member.self, cursor, kind: kind, household: number)
            if member.isHead { view.members.insert(member, at: 0) } else { view.members.append(member) }
        case .income: view.incomes.append(try record(IncomeRecord.self, cursor, kind: kind, household: number))
        case .monthlyIncome: view.monthlyIncomes.append(try record(MonthlyIncome.self, cursor, kind: kind, household: number))
        case .guaranteeSurvey: view.latestSurvey = try record(GuaranteeSurvey.self, cursor, kind: kind, household: number)
        case .monitoringEpisode: view.episodes.append(try record(MonitoringEpisode.self, cursor, kind: kind, household: number))
        case .monitoringStep: view.steps.append(try record(MonitoringStep.self, cursor, kind: kind, household: number))
        case .assistancePlan: view.plans.append(try record(AssistancePlan.self, cursor, kind: kind, household: number))
        case .visit:
            do throws(FieldError) {
                guard let date = try cursor.cells.date(1) else { throw FieldError(column: "visited_on", reason: "is empty") }
                guard let role = try cursor.cells.text(2).flatMap(VisitorRole.init(rawValue:)) else {
                    throw FieldError(column: "role", reason: "is not a visitor's role")
                }
                view.visits.append(HouseholdView.VisitEntry(visitedOn: date, role: role))
            } catch {
                throw Self.unreadable("visit", error)
            }
        case .hospitalStay: view.hospitalStays.append(try record(HospitalStay.self, cursor, kind: kind, household: number))
        case .complaint: view.complaints.append(try record(Complaint.self, cursor, kind: kind, household: number))
        case .microcreditLoan: view.loans.append(try record(MicrocreditLoan.self, cursor, kind: kind, household: number))
        case .place: view.village = try record(Place.self, cursor, kind: kind, household: nil)
        default: preconditionFailure("a household view holds no \(Self.kinds[kind].rawValue)")
        }
    }

    /// The record of `type` (of kind `kind`) that `cursor` stands on.
    private func record<R: DescribedRecord>(_ type: R.Type, _ cursor: RowCursor, kind: Int, household: String?) throws -> R {
        do throws(FieldError) {
            return try R(reading: BinaryRow(cells: cursor.cells, columns: columns[kind], household: household))
        } catch {
            throw Self.unreadable(kindCodecs[kind].name, error)
        }
    }

    private static func unreadable(_ table: String, _ error: FieldError) -> PostgresStoreError {
        PostgresStoreError(message: "\(table).\(error.column) \(error.reason), which Dixian cannot read")
    }

    /// The view one row of `household_view` describes, nil for none.
    func view(_ rows: [[String]]) throws -> HouseholdView? {
        guard let row = rows.first else { return nil }
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
        return view
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
        case .hospitalStay(let stay): view.hospitalStays.append(stay)
        case .complaint(let complaint): view.complaints.append(complaint)
        case .microcreditLoan(let loan): view.loans.append(loan)
        case .place(let place): view.village = place
        default: break
        }
    }
}

/// The rows of one kind of record for a partition, walked in household order.
private struct RowCursor {
    private let rows: [ByteBuffer?]
    private var index = 0
    /// The record it stands on.
    private(set) var cells = BinaryCells()

    init(_ rows: [ByteBuffer?]) throws(FieldError) {
        self.rows = rows
        if let first = rows.first { try cells.load(first) }
    }

    var hasRow: Bool { index < rows.count }

    mutating func advance() throws(FieldError) {
        index += 1
        if index < rows.count { try cells.load(rows[index]) }
    }

    /// Moves past records of households before `key` (a household number's bytes); true while
    /// it stands on one of that household's records.
    mutating func reach(_ key: UnsafeRawBufferPointer) throws(FieldError) -> Bool {
        while hasRow {
            let order = cells.compare(0, with: key)
            if order == 0 { return true }
            if order > 0 { return false }
            try advance()
        }
        return false
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

    /// The most chosen households read through `household_view`, one statement for them all,
    /// rather than with a query for each kind of record (thirteen round trips and a transaction's
    /// two, which a live re-screening of one household would spend).
    static let viewCallLimit = 64

    public func readViews(
        in partition: HouseholdPartition, asOf: LocalDate, batchSize: Int, _ body: ([HouseholdView]) throws -> Void
    ) throws {
        if let households = partition.households, households.count <= Self.viewCallLimit {
            // Each household once, as the queries read them.
            var seen = Set<String>()
            let call = views.call(households: households.filter { seen.insert($0).inserted }, asOf: asOf)
            let rows = try pool.withConnection { connection in try connection.arrays(call.sql, call.parameters) }
            let read = try rows.compactMap { (row: [String]) -> HouseholdView? in
                guard let view = try views.view([row]) else { return nil }
                // Only those in the partition's area, as the queries' bounds on the village code.
                return partition.area.map(view.household.area.isWithin) ?? true ? view : nil
            }
            try Self.deliver(read, batchSize: batchSize, to: body)
            return
        }
        let queries = views.queries(partition, asOf: asOf)
        // One snapshot for the thirteen queries, so that no change lands between them (in a
        // console session, the session's own transaction).
        let rows = try pool.withConnection { connection in
            try connection.transaction(Connection.snapshot) { try connection.firstCellsOfEach(queries) }
        }
        try Self.deliver(try views.views(rows), batchSize: batchSize, to: body)
    }

    /// Hands `views` to `body`, at most `batchSize` at a time.
    private static func deliver(_ views: [HouseholdView], batchSize: Int, to body: ([HouseholdView]) throws -> Void) throws {
        var start = 0
        while start < views.count {
            try body(Array(views[start..<min(start + batchSize, views.count)]))
            start += batchSize
        }
    }

    public func views(in partition: HouseholdPartition, asOf: LocalDate) async throws -> [HouseholdView] {
        let queries = views.queries(partition, asOf: asOf)
        return try views.views(try await pool.withConnection { connection in
            try await connection.transaction(Connection.snapshot) { try await connection.firstCellsOfEach(queries) }
        })
    }

    public func householdView(_ number: String, asOf: LocalDate) async throws -> HouseholdView? {
        let call = views.call(household: number, asOf: asOf)
        return try views.view(try await pool.withConnection { connection in try await connection.arrays(call.sql, call.parameters) })
    }
}
