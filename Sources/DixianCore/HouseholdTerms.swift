/// 户属性: whether a household was lifted out of poverty, is monitored, or neither.
public enum HouseholdCategory: String, OfficialTerm {
    /// 脱贫户: lifted out of poverty before 2021.
    case lifted
    /// 监测户 (监测对象): under monitoring for the risk of (returning to) poverty.
    case monitored
    /// 一般户 (一般农户).
    case general

    public var chineseName: String {
        switch self {
        case .lifted: "脱贫户"
        case .monitored: "监测户"
        case .general: "一般户"
        }
    }
}

/// The kind of a monitored household (the 三类户).
public enum MonitoredKind: String, OfficialTerm {
    /// 脱贫不稳定户: lifted out, but not stably.
    case unstable
    /// 边缘易致贫户: on the margin, easily falling into poverty.
    case marginal
    /// 突发严重困难户: hit by sudden severe hardship (illness, disaster, accident).
    case suddenHardship = "sudden-hardship"

    public var chineseName: String {
        switch self {
        case .unstable: "脱贫不稳定户"
        case .marginal: "边缘易致贫户"
        case .suddenHardship: "突发严重困难户"
        }
    }
}

/// A member's capacity to work.
public enum LaborCapacity: String, OfficialTerm {
    /// 有劳动能力.
    case full
    /// 弱劳动力或半劳动力.
    case partial
    /// 无劳动能力 (children, the elderly, those who lost it).
    case none

    public var chineseName: String {
        switch self {
        case .full: "有劳动能力"
        case .partial: "弱劳动力或半劳动力"
        case .none: "无劳动能力"
        }
    }
}

/// A member's health as the registry records it.
public enum HealthCondition: String, OfficialTerm {
    /// 健康.
    case healthy
    /// 长期慢性病.
    case chronicIllness = "chronic-illness"
    /// 患有大病.
    case seriousIllness = "serious-illness"

    public var chineseName: String {
        switch self {
        case .healthy: "健康"
        case .chronicIllness: "长期慢性病"
        case .seriousIllness: "患有大病"
        }
    }
}

/// The stage of schooling a member is at, if any.
public enum SchoolStage: String, OfficialTerm {
    /// 学前教育.
    case preschool
    /// 小学.
    case primary
    /// 初中.
    case juniorSecondary = "junior-secondary"
    /// 高中.
    case seniorSecondary = "senior-secondary"
    /// 中职 (中等职业教育: 中专、职高、技校): secondary school, the level of 高中, not 高校.
    case secondaryVocational = "secondary-vocational"
    /// 高职 (高等职业教育, 大专 or 专科): a 全日制普通高校 of the tertiary level. Registries made
    /// before the two vocational stages were told apart held both in one stage, `vocational`,
    /// which the stores' migration turned into `secondaryVocational`.
    case higherVocational = "higher-vocational"
    /// 本科及以上 (本科, 硕士, 博士). Before 高职 had a stage of its own this was 大专及以上: a 大专
    /// student recorded then is still `tertiary` until the record is corrected.
    case tertiary

    public var chineseName: String {
        switch self {
        case .preschool: "学前教育"
        case .primary: "小学"
        case .juniorSecondary: "初中"
        case .seniorSecondary: "高中"
        case .secondaryVocational: "中职"
        case .higherVocational: "高职"
        case .tertiary: "本科及以上"
        }
    }

    /// Whether the stage is compulsory education (primary and junior secondary, ages 6 to 15).
    public var isCompulsory: Bool { self == .primary || self == .juniorSecondary }
}

/// Whether a member of school age is in school.
public enum SchoolStatus: String, OfficialTerm {
    /// 在校生.
    case enrolled
    /// 辍学.
    case droppedOut = "dropped-out"
    /// 休学.
    case suspended

    public var chineseName: String {
        switch self {
        case .enrolled: "在校生"
        case .droppedOut: "辍学"
        case .suspended: "休学"
        }
    }
}
