-- Whether a household's microcredit loan (小额信贷) is owed or overdue on the assessment date, for
-- the microcredit rules of every county plugin (they extend this one): dixian.import('loan_status').
-- Loaded before the county plugins' checks and deadlines. Overdue is derived here, never stored.
local M = {}

--- Whether `loan` is not yet repaid on the assessment date (repaid later counts as outstanding then).
function M.outstanding(loan, ctx)
  return loan.repaid_on == nil or ctx.before(loan.repaid_on)
end

--- Whether `loan` is overdue: due before the assessment date and not repaid by then.
function M.overdue(loan, ctx)
  return ctx.after(loan.due_on) and M.outstanding(loan, ctx)
end

--- Whether `loan` is recorded as lent on to an enterprise (户贷企用) and not repaid on the assessment date.
function M.enterprise_use(loan, ctx)
  return loan.purpose == 'enterprise-use' and M.outstanding(loan, ctx)
end

--- A loan as officials write it: '2019-05-10放贷50000元' (whole yuan without decimals, else two).
function M.describe(loan)
  local amount = loan.amount
  if amount == math.floor(amount) then
    return string.format('%s放贷%d元', loan.borrowed_on, math.floor(amount))
  end
  return string.format('%s放贷%.2f元', loan.borrowed_on, amount)
end

--- Each loan of `list` that `test(loan, ctx)` keeps, as `describe(loan)`, joined with '、'; nil
--- when none is kept.
function M.listed(list, ctx, test, describe)
  local found = {}
  for _, loan in ipairs(list) do
    if test(loan, ctx) then found[#found + 1] = describe(loan) end
  end
  if #found > 0 then return table.concat(found, '、') end
end

dixian.export('loan_status', M)
