-- The clocks of seed 003 附件2 二.4 (一键报贫), 二.12 (一户一策), 二.15 (two years) and the visit
-- duties of 附件1 二.5 and 二.8.

local well_off = { { year = 2023, wage = 40000 } }

dixian.spec('一键报贫: still unverified 6 days after the report (5 days allowed)', {
  as_of = '2024-06-07',
  household = {
    members = { { age = 40 } }, incomes = well_off,
    episodes = { { channel = 'self-report', reported_on = '2024-06-01', status = 'reported' } },
  },
  findings = { 'minqin.self-report-overdue' },
})

dixian.spec('一键报贫: unverified on day 5 is still on time', {
  as_of = '2024-06-06',
  household = {
    members = { { age = 40 } }, incomes = well_off,
    episodes = { { channel = 'self-report', reported_on = '2024-06-01', status = 'reported' } },
  },
  findings = {},
})

dixian.spec('一键报贫: verified but not identified 16 days after the report (15 allowed)', {
  as_of = '2024-06-17',
  household = {
    members = { { age = 40 } }, incomes = well_off,
    episodes = { { channel = 'self-report', reported_on = '2024-06-01', status = 'verified' } },
  },
  findings = { 'minqin.self-report-overdue' },
})

local monitored = function(identified_on, plans, visits)
  return {
    monitored_kind = 'unstable', category = 'monitored',
    members = { { age = 40 } }, incomes = well_off,
    episodes = { { reported_on = identified_on, identified_on = identified_on, risk_types = { 'illness' } } },
    plans = plans, visits = visits,
  }
end

local visits_ok = { { visited_on = '2024-05-12', role = 'resident-team' }, { visited_on = '2024-03-02', role = 'helper' } }

dixian.spec('一户一策: no plan 11 days after identification (10 allowed)', {
  as_of = '2024-06-11',
  household = monitored('2024-05-31', {}, visits_ok),
  findings = { 'minqin.plan-missing' },
})

dixian.spec('一户一策: no plan 10 days after identification is still on time', {
  as_of = '2024-06-10',
  household = monitored('2024-05-31', {}, visits_ok),
  findings = {},
})

dixian.spec('一户一策: a 2023 plan not adjusted by 31 March 2024', {
  as_of = '2024-04-01',
  household = monitored('2023-05-01', { { made_on = '2023-05-08' } },
    { { visited_on = '2024-03-12', role = 'resident-team' }, { visited_on = '2024-02-02', role = 'helper' } }),
  findings = { 'minqin.plan-missing' },
})

dixian.spec('一户一策: adjusted in March 2024 is on time', {
  as_of = '2024-04-01',
  household = monitored('2023-05-01', { { made_on = '2023-05-08', adjusted_on = '2024-03-20' } },
    { { visited_on = '2024-03-12', role = 'resident-team' }, { visited_on = '2024-02-02', role = 'helper' } }),
  findings = {},
})

dixian.spec('identified on 2022-06-01 and still monitored on 2024-06-02: over two years (二.15)', {
  as_of = '2024-06-02',
  household = monitored('2022-06-01', { { made_on = '2022-06-05', adjusted_on = '2024-03-01' } }, visits_ok),
  findings = { 'minqin.identified-over-two-years' },
})

dixian.spec('identified on 2022-06-01: on 2024-06-01 it is exactly two years, not over', {
  as_of = '2024-06-01',
  household = monitored('2022-06-01', { { made_on = '2022-06-05', adjusted_on = '2024-03-01' } }, visits_ok),
  findings = {},
})

dixian.spec('a monitored household the work team did not visit in May and no helper in the first quarter', {
  as_of = '2024-06-30',
  household = monitored('2024-01-10', { { made_on = '2024-01-15' } }, { { visited_on = '2024-04-28', role = 'resident-team' } }),
  findings = { 'minqin.visit-frequency' },
})
