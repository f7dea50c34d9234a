import ArgumentParser
import LuaHost

/// The sandbox limits a command's scripts run under.
struct SandboxOptions: ParsableArguments {
    @Option(help: "Lua instructions one call may run.")
    var instructionBudget: Int = LuaLimits().instructionBudget

    @Option(help: "Memory one Lua state may hold, in bytes or with a K, M or G suffix.", transform: ByteCount.parse)
    var memoryCap: Int = LuaLimits().memoryCap

    func validate() throws {
        guard instructionBudget > 0 else { throw ValidationError("--instruction-budget must be positive") }
        guard memoryCap > 0 else { throw ValidationError("--memory-cap must be positive") }
    }

    var limits: LuaLimits {
        LuaLimits(instructionBudget: instructionBudget, memoryCap: memoryCap)
    }
}

/// Sizes written as `65536`, `64K`, `128M` or `1G`.
enum ByteCount {
    static func parse(_ text: String) throws -> Int {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var digits = text.uppercased()
        if digits.hasSuffix("IB") || digits.hasSuffix("B") { digits = String(digits.dropLast(digits.hasSuffix("IB") ? 2 : 1)) }
        var multiplier = 1
        if let last = digits.last, let unit = units[last] {
            multiplier = unit
            digits.removeLast()
        }
        guard let value = Int(digits), value > 0 else {
            throw ValidationError("'\(text)' is not a size (use bytes, or a number with K, M or G)")
        }
        return value * multiplier
    }
}
