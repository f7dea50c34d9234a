-- 大排查 二(八) (seed 002): 户贷企用 and 逾期不还 of households' microcredit loans.
local steady = { { year = 2019, wage = 30000 }, { year = 2020, wage = 32000 } }
local function borrowing(loan)
  return { category = 'lifted', helper = '李帮扶', members = { { age = 45 } }, incomes = steady, loans = { loan },
           visits = { { visited_on = '2021-02-01', role = 'helper' } } }
end

dixian.spec('户贷企用: a loan of 2019 lent on to an enterprise and still owed', {
  as_of = '2021-03-01',
  household = borrowing({ borrowed_on = '2019-05-10', due_on = '2022-05-09', purpose = 'enterprise-use' }),
  findings = { 'xiaoxian.microcredit-enterprise-use' },
  messages = { ['xiaoxian.microcredit-enterprise-use'] = '小额信贷户贷企用（2019-05-10放贷50000元）' },
})

dixian.spec('户贷企用: repaid before the assessment date is no longer a finding', {
  as_of = '2021-03-01',
  household = borrowing({ borrowed_on = '2019-05-10', due_on = '2022-05-09', purpose = 'enterprise-use', repaid_on = '2021-01-15' }),
  excludes = { 'xiaoxian.microcredit-enterprise-use' },
})

dixian.spec('逾期: due on 2021-02-27 and not repaid on 2021-03-01', {
  as_of = '2021-03-01',
  household = borrowing({ borrowed_on = '2018-02-28', due_on = '2021-02-27' }),
  findings = { 'xiaoxian.microcredit-overdue' },
})

dixian.spec('逾期: not overdue on its due day', {
  as_of = '2021-03-01',
  household = borrowing({ borrowed_on = '2018-03-02', due_on = '2021-03-01' }),
  findings = {},
})

dixian.spec('逾期: due on 2021-02-27 and repaid on the assessment day, 2021-03-01, is not overdue on it', {
  as_of = '2021-03-01',
  household = borrowing({ borrowed_on = '2018-02-28', due_on = '2021-02-27', repaid_on = '2021-03-01' }),
  excludes = { 'xiaoxian.microcredit-overdue' },
})

dixian.spec('逾期: a due loan repaid on time is no finding', {
  as_of = '2021-03-01',
  household = borrowing({ borrowed_on = '2018-02-28', due_on = '2021-02-27', repaid_on = '2021-02-20' }),
  excludes = { 'xiaoxian.microcredit-overdue' },
})
