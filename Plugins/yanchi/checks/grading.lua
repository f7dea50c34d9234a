-- 红黄绿 dynamic monitoring (seed 001 (四)). Red: the household meets the region's definition of an
-- unstable or marginal household (income under the line with a risk factor) or has a broken
-- guarantee. Yellow: income under the line without a factor, or within the yellow margin above
-- it with a factor. Green: neither; no finding.
local N = dixian.import('ningxia')

local function broken_guarantee(h)
  if h.survey == nil then return nil end
  local unmet = N.unmet_guarantees(h.survey)
  if #unmet == 0 then return nil end
  return table.concat(unmet, '、')
end

dixian.check {
  id = 'yanchi.grade',
  title = '"红黄绿"动态监测预警',
  group = '红黄绿预警',
  risk_types = { 'other' },
  severity = 'medium',
  source = '宁党发〔2021〕15号 (四)：推广盐池县"红黄绿"动态监测预警和四级网格化管理做法',
  run = function(h, ctx)
    if h.category == 'monitored' then return nil end
    local income, basis = N.income(h, ctx)
    local line = ctx.params.monitoring_line
    local factors = h.category == 'lifted' and N.unstable_factors(h, ctx) or N.marginal_factors(h, ctx)
    local broken = broken_guarantee(h)
    if broken or (income and income < line and #factors > 0) then
      local why = broken and (broken .. '未保障') or string.format('%s人均%.0f元低于%.0f元，且%s', basis, income, line, table.concat(factors, '；'))
      return { message = '红色预警：' .. why, severity = 'high' }
    end
    if income and (income < line or (income < line * (1 + ctx.params.grading.yellow_margin) and #factors > 0)) then
      local why = string.format('%s人均%.0f元', basis, income)
      if #factors > 0 then why = why .. '，' .. table.concat(factors, '；') end
      return { message = '黄色预警：' .. why, severity = 'medium' }
    end
  end,
}
