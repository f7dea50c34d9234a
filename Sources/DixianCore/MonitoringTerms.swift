/// 风险类别: why a household is at risk (seed 003, 三.10). A household can carry several.
public enum RiskType: String, OfficialTerm {
    /// 因病.
    case illness
    /// 因学.
    case schooling
    /// 因安全住房.
    case housing
    /// 因安全饮水.
    case drinkingWater = "drinking-water"
    /// 因残.
    case disability
    /// 因自然灾害.
    case naturalDisaster = "natural-disaster"
    /// 因意外事故.
    case accident
    /// 因产业项目失败.
    case failedBusiness = "failed-business"
    /// 因务工就业不稳.
    case unstableEmployment = "unstable-employment"
    /// 因缺劳动力.
    case lackOfLabor = "lack-of-labor"
    /// 其他.
    case other

    public var chineseName: String {
        switch self {
        case .illness: "因病"
        case .schooling: "因学"
        case .housing: "因安全住房"
        case .drinkingWater: "因安全饮水"
        case .disability: "因残"
        case .naturalDisaster: "因自然灾害"
        case .accident: "因意外事故"
        case .failedBusiness: "因产业项目失败"
        case .unstableEmployment: "因务工就业不稳"
        case .lackOfLabor: "因缺劳动力"
        case .other: "其他"
        }
    }
}

/// How a risk came to light (the four channels; Bin County's 四级监测, seed 004).
public enum DiscoveryChannel: String, OfficialTerm {
    /// 农户自主申报 (一键报贫).
    case selfReport = "self-report"
    /// 基层干部排查.
    case cadreVisit = "cadre-visit"
    /// 部门筛查预警.
    case departmentWarning = "department-warning"
    /// 乡镇核实确认.
    case townshipCheck = "township-check"

    public var chineseName: String {
        switch self {
        case .selfReport: "农户自主申报"
        case .cadreVisit: "基层干部排查"
        case .departmentWarning: "部门筛查预警"
        case .townshipCheck: "乡镇核实确认"
        }
    }
}

/// Where a monitoring episode stands.
public enum MonitoringStatus: String, OfficialTerm {
    /// 已上报: reported, not yet verified.
    case reported
    /// 已核实: verified by the township, not yet answered.
    case verified
    /// 待审批: answered as meeting the standard, awaiting the county's approval.
    case accepted
    /// 不予认定: not accepted, with written reasons.
    case rejected
    /// 已认定: identified as a monitored household, with risk types.
    case identified
    /// 风险已消除.
    case eliminated

    public var chineseName: String {
        switch self {
        case .reported: "已上报"
        case .verified: "已核实"
        case .accepted: "待审批"
        case .rejected: "不予认定"
        case .identified: "已认定"
        case .eliminated: "风险已消除"
        }
    }
}

/// A sector department that pushes warning records.
public enum Department: String, OfficialTerm {
    /// 医保.
    case medicalInsurance = "medical-insurance"
    /// 民政.
    case civilAffairs = "civil-affairs"
    /// 教育.
    case education
    /// 残联.
    case disabilityFederation = "disability-federation"
    /// 住建.
    case housing
    /// 水利 (水务).
    case water
    /// 人社.
    case humanResources = "human-resources"
    /// 其他部门.
    case other

    public var chineseName: String {
        switch self {
        case .medicalInsurance: "医保"
        case .civilAffairs: "民政"
        case .education: "教育"
        case .disabilityFederation: "残联"
        case .housing: "住建"
        case .water: "水利"
        case .humanResources: "人社"
        case .other: "其他部门"
        }
    }
}

/// A step in a household's monitoring lifecycle; plugins guard transitions (Minqin's 七不消
/// guards `eliminate`).
public enum MonitoringTransition: String, OfficialTerm {
    /// 报告: a risk is reported (self-report, cadre visit, warning, township check).
    case report
    /// 核实: the township verifies the household's situation.
    case verify
    /// 反馈: the result is fed back (accepted, or rejected with written reasons).
    case answer
    /// 审批认定: the county approves identification, with risk types.
    case approve
    /// 制定帮扶计划: the 一户一策 plan is made.
    case plan
    /// 风险消除: risk is marked eliminated.
    case eliminate
    /// 回头看: an eliminated household is followed up.
    case followUp = "follow-up"
    /// 回退: an unstable household goes back to monitoring.
    case sendBack = "send-back"
    /// 再标注: a new risk is labelled.
    case relabel

    public var chineseName: String {
        switch self {
        case .report: "报告"
        case .verify: "核实"
        case .answer: "反馈"
        case .approve: "审批认定"
        case .plan: "制定帮扶计划"
        case .eliminate: "风险消除"
        case .followUp: "回头看"
        case .sendBack: "回退"
        case .relabel: "再标注"
        }
    }
}
