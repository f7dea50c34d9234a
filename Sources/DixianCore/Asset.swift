/// An asset formed by an assistance project (帮扶项目资产), in the asset ledger.
public struct Asset: Hashable, Sendable {
    /// The asset's identifier in the registry.
    public var id: Int64
    /// The project that formed it.
    public var project: String
    /// 公益性, 经营性 or 确权到户.
    public var assetClass: AssetClass
    /// Its book value.
    public var value: Money
    /// The 12-digit code of the village it is in.
    public var villageCode: String
    /// The custodian (管护主体), if one is named.
    public var custodian: String?
    /// Whether its ownership is registered (确权登记).
    public var ownershipRegistered: Bool
    /// Whether it is in use, idle or lost.
    public var status: AssetStatus
    /// When it was formed.
    public var formedOn: LocalDate
    /// The day its current `status` began (状态起始日期): when it fell idle or was lost, or
    /// went back into use; nil when the ledger does not say. Never before `formedOn`.
    public var statusSince: LocalDate?

    /// An asset record.
    public init(
        id: Int64, project: String, assetClass: AssetClass, value: Money, villageCode: String, custodian: String?,
        ownershipRegistered: Bool, status: AssetStatus, formedOn: LocalDate, statusSince: LocalDate? = nil
    ) {
        self.id = id
        self.project = project
        self.assetClass = assetClass
        self.value = value
        self.villageCode = villageCode
        self.custodian = custodian
        self.ownershipRegistered = ownershipRegistered
        self.status = status
        self.formedOn = formedOn
        self.statusSince = statusSince
    }
}

/// What an operating asset earned in a year, and how that income was used.
public struct AssetIncome: Hashable, Sendable {
    /// The asset.
    public var assetID: Int64
    /// The year.
    public var year: Int
    /// Income earned.
    public var income: Money

    /// An asset income record.
    public init(assetID: Int64, year: Int, income: Money) {
        self.assetID = assetID
        self.year = year
        self.income = income
    }
}

/// One use of an asset's income in a year (upkeep, consolidating results, village public
/// works, households), as the ledger records it.
public struct AssetDistribution: Hashable, Sendable {
    /// The asset.
    public var assetID: Int64
    /// The year.
    public var year: Int
    /// What the money went to, as the village recorded it.
    public var purpose: String
    /// How much.
    public var amount: Money

    /// A distribution record.
    public init(assetID: Int64, year: Int, purpose: String, amount: Money) {
        self.assetID = assetID
        self.year = year
        self.purpose = purpose
        self.amount = amount
    }
}
