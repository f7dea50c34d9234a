import DixianCore
import LuaHost

/// A household view as checks see it: a Lua table of the household's fields, its members,
/// incomes by year, latest guarantee survey, monitoring episodes, plans and visits (the
/// shape is documented in docs/plugin-api.md, "The household view"). Ages are counted on the
/// assessment date; amounts are in yuan. ID numbers are not in the view.
struct LuaHouseholdView: LuaPushable {
    let view: HouseholdView
    let asOf: LocalDate

    func push(onto stack: LuaStack) {
        let household = view.household
        stack.pushTable(fieldCount: 24)
        stack.setField("number", household.number)
        stack.setField("village", household.area.villageCode)
        stack.setField("township", household.area.townshipCode)
        stack.setField("county", household.area.countyCode)
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
        stack.setField("members", Members(members: view.members, asOf: asOf))
        stack.setField("incomes", Incomes(incomes: view.incomes, size: view.size))
        stack.setField("monthly_incomes", MonthlyIncomes(incomes: view.monthlyIncomes))
        stack.setField("survey", view.latestSurvey.map(Survey.init))
        stack.setField("episodes", Episodes(episodes: view.episodes))
        stack.setField("plans", Plans(plans: view.plans))
        stack.setField("visits", Visits(visits: view.visits))
    }

    private struct Members: LuaPushable {
        let members: [Member]
        let asOf: LocalDate

        func push(onto stack: LuaStack) {
            stack.pushTable(arrayCount: members.count)
            for (index, member) in members.enumerated() {
                stack.setIndex(index + 1, LuaMember(member: member, asOf: asOf))
            }
        }
    }

    private struct LuaMember: LuaPushable {
        let member: Member
        let asOf: LocalDate

        func push(onto stack: LuaStack) {
            stack.pushTable(fieldCount: 14)
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

    private struct MonthlyIncomes: LuaPushable {
        let incomes: [MonthlyIncome]

        func push(onto stack: LuaStack) {
            stack.pushTable(arrayCount: incomes.count)
            for (index, income) in incomes.enumerated() {
                stack.pushTable(fieldCount: 3)
                stack.setField("year", income.year)
                stack.setField("month", income.month)
                stack.setField("net", income.netIncome.yuan)
                stack.popIntoIndex(index + 1)
            }
        }
    }

    private struct Survey: LuaPushable {
        let survey: GuaranteeSurvey

        init(_ survey: GuaranteeSurvey) { self.survey = survey }

        func push(onto stack: LuaStack) {
            stack.pushTable(fieldCount: 9)
            stack.setField("surveyed_on", survey.surveyedOn.description)
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

    private struct Episodes: LuaPushable {
        let episodes: [MonitoringEpisode]

        func push(onto stack: LuaStack) {
            stack.pushTable(arrayCount: episodes.count)
            for (index, episode) in episodes.enumerated() {
                stack.pushTable(fieldCount: 8)
                stack.setField("id", episode.id)
                stack.setField("channel", episode.channel.rawValue)
                stack.setField("reported_on", episode.reportedOn.description)
                stack.setField("status", episode.status.rawValue)
                stack.setField("risk_types", episode.riskTypes.map(\.rawValue).sorted())
                stack.setField("identified_on", episode.identifiedOn?.description)
                stack.setField("eliminated_on", episode.eliminatedOn?.description)
                stack.popIntoIndex(index + 1)
            }
        }
    }

    private struct Plans: LuaPushable {
        let plans: [AssistancePlan]

        func push(onto stack: LuaStack) {
            stack.pushTable(arrayCount: plans.count)
            for (index, plan) in plans.enumerated() {
                stack.pushTable(fieldCount: 4)
                stack.setField("id", plan.id)
                stack.setField("episode_id", plan.episodeID)
                stack.setField("made_on", plan.madeOn.description)
                stack.setField("adjusted_on", plan.adjustedOn?.description)
                stack.popIntoIndex(index + 1)
            }
        }
    }

    private struct Visits: LuaPushable {
        let visits: [HouseholdView.VisitEntry]

        func push(onto stack: LuaStack) {
            stack.pushTable(arrayCount: visits.count)
            for (index, visit) in visits.enumerated() {
                stack.pushTable(fieldCount: 2)
                stack.setField("visited_on", visit.visitedOn.description)
                stack.setField("role", visit.role.rawValue)
                stack.popIntoIndex(index + 1)
            }
        }
    }
}

extension Money {
    /// The amount in yuan, as checks compare it with lines and thresholds.
    var yuan: Double { Double(fen) / 100 }
}
