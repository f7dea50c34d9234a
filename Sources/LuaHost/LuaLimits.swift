/// The resources one Lua state may use. Every state is sandboxed; these say how tightly.
public struct LuaLimits: Sendable, Hashable {
    /// Lua VM instructions one top-level call may execute, including everything it calls.
    public var instructionBudget: Int
    /// Bytes the state may hold at once (a custom allocator refuses beyond this).
    public var memoryCap: Int
    /// Upper bound on the paths Lua's backtracking pattern matcher may explore in one
    /// `string.find`, `match`, `gmatch` or `gsub` call; costlier calls are refused before they run.
    public var patternCost: Double

    /// Limits for plugin and administrator scripts.
    /// - Parameters:
    ///   - instructionBudget: instructions per call; 100 million run in well under a second.
    ///   - memoryCap: bytes per state; 128 MiB by default.
    ///   - patternCost: matcher paths per pattern call; 500 million by default.
    public init(instructionBudget: Int = 100_000_000, memoryCap: Int = 128 << 20, patternCost: Double = 5e8) {
        precondition(instructionBudget > 0, "the instruction budget must be positive")
        precondition(memoryCap > 0, "the memory cap must be positive")
        self.instructionBudget = instructionBudget
        self.memoryCap = memoryCap
        self.patternCost = patternCost
    }
}
