import DixianCore
import DixianWorkflow

/// The forms of the household page on the household's records, each shown only when the role
/// table lets the user's role take its step: add a measure to a plan (`measure.add`), finish an
/// open measure (`measure.done`), open a problem (`problem.open`), close an open problem
/// (`problem.close`) and close the verification of an open department warning
/// (`warning.close`, optionally reporting the risk it found when the role may report).
/// A form on an existing record carries its `RecordVersion`: posted after someone else changed
/// the record, it is refused as stale.
struct HouseholdRecordForms: Sendable {
    /// An open record a form acts on: its id, what the form names it by, its version.
    struct Item: Sendable { let id: Int64, label: String, version: String }

    /// The plans a measure may be added to, one form each (empty: no form).
    let plans: [HouseholdForms.Option], measureTypes: [HouseholdForms.Option]
    let measures: [Item], problems: [Item], warnings: [Item]
    let openProblem: Bool
    /// Whether closing a warning may also report the risk it found.
    let warningMayReport: Bool
    /// Whether any of these forms is shown.
    let any: Bool

    /// The forms on `dossier`'s records that `may` allows.
    init(dossier: HouseholdDossier, may: (WorkflowStep) -> Bool, mayReport: Bool) {
        plans = may(.measureAdd) ? dossier.plans.map(\.plan).sorted { $0.id > $1.id }.map {
            HouseholdForms.Option(value: "\($0.id)", label: "第 \($0.id) 号计划（\($0.madeOn) 制定）", selected: false)
        } : []
        measureTypes = MeasureType.allCases.map { HouseholdForms.Option(value: $0.rawValue, label: $0.chineseName, selected: false) }
        measures = may(.measureDone) ? dossier.plans.flatMap(\.measures).filter { $0.doneOn == nil }.map {
            Item(id: $0.id, label: "\($0.type.chineseName)：\($0.description)（\($0.responsibleUnit) \($0.responsiblePerson)，\($0.dueOn) 前）",
                 version: RecordVersion.of($0))
        } : []
        openProblem = may(.problemOpen)
        problems = may(.problemClose) ? dossier.problems.filter { $0.closedOn == nil }.map {
            Item(id: $0.id, label: "\($0.description)（\($0.responsibleUnit) \($0.responsiblePerson)，\($0.deadline) 前）",
                 version: RecordVersion.of($0))
        } : []
        warnings = may(.warningClose) ? dossier.warnings.filter { $0.closedOn == nil }.map {
            Item(id: $0.id, label: "\($0.receivedOn) \($0.department.chineseName)：\($0.reason)（\($0.residentID.masked)）",
                 version: RecordVersion.of($0))
        } : []
        warningMayReport = mayReport
        any = !plans.isEmpty || !measures.isEmpty || openProblem || !problems.isEmpty || !warnings.isEmpty
    }
}
