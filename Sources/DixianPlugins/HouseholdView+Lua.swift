import DixianCore
import LuaHost

/// A household view as checks see it: a Lua table of the household's fields, its members,
/// incomes by year, latest guarantee survey, monitoring episodes with their steps, plans and visits (the
/// shape is documented in docs/plugin-api.md, "The household view"). Ages are counted on the
/// assessment date; amounts are in yuan. ID numbers are not in the view.
///
/// The household, member, income and survey tables carry read-only metatables (`tables`) that
/// refuse new fields: a check cannot leave a field behind for the next check or household to
/// find. Empty lists are all one shared read-only table.
///
/// Screening fills only the `fields` the plugin's scripts name (`ViewFields`); the metatables
/// of a view filled without some fields raise when one of them is read.
///
/// The field names are pushed once (`ViewKeys`) and every field is set with them: a view is
/// about a hundred table writes, and looking each name up again was a fifth of their cost.
struct LuaHouseholdView: LuaPushable {
    let view: HouseholdView
    let asOf: LocalDate
    /// The fields set; the others are left out of every table (see `ViewFields`).
    let fields: ViewFields
    /// The metatables of the view's tables and the shared empty list.
    let tables: ViewTables

    func push(onto stack: LuaStack) {
        let keys = ViewKeys(stack)
        stack.pushTable(fieldCount: 24)
        tables.household.setAsMetatable(ofTableAt: -1, in: stack)
        fill(stack, keys: keys, reusing: false)
        stack.keepTop(at: keys.base)
    }

    /// Fills the household table on top of the stack with this view's `fields`. With
    /// `reusing`, the tables it already holds (members, incomes, survey) are refilled in place,
    /// for screening, which fills the same tables batch after batch.
    func fill(_ stack: LuaStack, keys: ViewKeys, reusing: Bool) {
        let household = view.household
        put(.number, stack, keys, household.number)
        put(.village, stack, keys, household.area.villageCode)
        put(.township, stack, keys, CodePrefix(code: household.area.villageCode, length: 9))
        put(.county, stack, keys, CodePrefix(code: household.area.villageCode, length: 6))
        put(.group, stack, keys, household.area.group)
        put(.headName, stack, keys, household.headName)
        put(.category, stack, keys, household.category.rawValue)
        put(.monitoredKind, stack, keys, household.monitoredKind?.rawValue)
        put(.relocated, stack, keys, household.flags.contains(.relocated))
        put(.minimumLivingAllowance, stack, keys, household.flags.contains(.minimumLivingAllowance))
        put(.extremePovertySupport, stack, keys, household.flags.contains(.extremePovertySupport))
        put(.noMemberAbleToWork, stack, keys, household.flags.contains(.noMemberAbleToWork))
        put(.leftBehind, stack, keys, household.flags.contains(.leftBehind))
        put(.helper, stack, keys, household.helper)
        put(.size, stack, keys, view.size)
        if reusing {
            if fields.contains(.members) {
                stack.pushReusedTable(fieldAt: keys[.members], ofTableAt: -1, arrayCount: view.members.count)
                for (index, member) in view.members.enumerated() {
                    if stack.pushReusedTable(at: index + 1, ofTableAt: -1, fieldCount: 14) {
                        tables.member.setAsMetatable(ofTableAt: -1, in: stack)
                    }
                    fill(member, stack, keys)
                    stack.pop()
                }
                stack.truncateSequence(at: -1, to: view.members.count)
                stack.pop()
            }
            if fields.contains(.incomes) {
                stack.pushReusedTable(fieldAt: keys[.incomes], ofTableAt: -1, arrayCount: 0)
                for income in view.incomes {
                    if stack.pushReusedTable(at: income.year, ofTableAt: -1, fieldCount: 11) {
                        tables.income.setAsMetatable(ofTableAt: -1, in: stack)
                    }
                    fill(income, stack, keys)
                    stack.pop()
                }
                stack.removeIntegerKeys(ofTableAt: -1) { year in view.incomes.contains { $0.year == year } }
                stack.pop()
            }
            if let survey = view.latestSurvey, fields.contains(.survey) {
                if stack.pushReusedTable(fieldAt: keys[.survey], ofTableAt: -1, arrayCount: 0) {
                    tables.survey.setAsMetatable(ofTableAt: -1, in: stack)
                }
                fill(survey, stack, keys)
                stack.pop()
            } else {
                put(.survey, stack, keys, LuaValue.nil)
            }
        } else {
            put(.members, stack, keys, Pushed { stack in
                stack.pushTable(arrayCount: view.members.count)
                for (index, member) in view.members.enumerated() {
                    stack.pushTable(fieldCount: 14)
                    tables.member.setAsMetatable(ofTableAt: -1, in: stack)
                    fill(member, stack, keys)
                    stack.popIntoIndex(index + 1)
                }
            })
            put(.incomes, stack, keys, Pushed { stack in
                stack.pushTable(fieldCount: view.incomes.count)
                for income in view.incomes {
                    stack.pushTable(fieldCount: 11)
                    tables.income.setAsMetatable(ofTableAt: -1, in: stack)
                    fill(income, stack, keys)
                    stack.popIntoIndex(income.year)
                }
            })
            if let survey = view.latestSurvey {
                put(.survey, stack, keys, Pushed { stack in
                    stack.pushTable(fieldCount: 9)
                    tables.survey.setAsMetatable(ofTableAt: -1, in: stack)
                    fill(survey, stack, keys)
                })
            }
        }
        list(.monthlyIncomes, view.monthlyIncomes, fields: 3, stack, keys) { income, stack in
            stack.setField("year", income.year)
            stack.setField("month", income.month)
            stack.setField("net", income.netIncome.yuan)
        }
        list(.episodes, view.episodes, fields: 9, stack, keys) { episode, stack in
            stack.setField("id", episode.id)
            stack.setField("channel", episode.channel.rawValue)
            stack.setField("reported_on", episode.reportedOn)
            stack.setField("status", episode.status.rawValue)
            stack.setField("risk_types", episode.riskTypes.map(\.rawValue).sorted())
            stack.setField("identified_on", episode.identifiedOn)
            stack.setField("eliminated_on", episode.eliminatedOn)
            list(.steps, view.steps.filter { $0.episodeID == episode.id }, fields: 6, stack, keys) { step, stack in
                stack.setField("transition", step.transition.rawValue)
                stack.setField("taken_on", step.takenOn)
                stack.setField("actor", step.actor)
                stack.setField("stage", step.stage?.rawValue)
                stack.setField("accepted", step.accepted)
                stack.setField("risk_types", step.riskTypes.map(\.rawValue).sorted())
            }
        }
        list(.plans, view.plans, fields: 4, stack, keys) { plan, stack in
            stack.setField("id", plan.id)
            stack.setField("episode_id", plan.episodeID)
            stack.setField("made_on", plan.madeOn)
            stack.setField("adjusted_on", plan.adjustedOn)
        }
        list(.visits, view.visits, fields: 2, stack, keys) { visit, stack in
            stack.setField("visited_on", visit.visitedOn)
            stack.setField("role", visit.role.rawValue)
        }
    }

    /// Sets field `key` of the table on top of the stack to `value`, when `key` is among the
    /// fields set (`value` is not even computed otherwise).
    @inline(__always)
    private func put<Value: LuaPushable>(
        _ key: ViewKeys.Key, _ stack: LuaStack, _ keys: ViewKeys, _ value: @autoclosure () -> Value
    ) {
        if fields.contains(key) { stack.setField(keyAt: keys[key], value()) }
    }

    /// Sets field `key` (when among the fields set) to a list of tables of `fields` fields
    /// each, filled by `fill`, or to the shared empty list.
    private func list<Element>(
        _ key: ViewKeys.Key, _ elements: [Element], fields: Int, _ stack: LuaStack, _ keys: ViewKeys,
        fill: (Element, LuaStack) -> Void
    ) {
        guard self.fields.contains(key) else { return }
        guard !elements.isEmpty else {
            stack.setField(keyAt: keys[key], tables.emptyList)
            return
        }
        withoutActuallyEscaping(fill) { fill in
            stack.setField(keyAt: keys[key], Pushed { stack in
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
        put(.name, stack, keys, member.name)
        put(.relation, stack, keys, member.relation)
        put(.isHead, stack, keys, member.isHead)
        put(.age, stack, keys, member.age(on: asOf))
        put(.sex, stack, keys, member.residentID.sex.rawValue)
        put(.laborCapacity, stack, keys, member.laborCapacity.rawValue)
        put(.health, stack, keys, member.health.rawValue)
        put(.disabilityGrade, stack, keys, member.disabilityGrade)
        put(.schoolStage, stack, keys, member.schoolStage?.rawValue)
        put(.schoolStatus, stack, keys, member.schoolStatus?.rawValue)
        put(.medicalInsurance, stack, keys, member.medicalInsurance)
        put(.migrantWorkMonths, stack, keys, member.migrantWorkMonths)
        put(.localWork, stack, keys, member.localWork)
        put(.publicWelfarePost, stack, keys, member.publicWelfarePost)
    }

    private func fill(_ income: IncomeRecord, _ stack: LuaStack, _ keys: ViewKeys) {
        put(.year, stack, keys, income.year)
        put(.wage, stack, keys, income.wage.yuan)
        put(.operating, stack, keys, income.operating.yuan)
        put(.property, stack, keys, income.property.yuan)
        put(.transfer, stack, keys, income.transfer.yuan)
        put(.productionCosts, stack, keys, income.productionCosts.yuan)
        put(.medicalSpending, stack, keys, income.medicalSpending.yuan)
        put(.educationSpending, stack, keys, income.educationSpending.yuan)
        put(.net, stack, keys, income.netIncome.yuan)
        put(.perCapita, stack, keys, view.size > 0 ? income.perCapitaNetIncome(size: view.size).yuan : nil)
    }

    private func fill(_ survey: GuaranteeSurvey, _ stack: LuaStack, _ keys: ViewKeys) {
        put(.surveyedOn, stack, keys, survey.surveyedOn)
        put(.foodAndClothing, stack, keys, survey.foodAndClothing)
        put(.compulsoryEducation, stack, keys, survey.compulsoryEducation)
        put(.basicMedical, stack, keys, survey.basicMedical)
        put(.safeHousing, stack, keys, survey.safeHousing)
        put(.housingAssessed, stack, keys, survey.housingAssessed)
        put(.waterQuantity, stack, keys, survey.waterQuantity)
        put(.waterQuality, stack, keys, survey.waterQuality)
        put(.notes, stack, keys, survey.notes)
    }
}

/// The metatables of a view's household, member, income and survey tables (read-only; when
/// fields are left out, reading one raises), and the one empty list views share.
struct ViewTables {
    let household, member, income, survey: LuaTableReference
    let emptyList: LuaTableReference
}

/// The names of a household view's fields, pushed once on the stack and used by index.
struct ViewKeys {
    /// One field name.
    enum Key: Int32, CaseIterable, Comparable {
        case number, village, township, county, group, headName, category, monitoredKind, relocated
        case minimumLivingAllowance, extremePovertySupport, noMemberAbleToWork, leftBehind, helper, size
        case members, incomes, survey, monthlyIncomes, episodes, steps, plans, visits
        case name, relation, isHead, age, sex, laborCapacity, health, disabilityGrade, schoolStage, schoolStatus
        case medicalInsurance, migrantWorkMonths, localWork, publicWelfarePost
        case year, wage, operating, property, transfer, productionCosts, medicalSpending, educationSpending, net, perCapita
        case surveyedOn, foodAndClothing, compulsoryEducation, basicMedical, safeHousing, housingAssessed
        case waterQuantity, waterQuality, notes

        /// The table that holds the field.
        var record: Record {
            switch self {
            case .steps: .episode
            case ..<Key.name: .household
            case ..<Key.year: .member
            case ..<Key.surveyedOn: .income
            default: .survey
            }
        }

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
            case .monthlyIncomes: "monthly_incomes"
            case .episodes: "episodes"
            case .steps: "steps"
            case .plans: "plans"
            case .visits: "visits"
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

        static func < (left: Key, right: Key) -> Bool { left.rawValue < right.rawValue }
    }

    /// A kind of table in a view. Episodes (with their steps), plans, visits and monthly
    /// incomes are always filled whole: they are few, and their tables carry no metatable.
    enum Record: String, CaseIterable {
        case household, member, income, survey, episode
    }

    /// The names of the fields of `record` tables.
    static func names(of record: Record) -> [String] {
        Key.allCases.filter { $0.record == record }.map(\.name.description)
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
