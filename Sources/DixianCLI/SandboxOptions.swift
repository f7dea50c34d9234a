import ArgumentParser
import LuaHost

/// The sandbox limits a command's scripts run under.
struct SandboxOptions: ParsableArguments {
    @Option(help: .shown(.sandboxOptionsInstructionBudget))
    var instructionBudget: Int = LuaLimits().instructionBudget

    @Option(help: .shown(.sandboxOptionsMemoryCap), transform: ByteCount.parse)
    var memoryCap: Int = LuaLimits().memoryCap

    func validate() throws {
        guard instructionBudget > 0 else { throw ValidationError(CommandMessage.mustBePositive(option: "--instruction-budget").shown) }
        guard memoryCap > 0 else { throw ValidationError(CommandMessage.mustBePositive(option: "--memory-cap").shown) }
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
            throw ValidationError(CommandMessage.notASize(text).shown)
        }
        return value * multiplier
    }
}
