-- 贷款到期前开展风险评估 (seed 000 二(二)3): each loan a 脱贫户 or 监测户 still owes is listed from
-- `loan_review_days` before it falls due (the seed says only 到期前: the number of days is the
-- county's) through its due date, the day the assessment is due. The registry holds no record
-- of the assessment, so the item is a reminder: it is listed until the loan is repaid or falls
-- due, whether or not the township has assessed it, and never becomes overdue. A loan not
-- repaid by its due date is the check ningxia.microcredit-overdue (checks/microcredit.lua,
-- 逾期, 请核实是否展期), not a late assessment. The seed names no unit for it (三：市县乡抓落实):
-- the township, as for Ningxia's other household duties (deadlines/visits.lua).
local N = require('lib.ningxia')
local loan_status = dixian.import('loan_status')

dixian.deadline {
  id = 'ningxia.microcredit-review',
  title = '小额信贷到期前风险评估（到期提醒）',
  responsible = '乡镇人民政府',
  source = '宁党农发〔2021〕7号 二(二)3：加强小额贷款管理，贷款到期前开展风险评估，降低贷款展期比例',
  description = 'Each loan of a 脱贫户 or 监测户 outstanding on the date, listed from loan_review_days before its due date '
    .. 'through the due date itself (due then). Past its due date an unpaid loan is ningxia.microcredit-overdue.',
  run = function(h, ctx)
    if not N.lifted_or_monitored(h) then return nil end
    local days = ctx.params.loan_review_days
    local items
    for _, loan in ipairs(h.loans) do
      if not ctx.after(loan.due_on) and not ctx.before(dixian.date.add_days(loan.due_on, -days))
          and loan_status.outstanding(loan, ctx) then
        items = items or {}
        items[#items + 1] = { due_on = loan.due_on, person = h.helper,
          message = string.format('小额信贷（%s）%s到期，到期前开展风险评估', loan_status.describe(loan), loan.due_on) }
      end
    end
    return items
  end,
}
