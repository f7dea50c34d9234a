import DixianCore

/// An open problem of the ledger as the API lists it.
struct ProblemDocument: Encodable, Sendable {
    var id: Int64
    /// The household it concerns, absent for a problem of a village or project.
    var household: String?
    var description: String
    var responsibleUnit: String
    var responsiblePerson: String
    var deadline: String

    init(_ problem: Problem) {
        id = problem.id
        household = problem.householdNumber
        description = problem.description
        responsibleUnit = problem.responsibleUnit
        responsiblePerson = problem.responsiblePerson
        deadline = problem.deadline.description
    }
}

/// An asset of the ledger as the API lists it: `value` in yuan as a decimal text (`1200.50`),
/// so that no amount passes through a binary fraction.
struct AssetDocument: Encodable, Sendable {
    var id: Int64
    var project: String
    var `class`: String
    var value: String
    var village: String
    /// Who keeps it, absent when no one is named.
    var custodian: String?
    var status: String
    /// The first day of its status (the ledger's 状态起始日期), absent when the ledger does not say.
    var statusSince: String?
    var registered: Bool

    init(_ asset: Asset) {
        id = asset.id
        project = asset.project
        `class` = asset.assetClass.rawValue
        value = asset.value.description
        village = asset.villageCode
        custodian = asset.custodian
        status = asset.status.rawValue
        statusSince = asset.statusSince?.description
        registered = asset.ownershipRegistered
    }
}

/// A finished screening run as the API gives it.
struct ScreeningRunDocument: Encodable, Sendable {
    var id: Int64
    var asOf: String
    var households: Int
    var findings: Int
    var complete: Bool

    init(_ run: ScreeningRun) {
        id = run.id ?? 0
        asOf = run.asOf.description
        households = run.householdCount
        findings = run.findingsByCheck.values.reduce(0, +)
        complete = run.isComplete
    }
}
