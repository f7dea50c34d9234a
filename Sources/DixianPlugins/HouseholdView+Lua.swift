import DixianCore
import LuaHost

/// A household view as checks see it: a Lua table of the household's fields, its members,
/// incomes by year, latest guarantee survey, monitoring episodes, plans and visits (the
/// shape is documented in docs/plugin-api.md, "The household view"). Ages are counted on the
/// assessment date; amounts are in yuan. ID numbers are not in the view.
///
/// The household table and each member table carry `readOnly`, a metatable that refuses new
/// fields: a check cannot leave a field behind for the next check or household to find.
///
/// Empty lists are all one shared read-only table, `emptyList`.
struct LuaHouseholdView: LuaPushable {
    let view: HouseholdView
    let asOf: LocalDate
    let readOnly: LuaTableReference
    let emptyList: LuaTableReference

    func push(onto stack: LuaStack) {
        stack.pushTable(fieldCount: 24)
        readOnly.setAsMetatable(ofTableAt: -1, in: stack)
        fill(stack, reusing: false)
    }

    /// Fills the household table on top of the stack with this view, for every field. With
    /// `reusing`, the tables it already holds (members, incomes, survey) are refilled in place,
    /// for screening, which fills the same tables batch after batch.
    func fill(_ stack: LuaStack, reusing: Bool) {
        let household = view.household
        stack.setField("number", household.number)
        stack.setField("village", household.area.villageCode)
        stack.setField("township", CodePrefix(code: household.area.villageCode, length: 9))
        stack.setField("county", CodePrefix(code: household.area.villageCode, length: 6))
        stack.setField("group", household.area.group)
        stack.setField("head_name", household.headName)
        stack.setField("category", household.category.rawValue)
        stack.setField("monitored_kind", household.monitoredKind?.rawValue)
        stack.setField("relocated", household.flags.contains(.relocated))
        stack.setField("minimum_living_allowance", household.flags.contains(.minimumLivingAllowance))
        stack.setField("extreme_poverty_support", household.flags.contains(.extremePovertySupport))
        stack.setField("no_member_able_to_work", household.flags.contains(.noMemberAbleToWork))
        stack.setField("left_behind", household.flags.contains(.leftBehind))
        stack.setField("helper", household.helper)
        stack.setField("size", view.size)
        if reusing {
            stack.pushReusedTable(field: "members", ofTableAt: -1, arrayCount: view.members.count)
            for (index, member) in view.members.enumerated() {
                if stack.pushReusedTable(at: index + 1, ofTableAt: -1, fieldCount: 14) {
                    readOnly.setAsMetatable(ofTableAt: -1, in: stack)
                }
                LuaMember(member: member, asOf: asOf).fill(stack)
                stack.pop()
            }
            stack.truncateSequence(at: -1, to: view.members.count)
            stack.pop()

            stack.pushReusedTable(field: "incomes", ofTableAt: -1, arrayCount: 0)
            for income in view.incomes {
                if stack.pushReusedTable(at: income.year, ofTableAt: -1, fieldCount: 11) {
                    readOnly.setAsMetatable(ofTableAt: -1, in: stack)
                }
                Income(income: income, size: view.size).fill(stack)
                stack.pop()
            }
            stack.removeIntegerKeys(ofTableAt: -1, except: view.incomes.map(\.year))
            stack.pop()

            if let survey = view.latestSurvey {
                if stack.pushReusedTable(field: "survey", ofTableAt: -1, arrayCount: 0) {
                    readOnly.setAsMetatable(ofTableAt: -1, in: stack)
                }
                Survey(survey).fill(stack)
                stack.pop()
            } else {
                stack.setField("survey", LuaValue.nil)
            }
        } else {
            stack.setField("members", Members(members: view.members, asOf: asOf, readOnly: readOnly))
            stack.setField("incomes", Incomes(incomes: view.incomes, size: view.size))
            stack.setField("survey", view.latestSurvey.map(Survey.init))
        }
        list("monthly_incomes", view.monthlyIncomes, fields: 3, stack) { income, stack in
            stack.setField("year", income.year)
            stack.setField("month", income.month)
            stack.setField("net", income.netIncome.yuan)
        }
        list("episodes", view.episodes, fields: 8, stack) { episode, stack in
            stack.setField("id", episode.id)
            stack.setField("channel", episode.channel.rawValue)
            stack.setField("reported_on", episode.reportedOn)
            stack.setField("status", episode.status.rawValue)
            stack.setField("risk_types", episode.riskTypes.map(\.rawValue).sorted())
            stack.setField("identified_on", episode.identifiedOn)
            stack.setField("eliminated_on", episode.eliminatedOn)
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

    private struct Members: LuaPushable {
        let members: [Member]
        let asOf: LocalDate
        let readOnly: LuaTableReference

        func push(onto stack: LuaStack) {
            stack.pushTable(arrayCount: members.count)
            for (index, member) in members.enumerated() {
                stack.pushTable(fieldCount: 14)
                readOnly.setAsMetatable(ofTableAt: -1, in: stack)
                LuaMember(member: member, asOf: asOf).fill(stack)
                stack.popIntoIndex(index + 1)
            }
        }
    }

    private struct LuaMember {
        let member: Member
        let asOf: LocalDate

        func fill(_ stack: LuaStack) {
            stack.setField("name", member.name)
            stack.setField("relation", member.relation)
            stack.setField("is_head", member.isHead)
            stack.setField("age", member.age(on: asOf))
            stack.setField("sex", member.residentID.sex.rawValue)
            stack.setField("labor_capacity", member.laborCapacity.rawValue)
            stack.setField("health", member.health.rawValue)
            stack.setField("disability_grade", member.disabilityGrade)
            stack.setField("school_stage", member.schoolStage?.rawValue)
            stack.setField("school_status", member.schoolStatus?.rawValue)
            stack.setField("medical_insurance", member.medicalInsurance)
            stack.setField("migrant_work_months", member.migrantWorkMonths)
            stack.setField("local_work", member.localWork)
            stack.setField("public_welfare_post", member.publicWelfarePost)
        }
    }

    /// Incomes keyed by year.
    private struct Incomes: LuaPushable {
        let incomes: [IncomeRecord]
        let size: Int

        func push(onto stack: LuaStack) {
            stack.pushTable(fieldCount: incomes.count)
            for income in incomes {
                stack.setIndex(income.year, Income(income: income, size: size))
            }
        }
    }

    private struct Income: LuaPushable {
        let income: IncomeRecord
        let size: Int

        func push(onto stack: LuaStack) {
            stack.pushTable(fieldCount: 11)
            fill(stack)
        }

        func fill(_ stack: LuaStack) {
            stack.setField("year", income.year)
            stack.setField("wage", income.wage.yuan)
            stack.setField("operating", income.operating.yuan)
            stack.setField("property", income.property.yuan)
            stack.setField("transfer", income.transfer.yuan)
            stack.setField("production_costs", income.productionCosts.yuan)
            stack.setField("medical_spending", income.medicalSpending.yuan)
            stack.setField("education_spending", income.educationSpending.yuan)
            stack.setField("net", income.netIncome.yuan)
            stack.setField("per_capita", size > 0 ? income.perCapitaNetIncome(size: size).yuan : nil)
        }
    }

    private struct Survey: LuaPushable {
        let survey: GuaranteeSurvey

        init(_ survey: GuaranteeSurvey) { self.survey = survey }

        func push(onto stack: LuaStack) {
            stack.pushTable(fieldCount: 9)
            fill(stack)
        }

        func fill(_ stack: LuaStack) {
            stack.setField("surveyed_on", survey.surveyedOn)
            stack.setField("food_and_clothing", survey.foodAndClothing)
            stack.setField("compulsory_education", survey.compulsoryEducation)
            stack.setField("basic_medical", survey.basicMedical)
            stack.setField("safe_housing", survey.safeHousing)
            stack.setField("housing_assessed", survey.housingAssessed)
            stack.setField("water_quantity", survey.waterQuantity)
            stack.setField("water_quality", survey.waterQuality)
            stack.setField("notes", survey.notes)
        }
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
