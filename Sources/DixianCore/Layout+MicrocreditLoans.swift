// The layout of households' microcredit loans (小额信贷): whether one is overdue is derived.

extension MicrocreditLoan: DescribedRecord {
    public enum Field: Int, RecordField {
        case id, householdNumber, borrowedOn, dueOn, amount, purpose, repaidOn

        public static let fields = describeAll()

        public var description: FieldDescription {
            switch self {
            case .id: FieldDescription("id", "编号", .identifier, key: true, view: "id")
            case .householdNumber: FieldDescription("household_number", "户编号", .text)
            case .borrowedOn: FieldDescription("borrowed_on", "放贷日期", .date, view: "borrowed_on", aliases: ["贷款发放日期"])
            case .dueOn: FieldDescription("due_on", "到期日期", .date, view: "due_on", aliases: ["贷款到期日期"])
            case .amount: FieldDescription("amount", "贷款金额", .money, view: "amount")
            case .purpose: FieldDescription("purpose", "贷款使用方式", .term(LoanPurpose.self), view: "purpose", aliases: ["使用方式"])
            case .repaidOn: FieldDescription("repaid_on", "还清日期", .date, .optional, view: "repaid_on", aliases: ["结清日期"])
            }
        }
    }

    public static let layout = makeLayout(table: "microcredit_loan", file: "microcredit_loans.csv")

    public func value(of field: Field) -> FieldValue {
        switch field {
        case .id: .integer(id)
        case .householdNumber: .text(householdNumber)
        case .borrowedOn: .date(borrowedOn)
        case .dueOn: .date(dueOn)
        case .amount: .money(amount)
        case .purpose: .text(purpose.rawValue)
        case .repaidOn: .optional(repaidOn)
        }
    }

    public init(reading row: some FieldSource) throws(FieldError) {
        let borrowed = try row.date(Field.borrowedOn)
        let due = try row.date(Field.dueOn)
        guard due >= borrowed else { throw FieldError(column: "due_on", .dueBeforeStart(due, starts: borrowed)) }
        let repaid = try row.optionalDate(Field.repaidOn)
        if let repaid, repaid < borrowed {
            throw FieldError(column: "repaid_on", .repaidBeforeBorrowing(repaid, borrowed: borrowed))
        }
        self.init(id: try row.identifier(Field.id), householdNumber: try row.text(Field.householdNumber), borrowedOn: borrowed,
                  dueOn: due, amount: try row.requiredMoney(Field.amount), purpose: try row.term(Field.purpose), repaidOn: repaid)
    }
}
