import DixianCore
import LuaHost

/// What one batch of checks produced: findings, and the checks that failed on a subject.
/// Indices are 0-based positions in the batch and in the declared check list.
public struct BatchOutcome: Sendable {
    /// One finding as a check returned it.
    public struct RawFinding: Hashable, Sendable {
        /// The household (or asset) in the batch.
        public var subject: Int
        /// The check.
        public var check: Int
        /// Its message.
        public var message: String
        /// The severity the finding gave, if it overrode the check's.
        public var severity: Severity?
        /// The risk types the finding gave, if it overrode the check's.
        public var riskTypes: [RiskType]?
    }

    /// A check that raised or returned nonsense on one subject.
    public struct Failure: Hashable, Sendable {
        /// The household (or asset) in the batch.
        public var subject: Int
        /// The check.
        public var check: Int
        /// The error, with the plugin file and line.
        public var message: String
    }

    /// The findings, in subject then check order.
    public var findings: [RawFinding]
    /// The failures.
    public var failures: [Failure]

    /// An empty outcome, to merge others into.
    public init() {
        findings = []
        failures = []
    }

    init(findings: LuaValue, failures: LuaValue) {
        func column(_ table: LuaValue, _ name: String) -> [LuaValue] { table[name].tableValue?.array ?? [] }
        let count = Int(findings["n"].integerValue ?? 0)
        let subjects = column(findings, "h"), checks = column(findings, "k"), messages = column(findings, "m")
        let severities = column(findings, "s"), risks = column(findings, "r")
        self.findings = (0..<count).map { index in
            RawFinding(
                subject: Int(subjects[index].integerValue ?? 1) - 1, check: Int(checks[index].integerValue ?? 1) - 1,
                message: messages[index].stringValue ?? "",
                severity: severities[index].stringValue.flatMap(Severity.init(rawValue:)),
                riskTypes: risks[index].tableValue.map { $0.array.compactMap { $0.stringValue.flatMap(RiskType.init(rawValue:)) } })
        }
        let failed = Int(failures["n"].integerValue ?? 0)
        let failedSubjects = column(failures, "h"), failedChecks = column(failures, "k"), failedMessages = column(failures, "m")
        self.failures = (0..<failed).map { index in
            Failure(subject: Int(failedSubjects[index].integerValue ?? 1) - 1, check: Int(failedChecks[index].integerValue ?? 1) - 1,
                    message: failedMessages[index].stringValue ?? "(no message)")
        }
    }
}

/// What the guards of a transition say about one household.
public struct GuardVerdict: Hashable, Sendable {
    /// One reason to refuse.
    public struct Reason: Hashable, Sendable {
        /// The guard's id.
        public var guardID: String
        /// The guard's title (`七不消`).
        public var title: String
        /// Why, in the plugin's language.
        public var reason: String
    }

    /// The reasons the guards gave; empty when they allow the transition.
    public var reasons: [Reason]
    /// Guards that raised or returned nonsense, with plugin file and line (they refuse too:
    /// a transition is never allowed because a guard failed to answer).
    public var failures: [String]

    /// True when no guard refuses and none failed.
    public var allows: Bool { reasons.isEmpty && failures.isEmpty }

    init(reasons: LuaValue, failures: LuaValue) {
        self.reasons = (reasons.tableValue?.array ?? []).map {
            Reason(guardID: $0["guard"].stringValue ?? "?", title: $0["title"].stringValue ?? "?",
                   reason: $0["reason"].stringValue ?? "")
        }
        self.failures = (failures.tableValue?.array ?? []).map { $0["message"].stringValue ?? "?" }
    }
}
