-- Helpers for the tables of reports, shared with every county plugin (they extend this one):
-- dixian.import('report_tables'). Loaded before the other report files (name order).
local M = {}

--- The sum of field `field` over rows.
function M.sum(rows, field)
  local total = 0
  for _, row in ipairs(rows) do total = total + (row[field] or 0) end
  return total
end

--- The rows followed by a 合计 row: `label` under key `label_key`, the sum of each of `fields`.
function M.with_total(rows, label_key, fields, label)
  local out, total = {}, { [label_key] = label or '合计' }
  for i, row in ipairs(rows) do out[i] = row end
  for _, field in ipairs(fields) do total[field] = M.sum(rows, field) end
  out[#out + 1] = total
  return out
end

--- The first day of the month of date d.
function M.month_start(d)
  local y, m = dixian.date.parts(d)
  return string.format('%04d-%02d-01', y, m)
end

--- An amount in yuan, rounded to whole yuan (for tables officials add up).
function M.yuan(amount)
  return math.floor(amount + 0.5)
end

--- part / whole as a percentage with one decimal, or '—' when whole is 0.
function M.percent(part, whole)
  if whole == 0 then return '—' end
  return string.format('%.1f%%', part * 100 / whole)
end

dixian.export('report_tables', M)
