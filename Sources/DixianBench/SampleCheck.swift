import LuaHost

/// The benchmark's check, once in Lua (as a county plugin would write it) and once compiled
/// in Swift, with the same logic: per-capita income against a line, a fall in income, the
/// guarantees, and members who are ill, disabled, out of school or uninsured.
enum SampleCheck {
    static var lua: String { String(decoding: PackageResources.sample_check_lua, as: UTF8.self) }

    /// A finding as the Swift version reports it.
    struct Finding {
        var check: String
        var severity: String
        var message: String
    }

    /// The same check compiled in Swift.
    static func swift(_ h: SampleHousehold) -> [Finding] {
        let line = 7800.0
        var findings: [Finding] = []
        let net = h.wage + h.operating + h.property + h.transfer - h.productionCosts
        let perCapita = net / Double(h.size)
        if perCapita < line {
            findings.append(Finding(check: "income-below-line", severity: "high",
                                    message: "人均纯收入 \(Int(perCapita.rounded())) 元低于监测线 \(Int(line)) 元"))
        }
        if net < h.previousNetIncome * 0.8 {
            findings.append(Finding(check: "income-fell", severity: "medium", message: "收入较上年明显下降"))
        }
        if !(h.compulsoryEducation && h.basicMedical && h.safeHousing && h.safeWater) {
            findings.append(Finding(check: "guarantee-gap", severity: "high", message: "两不愁三保障及饮水安全存在短板"))
        }
        var ill = 0, disabled = 0, dropout = 0, uninsured = 0
        for m in h.members {
            if m.seriousIllness { ill += 1 }
            if let grade = m.disabilityGrade, grade <= 2 { disabled += 1 }
            if m.schoolStage == "compulsory" && m.droppedOut { dropout += 1 }
            if !m.medicalInsurance { uninsured += 1 }
        }
        if ill + disabled > 0 && h.medicalSpending > net * 0.5 {
            findings.append(Finding(check: "medical-burden", severity: "high", message: "大病或重残且医疗支出负担重"))
        }
        if dropout > 0 {
            findings.append(Finding(check: "dropout", severity: "high", message: "义务教育阶段辍学"))
        }
        if uninsured > 0 {
            findings.append(Finding(check: "uninsured", severity: "medium", message: "\(uninsured) 人未参加医保"))
        }
        return findings
    }

    /// Reads the Lua check's findings off the stack into the same Swift type.
    static func findings(_ stack: LuaStack, first: Int32, count: Int32) -> [Finding] {
        guard count == 1, let table = stack.value(at: first).tableValue else { return [] }
        return table.array.map {
            Finding(check: $0["check"].stringValue ?? "", severity: $0["severity"].stringValue ?? "",
                    message: $0["message"].stringValue ?? "")
        }
    }
}
