/// A household's income and rigid spending for one year.
public struct IncomeRecord: Hashable, Sendable {
    /// The household.
    public var householdNumber: String
    /// The calendar year.
    public var year: Int
    /// 工资性收入.
    public var wage: Money
    /// 经营性收入 (gross).
    public var operating: Money
    /// 财产性收入.
    public var property: Money
    /// 转移性收入.
    public var transfer: Money
    /// 生产经营性支出.
    public var productionCosts: Money
    /// Out-of-pocket medical spending (医疗支出).
    public var medicalSpending: Money
    /// Education spending (教育支出).
    public var educationSpending: Money

    /// An income record.
    public init(
        householdNumber: String, year: Int, wage: Money = .zero, operating: Money = .zero, property: Money = .zero,
        transfer: Money = .zero, productionCosts: Money = .zero, medicalSpending: Money = .zero,
        educationSpending: Money = .zero
    ) {
        self.householdNumber = householdNumber
        self.year = year
        self.wage = wage
        self.operating = operating
        self.property = property
        self.transfer = transfer
        self.productionCosts = productionCosts
        self.medicalSpending = medicalSpending
        self.educationSpending = educationSpending
    }

    /// 家庭纯收入: wage + operating + property + transfer - production costs.
    public var netIncome: Money { wage + operating + property + transfer - productionCosts }

    /// 人均纯收入 for a household of `size` people.
    public func perCapitaNetIncome(size: Int) -> Money {
        precondition(size > 0, "a household has at least one member")
        return Money(fen: netIncome.fen / Int64(size))
    }
}

/// A household's net income in one month, for counties that count a rolling window
/// (Ningxia: the 12 months ending the month before the assessment month, seed 001, glossary 2).
public struct MonthlyIncome: Hashable, Sendable {
    /// The household.
    public var householdNumber: String
    /// The year.
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    /// Net income for the month.
    public var netIncome: Money

    /// A monthly income record.
    public init(householdNumber: String, year: Int, month: Int, netIncome: Money) {
        self.householdNumber = householdNumber
        self.year = year
        self.month = month
        self.netIncome = netIncome
    }
}
