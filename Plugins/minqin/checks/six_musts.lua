-- 六必访 and 六必查: seed 003 附件2 二.9 (严格筛查返贫致贫风险).
local m = require('lib.minqin')

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

local function add(list, name)
  if list == nil then return { name } end
  list[#list + 1] = name
  return list
end

dixian.check {
  id = 'minqin.six-must-visit',
  title = '六必访对象',
  group = '风险排查',
  risk_types = { 'illness', 'disability' },
  severity = 'medium',
  source = 'seed 003 附件2 二.9：坚持"六必访"，对大病重病患者、负担较重的慢性病患者、重度残疾人、留守老人妇女儿童、单亲和失能老年人、遭遇重大变故和自然灾害的家庭实行重点排查',
  description = '单亲 (single parents) is not in the registry and is not judged here.',
  run = function(h, ctx)
    local rule = ctx.params.six_must_visit
    local severe = severe_grades(rule)
    local serious, chronic, disabled, frail
    for _, p in ipairs(h.members) do
      if p.health == 'serious-illness' then serious = add(serious, p.name)
      elseif p.health == 'chronic-illness' then chronic = add(chronic, p.name) end
      if p.disability_grade ~= nil and severe[p.disability_grade] then disabled = add(disabled, p.name) end
      if p.age >= rule.elderly_age and p.labor_capacity == 'none' and (p.health ~= 'healthy' or p.disability_grade ~= nil) then
        frail = add(frail, p.name)
      end
    end
    if chronic then
      local income = m.last_year_income(h, ctx)
      if not (income and income.net > 0 and income.medical_spending > income.net * rule.chronic_burden_share) then
        chronic = nil
      end
    end
    local event = #h.episodes > 0 and recent_event(h, ctx, rule.recent_event_days) or nil
    if not (serious or chronic or disabled or h.left_behind or frail or event) then return nil end
    local reasons = {}
    if serious then reasons[#reasons + 1] = '大病重病患者（' .. table.concat(serious, '、') .. '）' end
    if chronic then reasons[#reasons + 1] = '负担较重的慢性病患者（' .. table.concat(chronic, '、') .. '）' end
    if disabled then reasons[#reasons + 1] = '重度残疾人（' .. table.concat(disabled, '、') .. '）' end
    if h.left_behind then reasons[#reasons + 1] = '留守老人妇女儿童' end
    if frail then reasons[#reasons + 1] = '失能老年人（' .. table.concat(frail, '、') .. '）' end
    if event then reasons[#reasons + 1] = '遭遇重大变故或自然灾害（' .. event.reported_on .. '）' end
    return '六必访：' .. table.concat(reasons, '；')
  end,
}

dixian.check {
  id = 'minqin.six-must-check',
  title = '六必查对象（未纳入监测）',
  group = '风险排查',
  severity = 'medium',
  source = 'seed 003 附件2 二.9：开展"六必查"，对农村低保和特困供养对象、有病人住院家庭、供养高中和大专学生家庭、残疾人家庭、突发意外家庭、有投诉举报情况的农户，严格核查认定',
  description = 'Households not monitored. Hospital stays and complaints are not in the registry and are not judged here.',
  run = function(h, ctx)
    if h.category == 'monitored' then return nil end
    local students, disabled
    for _, p in ipairs(h.members) do
      if p.school_status == 'enrolled'
          and (p.school_stage == 'senior-secondary' or p.school_stage == 'vocational' or p.school_stage == 'tertiary') then
        students = add(students, p.name)
      end
      if p.disability_grade ~= nil then disabled = add(disabled, p.name) end
    end
    local accidents
    for _, episode in ipairs(h.episodes) do
      for _, risk in ipairs(episode.risk_types) do
        if risk == 'accident' then accidents = add(accidents, '突发意外（' .. episode.reported_on .. '）') break end
      end
    end
    if not (h.minimum_living_allowance or h.extreme_poverty_support or students or disabled or accidents) then return nil end
    local reasons = {}
    if h.minimum_living_allowance then reasons[#reasons + 1] = '农村低保对象' end
    if h.extreme_poverty_support then reasons[#reasons + 1] = '特困供养对象' end
    if students then reasons[#reasons + 1] = '供养高中和大专学生（' .. table.concat(students, '、') .. '）' end
    if disabled then reasons[#reasons + 1] = '残疾人家庭（' .. table.concat(disabled, '、') .. '）' end
    if accidents then reasons[#reasons + 1] = table.concat(accidents, '；') end
    return '六必查：' .. table.concat(reasons, '；') .. '，应严格核查，符合条件的纳入监测'
  end,
}
