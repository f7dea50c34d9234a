/// An amount of money in fen (分, 1/100 yuan), kept as an integer so sums are exact.
public struct Money: Hashable, Comparable, Sendable, AdditiveArithmetic, CustomStringConvertible {
    /// The amount in fen.
    public var fen: Int64

    /// An amount in fen.
    public init(fen: Int64) { self.fen = fen }

    /// A whole number of yuan.
    public init(yuan: Int64) { self.fen = yuan * 100 }

    /// Parses a yuan amount with at most two decimals (`7800`, `7800.5`, `-12.05`; `7800.500`,
    /// whose further decimals are zeros) and at most 15 digits before the point; nil otherwise.
    /// Never traps, however long the text: what an import reads is anyone's.
    public init?(yuan text: some StringProtocol) {
        guard case .amount(let money) = Money.parse(yuan: text) else { return nil }
        self = money
    }

    /// What a text is as a yuan amount: `parse(yuan:)` says why it is not one.
    public enum Parsed: Hashable, Sendable {
        /// An amount.
        case amount(Money)
        /// Not digits with an optional `-` and one decimal point (or no digit before the point,
        /// or none after it).
        case notANumber
        /// More than 15 digits before the point (a thousand trillion yuan or more).
        case tooLarge
        /// A third or later decimal that is not zero (fen are the smallest unit).
        case tooManyDecimals
    }

    /// Reads `text` as a yuan amount, saying why it is not one. Leading zeros and decimals past
    /// the second that are zeros are read; no digit is multiplied into the amount past the
    /// 15th, so nothing overflows.
    public static func parse(yuan text: some StringProtocol) -> Parsed {
        // Read as bytes: this runs for every amount of an import.
        var negative = false, inDecimals = false, nonZeroExcess = false, anyWholeDigit = false
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
                    if decimals <= 2 { fen = fen * 10 + digit } else if digit != 0 { nonZeroExcess = true }
                } else {
                    // Leading zeros do not count; past 15 digits only the count grows.
                    anyWholeDigit = true
                    if wholeDigits > 0 || digit != 0 { wholeDigits += 1 }
                    if wholeDigits <= 15 { yuan = yuan * 10 + digit }
                }
            } else {
                return .notANumber
            }
        }
        guard anyWholeDigit, !inDecimals || decimals > 0 else { return .notANumber }
        guard wholeDigits <= 15 else { return .tooLarge }
        guard !nonZeroExcess else { return .tooManyDecimals }
        if decimals == 1 { fen *= 10 }
        return .amount(Money(fen: (yuan * 100 + fen) * (negative ? -1 : 1)))
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
