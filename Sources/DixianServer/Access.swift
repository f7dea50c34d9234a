import DixianCore

/// What a request asks to do, as far as access goes.
public enum Operation: String, Sendable, CaseIterable {
    /// Read households, members, episodes, assets, problems, runs, reports.
    case read
    /// Take a monitoring step, record a visit, close a problem, edit a household.
    case work
    /// Push a department's warnings.
    case pushWarnings = "push-warnings"
    /// Manage users (the county administrator only, from the command line).
    case administer
}

extension ServerUser {
    /// Whether the user's role allows `operation` at all (areas are checked separately).
    public func may(_ operation: Operation) -> Bool {
        switch (role, operation) {
        case (.countyAdministrator, _): true
        case (.townshipStaff, .read), (.townshipStaff, .work): true
        case (.villageCadre, .read), (.villageCadre, .work): true
        case (.auditor, .read): true
        case (.department, .pushWarnings): true
        default: false
        }
    }

    /// The audit trail's name for the user.
    public var actor: String { "user:\(name)" }
}
