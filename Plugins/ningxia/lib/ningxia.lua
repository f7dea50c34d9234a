-- How Ningxia counts: the rolling income window of seed 001 (名词解释2、3) and the risk factors of
-- its definitions. Exported as 'ningxia' for the plugins that extend this one.
local N = {}
local date = dixian.date
local member_status = dixian.import('member_status')

--- The rolling window: from the assessment month of last year to last month (界定月份的上年月份至
--- 当年上一月). Returns per-capita net income over the window, the months found, and the window's
--- first and last month as 'YYYY-MM'.
function N.window(h, ctx)
  local months = ctx.params.income_window_months
  local last = ctx.year * 12 + ctx.month - 2          -- last month, as year * 12 + month - 1
  local first = last - months + 1
  local total, found = 0, 0
  for _, record in ipairs(h.monthly_incomes) do
    local index = record.year * 12 + record.month - 1
    if index >= first and index <= last then
      total, found = total + record.net, found + 1
    end
  end
  local function label(index) return string.format('%04d-%02d', index // 12, index % 12 + 1) end
  if h.size == 0 then return nil, found, label(first), label(last) end
  return total / h.size, found, label(first), label(last)
end

--- The household's income for the definitions: the rolling window when its months are all
--- recorded; otherwise the last complete year's per-capita net income, said so in the basis.
function N.income(h, ctx)
  local per_capita, found, first, last = N.window(h, ctx)
  if found == ctx.params.income_window_months and per_capita then
    return per_capita, string.format('%s至%s滚动12个月', first, last)
  end
  local best
  for year, income in pairs(h.incomes) do
    if year < ctx.year and (best == nil or year > best.year) then best = income end
  end
  if best and best.per_capita then
    return best.per_capita, string.format('%d年度（无完整月度收入记录）', best.year)
  end
  return nil
end

local function names(h, test)
  local list = {}
  for _, member in ipairs(h.members) do
    if test(member) then list[#list + 1] = member.name end
  end
  return table.concat(list, '、')
end
N.names = names

local function recent(h, ctx, risk)
  for _, episode in ipairs(h.episodes) do
    if ctx.within(episode.reported_on, ctx.params.recent_event_days) then
      for _, kind in ipairs(episode.risk_types) do
        if kind == risk then return episode end
      end
    end
  end
end
N.recent = recent

--- Rigid spending that clearly exceeds last year's income, or a sharp fall in income: the
--- shared clause of 名词解释2⑤ and 3③. Returns a description or nil.
function N.spending_or_drop(h, ctx)
  local now = h.incomes[ctx.year - 1]
  if now then
    local rigid = now.medical_spending + now.education_spending
    if rigid > 0 and rigid > now.net * ctx.params.rigid_spending_factor then
      return string.format('%d年刚性支出%.0f元明显超过家庭纯收入%.0f元', now.year, rigid, now.net)
    end
    local before = h.incomes[ctx.year - 2]
    if before and before.net > 0 and now.net < before.net * (1 - ctx.params.income_drop_share) then
      return string.format('%d年家庭纯收入%.0f元，比上年%.0f元大幅缩减', now.year, now.net, before.net)
    end
  end
  return nil
end

--- Whether member p is of working age: `labour_ages` (16 to 60, the county's choice: the seeds
--- say 劳动力 and give no ages).
function N.of_working_age(p, ctx)
  return member_status.within(p.age, ctx.params.labour_ages)
end

--- A main labourer (of working age) who lost all or part of their capacity to a disability.
function N.disabled_labourers(h, ctx)
  return names(h, function(p)
    return p.disability_grade ~= nil and N.of_working_age(p, ctx) and p.labor_capacity ~= 'full'
  end)
end

--- Whether a member works steadily: a local job, a public-welfare post, or migrant work of at
--- least `stable_work_months` months (so one month away is not stable work).
function N.stably_employed(p, ctx)
  return p.local_work or p.public_welfare_post or p.migrant_work_months >= ctx.params.stable_work_months
end

--- Factor ① of 名词解释2 (就业不稳): labourers (of working age, fully able, not at school) whose only
--- work on record is migrant work of fewer than `stable_work_months` months. A member with no
--- job on record at all (a farmer on their own land) has shown no unstable employment, and
--- 内生动力不足 is a judgement the registry does not hold.
function N.unstable_workers(h, ctx)
  return names(h, function(p)
    return p.labor_capacity == 'full' and N.of_working_age(p, ctx) and p.school_status ~= 'enrolled'
      and p.migrant_work_months > 0 and not N.stably_employed(p, ctx)
  end)
end

--- 一项稳定增收产业 (seed 001 (六)): operating income (the registry's `operating`, before
--- production costs) above zero in each of the `stable_industry_years` years before the
--- assessment year.
function N.stable_industry(h, ctx)
  for year = ctx.year - ctx.params.stable_industry_years, ctx.year - 1 do
    local income = h.incomes[year]
    if income == nil or income.operating <= 0 then return false end
  end
  return true
end

--- 除身体原因不具备学习条件 (seed 001 (五)): the registry does not record why a child is out of
--- school, so a disability of the grades `unable_to_study_grades` (1 and 2) or, when
--- `unable_to_study_serious_illness`, a serious illness stands for the physical reason (both the
--- county's choice); the county confirms it on the visit.
function N.unfit_for_school(p, ctx)
  if member_status.graded(p.disability_grade, ctx.params.unable_to_study_grades) then return true end
  return ctx.params.unable_to_study_serious_illness and p.health == 'serious-illness'
end

--- Whether member p is of compulsory-school age: `compulsory_school_ages` (6 to 15, the county's
--- choice: the seeds give no ages).
function N.of_compulsory_school_age(p, ctx)
  return member_status.within(p.age, ctx.params.compulsory_school_ages)
end

--- Whether the household is a 脱贫户 or a 监测户: the 脱贫人口和防止返贫监测对象 of seed 000 二(四)1,
--- and the 脱贫户、监测对象 whose loans seed 000 二(二)3 has checked (定期排查……贷款情况).
function N.lifted_or_monitored(h)
  return h.category == 'lifted' or h.category == 'monitored'
end

--- 名词解释2: the factors that make a lifted-out household unstable.
function N.unstable_factors(h, ctx)
  local factors = {}
  local unstable = N.unstable_workers(h, ctx)
  if unstable ~= '' then factors[#factors + 1] = '①就业不稳、增收乏力（' .. unstable .. '）' end
  local ill = names(h, function(p) return p.health == 'serious-illness' end)
  if ill ~= '' then factors[#factors + 1] = '②因大病重病（' .. ill .. '）' end
  local event = recent(h, ctx, 'accident')
  if event then factors[#factors + 1] = '③因突发事件（' .. event.reported_on .. '）' end
  local disaster = recent(h, ctx, 'natural-disaster')
  if disaster then factors[#factors + 1] = '④因重大灾害（' .. disaster.reported_on .. '）' end
  local failed = recent(h, ctx, 'failed-business')
  local strain = N.spending_or_drop(h, ctx)
  if failed or strain then
    factors[#factors + 1] = '⑤' .. (failed and '因经营亏损（产业失败）' or '') .. (strain or '')
  end
  local disabled = N.disabled_labourers(h, ctx)
  if disabled ~= '' then factors[#factors + 1] = '⑥主要劳动力因残丧失劳动能力（' .. disabled .. '）' end
  return factors
end

--- 名词解释3: the factors that make a household marginal (likely to fall into poverty). Item ⑤
--- (负面清单) needs a judgement the registry cannot make and is not checked.
function N.marginal_factors(h, ctx)
  local factors = {}
  local last = h.incomes[ctx.year - 1]
  if last and last.net > 0 and last.medical_spending > last.net * ctx.params.medical_burden_share then
    local ill = names(h, function(p) return p.health ~= 'healthy' end)
    if ill ~= '' then factors[#factors + 1] = string.format('①患大病重病或长期慢性病，个人自费%.0f元（%s）', last.medical_spending, ill) end
  end
  -- 全日制普通高校在校生（含高职学生）: the registry's `higher-vocational` (高职, 大专) and
  -- `tertiary` (本科及以上). 中职 (`secondary-vocational`: 中专、职高、技校) is secondary school,
  -- not a 高校.
  local students = 0
  for _, p in ipairs(h.members) do
    if p.school_status == 'enrolled' and (p.school_stage == 'higher-vocational' or p.school_stage == 'tertiary') then
      students = students + 1
    end
  end
  if students >= ctx.params.college_students then
    factors[#factors + 1] = string.format('②供养%d名全日制普通高校在校生', students)
  end
  local event = recent(h, ctx, 'natural-disaster') or recent(h, ctx, 'accident')
  local strain = N.spending_or_drop(h, ctx)
  if event and strain then
    factors[#factors + 1] = '③遭遇重大灾害或突发事件（' .. event.reported_on .. '），' .. strain
  end
  local disabled = N.disabled_labourers(h, ctx)
  if disabled ~= '' then factors[#factors + 1] = '④主要劳动力因残丧失劳动能力（' .. disabled .. '）' end
  return factors
end

--- The parts of 两不愁三保障 and drinking water a guarantee survey finds unmet, as their
--- Chinese names (吃穿、义务教育、基本医疗、住房安全、饮水安全); empty when all are met.
function N.unmet_guarantees(survey)
  local unmet = {}
  if not survey.food_and_clothing then unmet[#unmet + 1] = '吃穿' end
  if not survey.compulsory_education then unmet[#unmet + 1] = '义务教育' end
  if not survey.basic_medical then unmet[#unmet + 1] = '基本医疗' end
  if not survey.safe_housing then unmet[#unmet + 1] = '住房安全' end
  if not (survey.water_quantity and survey.water_quality) then unmet[#unmet + 1] = '饮水安全' end
  return unmet
end

--- The episode that makes the household monitored now: the latest identified, not eliminated.
function N.open_episode(h)
  for i = #h.episodes, 1, -1 do
    if h.episodes[i].status == 'identified' then return h.episodes[i] end
  end
  return nil
end

--- The 一户一策 plans of `episode`: those naming it, or naming none and made since it was reported.
function N.plans_of(h, episode)
  local plans = {}
  for _, plan in ipairs(h.plans) do
    if plan.episode_id == episode.id or (plan.episode_id == nil and plan.made_on >= episode.reported_on) then
      plans[#plans + 1] = plan
    end
  end
  return plans
end

--- The 定期跟踪回访 (seed 001 (四)) the open episode owes: the date the next visit is due
--- (`follow_up_visit_days` after the last visit since identification, or after identification),
--- and what the clock runs from, in words ('最近一次回访2020-03-20' or '2020-01-10识别纳入监测').
--- Nil when the household is not monitored.
function N.next_visit(h, ctx)
  local episode = N.open_episode(h)
  if episode == nil or episode.identified_on == nil then return nil end
  local last
  for _, visit in ipairs(h.visits) do
    if visit.visited_on >= episode.identified_on and not ctx.before(visit.visited_on) then last = visit.visited_on end
  end
  local since = last and ('最近一次回访' .. last) or (episode.identified_on .. '识别纳入监测')
  return date.add_days(last or episode.identified_on, ctx.params.follow_up_visit_days), since
end

--- Wage and operating income of `year`, or nil when the year is not recorded.
function N.earned(h, year)
  local income = h.incomes[year]
  if income == nil then return nil end
  return income.wage + income.operating
end

--- Monthly net incomes of `count` months from year-month, each `amount` yuan: for writing
--- households judged on the rolling window (specs, here and in the plugins that extend this one).
function N.months(year, month, count, amount)
  local list = {}
  for i = 0, count - 1 do
    local index = year * 12 + month - 1 + i
    list[#list + 1] = { year = index // 12, month = index % 12 + 1, net = amount }
  end
  return list
end

dixian.export('ningxia', N)
return N
