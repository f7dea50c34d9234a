/// Where a household lives, from province to village group. Codes are the statistical
/// division codes: 2 digits for a province, 4 for a city, 6 for a county (GB/T 2260),
/// 9 for a township and 12 for a village.
public struct Area: Hashable, Sendable {
    /// The 12-digit village code; the codes of the levels above are its prefixes.
    public var villageCode: String
    /// The village group (村民小组), as the village names it (`三组`), if recorded.
    public var group: String?

    /// An area from its village code, which must be 12 digits.
    public init?(villageCode: String, group: String? = nil) {
        guard villageCode.utf8.count == 12,
            villageCode.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        self.villageCode = villageCode
        self.group = group
    }

    /// The digits of a township's code.
    public static let townshipDigits = 9

    /// The 6-digit county code (GB/T 2260).
    public var countyCode: String { String(villageCode.prefix(6)) }
    /// The 9-digit township code.
    public var townshipCode: String { String(villageCode.prefix(Self.townshipDigits)) }

    /// Whether the area lies within the area with code `prefix` (any level).
    public func isWithin(_ prefix: String) -> Bool { villageCode.hasPrefix(prefix) }
}
