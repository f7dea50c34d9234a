/// The kind of an assistance measure in a 一户一策 plan.
public enum MeasureType: String, OfficialTerm {
    /// 产业帮扶.
    case industry
    /// 就业帮扶.
    case employment
    /// 教育帮扶.
    case education
    /// 健康帮扶.
    case medical
    /// 住房保障.
    case housing
    /// 饮水安全.
    case drinkingWater = "drinking-water"
    /// 小额信贷.
    case credit
    /// 综合保障 (社会保障兜底).
    case socialSecurity = "social-security"
    /// 公益岗位.
    case publicWelfarePost = "public-welfare-post"
    /// 其他.
    case other

    public var chineseName: String {
        switch self {
        case .industry: "产业帮扶"
        case .employment: "就业帮扶"
        case .education: "教育帮扶"
        case .medical: "健康帮扶"
        case .housing: "住房保障"
        case .drinkingWater: "饮水安全"
        case .credit: "小额信贷"
        case .socialSecurity: "综合保障"
        case .publicWelfarePost: "公益岗位"
        case .other: "其他"
        }
    }
}

/// Who made a visit.
public enum VisitorRole: String, OfficialTerm {
    /// 帮扶责任人.
    case helper
    /// 驻村工作队.
    case residentTeam = "resident-team"
    /// 村干部.
    case villageCadre = "village-cadre"
    /// 乡镇干部.
    case townshipStaff = "township-staff"

    public var chineseName: String {
        switch self {
        case .helper: "帮扶责任人"
        case .residentTeam: "驻村工作队"
        case .villageCadre: "村干部"
        case .townshipStaff: "乡镇干部"
        }
    }
}

/// The class of an asset formed by assistance projects (国办函〔2021〕51号).
public enum AssetClass: String, OfficialTerm {
    /// 公益性: roads, irrigation, water, schools, clinics.
    case publicWelfare = "public-welfare"
    /// 经营性: bases, plants, photovoltaic stations, shares.
    case operating
    /// 确权到户: livestock and fixed assets given to households.
    case household

    public var chineseName: String {
        switch self {
        case .publicWelfare: "公益性"
        case .operating: "经营性"
        case .household: "确权到户"
        }
    }
}

/// Whether an asset is working.
public enum AssetStatus: String, OfficialTerm {
    /// 正常使用.
    case inUse = "in-use"
    /// 闲置.
    case idle
    /// 流失或损毁.
    case lost

    public var chineseName: String {
        switch self {
        case .inUse: "正常使用"
        case .idle: "闲置"
        case .lost: "流失或损毁"
        }
    }
}
