-- The clocks of seed 003 附件2 二.4 (一键报贫; 接诉即办), 二.12 (一户一策), 二.15 (two years) and
-- the visit duties of 附件1 二.5 and 二.8.

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
  excludes = { 'minqin.self-report-overdue' },
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
  excludes = { 'minqin.plan-missing' },
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
  excludes = { 'minqin.identified-over-two-years' },
})

dixian.spec('a monitored household the work team did not visit in May and no helper in the first quarter', {
  as_of = '2024-06-30',
  household = monitored('2024-01-10', { { made_on = '2024-01-15' } }, { { visited_on = '2024-04-28', role = 'resident-team' } }),
  findings = { 'minqin.visit-frequency' },
})

dixian.spec('a monitored household visited by the team in May and by its helper in the first quarter: no visit finding', {
  as_of = '2024-06-30',
  household = monitored('2024-01-10', { { made_on = '2024-01-15' } },
    { { visited_on = '2024-05-28', role = 'resident-team' }, { visited_on = '2024-03-30', role = 'helper' } }),
  excludes = { 'minqin.visit-frequency' },
})

-- Duties apply only to the period the household was in scope (issue 18 item 4).
local identified_on_12_october = {
  category = 'monitored', monitored_kind = 'marginal', helper = '李帮扶', members = { { age = 40 } }, incomes = well_off,
  episodes = { { reported_on = '2024-10-08', identified_on = '2024-10-12', risk_types = { 'illness' } } },
  plans = { { made_on = '2024-10-14' } },
}

dixian.spec('identified on 12 October, unvisited: not overdue for September nor the third quarter', {
  as_of = '2024-10-20',
  household = identified_on_12_october,
  excludes = { 'minqin.visit-frequency' },
})

dixian.spec('identified on 12 October: October\'s team visit and the fourth quarter\'s helper visit are due, nothing earlier', {
  as_of = '2024-10-20',
  household = identified_on_12_october,
  due = { { id = 'minqin.visits', due_on = '2024-10-31' }, { id = 'minqin.visits', due_on = '2024-12-31' } },
})

dixian.spec('a 脱贫不稳定户 identified on 12 October: its helper, a 脱贫户\'s helper before, still owed the third quarter\'s visit', {
  as_of = '2024-10-20',
  household = {
    category = 'monitored', monitored_kind = 'unstable', helper = '李帮扶', members = { { age = 40 } }, incomes = well_off,
    episodes = { { reported_on = '2024-10-08', identified_on = '2024-10-12', risk_types = { 'illness' } } },
    plans = { { made_on = '2024-10-14' } },
  },
  due = { { id = 'minqin.visits', due_on = '2024-10-31' }, { id = 'minqin.visits', due_on = '2024-09-30' },
          { id = 'minqin.visits', due_on = '2024-12-31' } },
})

dixian.spec('identified on 12 September and unvisited in September: overdue on 20 October', {
  as_of = '2024-10-20',
  household = {
    category = 'monitored', monitored_kind = 'marginal', helper = '李帮扶', members = { { age = 40 } }, incomes = well_off,
    episodes = { { reported_on = '2024-09-08', identified_on = '2024-09-12', risk_types = { 'illness' } } },
    plans = { { made_on = '2024-09-14' } },
  },
  includes = { 'minqin.visit-frequency' },
})

dixian.spec('a general household the team missed last quarter: listed due, not flagged (visit_frequency.checked)', {
  as_of = '2024-10-20',
  household = { members = { { age = 40 } }, incomes = well_off, visits = { { visited_on = '2024-10-02', role = 'resident-team' } } },
  excludes = { 'minqin.visit-frequency' },
  due = { { id = 'minqin.visits', due_on = '2024-09-30' } },
})

dixian.spec('a 脱贫户 owes its helper a visit every quarter (正文三(三)11)', {
  as_of = '2024-10-20',
  household = {
    category = 'lifted', helper = '李帮扶', members = { { age = 40 } }, incomes = well_off,
    visits = { { visited_on = '2024-08-02', role = 'resident-team' }, { visited_on = '2024-10-02', role = 'resident-team' },
               { visited_on = '2024-08-03', role = 'helper' } },
  },
  due = { { id = 'minqin.visits', due_on = '2024-12-31' } },
})

-- 一键报贫 steps done late leave a trace (seed 003 附件2 二.4; issue 18 item 3). July 2024 has no holiday.
local function self_reported(verify_on, answer_on, approve_on)
  return {
    category = 'monitored', monitored_kind = 'marginal', helper = '李帮扶', members = { { age = 40 } }, incomes = well_off,
    episodes = { { channel = 'self-report', reported_on = '2024-07-01', identified_on = approve_on, risk_types = { 'illness' },
      steps = {
        { transition = 'report', taken_on = '2024-07-01' },
        { transition = 'verify', taken_on = verify_on, actor = '王核查' },
        { transition = 'answer', taken_on = answer_on, accepted = true },
        { transition = 'approve', taken_on = approve_on, risk_types = { 'illness' } },
      } } },
    plans = { { made_on = approve_on } },
    visits = { { visited_on = '2024-07-13', role = 'resident-team' }, { visited_on = '2024-07-14', role = 'helper' } },
  }
end

dixian.spec('一键报贫 verified on day 7 (due 6 July), identified on time: the late verification is a finding', {
  as_of = '2024-07-20',
  household = self_reported('2024-07-08', '2024-07-10', '2024-07-12'),
  findings = { 'minqin.self-report-late' },
})

dixian.spec('一键报贫 verified on day 7 (due 6 July): the due list keeps the late verification, done on 8 July', {
  as_of = '2024-07-20',
  household = self_reported('2024-07-08', '2024-07-10', '2024-07-12'),
  due = { { id = 'minqin.self-report', due_on = '2024-07-06', done_on = '2024-07-08' } },
})

dixian.spec('identified on 17 July: the approval is in time (due 19 July), the 15-day limit (16 July) is not: the due list keeps it', {
  as_of = '2024-07-20',
  household = self_reported('2024-07-05', '2024-07-12', '2024-07-17'),
  due = { { id = 'minqin.self-report', due_on = '2024-07-16', done_on = '2024-07-17' } },
})

dixian.spec('一键报贫 identified on 17 July, 16 days after the report: late, though each step kept its own clock', {
  as_of = '2024-07-20',
  -- verify 5 July (day 4); answer 12 July (5 working days); approve 17 July (3 working days); 15 days end on 16 July.
  household = self_reported('2024-07-05', '2024-07-12', '2024-07-17'),
  findings = { 'minqin.self-report-late' },
})

dixian.spec('一键报贫 verified on day 5, answered and identified on time: nothing late, nothing due', {
  as_of = '2024-07-20',
  household = self_reported('2024-07-06', '2024-07-12', '2024-07-16'),
  findings = {},
  excludes = { 'minqin.self-report-late', 'minqin.self-report-overdue' },
  due = {},
})

dixian.spec('a step done late in 2023 is not flagged in 2024 (the work points are the year\'s)', {
  as_of = '2024-01-20',
  household = {
    members = { { age = 40 } }, incomes = well_off,
    episodes = { { channel = 'self-report', reported_on = '2023-07-01', status = 'rejected',
      steps = { { transition = 'report', taken_on = '2023-07-01' }, { transition = 'verify', taken_on = '2023-07-10' },
                { transition = 'answer', taken_on = '2023-07-12', accepted = false } } } },
  },
  excludes = { 'minqin.self-report-late' },
})

dixian.spec('verified on 28 December 2023 and answered in January: the answer\'s clock started in 2023 and is not judged', {
  as_of = '2024-01-20',
  household = {
    members = { { age = 40 } }, incomes = well_off,
    episodes = { { channel = 'self-report', reported_on = '2023-12-25', status = 'rejected',
      steps = { { transition = 'report', taken_on = '2023-12-25' }, { transition = 'verify', taken_on = '2023-12-28' },
                { transition = 'answer', taken_on = '2024-01-12', accepted = false } } } },
  },
  excludes = { 'minqin.self-report-late' },
})

-- 接诉即办 (二.4): a complaint open more than complaint_close_days (15, the county's choice) after receipt.
local function complaint(received_on, closed_on)
  return { members = { { age = 40 } }, incomes = well_off,
    complaints = { { received_on = received_on, channel = 'hotline', closed_on = closed_on } } }
end

dixian.spec('接诉即办: a complaint received on 1 June and still open on 30 June, 15 days allowed', {
  as_of = '2024-06-30',
  household = complaint('2024-06-01'),
  includes = { 'minqin.complaint-open' },
  messages = { ['minqin.complaint-open'] = '已逾期14天（应于2024-06-16前）：2024-06-01（12317热线）收到投诉举报，尚未办结（接诉即办，本县办结时限15日）' },
})

dixian.spec('接诉即办: open 16 days after receipt (received 14 June) is one day past the limit on 30 June', {
  as_of = '2024-06-30',
  household = complaint('2024-06-14'),
  includes = { 'minqin.complaint-open' },
  messages = { ['minqin.complaint-open'] = '已逾期1天（应于2024-06-29前）：2024-06-14（12317热线）收到投诉举报' },
})

dixian.spec('接诉即办: a complaint closed only after the assessment date was still open on it', {
  as_of = '2024-06-30',
  household = complaint('2024-06-01', '2024-07-03'),
  includes = { 'minqin.complaint-open' },
})

-- Not open past the limit on 30 June: closed in time; closed late, but closed by the date; open
-- exactly 15 days.
for _, case in ipairs({
  { '接诉即办: a complaint received on 1 June and closed on 10 June was closed in time', complaint('2024-06-01', '2024-06-10') },
  { '接诉即办: a complaint closed late (received 1 April, closed 20 May) is closed by the date, not open',
    complaint('2024-04-01', '2024-05-20') },
  { '接诉即办: open 15 days after receipt is still within the limit', complaint('2024-06-15') },
}) do
  dixian.spec(case[1], { as_of = '2024-06-30', household = case[2], excludes = { 'minqin.complaint-open' } })
end
