-- The definitions of seed 001 (名词解释2, 3), judged on the rolling window: for an assessment in
-- June 2020 the window runs from June 2019 to May 2020, against the 2019–2020 reference line of
-- 5000 yuan.

local months = dixian.import('ningxia').months

local workers = { { age = 45, local_work = true }, { age = 43, sex = 'female', local_work = true } }
local ill = { { age = 45, local_work = true, health = 'serious-illness' }, { age = 43, sex = 'female', local_work = true } }

dixian.spec('脱贫不稳定: 4500 per capita over June 2019 to May 2020, with a serious illness', {
  as_of = '2020-06-15',
  household = {
    category = 'lifted', members = ill,
    monthly_incomes = months(2019, 6, 12, 750),              -- 9000 over 2 people
    incomes = { { year = 2019, wage = 12000 } },             -- the calendar year would say 6000
  },
  findings = { 'ningxia.unstable' },
})

dixian.spec('the rolling window decides: 5200 per capita over the window is above 5000', {
  as_of = '2020-06-15',
  household = {
    category = 'lifted', members = ill,
    monthly_incomes = months(2019, 6, 12, 866.67),          -- 10400 over 2 people
    incomes = { { year = 2019, wage = 8000 } },              -- the calendar year would say 4000
  },
  findings = {},
})

dixian.spec('months outside the window do not count: June 2020 is the assessment month itself', {
  as_of = '2020-06-15',
  household = {
    category = 'lifted', members = ill,
    -- July 2019 to June 2020: June 2019 is missing from the window, June 2020 is outside it.
    monthly_incomes = months(2019, 7, 12, 750),
    incomes = { { year = 2019, wage = 12000 } },
  },
  findings = { 'ningxia.income-window-incomplete' },
})

dixian.spec('below the line but with none of the factors is not unstable', {
  as_of = '2020-06-15',
  household = { category = 'lifted', members = workers, monthly_incomes = months(2019, 6, 12, 750) },
  findings = {},
  excludes = { 'ningxia.unstable', 'ningxia.income-window-incomplete' },   -- all 12 months of the window are there
})

dixian.spec('no monthly record at all is judged on last year, not an incomplete window', {
  as_of = '2020-06-15',
  household = { category = 'lifted', members = workers, incomes = { { year = 2019, wage = 30000 } } },
  excludes = { 'ningxia.income-window-incomplete' },
})

dixian.spec('a 25% fall in income is not a sharp fall at the 30% the region uses (but wages did not grow)', {
  as_of = '2020-06-15',
  household = {
    category = 'lifted', members = workers,
    monthly_incomes = months(2019, 6, 12, 750),
    incomes = { { year = 2018, wage = 12000 }, { year = 2019, wage = 9000 } },
  },
  findings = { 'ningxia.income-growth' },
})

dixian.spec('边缘易致贫: two full-time college students and 4500 per capita', {
  as_of = '2020-06-15',
  household = {
    members = {
      { age = 50, local_work = true }, { age = 48, sex = 'female', local_work = true },
      { age = 20, school_stage = 'tertiary', school_status = 'enrolled' },
      { age = 19, sex = 'female', school_stage = 'tertiary', school_status = 'enrolled' },
    },
    monthly_incomes = months(2019, 6, 12, 1500),            -- 18000 over 4 people
  },
  findings = { 'ningxia.marginal' },
})

dixian.spec('one college student is not two', {
  as_of = '2020-06-15',
  household = {
    members = {
      { age = 50, local_work = true }, { age = 48, sex = 'female', local_work = true },
      { age = 20, school_stage = 'tertiary', school_status = 'enrolled' },
      { age = 12, school_stage = 'primary', school_status = 'enrolled' },
    },
    monthly_incomes = months(2019, 6, 12, 1500),
  },
  findings = {},
})

-- Factor ① is 就业不稳、增收乏力 (名词解释2①): a student is not a labourer out of work, and a
-- farmer with no job on record has shown no unstable employment.
local below = months(2019, 6, 12, 750)                       -- 9000 over the window

dixian.spec('①: an 18-year-old at senior secondary school is not a labourer out of work', {
  as_of = '2020-06-15',
  household = {
    category = 'lifted', monthly_incomes = below,
    members = { { age = 45, local_work = true }, { age = 43, sex = 'female', local_work = true },
                { age = 18, school_stage = 'senior-secondary', school_status = 'enrolled' } },
  },
  excludes = { 'ningxia.unstable' },
})

dixian.spec('①: a farmer with no job on record has not shown unstable employment', {
  as_of = '2020-06-15',
  household = {
    category = 'lifted', monthly_incomes = below,
    members = { { age = 45 }, { age = 43, sex = 'female', local_work = true } },
  },
  excludes = { 'ningxia.unstable' },
})

dixian.spec('①: three months of migrant work and no other job is unstable employment', {
  as_of = '2020-06-15',
  household = {
    category = 'lifted', monthly_incomes = below,
    members = { { age = 45, migrant_work_months = 3 }, { age = 43, sex = 'female', local_work = true } },
  },
  findings = { 'ningxia.unstable' },
})

dixian.spec('①: six months of migrant work is stable at the region\'s six', {
  as_of = '2020-06-15',
  household = {
    category = 'lifted', monthly_incomes = below,
    members = { { age = 45, migrant_work_months = 6 }, { age = 43, sex = 'female', local_work = true } },
  },
  excludes = { 'ningxia.unstable' },
})

dixian.spec('3②: a 中职 student is not a 全日制普通高校 student', {
  as_of = '2020-06-15',
  household = {
    members = {
      { age = 50, local_work = true }, { age = 48, sex = 'female', local_work = true },
      { age = 20, school_stage = 'tertiary', school_status = 'enrolled' },
      { age = 16, sex = 'female', school_stage = 'secondary-vocational', school_status = 'enrolled' },
    },
    monthly_incomes = months(2019, 6, 12, 1500),
  },
  excludes = { 'ningxia.marginal' },
})

dixian.spec('3②: a 高职 student is a 全日制普通高校 student (含高职学生)', {
  as_of = '2020-06-15',
  household = {
    members = {
      { age = 50, local_work = true }, { age = 48, sex = 'female', local_work = true },
      { age = 20, school_stage = 'tertiary', school_status = 'enrolled' },
      { age = 19, sex = 'female', school_stage = 'higher-vocational', school_status = 'enrolled' },
    },
    monthly_incomes = months(2019, 6, 12, 1500),
  },
  findings = { 'ningxia.marginal' },
})

-- The labour ages (labour_ages, 16 to 60: the county's choice, the seeds give none) at their ends:
-- a lifted household below the line whose one factor is the member of `age`, and whether it is
-- then 脱贫不稳定 with the factor (`fires`, its words).
local function labourer(name, member, fires)
  dixian.spec(name, {
    as_of = '2020-06-15',
    household = { category = 'lifted', monthly_incomes = below,
                  members = { member, { age = 43, sex = 'female', local_work = true } } },
    [fires and 'includes' or 'excludes'] = { 'ningxia.unstable' },
    messages = fires and { ['ningxia.unstable'] = fires } or nil,
  })
end

labourer('①: a 60-year-old with three months of migrant work is a labourer (labour_ages 16–60)',
  { age = 60, migrant_work_months = 3 }, '①就业不稳')
labourer('①: at 61 the same migrant worker is past the labour ages', { age = 61, migrant_work_months = 3 }, false)
labourer('①: a 16-year-old out of school with three months of migrant work is a labourer',
  { age = 16, migrant_work_months = 3 }, '①就业不稳')
labourer('①: a 15-year-old is below the labour ages', { age = 15, migrant_work_months = 3 }, false)
labourer('⑥: a 60-year-old main labourer partly disabled is a 主要劳动力因残丧失劳动能力',
  { age = 60, disability_grade = 3, labor_capacity = 'partial' }, '⑥主要劳动力因残丧失劳动能力')
labourer('⑥: at 61 a partly disabled member is past the labour ages',
  { age = 61, disability_grade = 3, labor_capacity = 'partial' }, false)
