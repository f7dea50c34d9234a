-- Helpers shared by Minqin's checks and guards: reading the household view the way the
-- county's documents count things.
local M = {}

--- The latest yearly income before the assessment year (the last complete year), and its year.
function M.last_year_income(h, ctx)
  local best
  for year, income in pairs(h.incomes) do
    if year < ctx.year and (best == nil or year > best.year) then best = income end
  end
  return best
end

--- The episode that makes the household monitored now: the latest identified, not eliminated.
function M.open_episode(h)
  for i = #h.episodes, 1, -1 do
    local episode = h.episodes[i]
    if episode.status == 'identified' then return episode end
  end
  return nil
end

--- The latest episode, whatever its status.
function M.latest_episode(h)
  return h.episodes[#h.episodes]
end

--- Formats a yuan amount as officials write it (no decimals when whole).
function M.yuan(amount)
  if amount == math.floor(amount) then return string.format('%d元', math.floor(amount)) end
  return string.format('%.2f元', amount)
end

--- The names of the members for which `test(member)` holds, joined with 、.
function M.names(h, test)
  local names = {}
  for _, member in ipairs(h.members) do
    if test(member) then names[#names + 1] = member.name end
  end
  return table.concat(names, '、'), #names
end

--- A set from a comma-separated list.
function M.set(text)
  local set = {}
  for word in text:gmatch('[^,%s]+') do set[word] = true end
  return set
end

return M
