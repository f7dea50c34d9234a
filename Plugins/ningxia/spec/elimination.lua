-- 风险稳定消除 (seed 001 (四); seed 000 二(二)3): the guard on eliminate, judged in June 2020 on
-- the rolling window against the 2019–2020 line of 5000 yuan.
local months = dixian.import('ningxia').months

local function monitored(per_month, extra)
  local h = {
    monitored_kind = 'marginal', helper = '王帮扶',
    members = { { age = 45, local_work = true }, { age = 43, sex = 'female', local_work = true } },
    monthly_incomes = months(2019, 6, 12, per_month),
    survey = {},
    episodes = { { reported_on = '2019-09-01', identified_on = '2019-09-10', risk_types = { 'illness' } } },
    plans = { { made_on = '2019-09-15' } },
  }
  for key, value in pairs(extra or {}) do h[key] = value end
  return h
end

dixian.spec('5100 per capita over the window, every guarantee met, a plan: the risk may be eliminated', {
  as_of = '2020-06-15', household = monitored(850), guard = 'eliminate', refused = false,
})

dixian.spec('4800 per capita over the window is refused: not above the line of 5000', {
  as_of = '2020-06-15', household = monitored(800), guard = 'eliminate', refused = true,
  reasons = { '未超过监测标准5000元' },
})

dixian.spec('unsafe housing and no plan for this episode are refused with both reasons', {
  as_of = '2020-06-15',
  household = monitored(850, { survey = { safe_housing = false }, plans = { { made_on = '2019-03-01' } } }),
  guard = 'eliminate', refused = true, reasons = { '住房安全未保障', '未制定"一户一策"帮扶方案' },
})
