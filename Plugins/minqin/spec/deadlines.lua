-- The 一键报贫 clock of seed 003 附件2 二.4 across the 2024 National Day holiday (10月1日至7日
-- 放假，9月29日和10月12日上班), the 一户一策 clock of 二.12, and the visit duties.

local function self_report(status, steps)
  return {
    members = { { age = 40 } }, incomes = { { year = 2023, wage = 40000 } },
    episodes = { { channel = 'self-report', reported_on = '2024-09-27', status = status, steps = steps } },
  }
end

local reported = { transition = 'report', taken_on = '2024-09-27' }
local verified = { transition = 'verify', taken_on = '2024-09-30', actor = '王核查' }

dixian.spec('一键报贫 on Friday 27 September: verification due 5 days later, identification within 15 days', {
  as_of = '2024-09-28',
  household = self_report('reported', { reported }),
  due = { { id = 'minqin.self-report', due_on = '2024-10-02' }, { id = 'minqin.self-report', due_on = '2024-10-12' } },
})

dixian.spec('verified on 30 September: the answer is due 5 working days later, on Saturday 12 October (worked)', {
  as_of = '2024-10-08',
  household = self_report('verified', { reported, verified }),
  due = { { id = 'minqin.self-report', due_on = '2024-10-12' }, { id = 'minqin.self-report', due_on = '2024-10-12' } },
})

dixian.spec('no answer by 14 October: the answer and the 15-day limit are overdue, nothing else', {
  as_of = '2024-10-14',
  household = self_report('verified', { reported, verified }),
  findings = { 'minqin.self-report-overdue', 'minqin.self-report-overdue' },
})

dixian.spec('answered on 11 October: approval is due 5 working days later (12 Oct worked, then 14-17 Oct)', {
  as_of = '2024-10-11',
  household = self_report('accepted', { reported, verified, { transition = 'answer', taken_on = '2024-10-11', accepted = true } }),
  due = { { id = 'minqin.self-report', due_on = '2024-10-17' }, { id = 'minqin.self-report', due_on = '2024-10-12' } },
})

dixian.spec('identified on 11 October with no plan: the plan is due on 21 October', {
  as_of = '2024-10-11',
  household = {
    category = 'monitored', monitored_kind = 'marginal', helper = '李帮扶', members = { { age = 40 } },
    episodes = { { channel = 'self-report', reported_on = '2024-09-27', identified_on = '2024-10-11', risk_types = { 'illness' },
      steps = { reported, verified, { transition = 'approve', taken_on = '2024-10-11', risk_types = { 'illness' } } } } },
    visits = { { visited_on = '2024-10-09', role = 'resident-team' }, { visited_on = '2024-10-10', role = 'helper' } },
  },
  due = { { id = 'minqin.plan', due_on = '2024-10-21' } },
})

dixian.spec('a monitored household not yet visited this month or quarter: both visits are due', {
  as_of = '2024-11-05',
  household = {
    category = 'monitored', monitored_kind = 'unstable', helper = '李帮扶', members = { { age = 40 } },
    episodes = { { reported_on = '2024-01-02', identified_on = '2024-01-10', risk_types = { 'illness' } } },
    plans = { { made_on = '2024-01-15' } },
    visits = { { visited_on = '2024-10-20', role = 'resident-team' }, { visited_on = '2024-09-20', role = 'helper' } },
  },
  due = { { id = 'minqin.visits', due_on = '2024-11-30' }, { id = 'minqin.visits', due_on = '2024-12-31' } },
})

dixian.spec('missed visits of the last month and quarter are overdue from their last day', {
  as_of = '2024-11-05',
  household = {
    category = 'monitored', monitored_kind = 'unstable', helper = '李帮扶', members = { { age = 40 } },
    episodes = { { reported_on = '2024-01-02', identified_on = '2024-01-10', risk_types = { 'illness' } } },
    plans = { { made_on = '2024-01-15' } },
    visits = { { visited_on = '2024-11-02', role = 'resident-team' }, { visited_on = '2024-10-03', role = 'helper' } },
  },
  -- October (the team) and the third quarter (the helper) were missed; November and the fourth quarter are done.
  due = { { id = 'minqin.visits', due_on = '2024-10-31' }, { id = 'minqin.visits', due_on = '2024-09-30' } },
})

dixian.spec('a general household is visited by the team once a quarter', {
  as_of = '2024-11-05',
  household = { members = { { age = 40 } }, visits = { { visited_on = '2024-08-01', role = 'resident-team' } } },
  due = { { id = 'minqin.visits', due_on = '2024-12-31' } },
})

-- 回头看 after elimination (正文三(一)1, 二.15), every follow_up_months (12) months.
local function eliminated(steps)
  return {
    category = 'lifted', members = { { age = 40 } }, incomes = { { year = 2023, wage = 40000 } },
    episodes = { { reported_on = '2023-01-05', identified_on = '2023-01-12', status = 'eliminated', eliminated_on = '2024-03-01',
      risk_types = { 'illness' }, steps = steps } },
  }
end

dixian.spec('eliminated on 1 March 2024 with no 回头看 since: one is due on 1 March 2025', {
  as_of = '2024-06-30', household = eliminated({}),
  due = { { id = 'minqin.follow-up', due_on = '2025-03-01' } },
})

dixian.spec('a 回头看 on 1 September 2024: the next is due on 1 September 2025', {
  as_of = '2024-10-01',
  household = eliminated({ { transition = 'follow-up', taken_on = '2024-09-01' } }),
  due = { { id = 'minqin.follow-up', due_on = '2025-09-01' } },
})

-- 二.15 继续落实好已享受但尚未到期的小额信贷: the 回头看 item names the loans borrowed by the
-- elimination and still owed; not one repaid, nor one borrowed after.
dixian.spec('eliminated with a loan of 2023 still owed and one repaid: 回头看 is due on 1 March 2025, naming the loan', {
  as_of = '2024-06-30',
  household = (function()
    local h = eliminated({})
    h.loans = {
      { borrowed_on = '2023-05-10', due_on = '2026-05-10', amount = 50000 },
      { borrowed_on = '2022-03-01', due_on = '2025-03-01', amount = 30000, repaid_on = '2024-01-15' },
      { borrowed_on = '2024-05-01', due_on = '2027-05-01', amount = 20000 },
    }
    return h
  end)(),
  due = { { id = 'minqin.follow-up', due_on = '2025-03-01', message = '2023-05-10放贷', message_lacks = { '2022-03-01', '2024-05-01', '逾期' } } },
})

dixian.spec('eliminated with a loan that fell due in January and is not repaid: the 回头看 item says it is overdue', {
  as_of = '2024-06-30',
  household = (function()
    local h = eliminated({})
    h.loans = { { borrowed_on = '2021-01-10', due_on = '2024-01-10', amount = 30000 } }
    return h
  end)(),
  due = { { id = 'minqin.follow-up', due_on = '2025-03-01', message = '2024-01-10到期，已逾期未还' } },
})

dixian.spec('a household whose application was rejected owes no 回头看 (nor anything else, visited this quarter and last)', {
  as_of = '2024-08-15',
  household = {
    members = { { age = 40 } }, incomes = { { year = 2023, wage = 40000 } },
    episodes = { { reported_on = '2024-07-01', status = 'rejected',
      steps = { { transition = 'verify', taken_on = '2024-07-03' }, { transition = 'answer', taken_on = '2024-07-05', accepted = false } } } },
    visits = { { visited_on = '2024-05-02', role = 'resident-team' }, { visited_on = '2024-08-02', role = 'resident-team' } },
  },
  due = {},
})

-- The fourth quarter's yearly update (二.16).
dixian.spec('a 脱贫户 without its 2024 income on 15 October: the yearly update is due on 31 December', {
  as_of = '2024-10-15',
  household = { category = 'lifted', members = { { age = 40 } }, incomes = { { year = 2023, wage = 40000 } } },
  due = { { id = 'minqin.yearly-update', due_on = '2024-12-31' } },
})

dixian.spec('the same 脱贫户 with its 2024 income recorded, visited: nothing due', {
  as_of = '2024-10-15',
  household = {
    category = 'lifted', helper = '李帮扶', members = { { age = 40 } },
    incomes = { { year = 2023, wage = 40000 }, { year = 2024, wage = 42000 } },
    visits = { { visited_on = '2024-08-02', role = 'resident-team' }, { visited_on = '2024-10-02', role = 'resident-team' },
               { visited_on = '2024-08-03', role = 'helper' }, { visited_on = '2024-10-03', role = 'helper' } },
  },
  due = {},
})

dixian.spec('a 脱贫户 without its 2024 income on 30 September: the fourth quarter has not begun', {
  as_of = '2024-09-30',
  household = {
    category = 'lifted', helper = '李帮扶', members = { { age = 40 } }, incomes = { { year = 2023, wage = 40000 } },
    visits = { { visited_on = '2024-05-02', role = 'resident-team' }, { visited_on = '2024-08-02', role = 'resident-team' },
               { visited_on = '2024-05-03', role = 'helper' }, { visited_on = '2024-08-03', role = 'helper' } },
  },
  due = {},
})
