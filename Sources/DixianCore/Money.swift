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
        // Read as bytes: this runs for every amount of an import.
        var negative = false, inDecimals = false
        var yuan: Int64 = 0, wholeDigits = 0, fen: Int64 = 0, decimals = 0, position = 0
        for byte in text.utf8 {
            defer { position += 1 }
            if byte == UInt8(ascii: "-") && position == 0 {
                negative = true
            } else if byte == UInt8(ascii: ".") && !inDecimals {
                inDecimals = true
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                let digit = Int64(byte - UInt8(ascii: "0"))
                if inDecimals {
                    decimals += 1
                    fen = fen * 10 + digit
                } else {
                    wholeDigits += 1
                    yuan = yuan * 10 + digit
                }
            } else {
                return nil
            }
        }
        guard (1...15).contains(wholeDigits), !inDecimals || (1...2).contains(decimals) else { return nil }
        if decimals == 1 { fen *= 10 }
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
