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

extension Household {
    /// How many digits follow the village code in a household number (户编号): the village's
    /// own sequence, `6206211002010001` being household 0001 of village 620621100201.
    public static let numberSequenceDigits = 4

    /// Why `number` is not a household number, or nil if it is one: ASCII digits, the 12 of
    /// its village code followed by `numberSequenceDigits` more, and, when `villageCode` is
    /// given, beginning with that village code. The one check of the import, the API and the
    /// stores' constraints, which keep to the same shape.
    public static func numberProblem(_ number: String, villageCode: String? = nil) -> FieldMessage? {
        let length = 12 + numberSequenceDigits
        let shown = number.unicodeScalars.count > 40 ? String(number.unicodeScalars.prefix(40)) + "…" : number
        guard number.utf8.count == length, number.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return .householdNumberLength(shown.debugDescription, digits: length, sequence: numberSequenceDigits)
        }
        if let villageCode, !number.hasPrefix(villageCode) {
            return .householdNumberVillage(number, villageCode: villageCode)
        }
        return nil
    }
}
