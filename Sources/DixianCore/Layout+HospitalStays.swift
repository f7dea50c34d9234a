// The layout of a member's hospital stays (住院): dates, hospital and amounts, never a diagnosis.

extension HospitalStay: DescribedRecord {
    public enum Field: Int, RecordField {
        case id, householdNumber, residentID, admittedOn, dischargedOn, hospital, cost, reimbursed

        public static let fields = describeAll()

        public var description: FieldDescription {
            switch self {
            case .id: FieldDescription("id", "编号", .identifier, key: true, view: "id")
            case .householdNumber: FieldDescription("household_number", "户编号", .text)
            case .residentID: FieldDescription("resident_id", "身份证号", .residentID, aliases: ["证件号码"])
            case .admittedOn: FieldDescription("admitted_on", "入院日期", .date, view: "admitted_on")
            case .dischargedOn: FieldDescription("discharged_on", "出院日期", .date, .optional, view: "discharged_on")
            case .hospital: FieldDescription("hospital", "就诊医院", .text, view: "hospital", aliases: ["医院名称"])
            case .cost: FieldDescription("cost", "住院总费用", .money, view: "cost", aliases: ["总费用"])
            case .reimbursed: FieldDescription("reimbursed", "报销金额", .money, .defaulted, view: "reimbursed", aliases: ["已报销金额"])
            }
        }
    }

    public static let layout = makeLayout(table: "hospital_stay", file: "hospital_stays.csv")

    public func value(of field: Field) -> FieldValue {
        switch field {
        case .id: .integer(id)
        case .householdNumber: .text(householdNumber)
        case .residentID: .text(residentID.rawValue)
        case .admittedOn: .date(admittedOn)
        case .dischargedOn: .optional(dischargedOn)
        case .hospital: .text(hospital)
        case .cost: .money(cost)
        case .reimbursed: .money(reimbursed)
        }
    }

    public init(reading row: some FieldSource) throws(FieldError) {
        let admitted = try row.date(Field.admittedOn)
        let discharged = try row.optionalDate(Field.dischargedOn)
        if let discharged, discharged < admitted {
            throw FieldError(column: "discharged_on", .dischargedBeforeAdmission(discharged, admitted: admitted))
        }
        let cost = try row.requiredMoney(Field.cost)
        let reimbursed = try row.money(Field.reimbursed)
        guard reimbursed <= cost else { throw FieldError(column: "reimbursed", .reimbursedOverCost(reimbursed, cost: cost)) }
        self.init(id: try row.identifier(Field.id), householdNumber: try row.text(Field.householdNumber),
                  residentID: try row.residentID(Field.residentID), admittedOn: admitted, dischargedOn: discharged,
                  hospital: try row.text(Field.hospital), cost: cost, reimbursed: reimbursed)
    }
}
