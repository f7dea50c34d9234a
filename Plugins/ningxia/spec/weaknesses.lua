-- 查弱补强 (seed 000 二(四)1; seed 001 (九)): 兜底 and income growth.
local elderly = { { age = 72, labor_capacity = 'none' }, { age = 70, sex = 'female', labor_capacity = 'none' } }
local partial = { { age = 58, labor_capacity = 'partial', health = 'chronic-illness' }, { age = 56, sex = 'female', labor_capacity = 'partial' } }

dixian.spec('兜底: a lifted household with no one able to work and no 低保 or 特困 support', {
  as_of = '2020-06-15',
  household = { category = 'lifted', no_member_able_to_work = true, members = elderly,
                incomes = { { year = 2019, transfer = 9000 } } },
  includes = { 'ningxia.safety-net' },
})

dixian.spec('兜底: the same household with 低保 is covered', {
  as_of = '2020-06-15',
  household = { category = 'lifted', no_member_able_to_work = true, minimum_living_allowance = true, members = elderly,
                incomes = { { year = 2019, transfer = 9000 } } },
  excludes = { 'ningxia.safety-net' },
})

dixian.spec('兜底: partly able to work, no steady job and no industry', {
  as_of = '2020-06-15',
  household = { category = 'lifted', members = partial, incomes = { { year = 2019, transfer = 6000, wage = 2000 } } },
  includes = { 'ningxia.safety-net' },
})

dixian.spec('兜底: partly able to work but living from a flock two years running', {
  as_of = '2020-06-15',
  household = { category = 'lifted', members = partial,
                incomes = { { year = 2018, operating = 16000 }, { year = 2019, operating = 17000 } } },
  excludes = { 'ningxia.safety-net' },
})

dixian.spec('兜底: a general household is not 脱贫人口 or 监测对象', {
  as_of = '2020-06-15',
  household = { no_member_able_to_work = true, members = elderly, incomes = { { year = 2019, transfer = 9000 } } },
  excludes = { 'ningxia.safety-net' },
})

dixian.spec('增收乏力: wages and operating income of 2019 equal to 2018 did not grow', {
  as_of = '2020-06-15',
  household = { category = 'lifted', members = { { age = 45, local_work = true } },
                incomes = { { year = 2018, wage = 20000, operating = 4000 }, { year = 2019, wage = 21000, operating = 3000 } } },
  findings = { 'ningxia.income-growth' },
})

dixian.spec('增收乏力: one yuan more than the year before is growth', {
  as_of = '2020-06-15',
  household = { category = 'lifted', members = { { age = 45, local_work = true } },
                incomes = { { year = 2018, wage = 20000, operating = 4000 }, { year = 2019, wage = 21000, operating = 3001 } } },
  excludes = { 'ningxia.income-growth' },
})
