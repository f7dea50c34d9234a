/// An amount of money in fen (分, 1/100 yuan), kept as an integer so sums are exact.
public struct Money: Hashable, Comparable, Sendable, AdditiveArithmetic, CustomStringConvertible {
    /// The amount in fen.
    public var fen: Int64

    /// An amount in fen.
    public init(fen: Int64) { self.fen = fen }

    /// A whole number of yuan.
    public init(yuan: Int64) { self.fen = yuan * 100 }

    /// Parses a yuan amount with at most two decimals (`7800`, `7800.5`, `-12.05`); nil otherwise.
    public init?(yuan text: some StringProtocol) {
        var body = Substring(text)
        let negative = body.hasPrefix("-")
        if negative { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.count <= 15, whole.allSatisfy(\.isASCIIDigit),
            let yuan = Int64(whole)
        else { return nil }
        var fen: Int64 = 0
        if parts.count == 2 {
            let decimals = parts[1]
            guard (1...2).contains(decimals.count), decimals.allSatisfy(\.isASCIIDigit), let value = Int64(decimals)
            else { return nil }
            fen = decimals.count == 1 ? value * 10 : value
        }
        self.fen = (yuan * 100 + fen) * (negative ? -1 : 1)
    }

    /// Zero yuan.
    public static let zero = Money(fen: 0)

    /// Yuan with the fen only when there are some: `7800`, `7800.50`, `-12.05`.
    public var description: String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        let cents = Int(magnitude % 100)
        return cents == 0 ? "\(sign)\(magnitude / 100)" : "\(sign)\(magnitude / 100).\(cents.zeroPadded(2))"
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen + rhs.fen) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen - rhs.fen) }
}
