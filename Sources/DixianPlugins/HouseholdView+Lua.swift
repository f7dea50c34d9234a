import DixianCore
import LuaHost

/// A household view as checks see it: a Lua table of the household's fields, its members,
/// incomes by year, latest guarantee survey, monitoring episodes with their steps, plans and visits (the
/// shape is documented in docs/plugin-api.md, "The household view"). Ages are counted on the
/// assessment date; amounts are in yuan. ID numbers are not in the view.
///
/// The household table and each member table carry `readOnly`, a metatable that refuses new
/// fields: a check cannot leave a field behind for the next check or household to find.
///
/// Empty lists are all one shared read-only table, `emptyList`.
///
/// The field names are pushed once (`ViewKeys`) and every field is set with them: a view is
/// about a hundred table writes, and looking each name up again was a fifth of their cost.
struct LuaHouseholdView: LuaPushable {
    let view: HouseholdView
    let asOf: LocalDate
    let readOnly: LuaTableReference
    let emptyList: LuaTableReference

    func push(onto stack: LuaStack) {
        let keys = ViewKeys(stack)
        stack.pushTable(fieldCount: 24)
        readOnly.setAsMetatable(ofTableAt: -1, in: stack)
        fill(stack, keys: keys, reusing: false)
        stack.keepTop(at: keys.base)
    }

    /// Fills the household table on top of the stack with this view, for every field. With
    /// `reusing`, the tables it already holds (members, incomes, survey) are refilled in place,
    /// for screening, which fills the same tables batch after batch.
    func fill(_ stack: LuaStack, keys: ViewKeys, reusing: Bool) {
        let household = view.household
        stack.setField(keyAt: keys[.number], household.number)
        stack.setField(keyAt: keys[.village], household.area.villageCode)
        stack.setField(keyAt: keys[.township], CodePrefix(code: household.area.villageCode, length: 9))
        stack.setField(keyAt: keys[.county], CodePrefix(code: household.area.villageCode, length: 6))
        stack.setField(keyAt: keys[.group], household.area.group)
        stack.setField(keyAt: keys[.headName], household.headName)
        stack.setField(keyAt: keys[.category], household.category.rawValue)
        stack.setField(keyAt: keys[.monitoredKind], household.monitoredKind?.rawValue)
        stack.setField(keyAt: keys[.relocated], household.flags.contains(.relocated))
        stack.setField(keyAt: keys[.minimumLivingAllowance], household.flags.contains(.minimumLivingAllowance))
        stack.setField(keyAt: keys[.extremePovertySupport], household.flags.contains(.extremePovertySupport))
        stack.setField(keyAt: keys[.noMemberAbleToWork], household.flags.contains(.noMemberAbleToWork))
        stack.setField(keyAt: keys[.leftBehind], household.flags.contains(.leftBehind))
        stack.setField(keyAt: keys[.helper], household.helper)
        stack.setField(keyAt: keys[.size], view.size)
        if reusing {
            stack.pushReusedTable(field: "members", ofTableAt: -1, arrayCount: view.members.count)
            for (index, member) in view.members.enumerated() {
                if stack.pushReusedTable(at: index + 1, ofTableAt: -1, fieldCount: 14) {
                    readOnly.setAsMetatable(ofTableAt: -1, in: stack)
                }
                fill(member, stack, keys)
                stack.pop()
            }
            stack.truncateSequence(at: -1, to: view.members.count)
            stack.pop()

            stack.pushReusedTable(field: "incomes", ofTableAt: -1, arrayCount: 0)
            for income in view.incomes {
                if stack.pushReusedTable(at: income.year, ofTableAt: -1, fieldCount: 11) {
                    readOnly.setAsMetatable(ofTableAt: -1, in: stack)
                }
                fill(income, stack, keys)
                stack.pop()
            }
            stack.removeIntegerKeys(ofTableAt: -1, except: view.incomes.map(\.year))
            stack.pop()

            if let survey = view.latestSurvey {
                if stack.pushReusedTable(field: "survey", ofTableAt: -1, arrayCount: 0) {
                    readOnly.setAsMetatable(ofTableAt: -1, in: stack)
                }
                fill(survey, stack, keys)
                stack.pop()
            } else {
                stack.setField(keyAt: keys[.survey], LuaValue.nil)
            }
        } else {
            stack.setField(keyAt: keys[.members], Pushed { stack in
                stack.pushTable(arrayCount: view.members.count)
                for (index, member) in view.members.enumerated() {
                    stack.pushTable(fieldCount: 14)
                    readOnly.setAsMetatable(ofTableAt: -1, in: stack)
                    fill(member, stack, keys)
                    stack.popIntoIndex(index + 1)
                }
            })
            stack.setField(keyAt: keys[.incomes], Pushed { stack in
                stack.pushTable(fieldCount: view.incomes.count)
                for income in view.incomes {
                    stack.pushTable(fieldCount: 11)
                    fill(income, stack, keys)
                    stack.popIntoIndex(income.year)
                }
            })
            if let survey = view.latestSurvey {
                stack.setField(keyAt: keys[.survey], Pushed { stack in
                    stack.pushTable(fieldCount: 9)
                    fill(survey, stack, keys)
                })
            }
        }
        list("monthly_incomes", view.monthlyIncomes, fields: 3, stack) { income, stack in
            stack.setField("year", income.year)
            stack.setField("month", income.month)
            stack.setField("net", income.netIncome.yuan)
        }
        list("episodes", view.episodes, fields: 9, stack) { episode, stack in
            stack.setField("id", episode.id)
            stack.setField("channel", episode.channel.rawValue)
            stack.setField("reported_on", episode.reportedOn)
            stack.setField("status", episode.status.rawValue)
            stack.setField("risk_types", episode.riskTypes.map(\.rawValue).sorted())
            stack.setField("identified_on", episode.identifiedOn)
            stack.setField("eliminated_on", episode.eliminatedOn)
            list("steps", view.steps.filter { $0.episodeID == episode.id }, fields: 6, stack) { step, stack in
                stack.setField("transition", step.transition.rawValue)
                stack.setField("taken_on", step.takenOn)
                stack.setField("actor", step.actor)
                stack.setField("stage", step.stage?.rawValue)
                stack.setField("accepted", step.accepted)
                stack.setField("risk_types", step.riskTypes.map(\.rawValue).sorted())
            }
        }
        list("plans", view.plans, fields: 4, stack) { plan, stack in
            stack.setField("id", plan.id)
            stack.setField("episode_id", plan.episodeID)
            stack.setField("made_on", plan.madeOn)
            stack.setField("adjusted_on", plan.adjustedOn)
        }
        list("visits", view.visits, fields: 2, stack) { visit, stack in
            stack.setField("visited_on", visit.visitedOn)
            stack.setField("role", visit.role.rawValue)
        }
    }

    /// Sets field `key` to a list of tables of `fields` fields each, filled by `fill`, or to the
    /// shared empty list.
    private func list<Element>(
        _ key: StaticString, _ elements: [Element], fields: Int, _ stack: LuaStack, fill: (Element, LuaStack) -> Void
    ) {
        guard !elements.isEmpty else {
            stack.setField(key, emptyList)
            return
        }
        withoutActuallyEscaping(fill) { fill in
            stack.setField(key, Pushed { stack in
                stack.pushTable(arrayCount: elements.count)
                for (index, element) in elements.enumerated() {
                    stack.pushTable(fieldCount: fields)
                    fill(element, stack)
                    stack.popIntoIndex(index + 1)
                }
            })
        }
    }

    private func fill(_ member: Member, _ stack: LuaStack, _ keys: ViewKeys) {
        stack.setField(keyAt: keys[.name], member.name)
        stack.setField(keyAt: keys[.relation], member.relation)
        stack.setField(keyAt: keys[.isHead], member.isHead)
        stack.setField(keyAt: keys[.age], member.age(on: asOf))
        stack.setField(keyAt: keys[.sex], member.residentID.sex.rawValue)
        stack.setField(keyAt: keys[.laborCapacity], member.laborCapacity.rawValue)
        stack.setField(keyAt: keys[.health], member.health.rawValue)
        stack.setField(keyAt: keys[.disabilityGrade], member.disabilityGrade)
        stack.setField(keyAt: keys[.schoolStage], member.schoolStage?.rawValue)
        stack.setField(keyAt: keys[.schoolStatus], member.schoolStatus?.rawValue)
        stack.setField(keyAt: keys[.medicalInsurance], member.medicalInsurance)
        stack.setField(keyAt: keys[.migrantWorkMonths], member.migrantWorkMonths)
        stack.setField(keyAt: keys[.localWork], member.localWork)
        stack.setField(keyAt: keys[.publicWelfarePost], member.publicWelfarePost)
    }

    private func fill(_ income: IncomeRecord, _ stack: LuaStack, _ keys: ViewKeys) {
        stack.setField(keyAt: keys[.year], income.year)
        stack.setField(keyAt: keys[.wage], income.wage.yuan)
        stack.setField(keyAt: keys[.operating], income.operating.yuan)
        stack.setField(keyAt: keys[.property], income.property.yuan)
        stack.setField(keyAt: keys[.transfer], income.transfer.yuan)
        stack.setField(keyAt: keys[.productionCosts], income.productionCosts.yuan)
        stack.setField(keyAt: keys[.medicalSpending], income.medicalSpending.yuan)
        stack.setField(keyAt: keys[.educationSpending], income.educationSpending.yuan)
        stack.setField(keyAt: keys[.net], income.netIncome.yuan)
        stack.setField(keyAt: keys[.perCapita], view.size > 0 ? income.perCapitaNetIncome(size: view.size).yuan : nil)
    }

    private func fill(_ survey: GuaranteeSurvey, _ stack: LuaStack, _ keys: ViewKeys) {
        stack.setField(keyAt: keys[.surveyedOn], survey.surveyedOn)
        stack.setField(keyAt: keys[.foodAndClothing], survey.foodAndClothing)
        stack.setField(keyAt: keys[.compulsoryEducation], survey.compulsoryEducation)
        stack.setField(keyAt: keys[.basicMedical], survey.basicMedical)
        stack.setField(keyAt: keys[.safeHousing], survey.safeHousing)
        stack.setField(keyAt: keys[.housingAssessed], survey.housingAssessed)
        stack.setField(keyAt: keys[.waterQuantity], survey.waterQuantity)
        stack.setField(keyAt: keys[.waterQuality], survey.waterQuality)
        stack.setField(keyAt: keys[.notes], survey.notes)
    }
}

/// The names of a household view's fields, pushed once on the stack and used by index.
struct ViewKeys {
    /// One field name.
    enum Key: Int32, CaseIterable {
        case number, village, township, county, group, headName, category, monitoredKind, relocated
        case minimumLivingAllowance, extremePovertySupport, noMemberAbleToWork, leftBehind, helper, size
        case members, incomes, survey
        case name, relation, isHead, age, sex, laborCapacity, health, disabilityGrade, schoolStage, schoolStatus
        case medicalInsurance, migrantWorkMonths, localWork, publicWelfarePost
        case year, wage, operating, property, transfer, productionCosts, medicalSpending, educationSpending, net, perCapita
        case surveyedOn, foodAndClothing, compulsoryEducation, basicMedical, safeHousing, housingAssessed
        case waterQuantity, waterQuality, notes

        /// The name checks read.
        var name: StaticString {
            switch self {
            case .number: "number"
            case .village: "village"
            case .township: "township"
            case .county: "county"
            case .group: "group"
            case .headName: "head_name"
            case .category: "category"
            case .monitoredKind: "monitored_kind"
            case .relocated: "relocated"
            case .minimumLivingAllowance: "minimum_living_allowance"
            case .extremePovertySupport: "extreme_poverty_support"
            case .noMemberAbleToWork: "no_member_able_to_work"
            case .leftBehind: "left_behind"
            case .helper: "helper"
            case .size: "size"
            case .members: "members"
            case .incomes: "incomes"
            case .survey: "survey"
            case .name: "name"
            case .relation: "relation"
            case .isHead: "is_head"
            case .age: "age"
            case .sex: "sex"
            case .laborCapacity: "labor_capacity"
            case .health: "health"
            case .disabilityGrade: "disability_grade"
            case .schoolStage: "school_stage"
            case .schoolStatus: "school_status"
            case .medicalInsurance: "medical_insurance"
            case .migrantWorkMonths: "migrant_work_months"
            case .localWork: "local_work"
            case .publicWelfarePost: "public_welfare_post"
            case .year: "year"
            case .wage: "wage"
            case .operating: "operating"
            case .property: "property"
            case .transfer: "transfer"
            case .productionCosts: "production_costs"
            case .medicalSpending: "medical_spending"
            case .educationSpending: "education_spending"
            case .net: "net"
            case .perCapita: "per_capita"
            case .surveyedOn: "surveyed_on"
            case .foodAndClothing: "food_and_clothing"
            case .compulsoryEducation: "compulsory_education"
            case .basicMedical: "basic_medical"
            case .safeHousing: "safe_housing"
            case .housingAssessed: "housing_assessed"
            case .waterQuantity: "water_quantity"
            case .waterQuality: "water_quality"
            case .notes: "notes"
            }
        }

        static let names = allCases.map(\.name)
    }

    /// The stack index of the first name.
    let base: Int32

    /// Pushes every name on `stack`; pop them with `pop(stack)` (or `keepTop`) when done.
    init(_ stack: LuaStack) {
        base = stack.pushKeys(Key.names)
    }

    /// The stack index of `key`'s name.
    subscript(key: Key) -> Int32 { base + key.rawValue }

    /// Pops the names (they must be on top).
    func pop(_ stack: LuaStack) {
        stack.pop(Int32(Key.allCases.count))
    }
}

/// The first digits of an area code, pushed without making a new string in Swift.
struct CodePrefix: LuaPushable {
    let code: String
    let length: Int

    func push(onto stack: LuaStack) { stack.push(prefix: length, of: code) }
}

extension LocalDate: LuaPushable {
    /// Pushes the date as `YYYY-MM-DD`, formatted in place.
    public func push(onto stack: LuaStack) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { buffer in
            func put(_ value: Int, at offset: Int, digits: Int) {
                var rest = value
                for position in stride(from: offset + digits - 1, through: offset, by: -1) {
                    buffer[position] = UInt8(0x30 + rest % 10)
                    rest /= 10
                }
            }
            put(year, at: 0, digits: 4)
            buffer[4] = 0x2D
            put(month, at: 5, digits: 2)
            buffer[7] = 0x2D
            put(day, at: 8, digits: 2)
            stack.push(utf8: UnsafeRawBufferPointer(buffer))
        }
    }
}

extension Money {
    /// The amount in yuan, as checks compare it with lines and thresholds.
    var yuan: Double { Double(fen) / 100 }
}
