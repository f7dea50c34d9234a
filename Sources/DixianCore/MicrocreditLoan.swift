/// A household's poverty-alleviation microcredit loan (扶贫小额信贷, 脱贫人口小额信贷): borrowed
/// on a day, due on another, its amount and what it went to, and when it was repaid. Rules ask
/// about it: 应贷尽贷, 户贷企用, loans coming due (到期前风险评估) and overdue ones (逾期).
///
/// Whether it is overdue is not stored: it is derived from the day asked about
/// (`isOverdue(on:)`; a rule reads `ctx.after(loan.due_on)` and `repaid_on`).
public struct MicrocreditLoan: Hashable, Sendable {
    /// The loan's number.
    public var id: Int64
    /// The household that borrowed.
    public var householdNumber: String
    /// When it was lent (放贷日期).
    public var borrowedOn: LocalDate
    /// When it falls due (到期日期).
    public var dueOn: LocalDate
    /// How much was lent (贷款金额).
    public var amount: Money
    /// What it went to.
    public var purpose: LoanPurpose
    /// When it was repaid in full (还清日期), nil while owed.
    public var repaidOn: LocalDate?

    /// A loan.
    public init(id: Int64, householdNumber: String, borrowedOn: LocalDate, dueOn: LocalDate, amount: Money, purpose: LoanPurpose,
                repaidOn: LocalDate? = nil) {
        self.id = id
        self.householdNumber = householdNumber
        self.borrowedOn = borrowedOn
        self.dueOn = dueOn
        self.amount = amount
        self.purpose = purpose
        self.repaidOn = repaidOn
    }

    /// Whether it is overdue on `day`: due before it and not repaid by then.
    public func isOverdue(on day: LocalDate) -> Bool {
        dueOn < day && (repaidOn.map { $0 > day } ?? true)
    }
}

/// What a microcredit loan went to.
public enum LoanPurpose: String, OfficialTerm {
    /// 户贷户用: the household's own production.
    case householdUse = "household-use"
    /// 户贷企用: lent on to an enterprise or cooperative (户贷企用、户贷社用), which the policy
    /// restricts.
    case enterpriseUse = "enterprise-use"

    public var chineseName: String {
        switch self {
        case .householdUse: "户贷户用"
        case .enterpriseUse: "户贷企用"
        }
    }
}
