-- Working days. They are counted by the host's one calculator (CalendarDeclaration in Swift),
-- which specs, checks, deadlines and the due list all use, so a date gives one answer (or one
-- error) everywhere.
local date, working_days, charge = ...
local error = error

local calendar = {}

-- Instructions charged to the script's budget for each day the host steps through: about what
-- the same count cost in Lua, so that a loop of counts (or one over a calendar that lists
-- thousands of years) is stopped by the budget as it would be in Lua.
local INSTRUCTIONS_PER_DAY = 20

-- The date n working days after d in calendar `id`; an error (at `level`, a plugin line) when
-- the host cannot count them (a date beyond the years the calendar lists, an unknown calendar).
function calendar.add_working_days(d, n, id, level)
  local result, problem, days = working_days(d, n, id)
  charge(days * INSTRUCTIONS_PER_DAY)
  if result == nil then error(problem, level + 1) end
  return result
end
local add_working_days = calendar.add_working_days

--- dixian.date.add_working_days(d, n, calendar): the date n working days after d in
--- calendar `calendar` (its id; 'cn' when not given).
function date.add_working_days(d, n, id)
  local result = add_working_days(d, n, id or 'cn', 2)  -- not a tail call: level 2 must be this frame
  return result
end

return calendar
