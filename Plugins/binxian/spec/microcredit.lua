-- 小额贷款收益 (seed 004 二.1), this plugin's reading: for 脱贫人口 and 边缘易致贫户, a loan
-- overdue on the date, or a 户贷企用 loan still owed (checks/income_risks.lua). The spec format
-- compares no severity or risk type: high and 因产业项目失败 for an overdue loan are untested here.

--- A household of `category` (or monitored of `kind`) with 2020 wages and the loans given.
local function borrower(loans, category, kind)
  return { category = category, monitored_kind = kind, head_name = '王玉林', members = { { age = 40, name = '王玉林' } },
    incomes = { { year = 2020, wage = 30000 } }, loans = loans }
end

local function loan(borrowed_on, due_on, purpose, repaid_on)
  return { borrowed_on = borrowed_on, due_on = due_on, amount = 50000, purpose = purpose or 'household-use', repaid_on = repaid_on }
end

local overdue = loan('2018-06-30', '2021-06-30')

dixian.spec('小额贷款收益: a lifted-out household whose loan fell due on 30 June 2021 and is not repaid', {
  as_of = '2021-09-19',
  household = borrower({ overdue }, 'lifted'),
  findings = { 'binxian.microcredit-income' },
  messages = { ['binxian.microcredit-income'] = '小额信贷：2018-06-30放贷50000元，2021-06-30到期，逾期未还' },
})

dixian.spec('小额贷款收益: a marginal household\'s 户贷企用 loan, not yet due, earns what an enterprise pays', {
  as_of = '2021-09-19',
  household = borrower({ loan('2020-03-01', '2023-03-01', 'enterprise-use') }, 'monitored', 'marginal'),
  messages = { ['binxian.microcredit-income'] = '2020-03-01放贷50000元（户贷企用），收益依赖企业经营' },
})

dixian.spec('小额贷款收益: a loan due on 18 September 2021 and not repaid is overdue on the 19th, the day after', {
  as_of = '2021-09-19',
  household = borrower({ loan('2018-09-18', '2021-09-18') }, 'lifted'),
  findings = { 'binxian.microcredit-income' },
  messages = { ['binxian.microcredit-income'] = '2018-09-18放贷50000元，2021-09-18到期，逾期未还' },
})

dixian.spec('小额贷款收益: a loan due in June and repaid only after the assessment date was overdue on it', {
  as_of = '2021-09-19',
  household = borrower({ loan('2018-06-30', '2021-06-30', nil, '2021-10-08') }, 'lifted'),
  includes = { 'binxian.microcredit-income' },
})

dixian.spec('减收风险点清单: the 小额贷款收益 column shows the overdue loan', {
  as_of = '2021-09-19',
  household = borrower({ overdue }, 'lifted'),
  checklist = {
    id = 'income-risk-points',
    row = {
      head_name = '王玉林', risk_count = '1', wages = '无', farming = '无',
      microcredit = '小额信贷：2018-06-30放贷50000元，2021-06-30到期，逾期未还，应核实贷款收益和还款能力',
    },
  },
})

-- No risk point: each household below, on 2021-09-19.
for _, case in ipairs({
  { '小额贷款收益: a 户贷户用 loan repaid on time, and another not yet due, are no risk point',
    borrower({ loan('2018-03-01', '2021-03-01', nil, '2021-02-20'), loan('2021-04-01', '2024-04-01') }, 'lifted') },
  { '小额贷款收益: a loan due on the assessment date itself is not overdue yet',
    borrower({ loan('2018-09-19', '2021-09-19') }, 'lifted') },
  { '小额贷款收益: a 户贷企用 loan repaid before the assessment date is no risk point',
    borrower({ loan('2019-03-01', '2022-03-01', 'enterprise-use', '2021-05-01') }, 'lifted') },
  { '小额贷款收益: a general household\'s overdue loan is outside the risk points', borrower({ overdue }, 'general') },
}) do
  dixian.spec(case[1], { as_of = '2021-09-19', household = case[2], excludes = { 'binxian.microcredit-income' } })
end
