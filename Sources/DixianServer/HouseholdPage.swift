import DixianCore
import DixianWorkflow
import Foundation

/// What `household.mustache` shows of a household: each section's rows as text, ID numbers
/// masked (in the audit history too, whose records hold them in full).
struct HouseholdPage {
    /// The most audit entries the page lists, newest first.
    static let trailLength = 100

    struct Member { let name: String, residentID: String, relation: String, facts: String }
    struct Income { let year: Int, net: String, perCapita: String, wage: String, operating: String, property: String, transfer: String, costs: String }
    struct Survey { let on: String, food: String, education: String, medical: String, housing: String, water: String, notes: String? }
    struct Step { let on: String, what: String, actor: String, notes: String? }
    struct Episode { let id: Int64, channel: String, reportedOn: String, status: String, risks: String?, steps: [Step] }
    struct Measure { let type: String, description: String, responsible: String, period: String, state: String }
    struct Plan { let id: Int64, madeOn: String, adjustedOn: String?, measures: [Measure] }
    struct Visit { let on: String, visitor: String, role: String, notes: String? }
    struct Problem { let description: String, foundBy: String, responsible: String, deadline: String, state: String }
    struct Warning { let receivedOn: String, department: String, residentID: String, reason: String, state: String }
    struct Asset { let project: String, kind: String, value: String, status: String, custodian: String }
    struct HospitalStay { let member: String, residentID: String, period: String, hospital: String, cost: String }
    struct Complaint { let receivedOn: String, channel: String, summary: String, state: String }
    struct Loan { let borrowedOn: String, dueOn: String, amount: String, purpose: String, state: String }
    struct Finding { let severity: String, message: String, risks: String? }
    struct Due { let title: String, dueOn: String, state: String, responsible: String, message: String? }
    struct Change { let at: String, actor: String, what: String, action: String, fields: [String], hasFields: Bool }

    let user: String, role: String, csrf: String?
    let number: String, head: String, place: String, category: String, helper: String, flags: String?
    let members: [Member], incomes: [Income], surveys: [Survey], episodes: [Episode], plans: [Plan], visits: [Visit]
    let problems: [Problem], warnings: [Warning], assets: [Asset], findings: [Finding], due: [Due], changes: [Change]
    let hospitalStays: [HospitalStay], complaints: [Complaint], loans: [Loan]
    let changeCount: Int, changesShown: Int, memberCount: Int, hasIncomes: Bool
    /// The forms for the work the user may do here (nil: none); a refusal of the last form
    /// posted, or a notice of what it did.
    let forms: HouseholdForms?, problem: String?, notice: String?
    /// Why names, health and disability are hidden, for a role that does not work on the
    /// household (nil: they are shown).
    let personalNote: String?

    init(user: ServerUser, csrf: String?, dossier: HouseholdDossier, findings: [DixianCore.Finding], due: [DeadlineItem],
         assets: [DixianCore.Asset], places: [String: String], forms: HouseholdForms?, problem: String?, notice: String?) {
        self.forms = forms
        self.problem = problem
        self.notice = notice
        let household = dossier.household
        let details = Self.showsPersonalDetails(to: user)
        personalNote = details ? nil : "按个人信息保护要求，\(user.role.chineseName)查看时成员姓名、健康状况和残疾情况已隐藏。"
        self.user = user.name
        role = user.role.chineseName
        self.csrf = csrf
        number = household.number
        head = details ? household.headName : Self.maskedName(household.headName)
        place = PageTemplates.place(household.area, places)
        category = PageTemplates.category(household)
        helper = household.helper ?? "—"
        flags = Self.flagNames.filter { household.flags.contains($0.0) }.map(\.1).joined(separator: "、").nonEmpty
        members = dossier.members.map { member in
            var facts = [member.laborCapacity.chineseName]
            if details {
                facts.append(member.health.chineseName)
                if let grade = member.disabilityGrade { facts.append("残疾\(grade)级") }
            } else {
                facts.append(Self.hiddenHealth)
            }
            if let stage = member.schoolStage { facts.append(stage.chineseName) }
            if !member.medicalInsurance { facts.append("未参加基本医保") }
            return Member(name: details ? member.name : Self.maskedName(member.name), residentID: member.residentID.masked,
                          relation: member.relation, facts: facts.joined(separator: "，"))
        }
        let size = Int64(max(dossier.members.count, 1))
        incomes = dossier.incomes.sorted { $0.year > $1.year }.map {
            Income(year: $0.year, net: "\($0.netIncome)", perCapita: "\(Money(fen: $0.netIncome.fen / size))", wage: "\($0.wage)",
                   operating: "\($0.operating)", property: "\($0.property)", transfer: "\($0.transfer)", costs: "\($0.productionCosts)")
        }
        func met(_ yes: Bool) -> String { yes ? "有保障" : "未保障" }
        surveys = dossier.surveys.sorted { $0.surveyedOn > $1.surveyedOn }.map {
            Survey(on: "\($0.surveyedOn)", food: met($0.foodAndClothing), education: met($0.compulsoryEducation), medical: met($0.basicMedical),
                   housing: met($0.safeHousing), water: met($0.waterQuantity && $0.waterQuality), notes: $0.notes.nonEmpty)
        }
        episodes = dossier.episodes.reversed().map { episode, steps in
            Episode(id: episode.id, channel: episode.channel.chineseName, reportedOn: "\(episode.reportedOn)",
                    status: episode.status.chineseName, risks: episode.riskTypes.map(\.chineseName).sorted().joined(separator: "、").nonEmpty,
                    steps: steps.map { step in
                        var what = step.transition.chineseName
                        if let stage = step.stage { what += "·" + stage.chineseName }
                        if let accepted = step.accepted { what += accepted ? "（通过）" : "（未通过）" }
                        return Step(on: "\(step.takenOn)", what: what, actor: step.actor, notes: step.notes.nonEmpty)
                    })
        }
        plans = dossier.plans.map { plan, measures in
            Plan(id: plan.id, madeOn: "\(plan.madeOn)", adjustedOn: plan.adjustedOn.map { "\($0)" }, measures: measures.map {
                Measure(type: $0.type.chineseName, description: $0.description, responsible: "\($0.responsibleUnit) \($0.responsiblePerson)",
                        period: "\($0.startsOn) 至 \($0.dueOn)", state: $0.doneOn.map { "\($0) 完成" } ?? "未完成")
            })
        }
        visits = dossier.visits.reversed().map { Visit(on: "\($0.visitedOn)", visitor: $0.visitor, role: $0.role.chineseName, notes: $0.notes.nonEmpty) }
        problems = dossier.problems.map {
            Problem(description: $0.description, foundBy: "\($0.foundBy)（\($0.foundOn)）",
                    responsible: "\($0.responsibleUnit) \($0.responsiblePerson)", deadline: "\($0.deadline)",
                    state: $0.closedOn.map { "\($0) 已整改" } ?? "未整改")
        }
        warnings = dossier.warnings.map {
            Warning(receivedOn: "\($0.receivedOn)", department: $0.department.chineseName, residentID: $0.residentID.masked, reason: $0.reason,
                    state: $0.result.map { "核实结果：\($0)" } ?? "待核实")
        }
        // A stay is health data, like the health it follows from: only its member, masked, shows without `details`.
        let names = Dictionary(dossier.members.map { ($0.residentID, $0.name) }, uniquingKeysWith: { first, _ in first })
        hospitalStays = dossier.hospitalStays.reversed().map { stay in
            let name = names[stay.residentID] ?? "—"
            guard details else {
                return HospitalStay(member: Self.maskedName(name), residentID: stay.residentID.masked, period: Self.hiddenStay,
                                    hospital: Self.hiddenStay, cost: Self.hiddenStay)
            }
            return HospitalStay(member: name, residentID: stay.residentID.masked,
                                period: "\(stay.admittedOn) 入院，" + (stay.dischargedOn.map { "\($0) 出院" } ?? "尚未出院"),
                                hospital: stay.hospital, cost: "总费用 \(stay.cost) 元，已报销 \(stay.reimbursed) 元，自付 \(stay.outOfPocket) 元")
        }
        // A complaint's text is free text anyone may have written, which may name an illness: hidden
        // without `details`, as the rules' messages are.
        complaints = dossier.complaints.reversed().map {
            Complaint(receivedOn: "\($0.receivedOn)", channel: $0.channel.chineseName, summary: details ? $0.summary : Self.hiddenMessage,
                      state: $0.closedOn.map { "\($0) 办结" } ?? "未办结")
        }
        loans = dossier.loans.reversed().map {
            Loan(borrowedOn: "\($0.borrowedOn)", dueOn: "\($0.dueOn)", amount: "\($0.amount)", purpose: $0.purpose.chineseName,
                 state: $0.repaidOn.map { "\($0) 还清" } ?? "未还清")
        }
        self.assets = assets.map {
            Asset(project: $0.project, kind: $0.assetClass.chineseName, value: "\($0.value)",
                  status: $0.status.chineseName + ($0.statusSince.map { "（自 \($0) 起）" } ?? ""), custodian: $0.custodian ?? "—")
        }
        // The rules' messages name members with their illnesses and stays (六必访, 六必查): hidden as health is.
        self.findings = findings.map {
            Finding(severity: $0.severity.chineseName, message: details ? $0.message : Self.hiddenMessage,
                    risks: $0.riskTypes.map(\.chineseName).joined(separator: "、").nonEmpty)
        }
        self.due = due.sorted { ($0.dueOn, $0.title) < ($1.dueOn, $1.title) }.map {
            Due(title: $0.title, dueOn: "\($0.dueOn)", state: $0.doneOn.map { "\($0) 完成（逾期）" } ?? "未完成",
                responsible: [$0.responsible, $0.person ?? ""].filter { !$0.isEmpty }.joined(separator: " "),
                message: details ? $0.message.nonEmpty : Self.hiddenMessage)
        }
        let trail = dossier.auditTrail
        changeCount = trail.count
        memberCount = members.count
        hasIncomes = !incomes.isEmpty
        changes = trail.suffix(Self.trailLength).reversed().map { Self.change($0, details: details) }
        changesShown = changes.count
    }

    /// An audit entry as the page shows it: Beijing time, who, which record, and the fields an
    /// update changed (before → after), every ID number in them masked; without `details`
    /// (`showsPersonalDetails(to:)`), names masked and health and disability hidden too.
    static func change(_ entry: AuditEntry, details: Bool = true) -> Change {
        let action = switch entry.action {
        case .insert: "新增"
        case .update: "修改"
        case .delete: "删除"
        }
        var fields: [String] = []
        if entry.action == .update, let before = fieldValues(entry.before), let after = fieldValues(entry.after) {
            // Each column under its interchange header (Chinese), amounts in yuan and flags as 是/否, as
            // the files write them.
            let layout = RegistryTable(rawValue: entry.table)?.valueType.layout
            for name in Set(before.keys).union(after.keys).sorted() where before[name] != after[name] {
                let field = layout?.fields.first { $0.storedName == name }
                func shown(_ value: String?) -> String {
                    guard let value else { return "" }
                    if !details, let field {
                        if Self.nameFields.contains(field.storedName) { return maskedName(value) }
                        if Self.healthFields.contains(field.storedName) || Self.healthTables.contains(entry.table) { return "已隐藏" }
                    }
                    if let field, field.storedName != field.name, let fen = Int64(value) { return "\(Money(fen: fen))" }
                    if field?.kind == .flag { return ["1", "true"].contains(value) ? "是" : "否" }
                    return masked(value)
                }
                fields.append("\(field?.header ?? name)：\(shown(before[name])) → \(shown(after[name]))")
            }
        }
        return Change(at: beijingTime(entry.at), actor: entry.actor, what: "\(tableNames[entry.table] ?? entry.table) \(masked(entry.key))",
                      action: action, fields: fields, hasFields: !fields.isEmpty)
    }

    /// Whether `user` sees the members' names, health and disability in full: the staff who
    /// work on households (village cadres, township staff, the county administrator), who only
    /// ever see those of their own areas. A role that reads without working (the auditor) sees
    /// names masked to the surname and neither health nor disability; ID numbers are masked
    /// for every role.
    static func showsPersonalDetails(to user: ServerUser) -> Bool {
        user.may(.work)
    }

    /// The registry's fields that hold a name of a household member, and those that hold
    /// health or disability (by stored name).
    static let nameFields: Set<String> = ["name", "head_name"], healthFields: Set<String> = ["health", "disability_grade"]

    /// The registry's tables whose every field is about health (a hospital stay's dates, hospital and cost).
    static let healthTables: Set<String> = ["hospital_stay"]

    /// What stands for a member's health and disability where they are hidden.
    static let hiddenHealth = "健康和残疾情况已隐藏"

    /// What stands for a hospital stay's dates, hospital and cost where personal details are hidden.
    static let hiddenStay = "已隐藏"

    /// What stands for a rule's message (which may name a member and an illness) where personal
    /// details are hidden.
    static let hiddenMessage = "说明含个人信息，已隐藏"

    /// A name masked to its first character (the surname), each other character a `*`:
    /// 张三丰 → 张**.
    static func maskedName(_ name: String) -> String {
        guard let first = name.first else { return name }
        return String(first) + String(repeating: "*", count: max(name.count - 1, 1))
    }

    /// The household's flags, as staff call them.
    static let flagNames: [(Household.Flags, String)] = [
        (.relocated, "易地扶贫搬迁"), (.minimumLivingAllowance, "低保"), (.extremePovertySupport, "特困供养"),
        (.noMemberAbleToWork, "整户无劳动能力"), (.leftBehind, "留守"),
    ]

    /// The registry's tables, as staff call them.
    static let tableNames = [
        "household": "户", "member": "家庭成员", "income": "年收入", "monthly_income": "月收入", "guarantee_survey": "两不愁三保障",
        "monitoring_episode": "监测记录", "monitoring_step": "监测步骤", "department_warning": "部门预警", "assistance_plan": "帮扶计划",
        "measure": "帮扶措施", "visit": "走访", "problem": "问题", "hospital_stay": "住院", "complaint": "投诉举报", "microcredit_loan": "小额信贷",
    ]

    /// A record's fields from its audited JSON, each value as text.
    private static func fieldValues(_ json: String?) -> [String: String]? {
        guard let data = json?.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object.mapValues { value in value is NSNull ? "" : "\(value)" }
    }

    /// What an ID number in full looks like, wherever it stands in a text.
    static var fullResidentID: Regex<Substring> { /[0-9]{17}[0-9Xx]/ }

    /// `text` with every 18-character ID number in it masked as `ResidentID.masked` masks one.
    static func masked(_ text: String) -> String {
        // Most values hold no run of 17 digits: the regular expression, slow in Swift, is spared them.
        var run = 0
        guard text.utf8.contains(where: { byte in
            run = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? run + 1 : 0
            return run == 17
        }) else { return text }
        return text.replacing(fullResidentID) { match in
            (try? ResidentID(String(match.output)))?.masked ?? String(match.output.prefix(6)) + "********" + String(match.output.suffix(4))
        }
    }

    /// A UTC time of the audit trail (`2024-10-08T09:30:00.000Z`) as Beijing time, to the minute
    /// (UTC+8: China has kept no summer time since 1991). Read by its fixed positions, not by a
    /// date formatter, which ICU builds anew at a cost the history's every line paid.
    static func beijingTime(_ utc: String) -> String {
        let digits = Array(utc.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= digits.count else { return nil }
            var value = 0
            for byte in digits[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard digits.count >= 17, digits[4] == UInt8(ascii: "-"), digits[10] == UInt8(ascii: "T"),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), hour < 24, minute < 60,
              var date = LocalDate(year: year, month: month, day: day)
        else { return utc }
        let beijingHour = hour + 8
        if beijingHour >= 24 { date = date.adding(days: 1) }
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date) \(twoDigits(beijingHour % 24)):\(twoDigits(minute))"
    }
}

extension String {
    /// The text, or nil when empty: a mustache section shows for any string, the empty one too.
    var nonEmpty: String? { isEmpty ? nil : self }
}
