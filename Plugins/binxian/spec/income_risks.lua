-- 三类户 (seed 004 三.1) and the named income-loss risk points (二.1).

dixian.spec('rigid spending above net income in a general household: suspected sudden hardship', {
  as_of = '2021-09-19',
  household = {
    members = { { age = 50, health = 'serious-illness' }, { age = 48, sex = 'female' } },
    incomes = { { year = 2020, wage = 20000, medical_spending = 26000 } },
  },
  findings = { 'binxian.sudden-hardship' },
})

dixian.spec('a lifted-out household whose wage income fell by a quarter', {
  as_of = '2021-09-19',
  household = {
    category = 'lifted', members = { { age = 40 }, { age = 38, sex = 'female' } },
    incomes = { { year = 2019, wage = 20000 }, { year = 2020, wage = 15000 } },
  },
  findings = { 'binxian.wage-income-fell' },
})

dixian.spec('a general household is outside the risk points: no finding for the same fall', {
  as_of = '2021-09-19',
  household = {
    members = { { age = 40 }, { age = 38, sex = 'female' } },
    incomes = { { year = 2019, wage = 20000 }, { year = 2020, wage = 15000 } },
  },
  findings = {},
})

dixian.spec('a marginal household hit by the summer floods', {
  as_of = '2021-09-19',
  household = {
    monitored_kind = 'marginal',
    members = { { age = 40 } },
    incomes = { { year = 2020, wage = 30000 } },
    episodes = { { reported_on = '2021-08-02', identified_on = '2021-08-10', risk_types = { 'natural-disaster' } } },
  },
  findings = { 'binxian.natural-disaster' },
})

dixian.spec('a lifted-out household with no one able to work and no safety net', {
  as_of = '2021-09-19',
  household = { category = 'lifted', members = { { age = 81, labor_capacity = 'none' } }, incomes = { { year = 2020, transfer = 9000 } } },
  findings = { 'binxian.safety-net-missing' },
})

dixian.spec('farming income that fell by 30% after costs', {
  as_of = '2021-09-19',
  household = {
    category = 'lifted', members = { { age = 40 } },
    incomes = { { year = 2019, operating = 20000, production_costs = 5000 }, { year = 2020, operating = 15500, production_costs = 5000 } },
  },
  findings = { 'binxian.farming-income-fell' },
})

dixian.spec('减收风险点清单: a lifted-out household whose wages fell by a quarter, the other judged points clear', {
  as_of = '2021-09-19',
  household = {
    category = 'lifted', head_name = '刘长海', members = { { age = 40, name = '刘长海' }, { age = 38, sex = 'female' } },
    incomes = { { year = 2019, wage = 20000 }, { year = 2020, wage = 15000 } },
  },
  checklist = {
    id = 'income-risk-points',
    row = {
      head_name = '刘长海', category = '脱贫户', size = '2', net = '15000', per_capita = '7500', risk_count = '1',
      farming = '无', safety_net = '无', disaster = '无', microcredit = '无', projects = '', others = '',
    },
  },
})

dixian.spec('减收风险点清单: a general household is not in scope', {
  as_of = '2021-09-19',
  household = { members = { { age = 40 } }, incomes = { { year = 2020, wage = 15000 } } },
  checklist = { id = 'income-risk-points', listed = false },
})
