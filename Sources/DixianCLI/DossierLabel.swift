import DixianCore

/// The labels of a household's dossier as `dixian household show` prints it.
enum DossierLabel: MessageCatalogue, Hashable {
    case late(days: Int, due: LocalDate)
    case householdNumber
    case head
    case township
    case village
    case helper
    case members
    case disabilityGrade(Int)
    case uninsured
    case incomes
    case perCapita
    case net
    case latestSurvey
    case allMet
    case someUnmet
    case episode
    case accepted
    case rejected
    case doneLate
    case deadlinesFailed
    case plan
    case made
    case adjusted
    case measureDone
    case measureOpen
    case visits
    case problems
    case problemDue
    case problemClosed
    case problemOpen
    case departmentWarnings
    case warningResult
    case awaitingVerification
    case auditedChanges(Int)
    /// `text` in brackets after what it qualifies: full-width in Chinese, ` (…)` in English.
    case bracketed(String)
    /// What goes between the items of a list of facts.
    case listSeparator
    /// What goes between a heading and what it introduces on the same line.
    case colon

    static var samples: [DossierLabel] {
        [
            .late(days: 3, due: LocalDate(year: 2024, month: 6, day: 30)!), .householdNumber, .head, .township, .village, .helper, .members,
            .disabilityGrade(3), .uninsured, .incomes, .perCapita, .net, .latestSurvey,
            .allMet, .someUnmet, .episode, .accepted, .rejected, .doneLate,
            .deadlinesFailed, .plan, .made, .adjusted, .measureDone, .measureOpen,
            .visits, .problems, .problemDue, .problemClosed, .problemOpen, .departmentWarnings,
            .warningResult, .awaitingVerification, .auditedChanges(12), .bracketed("4"), .listSeparator, .colon,
        ]
    }

    var texts: (chinese: String, english: String) {
        switch self {
        case .late(let days, let due): ("逾期\(days)天（应于\(due)前）：", "\(days) days late (due \(due)): ")
        case .householdNumber: ("户编号", "Household")
        case .head: ("户主", "head")
        case .township: ("乡镇", "Township")
        case .village: ("村", "village")
        case .helper: ("帮扶责任人", "helper")
        case .members: ("家庭成员", "Members")
        case .disabilityGrade(let grade): ("残疾\(grade)级", "disability grade \(grade)")
        case .uninsured: ("未参保", "uninsured")
        case .incomes: ("年度收入", "Incomes")
        case .perCapita: ("人均", "per capita ")
        case .net: ("纯收入", "net ")
        case .latestSurvey: ("最近一次两不愁三保障核查", "Latest guarantee survey")
        case .allMet: ("均已保障", "all met")
        case .someUnmet: ("有未保障项", "some unmet")
        case .episode: ("监测记录", "Episode")
        case .accepted: ("（符合）", " (accepted)")
        case .rejected: ("（不符合）", " (rejected)")
        case .doneLate: ("逾期完成", "Done late")
        case .deadlinesFailed: ("时限规则出错，逾期完成情况可能不全：", "Deadlines failed; what was done late may be incomplete:")
        case .plan: ("帮扶计划", "Plan")
        case .made: ("制定于", "made ")
        case .adjusted: ("，调整于", ", adjusted ")
        case .measureDone: ("已完成", "done ")
        case .measureOpen: ("未完成", "open")
        case .visits: ("走访记录", "Visits")
        case .problems: ("问题台账", "Problems")
        case .problemDue: ("时限", "due ")
        case .problemClosed: ("已办结", "closed ")
        case .problemOpen: ("未办结", "open")
        case .departmentWarnings: ("部门预警", "Department warnings")
        case .warningResult: ("核实结果：", "result: ")
        case .awaitingVerification: ("待核实", "awaiting verification")
        case .auditedChanges(let count): ("审计记录 \(count) 条", "\(count) audited changes")
        case .bracketed(let text): ("（\(text)）", " (\(text))")
        case .listSeparator: ("，", ", ")
        case .colon: ("：", ": ")
        }
    }
}
