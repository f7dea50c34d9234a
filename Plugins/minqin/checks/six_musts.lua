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
    local severe = {}
    for _, grade in ipairs(rule.severe_disability_grades) do severe[grade] = true end
    local reasons = {}
    local serious = m.names(h, function(p) return p.health == 'serious-illness' end)
    if serious ~= '' then reasons[#reasons + 1] = '大病重病患者（' .. serious .. '）' end
    local income = m.last_year_income(h, ctx)
    if income and income.net > 0 and income.medical_spending > income.net * rule.chronic_burden_share then
      local chronic = m.names(h, function(p) return p.health == 'chronic-illness' end)
      if chronic ~= '' then reasons[#reasons + 1] = '负担较重的慢性病患者（' .. chronic .. '）' end
    end
    local disabled = m.names(h, function(p) return p.disability_grade ~= nil and severe[p.disability_grade] end)
    if disabled ~= '' then reasons[#reasons + 1] = '重度残疾人（' .. disabled .. '）' end
    if h.left_behind then reasons[#reasons + 1] = '留守老人妇女儿童' end
    local frail = m.names(h, function(p)
      return p.age >= rule.elderly_age and p.labor_capacity == 'none'
        and (p.health ~= 'healthy' or p.disability_grade ~= nil)
    end)
    if frail ~= '' then reasons[#reasons + 1] = '失能老年人（' .. frail .. '）' end
    local event = recent_event(h, ctx, rule.recent_event_days)
    if event then reasons[#reasons + 1] = '遭遇重大变故或自然灾害（' .. event.reported_on .. '）' end
    if #reasons > 0 then
      return '六必访：' .. table.concat(reasons, '；')
    end
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
    local reasons = {}
    if h.minimum_living_allowance then reasons[#reasons + 1] = '农村低保对象' end
    if h.extreme_poverty_support then reasons[#reasons + 1] = '特困供养对象' end
    local students = m.names(h, function(p)
      return p.school_status == 'enrolled'
        and (p.school_stage == 'senior-secondary' or p.school_stage == 'vocational' or p.school_stage == 'tertiary')
    end)
    if students ~= '' then reasons[#reasons + 1] = '供养高中和大专学生（' .. students .. '）' end
    local disabled = m.names(h, function(p) return p.disability_grade ~= nil end)
    if disabled ~= '' then reasons[#reasons + 1] = '残疾人家庭（' .. disabled .. '）' end
    for _, episode in ipairs(h.episodes) do
      for _, risk in ipairs(episode.risk_types) do
        if risk == 'accident' then
          reasons[#reasons + 1] = '突发意外（' .. episode.reported_on .. '）'
          break
        end
      end
    end
    if #reasons > 0 then
      return '六必查：' .. table.concat(reasons, '；') .. '，应严格核查，符合条件的纳入监测'
    end
  end,
}
