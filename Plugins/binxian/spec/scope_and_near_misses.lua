-- Each Bin County check on both sides of its line: 脱贫人口 includes the 脱贫不稳定户 (seed 004
-- 二.1, 二.3), the 20% fall, the safety net in place, a disaster outside the window, rigid
-- spending equal to net income, and 五.3's 三保障 and 饮水 gaps.
local fell_by_a_quarter = { { year = 2019, wage = 20000 }, { year = 2020, wage = 15000 } }

dixian.spec('a 脱贫不稳定户 (monitored, unstable) whose wages fell by a quarter is in the risk points: 脱贫人口 includes it', {
  as_of = '2021-09-19',
  household = { monitored_kind = 'unstable', members = { { age = 40 }, { age = 38, sex = 'female' } }, incomes = fell_by_a_quarter },
  includes = { 'binxian.wage-income-fell' },
})

dixian.spec('a 脱贫不稳定户 with no one able to work and no safety net', {
  as_of = '2021-09-19',
  household = { monitored_kind = 'unstable', members = { { age = 79, labor_capacity = 'none' } }, incomes = { { year = 2020, transfer = 9000 } } },
  includes = { 'binxian.safety-net-missing' },
})

dixian.spec('减收风险点清单 lists a 脱贫不稳定户', {
  as_of = '2021-09-19',
  household = {
    monitored_kind = 'unstable', head_name = '赵德发', members = { { age = 40, name = '赵德发' }, { age = 38, sex = 'female' } },
    incomes = fell_by_a_quarter,
  },
  checklist = { id = 'income-risk-points', row = { head_name = '赵德发', category = '监测户', wages = '2020年工资性收入15000元，比上年20000元明显下降，应落实就业帮扶', risk_count = '1' } },
})

dixian.spec('a 突发严重困难户 is not 脱贫人口 nor 边缘易致贫: outside the risk points', {
  as_of = '2021-09-19',
  household = { monitored_kind = 'sudden-hardship', members = { { age = 40 }, { age = 38, sex = 'female' } }, incomes = fell_by_a_quarter },
  excludes = { 'binxian.wage-income-fell' },
})

dixian.spec('wages that fell by exactly 20% are not a marked fall', {
  as_of = '2021-09-19',
  household = { category = 'lifted', members = { { age = 40 } }, incomes = { { year = 2019, wage = 20000 }, { year = 2020, wage = 16000 } } },
  excludes = { 'binxian.wage-income-fell' },
})

dixian.spec('farming income after costs that fell by exactly 20% is not a marked fall', {
  as_of = '2021-09-19',
  household = {
    category = 'lifted', members = { { age = 40 } },
    incomes = { { year = 2019, operating = 20000, production_costs = 5000 }, { year = 2020, operating = 17000, production_costs = 5000 } },
  },
  excludes = { 'binxian.farming-income-fell' },
})

dixian.spec('no one able to work, but 低保 in place: the safety net holds', {
  as_of = '2021-09-19',
  household = {
    category = 'lifted', minimum_living_allowance = true, members = { { age = 81, labor_capacity = 'none' } },
    incomes = { { year = 2020, transfer = 9000 } },
  },
  excludes = { 'binxian.safety-net-missing' },
})

-- 近期 (recent_event_years 1): from 1 January of the year before the assessment year.
local function hit_by_disaster(reported_on)
  return {
    monitored_kind = 'marginal', members = { { age = 40 } }, incomes = { { year = 2020, wage = 30000 } },
    episodes = { { reported_on = reported_on, identified_on = '2020-01-10', risk_types = { 'natural-disaster' } } },
  }
end

dixian.spec('a disaster reported on 2019-12-31 is before last year: not a recent risk point in 2021', {
  as_of = '2021-09-19', household = hit_by_disaster('2019-12-31'), excludes = { 'binxian.natural-disaster' },
})

dixian.spec('a disaster reported on 2020-01-01 is last year\'s: still recent in 2021 (recent_event_years 1)', {
  as_of = '2021-09-19', household = hit_by_disaster('2020-01-01'), includes = { 'binxian.natural-disaster' },
})

dixian.spec('rigid spending equal to net income, income steady: not a suspected sudden hardship', {
  as_of = '2021-09-19',
  household = {
    members = { { age = 50, health = 'serious-illness' }, { age = 48, sex = 'female' } },
    incomes = { { year = 2019, wage = 20000 }, { year = 2020, wage = 20000, medical_spending = 20000 } },
  },
  excludes = { 'binxian.sudden-hardship' },
})

dixian.spec('a general household whose net income halved: suspected sudden hardship', {
  as_of = '2021-09-19',
  household = { members = { { age = 40 } }, incomes = { { year = 2019, wage = 30000 }, { year = 2020, wage = 14000 } } },
  includes = { 'binxian.sudden-hardship' },
})

dixian.spec('后评估 五.3: a 脱贫户 whose survey finds unsafe housing and poor water quality', {
  as_of = '2021-09-19',
  household = {
    category = 'lifted', members = { { age = 40 } }, incomes = { { year = 2020, wage = 30000 } },
    survey = { surveyed_on = '2021-09-01', safe_housing = false, water_quality = false },
  },
  includes = { 'binxian.guarantees-gap' },
})

dixian.spec('后评估 五.3: the same survey in a general household is outside the 脱贫户 and 边缘户 of the rule', {
  as_of = '2021-09-19',
  household = {
    members = { { age = 40 } }, incomes = { { year = 2020, wage = 30000 } },
    survey = { surveyed_on = '2021-09-01', safe_housing = false, water_quality = false },
  },
  excludes = { 'binxian.guarantees-gap' },
})

dixian.spec('后评估 五.3: a marginal household whose survey finds everything secured', {
  as_of = '2021-09-19',
  household = { monitored_kind = 'marginal', members = { { age = 40 } }, incomes = { { year = 2020, wage = 30000 } }, survey = { surveyed_on = '2021-09-01' } },
  excludes = { 'binxian.guarantees-gap' },
})
