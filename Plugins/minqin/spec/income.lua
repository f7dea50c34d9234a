-- The monitoring line of seed 003 附件2 二.3 (7800 yuan for 2024) and incomes that fell (二.2).

dixian.spec('2024: a household at 7799 yuan per capita is under the line of 7800', {
  as_of = '2024-06-30',
  household = {
    category = 'lifted',
    members = { { age = 45 }, { age = 43, sex = 'female' } },
    incomes = { { year = 2022, wage = 15000 }, { year = 2023, wage = 15598 } },  -- 7799 per capita
  },
  includes = { 'minqin.income-below-line' },
})

dixian.spec('2024: a household at 7801 yuan per capita is not', {
  as_of = '2024-06-30',
  household = {
    category = 'lifted',
    members = { { age = 45 }, { age = 43, sex = 'female' } },
    incomes = { { year = 2022, wage = 15000 }, { year = 2023, wage = 15602 } },  -- 7801 per capita
  },
  excludes = { 'minqin.income-below-line' },
})

dixian.spec('the line counts net income: production costs come off', {
  as_of = '2024-06-30',
  household = {
    members = { { age = 50 } },
    incomes = { { year = 2023, operating = 9000, production_costs = 1300 } },  -- 7700 net
  },
  findings = { 'minqin.income-below-line' },
})

dixian.spec('a monitored household is already monitored: no line finding', {
  as_of = '2024-06-30',
  household = {
    monitored_kind = 'marginal',
    members = { { age = 50 } },
    incomes = { { year = 2023, wage = 5000 } },
    episodes = { { reported_on = '2024-03-01', identified_on = '2024-03-10', risk_types = { 'illness' } } },
    plans = { { made_on = '2024-03-15' } },
    visits = { { visited_on = '2024-05-20', role = 'resident-team' }, { visited_on = '2024-02-10', role = 'helper' } },
  },
  findings = {},
})

dixian.spec('the 2024 line is not in force in 2023: 民农领发〔2024〕9号 gives no earlier line', {
  as_of = '2024-01-01',
  household = { members = { { age = 50 } }, incomes = { { year = 2023, wage = 7801 } } },
  findings = {},
})

dixian.spec('a lifted-out household whose 2023 income fell below 2022 is watched (二.2)', {
  as_of = '2024-06-30',
  household = {
    category = 'lifted',
    members = { { age = 45 }, { age = 20 } },
    incomes = { { year = 2022, wage = 30000 }, { year = 2023, wage = 28000 } },
  },
  findings = { 'minqin.income-fell' },
})

dixian.spec('a general household whose income fell is not a lifted-out one: no finding', {
  as_of = '2024-06-30',
  household = {
    members = { { age = 45 }, { age = 20 } },
    incomes = { { year = 2022, wage = 30000 }, { year = 2023, wage = 28000 } },
  },
  findings = {},
  excludes = { 'minqin.income-fell' },
})

-- 脱贫人口 includes the 脱贫不稳定户: a 脱贫户 now monitored (seed 003 附件2 二.2; DOMAIN.md).
local monitored_since_2023 = { { reported_on = '2023-03-01', identified_on = '2023-03-10', risk_types = { 'illness' } } }

dixian.spec('a 脱贫不稳定户 whose 2023 income fell below 2022 is among the 脱贫人口 watched (二.2)', {
  as_of = '2024-06-30',
  household = {
    category = 'monitored', monitored_kind = 'unstable',
    members = { { age = 45 }, { age = 20 } },
    incomes = { { year = 2022, wage = 30000 }, { year = 2023, wage = 28000 } },
    episodes = monitored_since_2023,
  },
  includes = { 'minqin.income-fell' },
})

dixian.spec('an 边缘易致贫户 whose income fell is monitored but not 脱贫人口: no income-fell finding', {
  as_of = '2024-06-30',
  household = {
    category = 'monitored', monitored_kind = 'marginal',
    members = { { age = 45 }, { age = 20 } },
    incomes = { { year = 2022, wage = 30000 }, { year = 2023, wage = 28000 } },
    episodes = monitored_since_2023,
  },
  excludes = { 'minqin.income-fell' },
})

dixian.spec('a 脱贫户 whose 2023 income equals 2022 did not fall', {
  as_of = '2024-06-30',
  household = {
    category = 'lifted',
    members = { { age = 45 }, { age = 20 } },
    incomes = { { year = 2022, wage = 30000 }, { year = 2023, wage = 30000 } },
  },
  excludes = { 'minqin.income-fell' },
})
