/// A household (户) in the registry.
public struct Household: Hashable, Sendable {
    /// The household number (户编号), unique in the registry.
    public var number: String
    /// Where the household lives.
    public var area: Area
    /// The head of household's name (户主姓名).
    public var headName: String
    /// 户属性.
    public var category: HouseholdCategory
    /// For a monitored household, which of the 三类户 it is; nil otherwise.
    public var monitoredKind: MonitoredKind?
    /// Circumstances the registry flags.
    public var flags: Flags
    /// The assigned helper (帮扶责任人), if any.
    public var helper: String?

    /// A household record.
    public init(
        number: String, area: Area, headName: String, category: HouseholdCategory,
        monitoredKind: MonitoredKind? = nil, flags: Flags = [], helper: String? = nil
    ) {
        self.number = number
        self.area = area
        self.headName = headName
        self.category = category
        self.monitoredKind = monitoredKind
        self.flags = flags
        self.helper = helper
    }

    /// Circumstances of a household the registry flags.
    public struct Flags: OptionSet, Hashable, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// 易地扶贫搬迁: relocated (including those now with urban hukou).
        public static let relocated = Flags(rawValue: 1 << 0)
        /// 低保: receives the minimum living allowance.
        public static let minimumLivingAllowance = Flags(rawValue: 1 << 1)
        /// 特困供养: receives extreme-poverty support.
        public static let extremePovertySupport = Flags(rawValue: 1 << 2)
        /// 整户无劳动能力: no member is able to work.
        public static let noMemberAbleToWork = Flags(rawValue: 1 << 3)
        /// 留守: left-behind elderly, women or children.
        public static let leftBehind = Flags(rawValue: 1 << 4)
    }
}
