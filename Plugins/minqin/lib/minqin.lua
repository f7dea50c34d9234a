-- Helpers shared by Minqin's checks and guards: reading the household view the way the
-- county's documents count things.
local M = {}

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

--- The clocks of an open self-report (which = 'self-report': 一键报贫, seed 003 附件2 二.4) or
--- of the 一户一策 plan (which = 'plan': 二.12): what the household's episodes still owe, as
--- deadline items { due_on, message, responsible, person }. The step clocks run from the
--- recorded step before; the total clock runs from the report whatever steps are recorded.
--- Nil for a household without episodes.
function M.clocks(h, ctx, which)
  local episodes = h.episodes
  if #episodes == 0 then return nil end  -- most households: no table made at all
  local items = {}
  local clock = ctx.params.self_report_clock
  local add_days = dixian.date.add_days
  for _, episode in ipairs(episodes) do
    local status = episode.status
    if which == 'self-report' and episode.channel == 'self-report'
        and (status == 'reported' or status == 'verified' or status == 'accepted') then
      local reported = episode.reported_on
      if status == 'reported' then
        items[#items + 1] = { due_on = add_days(reported, clock.verify_days), responsible = '乡镇人民政府',
          message = string.format('%s一键报贫，自申报日起%d天内完成家庭状况核查', reported, clock.verify_days) }
      end
      local verify = latest_step(episode, 'verify')
      if status == 'verified' and verify then
        items[#items + 1] = { due_on = ctx.add_working_days(verify.taken_on, clock.answer_working_days),
          responsible = '乡镇人民政府', person = verify.actor ~= '' and verify.actor or nil,
          message = string.format('%s核查完成，%d个工作日内反馈核查结果', verify.taken_on, clock.answer_working_days) }
      end
      local answer = latest_step(episode, 'answer')
      if status == 'accepted' and answer then
        items[#items + 1] = { due_on = ctx.add_working_days(answer.taken_on, clock.approve_working_days),
          responsible = '县农业农村局',
          message = string.format('%s反馈符合认定标准，%d个工作日内完成审批', answer.taken_on, clock.approve_working_days) }
      end
      items[#items + 1] = { due_on = add_days(reported, clock.total_days), responsible = '县农业农村局',
        message = string.format('%s一键报贫，从申报到完成认定不超过%d天', reported, clock.total_days) }
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

local function recent_event(h, ctx, within_days)
  for _, episode in ipairs(h.episodes) do
    if dixian.date.days_between(episode.reported_on, ctx.as_of) <= within_days then
      for _, risk in ipairs(episode.risk_types) do
        if risk == 'natural-disaster' or risk == 'accident' then return episode end
      end
    end
  end
  return nil
end

-- The grades that count as severe, as a set, made once per parameter value.
local severe_sets = setmetatable({}, { __mode = 'k' })
local function severe_grades(rule)
  local set = severe_sets[rule]
  if set == nil then
    set = {}
    for _, grade in ipairs(rule.severe_disability_grades) do set[grade] = true end
    severe_sets[rule] = set
  end
  return set
end

--- Why h is a 六必访 household, or nil: { serious, chronic, disabled, frail = lists of names,
--- left_behind = true, event = the episode of a recent disaster or accident }. 单亲 (single
--- parents) is not in the registry.
function M.six_must_visit(h, ctx)
  local rule = ctx.params.six_must_visit
  local severe = severe_grades(rule)
  local serious, chronic, disabled, frail
  for _, p in ipairs(h.members) do
    if p.health == 'serious-illness' then serious = append(serious, p.name)
    elseif p.health == 'chronic-illness' then chronic = append(chronic, p.name) end
    if p.disability_grade ~= nil and severe[p.disability_grade] then disabled = append(disabled, p.name) end
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
  local event = #h.episodes > 0 and recent_event(h, ctx, rule.recent_event_days) or nil
  local left_behind = h.left_behind or nil
  if not (serious or chronic or disabled or left_behind or frail or event) then return nil end
  return { serious = serious, chronic = chronic, disabled = disabled, left_behind = left_behind, frail = frail, event = event }
end

--- Why h, not monitored, is a 六必查 household, or nil: { allowance, support = true, students,
--- disabled = lists of names, accidents = list of dates }. Hospital stays and complaints are
--- not in the registry.
function M.six_must_check(h)
  if h.category == 'monitored' then return nil end
  local students, disabled, accidents
  for _, p in ipairs(h.members) do
    if p.school_status == 'enrolled'
        and (p.school_stage == 'senior-secondary' or p.school_stage == 'vocational' or p.school_stage == 'tertiary') then
      students = append(students, p.name)
    end
    if p.disability_grade ~= nil then disabled = append(disabled, p.name) end
  end
  for _, episode in ipairs(h.episodes) do
    for _, risk in ipairs(episode.risk_types) do
      if risk == 'accident' then accidents = append(accidents, episode.reported_on) break end
    end
  end
  local allowance, support = h.minimum_living_allowance or nil, h.extreme_poverty_support or nil
  if not (allowance or support or students or disabled or accidents) then return nil end
  return { allowance = allowance, support = support, students = students, disabled = disabled, accidents = accidents }
end

return M
