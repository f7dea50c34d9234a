-- Helpers shared by Minqin's checks and guards: reading the household view the way the
-- county's documents count things.
local M = {}
local member_status = dixian.import('member_status')

--- The latest yearly income before the assessment year (the last complete year), and its year.
function M.last_year_income(h, ctx)
  local best
  for year, income in pairs(h.incomes) do
    if year < ctx.year and (best == nil or year > best.year) then best = income end
  end
  return best
end

--- The episode that makes the household monitored now: the latest identified, not eliminated.
function M.open_episode(h)
  for i = #h.episodes, 1, -1 do
    local episode = h.episodes[i]
    if episode.status == 'identified' then return episode end
  end
  return nil
end

--- The latest episode, whatever its status.
function M.latest_episode(h)
  return h.episodes[#h.episodes]
end

--- The steps of `episode` with transition `transition`, the latest last.
local function latest_step(episode, transition)
  local found
  for _, step in ipairs(episode.steps) do
    if step.transition == transition then found = step end
  end
  return found
end
M.latest_step = latest_step

--- Whether `plan` belongs to `episode`: linked to it, or (a plan recorded without its episode)
--- made on or after the episode's report.
local function plan_of(plan, episode)
  if plan.episode_id ~= nil then return plan.episode_id == episode.id end
  return plan.made_on >= episode.reported_on
end
M.plan_of = plan_of

--- The stages of the 一键报贫 clock of a self-reported episode (seed 003 附件2 二.4), in order,
--- each { due_on, done_on, open, message, responsible, person }: `done_on` is the date the
--- stage was done (nil while it is not, or when no step says when), `open` whether it is the
--- stage the episode is waiting for now. The step clocks run from the recorded step before;
--- the total clock runs from the report to the identification. With `since` (a date), the
--- working-day clocks that started before it are left out: the calendar may not know their year.
local function self_report_stages(episode, ctx, since)
  local clock = ctx.params.self_report_clock
  local add_days = dixian.date.add_days
  local status, reported = episode.status, episode.reported_on
  local waiting = status == 'reported' or status == 'verified' or status == 'accepted'
  local verify, answer, approve = latest_step(episode, 'verify'), latest_step(episode, 'answer'), latest_step(episode, 'approve')
  local identified_on
  if status == 'identified' or status == 'eliminated' then
    identified_on = episode.identified_on or (approve and approve.taken_on)
  end
  local stages = {
    { due_on = add_days(reported, clock.verify_days), done_on = verify and verify.taken_on, open = status == 'reported',
      responsible = '乡镇人民政府',
      message = string.format('%s一键报贫，自申报日起%d天内完成家庭状况核查', reported, clock.verify_days) },
  }
  if verify and (since == nil or verify.taken_on >= since) then
    stages[#stages + 1] = { due_on = ctx.add_working_days(verify.taken_on, clock.answer_working_days),
      done_on = answer and answer.taken_on, open = status == 'verified',
      responsible = '乡镇人民政府', person = verify.actor ~= '' and verify.actor or nil,
      message = string.format('%s核查完成，%d个工作日内反馈核查结果', verify.taken_on, clock.answer_working_days) }
  end
  if answer and answer.accepted ~= false and (since == nil or answer.taken_on >= since) then
    stages[#stages + 1] = { due_on = ctx.add_working_days(answer.taken_on, clock.approve_working_days),
      done_on = identified_on, open = status == 'accepted', responsible = '县农业农村局',
      message = string.format('%s反馈符合认定标准，%d个工作日内完成审批', answer.taken_on, clock.approve_working_days) }
  end
  stages[#stages + 1] = { due_on = add_days(reported, clock.total_days), done_on = identified_on, open = waiting,
    responsible = '县农业农村局',
    message = string.format('%s一键报贫，从申报到完成认定不超过%d天', reported, clock.total_days) }
  return stages
end

--- The 一键报贫 stages of h done after their due dates, on or after `since` (a date): each
--- { due_on, done_on, message } (seed 003 附件2 二.4, the same clock as M.clocks). A
--- working-day clock that started before `since` is not judged.
function M.late_self_report_steps(h, ctx, since)
  local late = {}
  for _, episode in ipairs(h.episodes) do
    -- An episode with nothing done since `since` has nothing late to show (and its clock, in an
    -- earlier year, may lie outside the calendar's years).
    local last = episode.identified_on
    for _, step in ipairs(episode.steps) do
      if last == nil or step.taken_on > last then last = step.taken_on end
    end
    if episode.channel == 'self-report' and last ~= nil and last >= since then
      for _, stage in ipairs(self_report_stages(episode, ctx, since)) do
        if stage.done_on and stage.done_on > stage.due_on and stage.done_on >= since then late[#late + 1] = stage end
      end
    end
  end
  return late
end

--- The first day of the period whose late steps are shown: the year of the assessment date
--- (the work points are the year's, and the working-day calendar may not know earlier years).
function M.late_since(ctx)
  return string.format('%04d-01-01', ctx.year)
end

--- What the `minqin.self-report` deadline lists: the open clocks (M.clocks) and, with
--- `done_on`, the stages done late since M.late_since. Lateness is judged here once, in
--- M.late_self_report_steps, from the clock the deadline and the checks share: the host only
--- shows what an item with done_on says (the due list's 逾期完成, `household show`, the
--- monthly report), and the check `minqin.self-report-late` words the same stages as findings.
function M.self_report_items(h, ctx)
  local items = M.clocks(h, ctx, 'self-report')
  if items == nil then return nil end
  for _, stage in ipairs(M.late_self_report_steps(h, ctx, M.late_since(ctx))) do
    items[#items + 1] = { due_on = stage.due_on, done_on = stage.done_on, message = stage.message,
      responsible = stage.responsible, person = stage.person }
  end
  return items
end

--- The clocks of an open self-report (which = 'self-report': 一键报贫, seed 003 附件2 二.4) or
--- of the 一户一策 plan (which = 'plan': 二.12): what the household's episodes still owe, as
--- deadline items { due_on, message, responsible, person }. The step clocks run from the
--- recorded step before; the total clock runs from the report whatever steps are recorded.
--- Nil for a household without episodes.
function M.clocks(h, ctx, which)
  local episodes = h.episodes
  if #episodes == 0 then return nil end  -- most households: no table made at all
  local items = {}
  local add_days = dixian.date.add_days
  for _, episode in ipairs(episodes) do
    local status = episode.status
    if which == 'self-report' and episode.channel == 'self-report'
        and (status == 'reported' or status == 'verified' or status == 'accepted') then
      for _, stage in ipairs(self_report_stages(episode, ctx)) do
        if stage.open then
          items[#items + 1] = { due_on = stage.due_on, message = stage.message, responsible = stage.responsible, person = stage.person }
        end
      end
    elseif which == 'plan' and status == 'identified' then
      -- 一户一策: within 10 days of identification or of a new risk label.
      local start = episode.identified_on
      for _, step in ipairs(episode.steps) do
        if (step.transition == 'approve' or step.transition == 'relabel') and (start == nil or step.taken_on > start) then
          start = step.taken_on
        end
      end
      local latest
      for _, plan in ipairs(h.plans) do
        if plan.episode_id == nil or plan.episode_id == episode.id then
          local touched = plan.adjusted_on or plan.made_on
          if latest == nil or touched > latest then latest = touched end
        end
      end
      if start and (latest == nil or latest < start) then
        items[#items + 1] = { due_on = add_days(start, ctx.params.plan_deadline_days), responsible = '乡镇人民政府',
          message = string.format('%s识别认定或标注风险，%d日内制定"一户一策"帮扶计划', start, ctx.params.plan_deadline_days) }
      elseif start then
        -- 风险未消除的监测对象，3月底前完成年度动态调整: plans made before this year.
        local year_start = string.format('%04d-01-01', ctx.year)
        if start < year_start and latest < year_start then
          local by = string.format('%04d-%s', ctx.year, ctx.params.plan_adjustment_deadline)
          items[#items + 1] = { due_on = by, responsible = '乡镇人民政府',
            message = string.format('帮扶计划最近一次制定或调整于%s，风险未消除，%s前完成年度动态调整', latest, by) }
        end
      end
    end
  end
  return items
end

--- Whether the household was visited between from and to (dates, inclusive) in `role` (any role when nil).
function M.visited(h, role, from, to)
  for _, visit in ipairs(h.visits) do
    if visit.visited_on >= from and visit.visited_on <= to and (role == nil or visit.role == role) then return true end
  end
  return false
end

-- The first and last day of the period of `months` months (1 or 3) holding the assessment
-- date, and of the period before it.
local period_cache = {}  -- by month and length: the same for every household of a run

local function periods(ctx, months)
  -- Keyed by the month (not the date): what is read of the date wakes a household for the next month only.
  local key = (ctx.year * 12 + ctx.month) * 12 + months
  local cached = period_cache[key]
  if cached == nil then
    local first = string.format('%04d-%02d-01', ctx.year, ctx.month - (ctx.month - 1) % months)
    cached = { first, dixian.date.add_days(dixian.date.add_months(first, months), -1),
               dixian.date.add_months(first, -months), dixian.date.add_days(first, -1) }
    period_cache[key] = cached
  end
  return cached[1], cached[2], cached[3], cached[4]
end

-- The visits `role` owes the household every `months` months: the last period's if it was
-- missed (overdue since its last day), and the current one's (due on its last day). A duty
-- the household owes only since `since` (the day it was identified) asks nothing of a period
-- that ended before that day.
local function visit_items(h, ctx, role, months, since, items, responsible, person)
  local first, last, previous_first, previous_last = periods(ctx, months)
  local who = role == 'helper' and '帮扶责任人' or '驻村工作队'
  local every = months == 1 and '每月1次' or '每季度1次'
  if (since == nil or since <= previous_last) and not M.visited(h, role, previous_first, previous_last) then
    items[#items + 1] = { due_on = previous_last, responsible = responsible, person = person,
      message = string.format('%s%s至%s未走访（%s）', who, previous_first, previous_last, every) }
  end
  if not M.visited(h, role, first, last) then
    items[#items + 1] = { due_on = last, responsible = responsible, person = person,
      message = string.format('%s%s至%s走访（%s）', who, first, last, every) }
  end
end

--- Whether h's village has a resident work team (parameter resident_team_villages).
local function has_team(h, ctx)
  local villages = ctx.params.resident_team_villages
  if villages.all then return true end
  for _, code in ipairs(villages) do
    if code == h.village then return true end
  end
  return false
end

--- The visits h owes under the parameters visit_frequency and resident_team_villages (seed
--- 003 附件1 二.5 and 二.8, 正文三(三)11), as deadline items { due_on, message, responsible,
--- person }: the `minqin.visits` deadline lists them, the `minqin.visit-frequency` check flags
--- the overdue ones. A duty owed because the household is monitored runs from the day its
--- episode was identified: a household identified on 12 October owes no visit for September
--- nor for the third quarter.
function M.visit_items(h, ctx)
  local rule = ctx.params.visit_frequency
  local items = {}
  local open = M.open_episode(h)
  local monitored = open ~= nil
  local since = open and open.identified_on or nil
  if has_team(h, ctx) then
    local monthly, quarterly = M.set(rule.resident_team_monthly), M.set(rule.resident_team_quarterly)
    local disabled = false
    for _, member in ipairs(h.members) do
      if member.disability_grade then disabled = true break end
    end
    -- 低保户、残疾人、留守: flags without a start date, owed in every period.
    local always = (monthly.minimum_living_allowance and h.minimum_living_allowance)
      or (monthly.disability and disabled) or (monthly.left_behind and h.left_behind)
    if always then
      visit_items(h, ctx, 'resident-team', 1, nil, items, '驻村工作队')
    elseif monthly.monitored and monitored then
      visit_items(h, ctx, 'resident-team', 1, since, items, '驻村工作队')
    elseif quarterly[h.category] then
      visit_items(h, ctx, 'resident-team', 3, nil, items, '驻村工作队')
    end
  end
  local helper = M.set(rule.helper_quarterly)
  if helper.monitored and monitored then
    -- A 脱贫不稳定户 was a 脱贫户 before: when those are visited too, its duty did not start at identification.
    local from = since
    if helper.lifted and h.monitored_kind == 'unstable' then from = nil end  -- not `x and nil or y`: that is always y
    visit_items(h, ctx, 'helper', 3, from, items, '帮扶责任人', h.helper)
  elseif helper[h.category] or (helper.assigned and h.helper ~= nil) then
    visit_items(h, ctx, 'helper', 3, nil, items, '帮扶责任人', h.helper)
  end
  return items
end

--- Whether the screening flags h's missed visits (visit_frequency.checked: the categories, and
--- 'monitored' for households with an open episode); the due list lists every household's.
function M.visits_checked(h, ctx)
  local checked = M.set(ctx.params.visit_frequency.checked)
  if checked.monitored and M.open_episode(h) ~= nil then return true end
  return h.category ~= 'monitored' and checked[h.category] == true
end

--- Formats a yuan amount as officials write it (no decimals when whole).
function M.yuan(amount)
  if amount == math.floor(amount) then return string.format('%d元', math.floor(amount)) end
  return string.format('%.2f元', amount)
end

--- The names of the members for which `test(member)` holds, joined with 、.
function M.names(h, test)
  local names = {}
  for _, member in ipairs(h.members) do
    if test(member) then names[#names + 1] = member.name end
  end
  return table.concat(names, '、'), #names
end

local sets = {}

--- A set from a comma-separated list (made once per list: parameters are read for every household).
function M.set(text)
  local set = sets[text]
  if set then return set end
  set = {}
  for word in text:gmatch('[^,%s]+') do set[word] = true end
  sets[text] = set
  return set
end

-- 六必访 and 六必查 (seed 003 附件2 二.9), as the reasons a household is on each list: the
-- checks (checks/six_musts.lua) word them as findings, the visit list
-- (checklists/six_musts.lua) puts each under its own column.

local function append(list, name)
  if list == nil then return { name } end
  list[#list + 1] = name
  return list
end

-- The episodes of h reported within `within_days` days before the assessment date that carry
-- one of `risks` (a set of risk types).
local function recent_episodes(h, ctx, within_days, risks)
  local found
  for _, episode in ipairs(h.episodes) do
    if not ctx.before(episode.reported_on) and ctx.within(episode.reported_on, within_days) then
      for _, risk in ipairs(episode.risk_types) do
        if risks[risk] then found = append(found, episode) break end
      end
    end
  end
  return found
end

-- Complaint channels as officials name them.
local COMPLAINT_CHANNELS = {
  hotline = '12317热线', petition = '信访', online = '网络平台', inspection = '督查巡查', other = '其他',
}

--- A complaint as officials name it: '<received_on>（<channel>）'.
function M.complaint_label(complaint)
  return complaint.received_on .. '（' .. (COMPLAINT_CHANNELS[complaint.channel] or complaint.channel) .. '）'
end

--- Whether `complaint` is open on the assessment date (closed later, or not yet).
function M.complaint_open(complaint, ctx)
  return complaint.closed_on == nil or ctx.before(complaint.closed_on)
end

--- The 接诉即办 clock (seed 003 附件2 二.4: 强化群众申诉信息处理，接诉即办): each complaint open on
--- the assessment date (M.complaint_open), due `complaint_close_days` after it was received, as
--- deadline items { due_on, message }; nil when none is open. The limit is the county's (the seed
--- gives none): the message says so. The `minqin.complaint` deadline lists them, the
--- `minqin.complaint-open` check flags the overdue ones. A complaint closed is done and drops out.
function M.complaint_items(h, ctx)
  local items
  for _, complaint in ipairs(h.complaints) do
    if M.complaint_open(complaint, ctx) then
      local close_days = ctx.params.complaint_close_days
      items = items or {}
      items[#items + 1] = { due_on = dixian.date.add_days(complaint.received_on, close_days),
        message = string.format('%s收到投诉举报，尚未办结（接诉即办，本县办结时限%d日）', M.complaint_label(complaint), close_days) }
    end
  end
  return items
end

local EVENT_RISKS = { ['natural-disaster'] = true, accident = true }
local ACCIDENT_RISKS = { accident = true }

-- The relations (与户主关系) M.single_parents reads, as the registry writes them; other words
-- are not read.
local HEAD_CHILDREN = {
  ['之子'] = true, ['之女'] = true, ['子'] = true, ['女'] = true, ['儿子'] = true, ['女儿'] = true,
  ['长子'] = true, ['次子'] = true, ['长女'] = true, ['次女'] = true,
}
local HEAD_PARTNERS = { ['配偶'] = true, ['妻'] = true, ['夫'] = true, ['妻子'] = true, ['丈夫'] = true }
local GRANDCHILDREN = { ['之孙子'] = true, ['之孙女'] = true, ['孙子'] = true, ['孙女'] = true }
local CHILD_PARTNERS = { ['之儿媳'] = true, ['儿媳'] = true, ['之女婿'] = true, ['女婿'] = true }

--- The names of h's single parents (单亲), or nil. The registry records no marital status, so
--- they are read from the members' relations (this plugin's reading): the head, with a son or
--- daughter younger than six_must_visit.single_parent_child_age and no spouse in the household;
--- the head's only grown son or daughter, with a grandchild of that age and no daughter- or
--- son-in-law in the household.
function M.single_parents(h, ctx)
  local age = ctx.params.six_must_visit.single_parent_child_age
  local head, head_partner, minors, grown, grand_minors, child_partner = nil, false, false, {}, false, false
  for _, p in ipairs(h.members) do
    local relation = p.relation
    if p.is_head then head = p
    elseif HEAD_PARTNERS[relation] then head_partner = true
    elseif HEAD_CHILDREN[relation] then
      if p.age < age then minors = true else grown[#grown + 1] = p end
    elseif GRANDCHILDREN[relation] then
      if p.age < age then grand_minors = true end
    elseif CHILD_PARTNERS[relation] then child_partner = true end
  end
  local parents = nil
  if head and minors and not head_partner then parents = append(parents, head.name) end
  if grand_minors and #grown == 1 and not child_partner then parents = append(parents, grown[1].name) end
  return parents
end

--- Why h is a 六必访 household, or nil: { serious, chronic, disabled, single_parents, frail =
--- lists of names, left_behind = true, event = the episode of a recent disaster or accident }.
function M.six_must_visit(h, ctx)
  local rule = ctx.params.six_must_visit
  local serious, chronic, disabled, frail
  local single_parents = M.single_parents(h, ctx)
  for _, p in ipairs(h.members) do
    if p.health == 'serious-illness' then serious = append(serious, p.name)
    elseif p.health == 'chronic-illness' then chronic = append(chronic, p.name) end
    if member_status.graded(p.disability_grade, rule.severe_disability_grades) then disabled = append(disabled, p.name) end
    if p.age >= rule.elderly_age and p.labor_capacity == 'none' and (p.health ~= 'healthy' or p.disability_grade ~= nil) then
      frail = append(frail, p.name)
    end
  end
  if chronic then
    local income = M.last_year_income(h, ctx)
    if not (income and income.net > 0 and income.medical_spending > income.net * rule.chronic_burden_share) then
      chronic = nil
    end
  end
  local events = #h.episodes > 0 and recent_episodes(h, ctx, rule.recent_event_days, EVENT_RISKS) or nil
  local event = events and events[#events] or nil
  local left_behind = h.left_behind or nil
  if not (serious or chronic or disabled or left_behind or single_parents or frail or event) then return nil end
  return { serious = serious, chronic = chronic, disabled = disabled, left_behind = left_behind,
    single_parents = single_parents, frail = frail, event = event }
end

-- 供养高中和大专学生家庭 (seed 003 附件2 二.9): the stages read as 高中 and 大专. 高中 is taken as
-- 高中阶段 (普通高中 and 中职: 中专、职高、技校, the stage after 初中 that families pay for), 大专 as
-- 大专及以上 (高职/大专 and 本科, as 正文三(一)3 names 本科 and 专科（高职高专） together): this
-- plugin's reading, the county's own choice; a narrower one drops stages here.
local SIX_MUST_CHECK_STAGES = {
  ['senior-secondary'] = true, ['secondary-vocational'] = true, ['higher-vocational'] = true, tertiary = true,
}

--- Why h, not monitored, is a 六必查 household, or nil: { allowance, support = true, students,
--- disabled = lists of names, accidents = list of dates, hospital = list of '<name> <admitted_on>入院',
--- complaints = list of '<received_on>（<channel>）' }. An accident counts for
--- six_must_check.accident_days after it was reported; a hospital stay while the member is in
--- hospital and six_must_check.hospital_days after the discharge; a complaint while open on the
--- assessment date (closed later, or not yet) and six_must_check.complaint_days after it was received.
function M.six_must_check(h, ctx)
  if h.category == 'monitored' then return nil end
  local students, disabled, accidents, hospital, complaints
  for _, complaint in ipairs(h.complaints) do
    if not ctx.before(complaint.received_on)
        and (M.complaint_open(complaint, ctx) or ctx.within(complaint.received_on, ctx.params.six_must_check.complaint_days)) then
      complaints = append(complaints, M.complaint_label(complaint))
    end
  end
  for _, stay in ipairs(h.hospital_stays) do
    if not ctx.before(stay.admitted_on)
        and (stay.discharged_on == nil or ctx.within(stay.discharged_on, ctx.params.six_must_check.hospital_days)) then
      hospital = append(hospital, (stay.name or '家庭成员') .. ' ' .. stay.admitted_on .. '入院')
    end
  end
  for _, p in ipairs(h.members) do
    if p.school_status == 'enrolled' and SIX_MUST_CHECK_STAGES[p.school_stage] then
      students = append(students, p.name)
    end
    if p.disability_grade ~= nil then disabled = append(disabled, p.name) end
  end
  if #h.episodes > 0 then
    for _, episode in ipairs(recent_episodes(h, ctx, ctx.params.six_must_check.accident_days, ACCIDENT_RISKS) or {}) do
      accidents = append(accidents, episode.reported_on)
    end
  end
  local allowance, support = h.minimum_living_allowance or nil, h.extreme_poverty_support or nil
  if not (allowance or support or students or disabled or accidents or hospital or complaints) then return nil end
  return { allowance = allowance, support = support, students = students, disabled = disabled, accidents = accidents,
    hospital = hospital, complaints = complaints }
end

-- The guarantees of a survey (两不愁三保障 and 饮水安全), with their names and risk types.
local GUARANTEES = {
  { 'food_and_clothing', '吃穿（两不愁）', 'other' },
  { 'compulsory_education', '义务教育', 'schooling' },
  { 'basic_medical', '基本医疗', 'illness' },
  { 'safe_housing', '住房安全', 'housing' },
}

--- What of 两不愁三保障 and 饮水安全 h lacks: a list of { what (a phrase saying it), risk_type }, empty when every
--- guarantee is met. Read from the latest survey (each guarantee; water is enough and of
--- standard quality) and the members: a child of compulsory-school age (the parameter
--- compulsory_school_ages, 6 to 15) who dropped out is 义务教育 unmet whatever the survey says
--- (控辍保学"常态清零"). No survey, no survey items.
function M.unmet_guarantees(h, ctx)
  local unmet = {}
  local survey = h.survey
  if survey ~= nil then
    for _, g in ipairs(GUARANTEES) do
      if not survey[g[1]] then unmet[#unmet + 1] = { what = g[2] .. '未保障', risk_type = g[3] } end
    end
    if not (survey.water_quantity and survey.water_quality) then
      unmet[#unmet + 1] = { what = '饮水安全未保障', risk_type = 'drinking-water' }
    end
  end
  local ages = ctx.params.compulsory_school_ages
  local dropouts = M.names(h, function(p) return p.school_status == 'dropped-out' and member_status.within(p.age, ages) end)
  if dropouts ~= '' then unmet[#unmet + 1] = { what = '义务教育阶段辍学（' .. dropouts .. '）', risk_type = 'schooling' } end
  return unmet
end

return M
