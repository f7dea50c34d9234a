/// A place of the county's administrative divisions (行政区划): the county, a township or a
/// village, with its name, so that people read names where records hold codes, and the
/// village-level facts the rules ask about (a village hit by a disaster, 受灾村).
///
/// A village with no monitored household (空白村) is not stored: a county's report derives it
/// from the monitoring episodes as its seed defines it, in that county's plugin.
public struct Place: Hashable, Sendable {
    /// The division code: 6 digits for the county (GB/T 2260), 9 for a township, 12 for a village.
    public var code: String
    /// The name officials write (`红沙岗村`).
    public var name: String
    /// County, township or village; it matches the code's length.
    public var level: PlaceLevel
    /// When a disaster last hit the place (受灾日期), or nil when none is recorded.
    public var disasterOn: LocalDate?
    /// What the disaster was (`暴雨洪涝`), as the township recorded it; empty when none is.
    public var disaster: String
    /// A remark (备注).
    public var notes: String

    /// A place record.
    public init(code: String, name: String, level: PlaceLevel, disasterOn: LocalDate? = nil, disaster: String = "", notes: String = "") {
        self.code = code
        self.name = name
        self.level = level
        self.disasterOn = disasterOn
        self.disaster = disaster
        self.notes = notes
    }

    /// The code of the place it lies in: the township of a village, the county of a township;
    /// nil for the county.
    public var parentCode: String? {
        switch level {
        case .county: nil
        case .township: String(code.prefix(6))
        case .village: String(code.prefix(Area.townshipDigits))
        }
    }

    /// Whether a disaster is recorded for the place (a 受灾村, for a village).
    public var isDisasterHit: Bool { disasterOn != nil }
}

/// The level of a place, told by its code's length.
public enum PlaceLevel: String, OfficialTerm {
    /// 县 (or 区, 旗): 6 digits.
    case county
    /// 乡镇 (or 街道): 9 digits.
    case township
    /// 村 (or 社区): 12 digits.
    case village

    public var chineseName: String {
        switch self {
        case .county: "县"
        case .township: "乡镇"
        case .village: "村"
        }
    }

    /// The digits of a code of this level.
    public var codeDigits: Int {
        switch self {
        case .county: 6
        case .township: Area.townshipDigits
        case .village: 12
        }
    }

    /// The level of a code of `digits` ASCII digits, or nil when it is no division code.
    public init?(code: String) {
        guard code.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let level = Self.allCases.first(where: { $0.codeDigits == code.utf8.count })
        else { return nil }
        self = level
    }
}
