-- 七不消 (seed 003 附件2 二.14, 二.15): the guard on risk elimination.
local stable = {
  monitored_kind = 'marginal',
  members = { { age = 45 }, { age = 44, sex = 'female' } },
  incomes = { { year = 2023, wage = 26000, operating = 4000 } },
  survey = {},
  episodes = { { reported_on = '2023-03-01', identified_on = '2023-03-10', risk_types = { 'illness' } } },
  plans = { { made_on = '2023-03-15', adjusted_on = '2024-03-20' } },
}

dixian.spec('a household stably above the line with every guarantee met may be eliminated', {
  as_of = '2024-06-30', household = stable, guard = 'eliminate', refused = false,
})

dixian.spec('a household with no one able to work is refused: it stays monitored', {
  as_of = '2024-06-30',
  household = {
    monitored_kind = 'marginal',
    members = { { age = 80, labor_capacity = 'none' }, { age = 78, sex = 'female', labor_capacity = 'none' } },
    incomes = { { year = 2023, transfer = 20000 } },
    survey = {},
    plans = { { made_on = '2023-03-15' } },
  },
  guard = 'eliminate', refused = true, reasons = { '整户无劳动能力' },
})

dixian.spec('7799 yuan per capita in 2023 is refused: income not above the 7800 line', {
  as_of = '2024-06-30',
  household = {
    monitored_kind = 'marginal',
    members = { { age = 45 }, { age = 44, sex = 'female' } },
    incomes = { { year = 2023, wage = 15598 } },
    survey = {},
    plans = { { made_on = '2023-03-15' } },
  },
  guard = 'eliminate', refused = true, reasons = { '未超过监测范围' },
})

dixian.spec('unsafe housing and a dropout are refused with both reasons', {
  as_of = '2024-06-30',
  household = {
    monitored_kind = 'marginal',
    members = { { age = 45 }, { age = 13, school_stage = 'junior-secondary', school_status = 'dropped-out' } },
    incomes = { { year = 2023, wage = 30000 } },
    survey = { safe_housing = false },
    plans = { { made_on = '2023-03-15' } },
  },
  guard = 'eliminate', refused = true, reasons = { '住房安全未保障', '辍学' },
})
