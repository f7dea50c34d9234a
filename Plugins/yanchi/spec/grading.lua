-- Yanchi on top of Ningxia: its override changes only what it overrides, and its grading.
local months = dixian.import('ningxia').months

local workers = { { age = 45, local_work = true }, { age = 43, sex = 'female', local_work = true } }

dixian.spec('the override: a 25% fall is sharp at Yanchi\'s 20% (not at the region\'s 30%)', {
  as_of = '2020-06-15',
  household = {
    category = 'lifted', members = workers,
    monthly_incomes = months(2019, 6, 12, 750),
    incomes = { { year = 2018, wage = 12000 }, { year = 2019, wage = 9000 } },
  },
  findings = { 'ningxia.unstable', 'ningxia.income-growth', 'yanchi.grade' },
})

dixian.spec('what Yanchi does not override is the region\'s: the same dropout finding, the same line', {
  as_of = '2020-06-15',
  household = {
    members = { { age = 45, local_work = true }, { age = 14, school_stage = 'junior-secondary', school_status = 'dropped-out' } },
    monthly_incomes = months(2019, 6, 12, 1000),             -- 6000 per capita: above the region's 5000
  },
  findings = { 'ningxia.missed-guarantee' },
})

dixian.spec('red: a broken guarantee', {
  as_of = '2020-06-15',
  household = { members = workers, monthly_incomes = months(2019, 6, 12, 1000), survey = { safe_housing = false } },
  includes = { 'yanchi.grade' },
})

dixian.spec('yellow: 5400 per capita is within 20% above the line, with a serious illness', {
  as_of = '2020-06-15',
  household = {
    category = 'lifted',
    members = { { age = 45, local_work = true, health = 'serious-illness' }, { age = 43, sex = 'female', local_work = true } },
    monthly_incomes = months(2019, 6, 12, 900),
  },
  findings = { 'yanchi.grade' },
})

dixian.spec('green: comfortably above the line with no factor', {
  as_of = '2020-06-15',
  household = { category = 'lifted', members = workers, monthly_incomes = months(2019, 6, 12, 1500) },
  findings = {},
  excludes = { 'yanchi.grade' },
})

dixian.spec('green: 6000 per capita with a serious illness is beyond the 20% yellow margin above 5000', {
  as_of = '2020-06-15',
  household = {
    category = 'lifted',
    members = { { age = 45, local_work = true, health = 'serious-illness' }, { age = 43, sex = 'female', local_work = true } },
    monthly_incomes = months(2019, 6, 12, 1000),
  },
  excludes = { 'yanchi.grade' },
})

dixian.spec('red: under the line with a factor of the region\'s definition', {
  as_of = '2020-06-15',
  household = {
    category = 'lifted',
    members = { { age = 45, local_work = true, health = 'serious-illness' }, { age = 43, sex = 'female', local_work = true } },
    monthly_incomes = months(2019, 6, 12, 750),
  },
  findings = { 'ningxia.unstable', 'yanchi.grade' },
})
