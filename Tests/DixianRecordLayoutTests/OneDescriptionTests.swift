import DixianCore
import DixianInterchange
@testable import DixianPlugins
@testable import DixianPostgres
@testable import DixianSQLite
import DixianTestSupport
import Foundation
import GRDB
import LuaHost
import Testing

/// A record only this test knows: a helper's contact card for a household. Its last field,
/// `last_call`, is the field "added": written once, in `Field` (name, Chinese header, kind,
/// presence, view name), `value(of:)` and `init(reading:)`, and nowhere else (issue 22).
private struct ContactCard: DescribedRecord {
    var householdNumber: String
    var phone: String
    var calls: Int
    var allowance: Money
    var lastCall: LocalDate?

    enum Field: Int, RecordField {
        case householdNumber, phone, calls, allowance, lastCall

        static let fields = describeAll()

        var description: FieldDescription {
            switch self {
            case .householdNumber: FieldDescription("household_number", "户编号", .text, key: true, view: "household")
            case .phone: FieldDescription("phone", "联系电话", .text, view: "phone")
            case .calls: FieldDescription("calls", "联系次数", .integer(0...999), .defaulted, view: "calls")
            case .allowance: FieldDescription("allowance", "补助金额", .money, .defaulted, view: "allowance")
            case .lastCall: FieldDescription("last_call", "最近联系日期", .date, .optional, view: "last_call")
            }
        }
    }

    static let layout = makeLayout(table: "contact_card", file: "contact_cards.csv")

    func value(of field: Field) -> FieldValue {
        switch field {
        case .householdNumber: .text(householdNumber)
        case .phone: .text(phone)
        case .calls: .integer(calls)
        case .allowance: .money(allowance)
        case .lastCall: .optional(lastCall)
        }
    }

    init(householdNumber: String, phone: String, calls: Int, allowance: Money, lastCall: LocalDate?) {
        self.householdNumber = householdNumber
        self.phone = phone
        self.calls = calls
        self.allowance = allowance
        self.lastCall = lastCall
    }

    init(reading row: some FieldSource) throws(FieldError) {
        self.init(householdNumber: try row.text(Field.householdNumber), phone: try row.text(Field.phone),
                  calls: try row.optionalInteger(Field.calls) ?? 0, allowance: try row.money(Field.allowance),
                  lastCall: try row.optionalDate(Field.lastCall))
    }
}

struct OneDescriptionTests {
    private let card = ContactCard(householdNumber: "6206211002010001", phone: "13800000000", calls: 3,
                                   allowance: Money(fen: 12_050), lastCall: LocalDate(iso: "2024-06-28")!)

    @Test func theAddedFieldIsInTheInterchangeHeaderAndReadsBackFromAFile() throws {
        #expect(RecordCodec.header(of: ContactCard.self) == ["household_number", "phone", "calls", "allowance", "last_call"])
        #expect(RecordCodec.chineseHeader(of: ContactCard.self).last == "最近联系日期")
        let row = RecordCodec.fields(of: card)
        #expect(row == ["6206211002010001", "13800000000", "3", "120.50", "2024-06-28"])
        #expect(try RecordCodec.record(ContactCard.self, header: RecordCodec.header(of: ContactCard.self), row: row) == card)
        // An official's file with the Chinese headers, in another order, reads the same.
        let chinese = ["最近联系日期", "户编号", "联系电话", "联系次数", "补助金额"]
        #expect(try RecordCodec.record(ContactCard.self, header: chinese, row: ["2024-06-28", "6206211002010001", "13800000000", "3", "120.5"])
            == card)
        #expect(throws: FieldError(column: "last_call", .notADate("2024-02-30"))) {
            try RecordCodec.record(ContactCard.self, header: chinese, row: ["2024-02-30", "6206211002010001", "13800000000", "3", "0"])
        }
    }

    @Test func theAddedFieldIsAColumnOfASQLiteTableAndReadsBack() throws {
        let queue = try DatabaseQueue()
        let sql = SQLiteLayout.of(ContactCard.layout)
        let definitions = SQLiteLayout.columnDefinitions(of: ContactCard.layout)
        #expect(definitions.contains("\"last_call\" TEXT CHECK (length(\"last_call\") = 10)"))
        #expect(definitions.contains("\"allowance_fen\" INTEGER NOT NULL CHECK (\"allowance_fen\" >= 0)"))
        let read = try queue.write { db in
            try db.execute(sql: "CREATE TABLE contact_card (\(definitions.joined(separator: ", ")))")
            try db.execute(sql: sql.insertSQL, arguments: StatementArguments(card.databaseValues))
            var without = card
            without.householdNumber = "6206211002010002"
            without.lastCall = nil
            try db.execute(sql: sql.insertSQL, arguments: StatementArguments(without.databaseValues))
            return try Row.fetchAll(db, sql: sql.selectSQL + " ORDER BY household_number").map(ContactCard.init(sqliteRow:))
        }
        #expect(read.first == card)
        #expect(read.last?.lastCall == nil)
        let stored = try queue.read { try String.fetchOne($0, sql: "SELECT last_call FROM contact_card WHERE calls = 3 LIMIT 1") }
        #expect(stored == "2024-06-28")
    }

    @Test func theAddedFieldIsAColumnOfAPostgreSQLTableAndReadsBack() throws {
        let url = try TestPostgres.newDatabase()
        let pool = try ConnectionPool(url: url)
        defer { pool.close() }
        let definitions = TableCodec.columnDefinitions(of: ContactCard.layout)
        #expect(definitions.contains("\"last_call\" date"))
        #expect(definitions.contains("\"allowance_fen\" bigint NOT NULL CHECK (\"allowance_fen\" >= 0)"))
        let read = try pool.withConnection { connection in
            try connection.rows("CREATE TABLE contact_card (\(definitions.joined(separator: ", ")))")
            let types = try connection.rows("""
                SELECT attname::text, format_type(atttypid, atttypmod) FROM pg_attribute
                WHERE attrelid = 'contact_card'::regclass AND attnum > 0 AND NOT attisdropped
                """)
            let codec = try TableCodec(layout: ContactCard.layout, types: Dictionary(uniqueKeysWithValues: types.map { ($0[0]!, $0[1]!) }))
            try connection.rows(codec.insertSQL, codec.storedFields(TableCodec.fields(of: card.values)))
            #expect(try connection.rows("SELECT last_call::text FROM contact_card") == [["2024-06-28"]])
            return try connection.arrays("\(codec.selectSQL) \(codec.orderSQL)").map { try codec.record(ContactCard.self, $0) }
        }
        #expect(read == [card])
    }

    @Test func theAddedFieldIsInTheLuaView() throws {
        let state = try LuaState()
        let environment = try state.makeEnvironment()
        let chunk = try state.load("local card = ...\nreturn card.last_call, card.allowance, card.calls, card.household", name: "view", in: environment)
        #expect(try state.call(chunk, with: LuaRecord(record: card))
            == [.string("2024-06-28"), .number(120.5), .integer(3), .string("6206211002010001")])
        var unknown = card
        unknown.lastCall = nil
        #expect(try state.call(chunk, with: LuaRecord(record: unknown)).first == .nil)
    }

    /// The registry's own records: every stored field is a column of both stores' tables (by
    /// the same name), and the household view shows every field a layout names for it.
    @Test func everyRegistryLayoutIsWhatTheViewShows() {
        for (name, record) in [("left_behind", ViewKeys.Record.household), ("school_stage", .member), ("wage", .income), ("notes", .survey)] {
            #expect(ViewKeys.names(of: record).contains(name))
        }
        #expect(ViewKeys.names(of: .household).starts(with: Household.layout.viewFields.map(\.name)))
        #expect(ViewKeys.names(of: .member).starts(with: Member.layout.viewFields.map(\.name)))
    }
}
