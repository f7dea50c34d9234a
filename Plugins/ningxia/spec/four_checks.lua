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
