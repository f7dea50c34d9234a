-- The benchmark's check, as a county plugin would write it (SampleCheck.swift has the same
-- logic compiled in Swift): per-capita income against a line, a fall in income, the
-- guarantees, and members who are ill, disabled, out of school or uninsured.
local LINE = 7800
return function(h)
  local findings = {}
  local net = h.wage + h.operating + h.property + h.transfer - h.production_costs
  local per_capita = net / h.size
  if per_capita < LINE then
    findings[#findings + 1] = { check = 'income-below-line', severity = 'high',
      message = string.format('人均纯收入 %.0f 元低于监测线 %d 元', per_capita, LINE) }
  end
  if net < h.previous_net_income * 0.8 then
    findings[#findings + 1] = { check = 'income-fell', severity = 'medium', message = '收入较上年明显下降' }
  end
  if not (h.compulsory_education and h.basic_medical and h.safe_housing and h.safe_water) then
    findings[#findings + 1] = { check = 'guarantee-gap', severity = 'high', message = '两不愁三保障及饮水安全存在短板' }
  end
  local ill, disabled, dropout, uninsured = 0, 0, 0, 0
  for _, m in ipairs(h.members) do
    if m.serious_illness then ill = ill + 1 end
    if m.disability_grade and m.disability_grade <= 2 then disabled = disabled + 1 end
    if m.school_stage == 'compulsory' and m.dropped_out then dropout = dropout + 1 end
    if not m.medical_insurance then uninsured = uninsured + 1 end
  end
  if ill + disabled > 0 and h.medical_spending > net * 0.5 then
    findings[#findings + 1] = { check = 'medical-burden', severity = 'high', message = '大病或重残且医疗支出负担重' }
  end
  if dropout > 0 then
    findings[#findings + 1] = { check = 'dropout', severity = 'high', message = '义务教育阶段辍学' }
  end
  if uninsured > 0 then
    findings[#findings + 1] = { check = 'uninsured', severity = 'medium', message = uninsured .. ' 人未参加医保' }
  end
  return findings
end
