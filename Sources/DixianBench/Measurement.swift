import Foundation

/// One benchmark's figures: the median rate over several timed rounds.
struct Measurement {
    var name: String
    var operations: Int
    var seconds: [Double]

    var medianSeconds: Double { seconds.sorted()[seconds.count / 2] }
    var perSecond: Double { Double(operations) / medianSeconds }
}

/// Times `body` (which performs `operations` operations) in `rounds` rounds after one warm-up.
func measure(_ name: String, operations: Int, rounds: Int = 5, _ body: () throws -> Void) rethrows -> Measurement {
    try body()
    var seconds: [Double] = []
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return Measurement(name: name, operations: operations, seconds: seconds)
}
