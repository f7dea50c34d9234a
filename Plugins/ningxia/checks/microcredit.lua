-- 小额信贷 (seed 000 二(二)3：加强小额贷款管理，贷款到期前开展风险评估，降低贷款展期比例；……定期排查
-- 脱贫户、监测对象贷款情况及贷款需求，应贷尽贷；坚持户借、户用、户还; seed 001 (十九)：进一步完善
-- 针对脱贫人口的小额信贷政策). The 排查 covers the loans of 脱贫户 and 监测户 (N.lifted_or_monitored).
-- The registry holds each loan's dates, amount, use (户贷户用/户贷企用) and repayment. It records
-- no 展期 (an extended loan shows as not repaid after its due date, so 逾期 is what it can see),
-- no risk assessment (deadlines/microcredit.lua reminds the township of it until the due date;
-- past the due date an unpaid loan is ningxia.microcredit-overdue below), and no household's
-- eligibility or wish to borrow, so 应贷尽贷 is not checked.
local N = require('lib.ningxia')
local loan_status = dixian.import('loan_status')

--- '2018-02-28放贷50000元，2021-02-27到期'.
local function due(loan) return loan_status.describe(loan) .. '，' .. loan.due_on .. '到期' end

dixian.check {
  id = 'ningxia.microcredit-enterprise-use',
  title = '小额信贷户贷企用，未坚持户借、户用、户还',
  group = '查漏补缺·漏扶',
  severity = 'medium',
  source = '宁党农发〔2021〕7号 二(二)3：贷款使用不规范；坚持户借、户用、户还，提升脱贫户使用小额信贷发展产业能力',
  description = 'A loan of a 脱贫户 or 监测户 recorded as 户贷企用 and not repaid on the assessment date.',
  run = function(h, ctx)
    if not N.lifted_or_monitored(h) then return nil end
    local found = loan_status.listed(h.loans, ctx, loan_status.enterprise_use, loan_status.describe)
    if found then return '小额信贷户贷企用（' .. found .. '），未坚持户借、户用、户还' end
  end,
}

dixian.check {
  id = 'ningxia.microcredit-overdue',
  title = '小额信贷逾期未还',
  group = '查漏补缺·漏扶',
  severity = 'high',
  source = '宁党农发〔2021〕7号 二(二)3：小额信贷到期后展期比例偏高……贷款到期前开展风险评估，降低贷款展期比例',
  description = 'A loan of a 脱贫户 or 监测户 due before the assessment date and not repaid by then. The registry '
    .. 'records no 展期: the message asks the township to find out whether the loan was extended.',
  run = function(h, ctx)
    if not N.lifted_or_monitored(h) then return nil end
    local found = loan_status.listed(h.loans, ctx, loan_status.overdue, due)
    if found then return '小额信贷逾期未还（' .. found .. '），请核实是否展期' end
  end,
}
