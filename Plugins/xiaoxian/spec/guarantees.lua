-- The 大排查 areas of seed 002 二(五), 二(十), 二(十二) and 二(十三).
local steady = { { year = 2019, wage = 30000 }, { year = 2020, wage = 32000 } }
-- A 脱贫户's helper visited a month before: no 跟踪走访 finding (二(六)) among the others.
local visited = { { visited_on = '2021-02-01', role = 'helper' } }

dixian.spec('a 15-year-old who dropped out is found; a 16-year-old is past compulsory age', {
  as_of = '2021-03-01',
  household = {
    members = {
      { age = 45 },
      { age = 15, school_stage = 'junior-secondary', school_status = 'dropped-out' },
      { age = 16, school_stage = 'senior-secondary', school_status = 'dropped-out' },
    },
    incomes = steady,
  },
  findings = { 'xiaoxian.out-of-school' },
})

dixian.spec('a 6-year-old out of school is found; a 5-year-old is not yet of age', {
  as_of = '2021-03-01',
  household = { members = { { age = 30 }, { age = 6 }, { age = 5 } }, incomes = steady },
  findings = { 'xiaoxian.out-of-school' },
})

dixian.spec('a child who cannot study for a severe disability is excepted', {
  as_of = '2021-03-01',
  household = { members = { { age = 40 }, { age = 10, disability_grade = 1 } }, incomes = steady },
  findings = {},
})

dixian.spec('every member insured: an uninsured spouse is found', {
  as_of = '2021-03-01',
  household = { members = { { age = 40 }, { age = 38, sex = 'female', medical_insurance = false } }, incomes = steady },
  findings = { 'xiaoxian.uninsured' },
})

dixian.spec('dangerous housing, not yet assessed', {
  as_of = '2021-03-01',
  household = { members = { { age = 40 } }, incomes = steady, survey = { safe_housing = false, housing_assessed = false } },
  findings = { 'xiaoxian.dangerous-housing' },
})

dixian.spec('two elderly people alone in unsafe housing', {
  as_of = '2021-03-01',
  household = {
    members = { { age = 78, labor_capacity = 'none' }, { age = 75, sex = 'female', labor_capacity = 'none' } },
    incomes = steady, survey = { safe_housing = false },
  },
  findings = { 'xiaoxian.dangerous-housing', 'xiaoxian.elderly-alone-unsafe-housing' },
})

dixian.spec('water: enough but not of standard quality', {
  as_of = '2021-03-01',
  household = { members = { { age = 40 } }, incomes = steady, survey = { water_quality = false } },
  findings = { 'xiaoxian.drinking-water' },
})

dixian.spec('a lifted-out household whose 2020 income did not grow over 2019', {
  as_of = '2021-03-01',
  household = {
    category = 'lifted', helper = '孙帮扶', visits = visited, members = { { age = 40 }, { age = 38, sex = 'female' } },
    incomes = { { year = 2019, wage = 20000 }, { year = 2020, wage = 20000 } },
  },
  findings = { 'xiaoxian.income-growth' },
})

dixian.spec('a public-welfare post held by someone unable to work', {
  as_of = '2021-03-01',
  household = {
    category = 'lifted', helper = '孙帮扶', visits = visited,
    members = { { age = 70, labor_capacity = 'none', public_welfare_post = true }, { age = 40 } },
    incomes = steady,
  },
  findings = { 'xiaoxian.welfare-post-without-labor' },
})

dixian.spec('a lifted-out household with no one able to work and no 低保 or 特困', {
  as_of = '2021-03-01',
  household = {
    category = 'lifted', helper = '孙帮扶', visits = visited,
    members = { { age = 80, labor_capacity = 'none' } },
    incomes = steady,
  },
  findings = { 'xiaoxian.security-not-covered' },
})

dixian.spec('the 入户排查台账 row of a lifted-out household with a dropout and unsafe water', {
  as_of = '2021-03-01',
  household = {
    category = 'lifted', head_name = '张明',
    members = { { age = 45, name = '张明' }, { age = 13, name = '张小', school_stage = 'junior-secondary', school_status = 'dropped-out' } },
    incomes = { { year = 2020, wage = 18000, operating = 6000, transfer = 1200 } },
    survey = { water_quantity = false },
  },
  checklist = {
    id = 'household-ledger',
    row = {
      head_name = '张明', category = '脱贫户', size = '2', annual_income = '25200', main_source = '工资性收入',
      all_insured = true, seriously_ill = false, school_age_children = true, dropped_out = true,
      housing_safe = true, water_problem = true, problem_count = '2', income_stable = '',
    },
  },
})
