-- 三保障 and 饮水安全 all year (seed 003 正文三(一)3 "常态清零"), 整户无劳动能力 and social security
-- (附件2 二.13, 二.19), and 因灾"绿色通道" (二.8).
local well_off = { { year = 2023, wage = 40000 } }

dixian.spec('三保障: a survey recording unsafe housing is a finding, outside any elimination', {
  as_of = '2024-06-30',
  household = { members = { { age = 45 } }, incomes = well_off, survey = { safe_housing = false } },
  includes = { 'minqin.guarantee-unmet' },
})

dixian.spec('饮水安全: water of standard quality but not enough is a finding', {
  as_of = '2024-06-30',
  household = { members = { { age = 45 } }, incomes = well_off, survey = { water_quantity = false } },
  includes = { 'minqin.guarantee-unmet' },
})

dixian.spec('控辍保学: a 15-year-old who dropped out is a finding even with a survey all met', {
  as_of = '2024-06-30',
  household = {
    members = { { age = 45 }, { age = 15, school_stage = 'junior-secondary', school_status = 'dropped-out' } },
    incomes = well_off, survey = {},
  },
  includes = { 'minqin.guarantee-unmet' },
})

dixian.spec('控辍保学: a 16-year-old out of school is past compulsory age; every guarantee met: no finding', {
  as_of = '2024-06-30',
  household = {
    members = { { age = 45 }, { age = 16, school_stage = 'senior-secondary', school_status = 'dropped-out' } },
    incomes = well_off, survey = {},
  },
  excludes = { 'minqin.guarantee-unmet' },
})

dixian.spec('整户无劳动能力: a 脱贫户 with no one able to work and neither 低保 nor 特困 is a finding', {
  as_of = '2024-06-30',
  household = { category = 'lifted', members = { { age = 79, labor_capacity = 'none' } }, incomes = well_off },
  includes = { 'minqin.no-labor-without-social-security' },
})

dixian.spec('整户无劳动能力: the same household under 特困供养 is no finding', {
  as_of = '2024-06-30',
  household = {
    category = 'lifted', extreme_poverty_support = true,
    members = { { age = 79, labor_capacity = 'none' } }, incomes = well_off,
  },
  excludes = { 'minqin.no-labor-without-social-security' },
})

dixian.spec('整户无劳动能力: a 脱贫户 with one member partly able to work is no finding', {
  as_of = '2024-06-30',
  household = {
    category = 'lifted',
    members = { { age = 79, labor_capacity = 'none' }, { age = 55, labor_capacity = 'partial' } }, incomes = well_off,
  },
  excludes = { 'minqin.no-labor-without-social-security' },
})

dixian.spec('绿色通道: a reported disaster still being verified, with no help in place, is a finding', {
  as_of = '2024-07-10',
  household = {
    members = { { age = 45 } }, incomes = well_off,
    episodes = { { reported_on = '2024-07-05', status = 'reported', risk_types = { 'natural-disaster' } } },
  },
  includes = { 'minqin.disaster-green-channel' },
})

dixian.spec('绿色通道: a disaster household whose plan came 3 days after identification is a finding', {
  as_of = '2024-07-20',
  household = {
    category = 'monitored', monitored_kind = 'sudden-hardship', members = { { age = 45 } }, incomes = well_off,
    episodes = { { id = 1, reported_on = '2024-07-01', identified_on = '2024-07-08', risk_types = { 'natural-disaster' } } },
    plans = { { episode_id = 1, made_on = '2024-07-11' } },
  },
  includes = { 'minqin.disaster-green-channel' },
})

dixian.spec('绿色通道: help in place on the day of identification is no finding', {
  as_of = '2024-07-20',
  household = {
    category = 'monitored', monitored_kind = 'sudden-hardship', members = { { age = 45 } }, incomes = well_off,
    episodes = { { id = 1, reported_on = '2024-07-01', identified_on = '2024-07-08', risk_types = { 'natural-disaster' } } },
    plans = { { episode_id = 1, made_on = '2024-07-08' } },
  },
  excludes = { 'minqin.disaster-green-channel' },
})

dixian.spec('绿色通道: an illness being verified is not a disaster: no finding', {
  as_of = '2024-07-10',
  household = {
    members = { { age = 45 } }, incomes = well_off,
    episodes = { { reported_on = '2024-07-05', status = 'reported', risk_types = { 'illness' } } },
  },
  excludes = { 'minqin.disaster-green-channel' },
})
