-- 四查四补 (seed 000 二).
local comfortable = { { year = 2019, wage = 40000 } }

dixian.spec('查漏补缺·漏项: a 14-year-old out of school and an uninsured member', {
  as_of = '2020-06-15',
  household = {
    members = { { age = 45, local_work = true, medical_insurance = false }, { age = 14, school_stage = 'junior-secondary', school_status = 'dropped-out' } },
    incomes = comfortable,
  },
  findings = { 'ningxia.missed-guarantee' },
})

dixian.spec('查损补失: a disaster reported this spring, household not monitored', {
  as_of = '2020-06-15',
  household = {
    members = { { age = 45, local_work = true } },
    incomes = comfortable,
    episodes = { { reported_on = '2020-04-02', status = 'reported', risk_types = { 'natural-disaster' } } },
  },
  findings = { 'ningxia.losses' },
})

dixian.spec('查漏补缺·漏扶: a monitored household without a plan', {
  as_of = '2020-06-15',
  household = {
    monitored_kind = 'marginal', helper = '王帮扶',
    members = { { age = 45, local_work = true } },
    incomes = comfortable,
    episodes = { { reported_on = '2020-03-01', identified_on = '2020-03-12', risk_types = { 'illness' } } },
    visits = { { visited_on = '2020-05-20', role = 'helper' } },
  },
  findings = { 'ningxia.missed-help' },
})

dixian.spec('查弱补强: a relocated family with two labourers and no one working', {
  as_of = '2020-06-15',
  household = {
    relocated = true,
    members = { { age = 35 }, { age = 33, sex = 'female' } },
    incomes = comfortable,
  },
  findings = { 'ningxia.relocation-employment' },
})

dixian.spec('四查四补问题台账: the findings sit under their family, counted', {
  as_of = '2020-06-15',
  household = {
    head_name = '马福', monitored_kind = 'marginal', helper = '王帮扶',
    members = { { age = 45, name = '马福', local_work = true, medical_insurance = false } },
    incomes = comfortable,
    episodes = { { reported_on = '2020-03-01', identified_on = '2020-03-12', risk_types = { 'illness' } } },
  },
  checklist = {
    id = 'four-checks-ledger',
    row = {
      head_name = '马福', category = '监测户', size = '1', problem_count = '2',
      gaps = '漏项：未参加基本医疗保险（马福）；监测户未制定"一户一策"帮扶方案',
      losses = '', shortfalls = '', weaknesses = '', measure = '',
    },
  },
})

dixian.spec('四查四补问题台账: a household the checks find nothing on is not on the ledger', {
  as_of = '2020-06-15',
  household = { members = { { age = 45, local_work = true } }, incomes = comfortable },
  checklist = { id = 'four-checks-ledger', listed = false },
})

-- 易地搬迁 (seed 001 (六)：有劳动能力的搬迁家庭至少有一项稳定增收产业或至少一人稳定就业).
dixian.spec('查弱补强: one month of migrant work is not stable employment, and there is no industry', {
  as_of = '2020-06-15',
  household = {
    relocated = true,
    members = { { age = 35, migrant_work_months = 1 }, { age = 33, sex = 'female' } },
    incomes = comfortable,
  },
  findings = { 'ningxia.relocation-employment' },
})

dixian.spec('查弱补强: a relocated family living from its own herd two years running has a stable industry', {
  as_of = '2020-06-15',
  household = {
    relocated = true,
    members = { { age = 35 }, { age = 33, sex = 'female' } },
    incomes = { { year = 2018, operating = 30000 }, { year = 2019, operating = 32000 } },
  },
  excludes = { 'ningxia.relocation-employment' },
})

dixian.spec('查弱补强: six months of migrant work is stable employment', {
  as_of = '2020-06-15',
  household = {
    relocated = true,
    members = { { age = 35, migrant_work_months = 6 }, { age = 33, sex = 'female' } },
    incomes = comfortable,
  },
  excludes = { 'ningxia.relocation-employment' },
})

dixian.spec('四查四补问题台账: an incomplete income record is a data gap, not a 漏统 problem', {
  as_of = '2020-06-15',
  household = {
    members = { { age = 45, local_work = true } }, incomes = comfortable,
    monthly_incomes = dixian.import('ningxia').months(2019, 6, 6, 3000),
  },
  checklist = { id = 'four-checks-ledger', listed = false },
})

dixian.spec('漏项: a 12-year-old kept from school by a grade-1 disability is the exception (除身体原因)', {
  as_of = '2020-06-15',
  household = {
    members = { { age = 45, local_work = true },
                { age = 12, school_stage = 'primary', school_status = 'dropped-out', disability_grade = 1, labor_capacity = 'none' } },
    incomes = comfortable,
  },
  excludes = { 'ningxia.missed-guarantee' },
})

dixian.spec('查损补失: a disaster of May 2019 is outside the 365 days the region looks back', {
  as_of = '2020-06-15',
  household = {
    members = { { age = 45, local_work = true } }, incomes = comfortable,
    episodes = { { reported_on = '2019-05-02', status = 'reported', risk_types = { 'natural-disaster' } } },
  },
  excludes = { 'ningxia.losses' },
})

dixian.spec('查损补失: a monitored household hit by the disaster is already in monitoring', {
  as_of = '2020-06-15',
  household = {
    monitored_kind = 'sudden-hardship', helper = '王帮扶',
    members = { { age = 45, local_work = true } }, incomes = comfortable,
    episodes = { { reported_on = '2020-04-02', identified_on = '2020-04-10', risk_types = { 'natural-disaster' } } },
    plans = { { made_on = '2020-04-15' } }, visits = { { visited_on = '2020-05-20', role = 'helper' } },
  },
  findings = {},
  excludes = { 'ningxia.losses', 'ningxia.missed-help' },
})

dixian.spec('查漏补缺·漏扶: a monitored household with a plan and a helper', {
  as_of = '2020-06-15',
  household = {
    monitored_kind = 'marginal', helper = '王帮扶',
    members = { { age = 45, local_work = true } }, incomes = comfortable,
    episodes = { { reported_on = '2020-03-01', identified_on = '2020-03-12', risk_types = { 'illness' } } },
    plans = { { made_on = '2020-03-20' } }, visits = { { visited_on = '2020-05-20', role = 'helper' } },
  },
  excludes = { 'ningxia.missed-help' },
})

-- The compulsory-school ages (compulsory_school_ages, 6 to 15) and the physical reasons
-- (unable_to_study_grades 1–2, unable_to_study_serious_illness): the county's choice, the seeds
-- give none. Each case: a child who left school, and whether the 漏项 check fires.
local function dropout(name, child, fires)
  child.school_status = 'dropped-out'
  dixian.spec('漏项: ' .. name, {
    as_of = '2020-06-15',
    household = { members = { { age = 45, local_work = true }, child }, incomes = comfortable },
    [fires and 'includes' or 'excludes'] = { 'ningxia.missed-guarantee' },
    messages = fires and { ['ningxia.missed-guarantee'] = '义务教育控辍保学反弹' } or nil,
  })
end

dropout('a 15-year-old who left junior secondary school is of compulsory-school age',
  { age = 15, school_stage = 'junior-secondary' }, true)
dropout('at 16 a dropout is past compulsory-school age', { age = 16, school_stage = 'junior-secondary' }, false)
dropout('a 6-year-old who left primary school is of compulsory-school age', { age = 6, school_stage = 'primary' }, true)
dropout('a 5-year-old is below compulsory-school age', { age = 5, school_stage = 'primary' }, false)
dropout('a grade-2 disability is a physical reason (unable_to_study_grades 1–2)',
  { age = 12, school_stage = 'primary', disability_grade = 2 }, false)
dropout('a grade-3 disability is not, and the dropout is a gap', { age = 12, school_stage = 'primary', disability_grade = 3 }, true)
dropout('a serious illness is a physical reason (unable_to_study_serious_illness)',
  { age = 12, school_stage = 'primary', health = 'serious-illness' }, false)
dropout('a chronic illness is not', { age = 12, school_stage = 'primary', health = 'chronic-illness' }, true)

dixian.spec('查弱补强: a relocated family whose one member of 60 has no work has a labourer without work', {
  as_of = '2020-06-15',
  household = { relocated = true, members = { { age = 60 } }, incomes = comfortable },
  findings = { 'ningxia.relocation-employment' },
})

dixian.spec('查弱补强: at 61 the member is past the labour ages, so the family has no labourer', {
  as_of = '2020-06-15',
  household = { relocated = true, members = { { age = 61 } }, incomes = comfortable },
  excludes = { 'ningxia.relocation-employment' },
})
