// The layout of complaints about households (投诉举报): never who complained.

extension Complaint: DescribedRecord {
    public enum Field: Int, RecordField {
        case id, householdNumber, receivedOn, channel, summary, closedOn

        public static let fields = describeAll()

        public var description: FieldDescription {
            switch self {
            case .id: FieldDescription("id", "编号", .identifier, key: true, view: "id")
            case .householdNumber: FieldDescription("household_number", "户编号", .text)
            case .receivedOn: FieldDescription("received_on", "受理日期", .date, view: "received_on", aliases: ["投诉日期"])
            case .channel: FieldDescription("channel", "投诉渠道", .term(ComplaintChannel.self), view: "channel", aliases: ["来源渠道"])
            case .summary: FieldDescription("summary", "反映问题", .text, aliases: ["投诉内容"])
            case .closedOn: FieldDescription("closed_on", "办结日期", .date, .optional, view: "closed_on")
            }
        }
    }

    public static let layout = makeLayout(table: "complaint", file: "complaints.csv")

    public func value(of field: Field) -> FieldValue {
        switch field {
        case .id: .integer(id)
        case .householdNumber: .text(householdNumber)
        case .receivedOn: .date(receivedOn)
        case .channel: .text(channel.rawValue)
        case .summary: .text(summary)
        case .closedOn: .optional(closedOn)
        }
    }

    public init(reading row: some FieldSource) throws(FieldError) {
        let received = try row.date(Field.receivedOn)
        let closed = try row.optionalDate(Field.closedOn)
        if let closed, closed < received { throw FieldError(column: "closed_on", .closedBeforeReceipt(closed, received: received)) }
        self.init(id: try row.identifier(Field.id), householdNumber: try row.text(Field.householdNumber), receivedOn: received,
                  channel: try row.term(Field.channel), summary: try row.text(Field.summary), closedOn: closed)
    }
}
