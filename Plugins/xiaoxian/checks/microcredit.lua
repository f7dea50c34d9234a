-- 大排查 二(八) 产业发展方面 (seed 002), its microcredit items: "是否存在“户贷企用”或变相“户贷企用”
-- 等问题，是否有贷款逾期不还". The registry holds households' microcredit loans (小额信贷); 应贷尽贷
-- (符合贷款条件、有发展生产意愿) and 贴息 need facts it does not hold: see docs/rules.md.

-- Whether a loan is lent on to an enterprise or overdue on the assessment date: the national helper.
local loan_status = dixian.import('loan_status')

dixian.check {
  id = 'xiaoxian.microcredit-enterprise-use',
  title = '小额信贷"户贷企用"',
  group = '产业发展',
  severity = 'high',
  source = '萧乡振办〔2021〕7号 二(八)：贷款用途是否符合规定，是否存在“户贷企用”或变相“户贷企用”等问题',
  description = 'A loan recorded as 户贷企用 and not repaid on the assessment date.',
  run = function(h, ctx)
    local found = loan_status.listed(h.loans, ctx, loan_status.enterprise_use, loan_status.describe)
    if found then return '小额信贷户贷企用（' .. found .. '）' end
  end,
}

dixian.check {
  id = 'xiaoxian.microcredit-overdue',
  title = '小额信贷逾期未还',
  group = '产业发展',
  severity = 'high',
  source = '萧乡振办〔2021〕7号 二(八)：是否有贷款逾期不还',
  description = 'A loan due before the assessment date and not repaid by then (overdue is derived, never stored).',
  run = function(h, ctx)
    local found = loan_status.listed(h.loans, ctx, loan_status.overdue, function(loan) return loan.due_on .. '到期' end)
    if found then return '小额信贷逾期未还（' .. found .. '）' end
  end,
}
