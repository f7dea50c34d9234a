import DixianCore
import LuaHost

/// A household view as checks see it: a Lua table of the household's fields, its members,
/// incomes by year, latest guarantee survey, monitoring episodes with their steps, plans, visits,
/// hospital stays, complaints and microcredit loans, and its village's name and disaster (the
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
        stack.pushTable(fieldCount: 27)
        tables.household.setAsMetatable(ofTableAt: -1, in: stack)
        fill(stack, keys: keys, reusing: false)
        stack.keepTop(at: keys.base)
    }

    /// Fills the household table on top of the stack with this view's `fields`. With
    /// `reusing`, the tables it already holds (members, incomes, survey) are refilled in place,
    /// for screening, which fills the same tables batch after batch.
    func fill(_ stack: LuaStack, keys: ViewKeys, reusing: Bool) {
        let household = view.household
        for (key, field, kind) in ViewKeys.household.entries where fields.contains(key) {
            if key == .size {
                stack.setField(keyAt: keys[key], view.size)
            } else {
                stack.setField(keyAt: keys[key], LuaFieldValue(value: household.value(of: field), kind: kind))
            }
        }
        put(.township, stack, keys, CodePrefix(code: household.area.villageCode, length: 9))
        put(.county, stack, keys, CodePrefix(code: household.area.villageCode, length: 6))
        // The village's disaster as known on the assessment date: one recorded for a later day is not.
        let disaster = view.village.flatMap { village in village.disasterOn.map { (on: $0, what: village.disaster) } }
            .flatMap { $0.on <= asOf ? $0 : nil }
        put(.villageName, stack, keys, view.village.flatMap { $0.name.isEmpty ? nil : $0.name })
        put(.villageDisasterOn, stack, keys, disaster?.on)
        put(.villageDisaster, stack, keys, disaster?.what)
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
        // Filled whole from their layouts' view fields (DixianCore, Layout+*.swift).
        let (monthly, episodes, steps, plans) = (ViewLayouts.monthlyIncome, ViewLayouts.episode, ViewLayouts.step, ViewLayouts.plan)
        list(.monthlyIncomes, view.monthlyIncomes, fields: monthly.fields.count, stack, keys, fill: monthly.fill)
        list(.episodes, view.episodes, fields: episodes.fields.count + 1, stack, keys) { episode, stack in
            episodes.fill(episode, stack)
            list(.steps, view.steps.filter { $0.episodeID == episode.id }, fields: steps.fields.count, stack, keys, fill: steps.fill)
        }
        list(.plans, view.plans, fields: plans.fields.count, stack, keys, fill: plans.fill)
        list(.visits, view.visits, fields: 2, stack, keys) { visit, stack in
            stack.setField("visited_on", visit.visitedOn)
            stack.setField("role", visit.role.rawValue)
        }
        // A stay names its member (`name`) when the household holds the member; never the ID number.
        let stays = ViewLayouts.hospitalStay
        list(.hospitalStays, view.hospitalStays, fields: stays.fields.count + 1, stack, keys) { stay, stack in
            stays.fill(stay, stack)
            if let member = view.members.first(where: { $0.residentID == stay.residentID }) { stack.setField("name", member.name) }
        }
        let complaints = ViewLayouts.complaint
        list(.complaints, view.complaints, fields: complaints.fields.count, stack, keys, fill: complaints.fill)
        let loans = ViewLayouts.loan
        list(.loans, view.loans, fields: loans.fields.count, stack, keys, fill: loans.fill)
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
        fill(member, ViewKeys.member, stack, keys)
        put(.isHead, stack, keys, member.isHead)
        put(.age, stack, keys, member.age(on: asOf))
        put(.sex, stack, keys, member.residentID.sex.rawValue)
    }

    private func fill(_ income: IncomeRecord, _ stack: LuaStack, _ keys: ViewKeys) {
        fill(income, ViewKeys.income, stack, keys)
        put(.net, stack, keys, income.netIncome.yuan)
        put(.perCapita, stack, keys, view.size > 0 ? income.perCapitaNetIncome(size: view.size).yuan : nil)
    }

    private func fill(_ survey: GuaranteeSurvey, _ stack: LuaStack, _ keys: ViewKeys) {
        fill(survey, ViewKeys.survey, stack, keys)
    }

    /// Sets the layout fields of `record` that a view shows (those among the fields set).
    @inline(__always)
    private func fill<R: DescribedRecord>(_ record: R, _ layout: RecordKeys<R>, _ stack: LuaStack, _ keys: ViewKeys) {
        for (key, field, kind) in layout.entries where fields.contains(key) {
            stack.setField(keyAt: keys[key], LuaFieldValue(value: record.value(of: field), kind: kind))
        }
    }
}

/// The metatables of a view's household, member, income and survey tables (read-only; when
/// fields are left out, reading one raises), and the one empty list views share.
struct ViewTables {
    let household, member, income, survey: LuaTableReference
    let emptyList: LuaTableReference
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
