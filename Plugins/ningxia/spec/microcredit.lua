-- 小额信贷 (宁党农发〔2021〕7号 二(二)3): 户借、户用、户还, loans due and not repaid, and the risk
-- assessment before a loan falls due, for 脱贫户 and 监测户; reminded from 30 days before (the
-- county's loan_review_days) through the due date.
local comfortable = { { year = 2018, wage = 38000 }, { year = 2019, wage = 40000 } }
local function borrowing(loans, category)
  return { category = category or 'lifted', helper = '马帮扶', members = { { age = 45, local_work = true } },
           incomes = comfortable, visits = { { visited_on = '2020-03-05', role = 'helper' } }, loans = loans }
end

dixian.spec('户借户用户还: a loan of 2019 lent on to an enterprise and still owed', {
  as_of = '2020-06-15',
  household = borrowing({ { borrowed_on = '2019-05-10', due_on = '2022-05-09', amount = 50000, purpose = 'enterprise-use' } }),
  findings = { 'ningxia.microcredit-enterprise-use' },
  messages = { ['ningxia.microcredit-enterprise-use'] = '小额信贷户贷企用（2019-05-10放贷50000元）' },
  due = {},
})

dixian.spec('户借户用户还: an enterprise-use loan repaid before the assessment date is no longer a finding', {
  as_of = '2020-06-15',
  household = borrowing({ { borrowed_on = '2019-05-10', due_on = '2022-05-09', purpose = 'enterprise-use', repaid_on = '2020-06-01' } }),
  findings = {},
})

dixian.spec('户借户用户还: a general household is not among the 脱贫户、监测对象 whose loans are checked', {
  as_of = '2020-06-15',
  household = borrowing({ { borrowed_on = '2019-05-10', due_on = '2020-06-10', purpose = 'enterprise-use' } }, 'general'),
  excludes = { 'ningxia.microcredit-enterprise-use', 'ningxia.microcredit-overdue' },
  not_due = { 'ningxia.microcredit-review' },
})

dixian.spec('逾期未还: due on 10 June and not repaid on 15 June; past its due date it is no longer an assessment reminder', {
  as_of = '2020-06-15',
  household = borrowing({ { borrowed_on = '2017-06-11', due_on = '2020-06-10', amount = 30000 } }),
  findings = { 'ningxia.microcredit-overdue' },
  messages = { ['ningxia.microcredit-overdue'] = '小额信贷逾期未还（2017-06-11放贷30000元，2020-06-10到期），请核实是否展期' },
  not_due = { 'ningxia.microcredit-review' },
})

dixian.spec('逾期未还: due on 14 June and not repaid is overdue on 15 June, the day after', {
  as_of = '2020-06-15',
  household = borrowing({ { borrowed_on = '2017-06-15', due_on = '2020-06-14' } }),
  includes = { 'ningxia.microcredit-overdue' },
  not_due = { 'ningxia.microcredit-review' },
})

dixian.spec('逾期未还: a loan falling due on the assessment day itself is not yet overdue, and is reminded that day', {
  as_of = '2020-06-15',
  household = borrowing({ { borrowed_on = '2017-06-16', due_on = '2020-06-15' } }),
  excludes = { 'ningxia.microcredit-overdue' },
  due = { { id = 'ningxia.microcredit-review', due_on = '2020-06-15' } },
})

dixian.spec('逾期未还: a loan repaid on its due date is neither overdue nor owed an assessment', {
  as_of = '2020-06-15',
  household = borrowing({ { borrowed_on = '2017-06-11', due_on = '2020-06-10', repaid_on = '2020-06-10' } }),
  excludes = { 'ningxia.microcredit-overdue' },
  not_due = { 'ningxia.microcredit-review' },
})

dixian.spec('逾期未还: a loan due on 10 June and repaid on the assessment day, 15 June, is not overdue on it', {
  as_of = '2020-06-15',
  household = borrowing({ { borrowed_on = '2017-06-11', due_on = '2020-06-10', repaid_on = '2020-06-15' } }),
  excludes = { 'ningxia.microcredit-overdue' },
  not_due = { 'ningxia.microcredit-review' },
})

dixian.spec('到期前风险评估: a monitored household\'s loan due on 15 July is listed from 15 June, 30 days before', {
  as_of = '2020-06-15',
  household = {
    category = 'monitored', monitored_kind = 'marginal', helper = '马帮扶',
    members = { { age = 45, local_work = true } }, incomes = comfortable,
    episodes = { { reported_on = '2020-03-01', identified_on = '2020-03-12', risk_types = { 'illness' } } },
    plans = { { made_on = '2020-03-20' } }, visits = { { visited_on = '2020-05-20', role = 'helper' } },
    loans = { { borrowed_on = '2017-07-16', due_on = '2020-07-15' } },
  },
  due = { { id = 'ningxia.microcredit-review', due_on = '2020-07-15' } },
})

dixian.spec('到期前风险评估: a loan due on 16 July is not listed on 15 June, 31 days before', {
  as_of = '2020-06-15',
  household = borrowing({ { borrowed_on = '2017-07-17', due_on = '2020-07-16' } }),
  not_due = { 'ningxia.microcredit-review' },
  findings = {},
})
