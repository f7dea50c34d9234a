-- Each Xiao County check on both sides of its line (issue 18: a spec where it fires and one
-- where it does not), and the one definition of 失学辍学 shared by the check and the 台账.
local steady = { { year = 2019, wage = 30000 }, { year = 2020, wage = 32000 } }

dixian.spec('a 15-year-old with no school stage may have finished 初中: not 失学辍学, and the 台账 says 否', {
  as_of = '2021-03-01',
  household = { head_name = '王军', members = { { age = 45, name = '王军' }, { age = 15, name = '王小军' } }, incomes = steady },
  excludes = { 'xiaoxian.out-of-school' },
  checklist = { id = 'household-ledger', row = { school_age_children = '是', dropped_out = '否', problem_count = '0' } },
})

dixian.spec('a 14-year-old with no school stage is 失学, and the 台账 says 是', {
  as_of = '2021-03-01',
  household = { members = { { age = 45 }, { age = 14 } }, incomes = steady },
  includes = { 'xiaoxian.out-of-school' },
  checklist = { id = 'household-ledger', row = { school_age_children = '是', dropped_out = '是', problem_count = '1' } },
})

dixian.spec('a 15-year-old who dropped out of senior secondary school has finished compulsory education', {
  as_of = '2021-03-01',
  household = { members = { { age = 45 }, { age = 15, school_stage = 'senior-secondary', school_status = 'dropped-out' } }, incomes = steady },
  excludes = { 'xiaoxian.out-of-school' },
  checklist = { id = 'household-ledger', row = { dropped_out = '否' } },
})

dixian.spec('a child with a grade-3 disability who dropped out is not excepted (grades 1 and 2 are)', {
  as_of = '2021-03-01',
  household = {
    members = { { age = 40 }, { age = 11, disability_grade = 3, school_stage = 'primary', school_status = 'dropped-out' } },
    incomes = steady,
  },
  includes = { 'xiaoxian.out-of-school' },
})

dixian.spec('a child with a grade-1 disability not in school is excepted in the check and the 台账', {
  as_of = '2021-03-01',
  household = { members = { { age = 40 }, { age = 10, disability_grade = 1 } }, incomes = steady },
  excludes = { 'xiaoxian.out-of-school' },
  checklist = { id = 'household-ledger', row = { dropped_out = '否' } },
})

dixian.spec('every member insured', {
  as_of = '2021-03-01',
  household = { members = { { age = 40 }, { age = 38, sex = 'female' } }, incomes = steady },
  excludes = { 'xiaoxian.uninsured' },
})

dixian.spec('medical spending of exactly 30% of net income is not above the burden share', {
  as_of = '2021-03-01',
  household = {
    monitored_kind = 'unstable', members = { { age = 50, health = 'serious-illness' } },
    incomes = { { year = 2020, wage = 20000, medical_spending = 6000 } },
  },
  excludes = { 'xiaoxian.medical-burden' },
})

dixian.spec('medical spending of 35% of net income in a monitored household', {
  as_of = '2021-03-01',
  household = {
    monitored_kind = 'unstable', members = { { age = 50, health = 'serious-illness' } },
    incomes = { { year = 2020, wage = 20000, medical_spending = 7000 } },
  },
  includes = { 'xiaoxian.medical-burden' },
})

dixian.spec('safe housing and water', {
  as_of = '2021-03-01',
  household = { members = { { age = 78 } }, incomes = steady, survey = { safe_housing = true } },
  excludes = { 'xiaoxian.dangerous-housing', 'xiaoxian.elderly-alone-unsafe-housing', 'xiaoxian.drinking-water' },
})

dixian.spec('unsafe housing where one of the two members is 59: not elderly people alone', {
  as_of = '2021-03-01',
  household = { members = { { age = 78 }, { age = 59, sex = 'female' } }, incomes = steady, survey = { safe_housing = false } },
  includes = { 'xiaoxian.dangerous-housing' },
  excludes = { 'xiaoxian.elderly-alone-unsafe-housing' },
})

dixian.spec('per-capita income up by one yuan a year is growth', {
  as_of = '2021-03-01',
  household = { category = 'lifted', members = { { age = 40 } }, incomes = { { year = 2019, wage = 20000 }, { year = 2020, wage = 20001 } } },
  excludes = { 'xiaoxian.income-growth' },
})

dixian.spec('a general household whose income did not grow is outside 二(十三)', {
  as_of = '2021-03-01',
  household = { members = { { age = 40 } }, incomes = { { year = 2019, wage = 20000 }, { year = 2020, wage = 20000 } } },
  excludes = { 'xiaoxian.income-growth' },
})

dixian.spec('a public-welfare post held by someone partly able to work', {
  as_of = '2021-03-01',
  household = { category = 'lifted', members = { { age = 62, labor_capacity = 'partial', public_welfare_post = true } }, incomes = steady },
  excludes = { 'xiaoxian.welfare-post-without-labor' },
})

dixian.spec('no one able to work, in 特困供养', {
  as_of = '2021-03-01',
  household = { category = 'lifted', extreme_poverty_support = true, members = { { age = 80, labor_capacity = 'none' } }, incomes = steady },
  excludes = { 'xiaoxian.security-not-covered' },
})

dixian.spec('a lifted-out household with a seriously ill member and no 低保: to be verified', {
  as_of = '2021-03-01',
  household = { category = 'lifted', members = { { age = 50, health = 'serious-illness' }, { age = 48 } }, incomes = steady },
  includes = { 'xiaoxian.security-not-covered' },
})

dixian.spec('a lifted-out household with a grade-2 (重度) disabled member and no 低保: to be verified', {
  as_of = '2021-03-01',
  household = { category = 'lifted', members = { { age = 50, disability_grade = 2 }, { age = 48 } }, incomes = steady },
  includes = { 'xiaoxian.security-not-covered' },
})

dixian.spec('a grade-3 disability is not 重度残疾', {
  as_of = '2021-03-01',
  household = { category = 'lifted', members = { { age = 50, disability_grade = 3 }, { age = 48 } }, incomes = steady },
  excludes = { 'xiaoxian.security-not-covered' },
})

dixian.spec('a lifted-out household without a helper', {
  as_of = '2021-03-01',
  household = { category = 'lifted', members = { { age = 40 } }, incomes = steady },
  includes = { 'xiaoxian.no-helper' },
})

dixian.spec('a monitored household with its helper; a general household needs none', {
  as_of = '2021-03-01',
  household = { monitored_kind = 'marginal', helper = '周帮扶', members = { { age = 40 } }, incomes = steady },
  excludes = { 'xiaoxian.no-helper' },
})
