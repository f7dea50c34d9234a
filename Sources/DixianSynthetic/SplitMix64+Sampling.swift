import DixianCore
import Foundation

extension SplitMix64 {
    /// A whole number in `range`, the same on every platform for the same seed.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ elements: [T]) -> T {
        elements[int(0...elements.count - 1)]
    }

    /// An index drawn with the given weights.
    mutating func weighted(_ weights: [Double]) -> Int {
        var point = Double(next() >> 11) / Double(1 << 53) * weights.reduce(0, +)
        for (index, weight) in weights.enumerated() {
            if point < weight { return index }
            point -= weight
        }
        return weights.count - 1
    }

    /// An amount of whole yuan in `range`.
    mutating func yuan(_ range: ClosedRange<Int>) -> Money {
        Money(yuan: Int64(int(range)))
    }
}

extension SplitMix64 {
    /// A number from the standard normal distribution (Box–Muller).
    mutating func normal() -> Double {
        let u = max(Double(next() >> 11) / Double(1 << 53), 1e-12), v = Double(next() >> 11) / Double(1 << 53)
        return (-2 * Foundation.log(u)).squareRoot() * Foundation.cos(2 * Double.pi * v)
    }

    /// A day between `from` and `to`, both included.
    mutating func day(from: LocalDate, to: LocalDate) -> LocalDate {
        from.adding(days: int(0...max(0, from.days(until: to))))
    }
}

extension SplitMix64 {
    /// A number in `range`, uniformly.
    mutating func double(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + Double(next() >> 11) / Double(1 << 53) * (range.upperBound - range.lowerBound)
    }
}
