-- Per-capita net income, the formula in common use (DOMAIN.md, "National rules behind the
-- seeds"): (wage + net operating + property + transfer income - production costs) / size.
-- An example module for the sandbox: `require("income")` from a plugin directory.
local M = {}

function M.net(household)
  return household.wage + household.operating + household.property + household.transfer
    - household.production_costs
end

function M.per_capita(household)
  assert(household.size and household.size > 0, "household size must be positive")
  return M.net(household) / household.size
end

function M.below(household, line)
  return M.per_capita(household) < line
end

return M
