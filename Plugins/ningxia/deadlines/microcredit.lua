-- 贷款到期前开展风险评估 (seed 000 二(二)3): each loan a 脱贫户 or 监测户 still owes is listed from
-- `loan_review_days` before it falls due (the seed says only 到期前: the number of days is the
-- county's), due on its due date. The registry holds no record of the assessment, so the item
-- stays until the loan is repaid; one not repaid by its due date is overdue here and is the check
-- ningxia.microcredit-overdue (checks/microcredit.lua). The seed names no unit for it (三：市县乡抓
-- 落实): the township, as for Ningxia's other household duties (deadlines/visits.lua).
local N = require('lib.ningxia')
local loan_status = dixian.import('loan_status')

dixian.deadline {
  id = 'ningxia.microcredit-review',
  title = '小额信贷到期前风险评估',
  responsible = '乡镇人民政府',
  source = '宁党农发〔2021〕7号 二(二)3：加强小额贷款管理，贷款到期前开展风险评估，降低贷款展期比例',
  run = function(h, ctx)
    if not N.lifted_or_monitored(h) then return nil end
    local days = ctx.params.loan_review_days
    local items = {}
    for _, loan in ipairs(h.loans) do
      if not ctx.before(dixian.date.add_days(loan.due_on, -days)) and loan_status.outstanding(loan, ctx) then
        items[#items + 1] = { due_on = loan.due_on, person = h.helper,
          message = string.format('小额信贷（%s放贷%.0f元）%s到期，到期前开展风险评估（到期前%d天列出）',
            loan.borrowed_on, loan.amount, loan.due_on, days) }
      end
    end
    if #items > 0 then return items end
  end,
}
